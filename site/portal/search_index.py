"""What the core search index holds for the reference site's own pages, and when.

News and articles, standard pages, the introduction and the contact page go through the
core search (``plugins.core.search``) like the plugins' content, so the site-wide search
(:mod:`portal.site_search`) finds them. Only live pages without a view restriction are
indexed: a draft, a private page or a page's unpublished changes are never found. The
index is refreshed when a page is published, unpublished, moved or deleted, and when a view
restriction changes (the page and its descendants).
"""

from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from plugins.core.scoping import agency_for_page
from plugins.core.search import documents
from plugins.core.search.documents import SearchDocument


def _text(*parts):
    return " ".join(strip_tags(part or "") for part in parts if part)


def _document(page, summary, body, date=None, facets=None):
    if not page.live or page.get_view_restrictions().exists():
        return None
    agency = agency_for_page(page)
    if agency is None:  # a page outside every agency's site is no agency's content
        return None
    return SearchDocument(
        title=page.title, summary=summary, body=body, agency_id=agency.pk,
        date=date or (page.last_published_at.date() if page.last_published_at else None),
        facets=facets or {},
    )


def build_article(page):
    return _document(page, _text(page.summary, page.author_name),
                     _text(page.body, page.source), date=page.date,
                     facets={"topic": page.topic_id, "article_kind": page.kind})


def build_standard_page(page):
    return _document(page, _text(page.summary, page.search_description), _text(page.body))


def build_organisation_page(page):
    return _document(page, _text(page.intro, page.search_description),
                     _text(page.functions, page.history))


def build_contact_page(page):
    return _document(page, _text(page.intro, page.search_description),
                     _text(page.office_hours_note))


def builders():
    from portal.models import ArticlePage, ContactPage, OrganisationPage, StandardPage

    return {
        ArticlePage: build_article,
        StandardPage: build_standard_page,
        OrganisationPage: build_organisation_page,
        ContactPage: build_contact_page,
    }


def _indexed(page):
    """``page`` as its specific class when that class is one of the site's, else None."""
    models = tuple(builders())
    if isinstance(page, models):
        return page
    if type(page) is Page and page.specific_class in models:
        return page.specific
    return None


def on_published(sender, instance, **kwargs):
    page = _indexed(instance)
    if page is not None:
        documents.index(page)


def on_unpublished(sender, instance, **kwargs):
    page = _indexed(instance)
    if page is not None:
        documents.remove(page)


def on_deleted(sender, instance, **kwargs):
    documents.remove(instance)


def on_moved(sender, instance, **kwargs):
    """A page moved (to another agency's site, under a private page): its subtree again."""
    moved = Page.objects.filter(pk=instance.pk).first()  # its path as it is now
    if moved is not None:
        refresh_subtree(moved)


def on_restriction_changed(sender, instance, **kwargs):
    """A view restriction added or removed: the pages it covers are found or not."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        refresh_subtree(page)


def refresh_subtree(page):
    """Index again the site's pages at and below ``page`` (one query per page model)."""
    for model in builders():
        for found in model.objects.filter(path__startswith=page.path):
            documents.index(found)


def connect():
    for model, build in builders().items():
        documents.register(model, build)
        post_delete.connect(on_deleted, sender=model,
                            dispatch_uid=f"portal-search-deleted-{model._meta.model_name}")
    page_published.connect(on_published, dispatch_uid="portal-search-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="portal-search-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="portal-search-moved")
    for signal in (post_save, post_delete):
        signal.connect(on_restriction_changed, sender=PageViewRestriction,
                       dispatch_uid=f"portal-search-restriction-{id(signal)}")


def reindex_site_pages(context=None):
    """Index every page of the site's own kinds (the demo's last step; an upgrade runs
    ``manage.py rebuild_search_index``)."""
    total = 0
    for model in builders():
        total += documents.reindex(model.objects.all())
    if context is not None:
        context.log(f"  site pages indexed for the site-wide search: {total}")
    return total
