"""Keep the core search index and the date of the last update in step with the records."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from plugins.core.search import documents
from plugins.enterprises.models import Enterprise, Industry, Zone
from plugins.enterprises.register import brought_up_to_date

# Set by an import while it writes its rows: it indexes and dates them once, at its end.
_quiet = ContextVar("enterprises_quiet", default=False)


@contextmanager
def quietly():
    """Writes inside are neither indexed nor dated one by one (the caller does it)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


@receiver(post_save, sender=Enterprise)
def on_saved(sender, instance, raw=False, **kwargs):
    if raw or _quiet.get():
        return
    documents.index(instance)
    brought_up_to_date(instance.agency_id)


@receiver(post_delete, sender=Enterprise)
def on_deleted(sender, instance, origin=None, **kwargs):
    documents.remove(instance)
    # Only a deletion of enterprises dates the data (not its agency's deletion).
    started_here = isinstance(origin, Enterprise) or getattr(origin, "model", None) is Enterprise
    if started_here and not _quiet.get():
        brought_up_to_date(instance.agency_id)


@receiver(post_save, sender=Zone)
@receiver(post_save, sender=Industry)
def on_list_entry_renamed(sender, instance, created, raw=False, **kwargs):
    """The enterprises of a renamed zone or field are found by its new name."""
    if raw or created:
        return
    for enterprise in instance.enterprises.with_related():
        documents.index(enterprise)


@receiver(pre_delete, sender=Zone)
@receiver(pre_delete, sender=Industry)
def on_list_entry_deleting(sender, instance, **kwargs):
    instance._enterprise_ids = list(instance.enterprises.values_list("pk", flat=True))


@receiver(post_delete, sender=Zone)
@receiver(post_delete, sender=Industry)
def on_list_entry_deleted(sender, instance, **kwargs):
    """Its enterprises lost their zone or field (SET_NULL): their facets follow."""
    for enterprise in Enterprise.objects.filter(
            pk__in=getattr(instance, "_enterprise_ids", [])).with_related():
        documents.index(enterprise)
