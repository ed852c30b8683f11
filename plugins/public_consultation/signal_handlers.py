"""Keep the core search index in step with what is published (drafts never public), and
the sweep's record of each window."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from plugins.core.search import documents
from plugins.public_consultation.models import ConsultationPage
from plugins.public_consultation.services import mark_indexed, reopen_if_moved


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    if isinstance(instance, ConsultationPage):
        documents.index(instance)
        mark_indexed(instance)
        reopen_if_moved(instance)


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ConsultationPage):
        documents.remove(instance)


@receiver(post_delete, sender=ConsultationPage)
def on_deleted(sender, instance, **kwargs):
    documents.remove(instance)
