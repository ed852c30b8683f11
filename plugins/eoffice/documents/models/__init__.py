from plugins.eoffice.documents.models.choices import (
    IncomingState,
    OutgoingState,
    RegisterKind,
    Secrecy,
    SigningPrefix,
    Source,
    Urgency,
)
from plugins.eoffice.documents.models.dossiers import DossierState, Retention, WorkDossier
from plugins.eoffice.documents.models.incoming import (
    Assignment,
    AssignmentRole,
    IncomingDocument,
    IncomingFile,
)
from plugins.eoffice.documents.models.outgoing import (
    OutgoingDocument,
    OutgoingFile,
    OutgoingFileKind,
)
from plugins.eoffice.documents.models.registers import NumberCounter, Register
from plugins.eoffice.documents.models.steps import ProcessingStep, StepAction

__all__ = [
    "Assignment",
    "AssignmentRole",
    "DossierState",
    "IncomingDocument",
    "IncomingFile",
    "IncomingState",
    "NumberCounter",
    "OutgoingDocument",
    "OutgoingFile",
    "OutgoingFileKind",
    "OutgoingState",
    "ProcessingStep",
    "Register",
    "RegisterKind",
    "Retention",
    "Secrecy",
    "SigningPrefix",
    "Source",
    "StepAction",
    "Urgency",
    "WorkDossier",
]
