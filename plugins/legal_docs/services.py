"""What happens when legal documents are published, unpublished or age (status, index, text)."""


from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from plugins.core.search import documents as search_documents
from plugins.legal_docs import status as status_rules
from plugins.legal_docs.files import extract_text
from plugins.legal_docs.models import LegalDocumentPage, LegalRelation
from plugins.legal_docs.relations import CHANGES_STATUS

STATUS_CHANGED = "legal_docs.status_changed"


def today():
    return timezone.localdate()


def _changes(page):
    relations = (
        LegalRelation.objects.filter(target=page, page__live=True, kind__in=CHANGES_STATUS)
        .select_related("page")
    )
    return [
        status_rules.Change(
            kind=relation.kind, partial=relation.partial,
            effective_date=relation.page.effective_date or relation.page.issue_date,
            source=relation.page,
        )
        for relation in relations
    ]


def refresh_status(page, on=None):
    """Recompute ``page``'s validity status; log the change and its cause. True if changed."""
    verdict = status_rules.compute(
        page.effective_date, page.expiry_date, _changes(page), on or today(),
        override=page.status_override,
    )
    cause_id = verdict.cause.pk if verdict.cause is not None else None
    if verdict.status == page.status and cause_id == page.status_cause_id:
        return False
    old = page.status
    LegalDocumentPage.objects.filter(pk=page.pk).update(
        status=verdict.status, status_cause_id=cause_id
    )
    page.status, page.status_cause_id = verdict.status, cause_id
    log(
        instance=page, action=STATUS_CHANGED,
        data={
            "old": old, "new": str(verdict.status),
            "cause_id": cause_id,
            "cause": str(verdict.cause) if verdict.cause is not None else "",
        },
    )
    return True


def refresh_text(page):
    texts = [extract_text(f.document.file, f.document.filename)
             for f in page.files.select_related("document")]
    text = "\n".join(t for t in texts if t)
    if text != page.extracted_text:
        LegalDocumentPage.objects.filter(pk=page.pk).update(extracted_text=text)
        page.extracted_text = text


def _targets(page):
    return LegalDocumentPage.objects.filter(
        incoming_relations__page=page, incoming_relations__kind__in=CHANGES_STATUS
    ).distinct()


@transaction.atomic
def after_publish(page):
    refresh_text(page)
    refresh_status(page)
    search_documents.index(page)
    for target in _targets(page):
        refresh_status(target)
        search_documents.index(target)


@transaction.atomic
def after_unpublish(page):
    search_documents.remove(page)
    for target in _targets(page):
        refresh_status(target)
        search_documents.index(target)


def refresh_all(on=None):
    """Daily: statuses move with the dates (a document takes effect, one expires)."""
    changed = 0
    for page in LegalDocumentPage.objects.live().iterator():
        if refresh_status(page, on):
            search_documents.index(page)
            changed += 1
    return changed


def refresh_all_task():
    return refresh_all()



