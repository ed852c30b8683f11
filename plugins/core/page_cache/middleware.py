"""The page cache's middleware: answer from the cache, or make the page and keep it."""

from dataclasses import dataclass

from django.core.cache import caches
from django.http import HttpResponse

from plugins.core import page_cache
from plugins.core.page_cache import front, keys, policy, shared, tables, versions

# Every page depends on these, even when it found them in a process's memory (Wagtail
# keeps the sites' root paths in the cache; the core its agencies' sites).
ALWAYS_READ = frozenset({"wagtailcore_site", "wagtailcore_locale", "core_agency"})
HEADER = "X-Page-Cache"


@dataclass
class Entry:
    content: bytes
    status: int
    headers: list
    versions: dict  # {table: version} of every table the page read

    def is_current(self, known):
        return all(known.get(table) == version for table, version in self.versions.items())

    def response(self):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with shared.serving(request):
            return self._answer(request)

    def _answer(self, request):
        settings = page_cache.config()
        if not policy.is_skipped(request):
            shared.prime_site(request)
        if not settings["ENABLED"] or not policy.may_answer(request):
            return self.get_response(request)
        key = keys.key_for(request)
        known = shared.known_versions(request) if key else None
        if known is None:
            return self.get_response(request)
        cache = caches[settings["CACHE"]]
        entry = cache.get(key)
        if entry is not None and entry.is_current(known):
            response = entry.response()
            response[HEADER] = "hit"
            return response
        with tables.recording() as read:
            response = self.get_response(request)
        response[HEADER] = "miss"
        if policy.may_keep(request, response):
            read = (read | ALWAYS_READ) - tables.UNTRACKED
            self._keep(request, response, key, cache, known, read)
        return response

    def _keep(self, request, response, key, cache, known, read):
        untracked = read - known.keys()
        if untracked:
            # Written from now on; the next request's page can be kept.
            versions.start_tracking(untracked)
            return
        seconds = page_cache.lifetime(request)
        if seconds <= 0:
            return
        if front.enabled():
            front.remember(request.build_absolute_uri(), read)
            response["Cache-Control"] = f"public, max-age=0, s-maxage={seconds}"
        headers = [(name, value) for name, value in response.items() if name != HEADER]
        cache.set(key, Entry(response.content, response.status_code, headers,
                             {table: known[table] for table in read}), seconds)
