"""Check links: Wagtail's own without HTTP, outside ones politely over HTTP (R-SITE-8).

Outside links: http and https only; the host's addresses are looked up first and a link to
a loopback, private, link-local or otherwise reserved address is never fetched (nor is a
redirect to one), so that a page cannot make the server probe its own network. Each link
is asked with HEAD, then with GET when HEAD is refused (many servers answer HEAD badly),
with the checker's User-Agent and a timeout; two requests to the same host are spaced by
``SITE_HEALTH_HOST_DELAY`` seconds. robots.txt is not read: one request per link now and
then is what a visitor's browser does, not crawling.
"""

import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext_noop
from wagtail.documents import get_document_model
from wagtail.models import Page

from plugins.site_health.conf import setting
from plugins.site_health.extract import DOCUMENT_PREFIX, PAGE_PREFIX
from plugins.site_health.models import LinkStatus
from plugins.site_health.sites import root_paths

_NOT_PUBLISHED = gettext_noop("the page is not published")
# HTTP answers that say "try again later" rather than "this is gone".
_TEMPORARY = {408, 425, 429, 502, 503, 504}


@dataclass
class Result:
    status: str
    code: int | None = None
    message: str = ""


class RefusedAddress(urllib.error.URLError):
    pass


def _address_refused(hostname):
    """Why ``hostname`` must not be fetched, or "" when it may."""
    if setting("SITE_HEALTH_ALLOW_PRIVATE_ADDRESSES"):
        return ""
    try:
        infos = socket.getaddrinfo(hostname, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return ""  # not resolvable: the request itself reports it unreachable
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            return gettext_noop("private or reserved network address")
    return ""


def refusal(url):
    """Why ``url`` is not fetched (scheme or address), or ""."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return gettext_noop("only http and https addresses are checked")
    return _address_refused(parts.hostname)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        reason = refusal(newurl)
        if reason:
            raise RefusedAddress(gettext_noop("redirect to a refused address"))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_CheckedRedirects)


def _request(url, method):
    request = urllib.request.Request(url, method=method, headers={
        "User-Agent": setting("SITE_HEALTH_USER_AGENT"), "Accept": "*/*"})
    with _opener.open(request, timeout=setting("SITE_HEALTH_LINK_TIMEOUT")) as response:
        if method == "GET":
            response.read(1024)
        return response.status


def fetch(url):
    """The :class:`Result` of asking ``url`` (HEAD, then GET when HEAD fails)."""
    reason = refusal(url)
    if reason:
        return Result(LinkStatus.REFUSED, message=reason)
    try:
        try:
            code = _request(url, "HEAD")
        except urllib.error.HTTPError:
            code = _request(url, "GET")
    except RefusedAddress as error:
        return Result(LinkStatus.REFUSED, message=str(error.reason)[:255])
    except urllib.error.HTTPError as error:
        status = LinkStatus.UNREACHABLE if error.code in _TEMPORARY else LinkStatus.BROKEN
        return Result(status, error.code, str(error.reason)[:255])
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return Result(LinkStatus.UNREACHABLE, message=str(reason)[:255])
    return Result(LinkStatus.OK, code)


class Politeness:
    """Spaces the requests to one host by the configured delay."""

    def __init__(self, delay=None, clock=time.monotonic, sleep=time.sleep):
        self.delay = setting("SITE_HEALTH_HOST_DELAY") if delay is None else delay
        self.clock, self.sleep = clock, sleep
        self.last = {}

    def wait_for(self, url):
        host = (urlsplit(url).hostname or "").lower()
        if host in self.last:
            remaining = self.last[host] + self.delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self.last[host] = self.clock()


# Internal links: no HTTP, the database says whether the target exists and is live.

def check_internal(links):
    """{link pk: Result} for internal links (a few queries for the whole batch)."""
    page_ids, document_ids, paths = {}, {}, {}
    for link in links:
        if link.url.startswith(PAGE_PREFIX):
            page_ids[link.pk] = int(link.url.removeprefix(PAGE_PREFIX))
        elif link.url.startswith(DOCUMENT_PREFIX):
            document_ids[link.pk] = int(link.url.removeprefix(DOCUMENT_PREFIX))
        else:
            paths[link.pk] = (link.agency_id, link.url)
    pages = dict(Page.objects.filter(pk__in=page_ids.values()).values_list("pk", "live"))
    documents = set(get_document_model().objects.filter(pk__in=document_ids.values())
                    .values_list("pk", flat=True))
    results = {}
    for pk, page_id in page_ids.items():
        if page_id not in pages:
            results[pk] = Result(LinkStatus.BROKEN, message=gettext_noop("the page was deleted"))
        elif not pages[page_id]:
            results[pk] = Result(LinkStatus.BROKEN, message=_NOT_PUBLISHED)
        else:
            results[pk] = Result(LinkStatus.OK)
    for pk, document_id in document_ids.items():
        results[pk] = Result(LinkStatus.OK) if document_id in documents else Result(
            LinkStatus.BROKEN, message=gettext_noop("the document was deleted"))
    results.update(_check_paths(paths))
    return results


def _check_paths(paths):
    """Links like ``/gioi-thieu/``: a live page of the agency's site at that address, a
    document's download address, or another address of this installation (a report,
    the sitemap)."""
    from django.urls import Resolver404, resolve

    if not paths:
        return {}
    roots = root_paths({agency_id for agency_id, _ in paths.values()})
    root_url_paths = dict(Page.objects.filter(
        path__in=[p for ps in roots.values() for p in ps]).values_list("path", "url_path"))
    results = {}
    for pk, (agency_id, address) in paths.items():
        path = _without_language(urlsplit(address).path)
        wanted = [root_url_paths[root] + path.strip("/") + ("/" if path.strip("/") else "")
                  for root in roots.get(agency_id, []) if root in root_url_paths]
        found = list(Page.objects.filter(url_path__in=wanted).values_list("live", flat=True))
        if any(found):
            results[pk] = Result(LinkStatus.OK)
            continue
        if found:
            results[pk] = Result(LinkStatus.BROKEN, message=_NOT_PUBLISHED)
            continue
        try:
            match = resolve(path)
        except Resolver404:
            match = None
        if match is not None and match.url_name not in ("wagtail_serve", None):
            results[pk] = _check_resolved(match)
        else:
            results[pk] = Result(LinkStatus.BROKEN, message=gettext_noop("no page at this address"))
    return results


def _without_language(path):
    """``/en/gioi-thieu/`` → ``/gioi-thieu/``: the English tree's pages have the same
    place under their own root (R-ED-16)."""
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and path.startswith(f"/{code}/"):
            return path[len(code) + 1:]
    return path


def _check_resolved(match):
    if match.url_name == "wagtaildocs_serve":
        exists = get_document_model().objects.filter(pk=match.kwargs.get("document_id")).exists()
        return Result(LinkStatus.OK) if exists else Result(
            LinkStatus.BROKEN, message=gettext_noop("the document was deleted"))
    return Result(LinkStatus.OK)
