"""Public areas that plugins add to a site, for the home page's quick links.

A plugin registers its index page type once (``register("legal_docs.LegalDocumentIndexPage",
_("Legal documents"), icon="doc")``); the home page links to the live page of each
registered type found under it, with one query whatever the number of areas.
"""

from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class Area:
    page_type: str
    label: str
    icon: str
    order: int
    description: str = ""


@dataclass(frozen=True)
class AreaLink:
    area: Area
    page: object


_areas = {}


def register(page_type, label, icon="arrow-right", order=100, description=""):
    """``description``: what a visitor finds there, shown under the page's title on the
    home page (a tile that only repeated its title said nothing)."""
    _areas[page_type] = Area(page_type, label, icon, order, description)


def registered():
    return sorted(_areas.values(), key=lambda area: (area.order, area.page_type))


def links_for(root_page):
    """The first live page of each registered area type under ``root_page``."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from plugins.core.page_cache import restrictions

    models_by_area = {}
    for area in registered():
        try:
            models_by_area[area] = apps.get_model(area.page_type)
        except LookupError:
            continue
    if not models_by_area:
        return []
    content_types = ContentType.objects.get_for_models(*models_by_area.values())
    pages = (
        restrictions.public(Page.objects.live()).descendant_of(root_page)
        .filter(content_type__in=content_types.values())
        .order_by("path")
    )
    first_by_type = {}
    for page in pages:
        first_by_type.setdefault(page.content_type_id, page)
    links = []
    for area, model in models_by_area.items():
        page = first_by_type.get(content_types[model].pk)
        if page is not None:
            links.append(AreaLink(area, page))
    return links
