"""Documents an agency issues, offered to whichever plugin publishes them.

A plugin that issues official documents (the e-office) does not know whether a plugin that
publishes them (the legal library) is installed, and must not import it. It calls
:func:`offer` with an :class:`IssuedDocument`; after the transaction commits,
:data:`document_issued` is sent to every receiver connected. A receiver that fails is
logged and does not undo the issue, nor stop the other receivers.

    from plugins.core.issued_documents import document_issued

    @receiver(document_issued)
    def draft_it(sender, document, **kwargs): ...
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent with ``document`` (an IssuedDocument) after the issuing transaction commits.
document_issued = Signal()


@dataclass(frozen=True)
class IssuedFile:
    name: str
    open: object  # a callable giving a readable binary file


@dataclass(frozen=True)
class IssuedDocument:
    agency: object  # core.Agency
    number: str  # 15/2026/QĐ-BQL
    type_code: str  # QĐ, CT, … ("" for an official letter)
    subject: str  # trích yếu
    issue_date: datetime.date
    is_normative: bool
    signer_name: str = ""
    signer_title: str = ""  # with its prefix: KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN
    issued_by: object = None  # the user who issued it
    files: tuple[IssuedFile, ...] = field(default_factory=tuple)
    source: str = ""  # where it comes from, e.g. "eoffice_documents.outgoingdocument:12"


def offer(document, sender=None):
    """Send :data:`document_issued` for ``document`` once the current transaction commits
    (at once outside one)."""

    def send():
        for receiver, outcome in document_issued.send_robust(sender=sender, document=document):
            if isinstance(outcome, Exception):
                logger.error("document_issued: %s failed for %s", receiver, document.number,
                             exc_info=(type(outcome), outcome, outcome.__traceback__))

    transaction.on_commit(send)
