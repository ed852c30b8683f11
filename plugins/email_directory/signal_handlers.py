"""Keep the search index and core's email fields in step with the directory and with the
core records it shows (a change of title, unit or name shows everywhere at once)."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from plugins.core.models import Position, Unit
from plugins.core.search import documents
from plugins.email_directory import sync
from plugins.email_directory.models import DirectoryEntry, Mailbox
from plugins.email_directory.search_index import reindex_units


@receiver(post_save, sender=DirectoryEntry)
def entry_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    documents.index(instance)
    mailbox = Mailbox.objects.filter(person=instance).first()
    if mailbox is not None:
        sync.mirror(mailbox)  # the entry may have been tied to a position just now


@receiver(pre_delete, sender=DirectoryEntry)
def entry_deleting(sender, instance, **kwargs):
    # The person's mailbox outlives the entry, closed: its address is never given again.
    Mailbox.objects.filter(person=instance).update(is_active=False, display_name=instance.name)
    for mailbox in Mailbox.objects.filter(person=instance):
        sync.mirror(mailbox)


@receiver(post_delete, sender=DirectoryEntry)
def entry_deleted(sender, instance, **kwargs):
    documents.remove(instance)


@receiver(post_save, sender=Mailbox)
def mailbox_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    sync.mirror(instance)
    documents.index(instance)
    if instance.person_id:
        documents.index(instance.person)  # the address is part of the person's words


@receiver(post_delete, sender=Mailbox)
def mailbox_deleted(sender, instance, **kwargs):
    sync.forget(instance)
    documents.remove(instance)


@receiver(post_save, sender=Position)
def position_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    entry = DirectoryEntry.objects.filter(position=instance).with_related().first()
    if entry is not None:
        documents.index(entry)


@receiver(post_save, sender=Unit)
def unit_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        reindex_units(instance)


@receiver(post_save, sender=get_user_model())
def user_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    for entry in DirectoryEntry.objects.filter(position__user=instance).with_related():
        documents.index(entry)


@receiver(pre_delete, sender=Position)
def position_deleting(sender, instance, **kwargs):
    """The entry outlives the position: it keeps the last values core had for the person."""
    entry = DirectoryEntry.objects.filter(position=instance).first()
    if entry is None:
        return
    DirectoryEntry.objects.filter(pk=entry.pk).update(
        position=None, full_name=entry.name, title=instance.title, unit=instance.unit_id,
        is_leader=instance.is_leader, phone=entry.phone or instance.phone,
        duties=instance.duties,
    )
