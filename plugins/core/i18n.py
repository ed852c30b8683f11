"""Content languages (R-ED-16): Vietnamese pages, and optional English versions of them.

Wagtail keeps each language's pages in their own tree, the translations of one page linked
by ``translation_key``. What the plugins need on top of it:

- :func:`page_language` — a page's language code without a query per page (the locales
  are few and change almost never; the map is dropped when one is saved);
- :data:`LANGUAGE_FACET` and :func:`language_facets` — the search index keeps each page's
  language as a facet, so a library lists its own language's pages. Entries made before
  the facet existed have none: they count as the default language's, so an index built
  by an older version keeps working until ``rebuild_search_index``.
"""

import functools

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant

LANGUAGE_FACET = "locale"
_CODES = {}


def default_language():
    """The language code of the main content language (Vietnamese on the reference site)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def content_languages():
    return list(get_content_languages())


def page_language(page):
    """The language code of ``page``'s locale (no query once the locales are known)."""
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return default_language()
    if locale_id not in _CODES:
        from wagtail.models import Locale

        _CODES.clear()
        _CODES.update(Locale.objects.values_list("pk", "language_code"))
    return _CODES.get(locale_id, default_language())


def forget_locales(**kwargs):
    _CODES.clear()


def language_facets(language):
    """``(required, excluded)`` facet filters that keep the entries of ``language``.

    The default language's listing excludes the other languages rather than requiring its
    own, so that entries indexed before the language facet existed stay found.
    """
    if not language:
        return {}, {}
    if language == default_language():
        others = [code for code in content_languages() if code != language]
        return {}, ({LANGUAGE_FACET: others} if others else {})
    return {LANGUAGE_FACET: [language]}, {}


def on_translation_copied(sender, source_obj, target_obj, **kwargs):
    """A site's home translated: the agency's staff get the same rights on the new tree."""
    from wagtail.models import Page

    from plugins.core.models import Agency
    from plugins.core.roles import sync_agency_roles

    if not isinstance(source_obj, Page):
        return
    for agency in Agency.objects.filter(site__root_page_id=source_obj.pk).select_related("site"):
        sync_agency_roles(agency)


def connect():
    from wagtail.models import Locale
    from wagtail.signals import copy_for_translation_done

    for signal in (post_save, post_delete):
        signal.connect(forget_locales, sender=Locale,
                       dispatch_uid=f"core-forget-locales-{id(signal)}")
    copy_for_translation_done.connect(on_translation_copied,
                                      dispatch_uid="core-translated-site-root")


@functools.cache
def _translation_fields():
    """What a translation's URL needs, in the order of the page's fields (``from_db``'s)."""
    from wagtail.models import Page

    wanted = {"id", "url_path", "locale_id", "path", "depth", "translation_key"}
    return tuple(f.attname for f in Page._meta.concrete_fields if f.attname in wanted)


def language_versions(page, request, homes=None):
    """The versions of ``page`` in the content languages, for a language switcher and the
    ``hreflang`` links: ``[{"code", "name", "url", "is_current", "is_translation"}, …]``.

    A language is listed when ``page`` has a live translation in it (``is_translation``),
    or else when that language has a home page (``homes``: code → URL), which the link
    then opens. One query: the page's live translations (none while they are in memory and
    no page changed: :mod:`plugins.core.page_cache.shared`).
    """
    from django.utils import translation
    from wagtail.models import Page

    from plugins.core.page_cache.shared import remember_value

    current = translation.get_language()
    urls = {}
    if page is not None and getattr(page, "translation_key", None) and page.pk:
        urls[page_language(page)] = page.get_url(request)
        rows = remember_value(request, ("translations", page.pk), lambda: tuple(
            Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
            .live().order_by("path").values_list(*_translation_fields())))
        for row in rows:
            other = Page.from_db(None, _translation_fields(), row)
            urls.setdefault(page_language(other), other.get_url(request))
    versions = []
    for code, name in get_content_languages().items():
        url, is_translation = urls.get(code), code in urls
        if url is None:
            url = (homes or {}).get(code)
        if url is None:
            continue
        versions.append({"code": code, "name": name, "url": url, "is_current": code == current,
                         "is_translation": is_translation})
    return versions


class LocaleCopyMixin(models.Model):
    """A copy of the page's locale in the page type's own table.

    ``Page.locale`` lives in ``wagtailcore_page``; a database constraint of a page type
    (a document number unique per agency *and language*, so that the English version keeps
    the Vietnamese one's number: R-ED-16) can only name the type's own columns.
    """

    page_locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), null=True, blank=True,
        editable=False, on_delete=models.PROTECT, related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.locale_id is not None:
            self.page_locale_id = self.locale_id
        return super().save(*args, **kwargs)

    def _set_core_field_defaults(self):  # Wagtail's step before validating and saving
        super()._set_core_field_defaults()
        self.page_locale_id = self.locale_id
