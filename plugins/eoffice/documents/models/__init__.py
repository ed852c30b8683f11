from plugins.eoffice.documents.models.choices import (
    IncomingState,
    OutgoingState,
    RegisterKind,
    Secrecy,
    SigningPrefix,
    Source,
    Urgency,
)
from plugins.eoffice.documents.models.delegation import Delegation
from plugins.eoffice.documents.models.dossiers import DossierState, Retention, WorkDossier
from plugins.eoffice.documents.models.incoming import (
    Assignment,
    AssignmentRole,
    IncomingDocument,
    IncomingFile,
)
from plugins.eoffice.documents.models.outage import OutageEntry
from plugins.eoffice.documents.models.outgoing import (
    OutgoingDocument,
    OutgoingFile,
    OutgoingFileKind,
)
from plugins.eoffice.documents.models.registers import NumberCounter, Register
from plugins.eoffice.documents.models.reminders import Reminder, ReminderKind
from plugins.eoffice.documents.models.steps import ProcessingStep, StepAction

__all__ = [
    "Assignment",
    "AssignmentRole",
    "Delegation",
    "DossierState",
    "IncomingDocument",
    "IncomingFile",
    "IncomingState",
    "NumberCounter",
    "OutgoingDocument",
    "OutgoingFile",
    "OutgoingFileKind",
    "OutgoingState",
    "OutageEntry",
    "ProcessingStep",
    "Register",
    "RegisterKind",
    "Reminder",
    "ReminderKind",
    "Retention",
    "Secrecy",
    "SigningPrefix",
    "Source",
    "StepAction",
    "Urgency",
    "WorkDossier",
]
