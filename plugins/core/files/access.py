"""Who may download a document (R-LD-6, R-SEC-2).

Wagtail serves every document to anyone who knows its URL. Here a document is public only
while a page that is live and public (no view restriction) uses it, and no page that
withholds its files uses it: a legal document marked secret never lets its files out, even
when another page links them. Everyone else's files stay inside the agency: staff may
download a document when they may use their agency's collection that holds it, or edit a
page that uses it; superusers may download every document.

"Uses" is Wagtail's reference index: a document chosen in a page's fields, its inline files,
its StreamField blocks or linked from its rich text. A page reflects its published content
(a draft's new file is not public before the draft is published); the index of a page is
brought up to date in the same request that publishes or unpublishes it
(:func:`refresh_references`), not only when the background worker gets to it.

A plugin whose pages may hold files that must never be public registers them::

    from plugins.core.files.access import withhold_files_of
    withhold_files_of(lambda: MyPage.objects.filter(secret=True))
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

_withholding = []

# What staff may do with a document of their collection that lets them download it too.
COLLECTION_ACTIONS = ("add", "change", "choose", "delete")


def withhold_files_of(pages):
    """Register ``pages``, a callable returning a queryset of pages whose files are never
    public (their editors still download them)."""
    _withholding.append(pages)


def _withheld_page_ids():
    """The ids of the pages whose files are never public (one query per registration)."""
    ids = set()
    for pages in _withholding:
        ids.update(pages().order_by().values_list("pk", flat=True))
    return ids


def _references_from_pages():
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
    )


def _as_text(pages):
    return pages.order_by().annotate(pk_text=Cast("pk", CharField())).values("pk_text")


def public_documents(documents=None, pages=None):
    """The documents of ``documents`` (every document by default) that the public may
    download; ``pages`` narrows the pages that count (a site's, for instance)."""
    documents = get_document_model().objects.all() if documents is None else documents
    shown = Page.objects.live().public() if pages is None else pages.live().public()
    references = _references_from_pages()
    withheld_ids = [str(pk) for pk in _withheld_page_ids()]
    shown_ids = references.filter(object_id__in=_as_text(shown)).values("to_object_id")
    hidden_ids = references.filter(object_id__in=withheld_ids).values("to_object_id")
    return (documents.annotate(pk_text=Cast("pk", CharField()))
            .filter(pk_text__in=shown_ids).exclude(pk_text__in=hidden_ids))


def pages_using(document):
    """The pages (any state) whose content uses ``document``."""
    ids = _references_from_pages().filter(to_object_id=str(document.pk)).values_list(
        "object_id", flat=True)
    return Page.objects.filter(pk__in=[int(pk) for pk in ids])


def is_public(document, pages=None):
    """Whether the public may download ``document`` (``pages``: :func:`pages_using`)."""
    pages = pages_using(document) if pages is None else pages
    ids = {page.pk for page in pages}
    if not ids or ids & _withheld_page_ids():
        return False
    return Page.objects.filter(pk__in=ids).live().public().exists()


def staff_may_download(user, document, pages=None):
    """Whether ``user`` works with ``document``: through their agency's collection, or as
    an editor of a page that uses it."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(type(document))
    if policy.user_has_any_permission_for_instance(user, COLLECTION_ACTIONS, document):
        return True
    pages = pages_using(document) if pages is None else pages
    return any(page.permissions_for_user(user).can_edit() for page in pages.specific())


def may_download(user, document):
    pages = pages_using(document)
    return is_public(document, pages) or staff_may_download(user, document, pages)


def refresh_references(page):
    """Bring ``page``'s entries of the reference index up to date now (the background
    update may come seconds later)."""
    if ReferenceIndex.is_indexed(type(page)) or ReferenceIndex.is_indexed(type(page.specific)):
        ReferenceIndex.create_or_update_for_object(page.specific)
