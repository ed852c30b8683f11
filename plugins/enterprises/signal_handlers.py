"""Keep the core search index and the date of the last update in step with the records."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save
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
