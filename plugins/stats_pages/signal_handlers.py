from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from plugins.core.search import documents
from plugins.stats_pages.models import StatisticsPage


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    if isinstance(instance, StatisticsPage):
        documents.index(instance)


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, StatisticsPage):
        documents.remove(instance)


@receiver(post_delete, sender=StatisticsPage)
def on_deleted(sender, instance, **kwargs):
    documents.remove(instance)
