from plugins.procedures.models.downloads import FormDownload
from plugins.procedures.models.index import ProcedureIndexPage
from plugins.procedures.models.procedures import LegalBasis, ProcedurePage, TimeOption
from plugins.procedures.models.taxonomy import ProcedureField

__all__ = [
    "FormDownload",
    "LegalBasis",
    "ProcedureField",
    "ProcedureIndexPage",
    "ProcedurePage",
    "TimeOption",
]
