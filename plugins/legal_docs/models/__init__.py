from plugins.legal_docs.models.documents import (
    DownloadCount,
    FileKind,
    LegalDocumentFile,
    LegalDocumentPage,
    LegalRelation,
    Secrecy,
)
from plugins.legal_docs.models.index import LegalDocumentIndexPage
from plugins.legal_docs.models.settings import LegalDocsSettings
from plugins.legal_docs.models.taxonomy import DocumentType, IssuerLevel, IssuingBody, LegalField

__all__ = [
    "DocumentType",
    "DownloadCount",
    "FileKind",
    "IssuerLevel",
    "IssuingBody",
    "LegalDocsSettings",
    "LegalDocumentFile",
    "LegalDocumentIndexPage",
    "LegalDocumentPage",
    "LegalField",
    "LegalRelation",
    "Secrecy",
]
