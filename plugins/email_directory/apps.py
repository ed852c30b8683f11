from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmailDirectoryConfig(AppConfig):
    name = "plugins.email_directory"
    label = "email_directory"
    verbose_name = _("Email directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import areas, demo
        from plugins.core.roles import ALL_ROLES, Role, grant
        from plugins.core.search import documents
        from plugins.email_directory import signal_handlers  # noqa: F401
        from plugins.email_directory.demo import load_directory_demo
        from plugins.email_directory.models import DirectoryEntry, Mailbox
        from plugins.email_directory.search_index import build_entry, build_mailbox

        register_policies()
        documents.register(DirectoryEntry, build_entry)
        documents.register(Mailbox, build_mailbox)
        demo.register("email_directory", load_directory_demo, order=30)
        areas.register("email_directory.DirectoryPage", _("Email directory"), icon="mail",
                       order=40,
                       description=_("Official email addresses and phone numbers of the staff"))
        models = ("directoryentry", "mailbox", "mailboxhandover", "addresspolicy")
        # R-EM-5: everyone in the agency reads the directory; the IT unit keeps it.
        for role in ALL_ROLES:
            grant(role, *(f"email_directory.view_{model}" for model in models))
        grant(Role.IT_ADMIN, *(f"email_directory.{action}_{model}"
                               for model in models for action in ("add", "change", "delete")))
        # Seed 003 Đ7.2: a unit's head has the unit mailbox handed over.
        grant(Role.UNIT_LEADER, "email_directory.add_mailboxhandover")


def register_policies():
    """R-EM-5: writes need the IT role in the record's agency (see permissions.py)."""
    from wagtail.permissions import register_permission_policy

    from plugins.email_directory.models import (
        AddressPolicy,
        DirectoryEntry,
        Mailbox,
        MailboxHandover,
    )
    from plugins.email_directory.permissions import (
        DirectoryPermissionPolicy,
        HandoverPermissionPolicy,
    )

    for model in (DirectoryEntry, Mailbox, AddressPolicy):
        register_permission_policy(model, DirectoryPermissionPolicy(model))
    register_permission_policy(MailboxHandover, HandoverPermissionPolicy(MailboxHandover))
