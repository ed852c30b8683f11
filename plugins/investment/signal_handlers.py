"""Keep the core search index in step with what is published (drafts never public)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from plugins.core.search import documents
from plugins.investment.models import NoticePage, ProjectPage

INDEXED = (ProjectPage, NoticePage)


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    if isinstance(instance, INDEXED):
        documents.index(instance)


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, INDEXED):
        documents.remove(instance)


@receiver(post_delete, sender=ProjectPage)
@receiver(post_delete, sender=NoticePage)
def on_deleted(sender, instance, **kwargs):
    documents.remove(instance)
