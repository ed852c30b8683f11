from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from plugins.core.search import documents
from plugins.procedures.models import ProcedurePage


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    if isinstance(instance, ProcedurePage):
        documents.index(instance)


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ProcedurePage):
        documents.remove(instance)


@receiver(post_delete, sender=ProcedurePage)
def on_deleted(sender, instance, **kwargs):
    documents.remove(instance)
