from plugins.email_directory.models.entries import DirectoryEntry
from plugins.email_directory.models.handovers import HandoverStatus, MailboxHandover
from plugins.email_directory.models.mailboxes import Mailbox, MailboxKind
from plugins.email_directory.models.page import DirectoryPage
from plugins.email_directory.models.policy import AddressPolicy

__all__ = [
    "AddressPolicy",
    "DirectoryEntry",
    "DirectoryPage",
    "HandoverStatus",
    "Mailbox",
    "MailboxHandover",
    "MailboxKind",
]
