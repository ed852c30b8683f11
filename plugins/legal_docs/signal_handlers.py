from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from plugins.core.issued_documents import document_issued
from plugins.legal_docs.models import LegalDocumentPage


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    if isinstance(instance, LegalDocumentPage):
        from plugins.legal_docs.services import after_publish

        after_publish(instance)


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, LegalDocumentPage):
        from plugins.legal_docs.services import after_unpublish

        after_unpublish(instance)


@receiver(post_delete, sender=LegalDocumentPage)
def on_deleted(sender, instance, **kwargs):
    from plugins.core.search.documents import remove

    remove(instance)


@receiver(document_issued)
def on_document_issued(sender, document, **kwargs):
    """A normative document issued in an office plugin becomes a draft of the library."""
    if document.is_normative:
        from plugins.legal_docs.from_office import draft_from_issued

        draft_from_issued(document)
