"""Keep the core search index in step with what is public (drafts never public): a page
published, unpublished, deleted, moved, or covered by a view restriction added or removed."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

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


def refresh_subtree(page):
    """Index again the projects and notices at and below ``page`` (a query per model)."""
    for model in INDEXED:
        for found in model.objects.filter(path__startswith=page.path):
            documents.index(found)


@receiver(post_page_move)
def on_moved(sender, instance, **kwargs):
    moved = Page.objects.filter(pk=instance.pk).first()  # its path as it is now
    if moved is not None:
        refresh_subtree(moved)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        refresh_subtree(page)
