"""A procedure's data between the outside world and the page.

:class:`ProcedureData` is what every import reads (the national JSON, the XLSX workbook)
and what the exports write: plain values, checked, in the national database's structure.
:func:`from_page` reads a page into it; :func:`apply` writes it onto a page.
"""

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from plugins.core.text import fold, nfc
from plugins.procedures.blocks import MAX_AMOUNT, MAX_DURATION
from plugins.procedures.choices import Channel, Level, OnlineLevel, Status, TimeUnit


@dataclass
class Paper:
    name: str
    code: str = ""
    originals: int = 1
    copies: int = 0
    form_name: str = ""  # TENMAUDON
    form_url: str = ""  # URL
    form_files: list = field(default_factory=list)  # file names to attach (XLSX column)


@dataclass
class ProcedureData:
    code: str
    title: str
    levels: list = field(default_factory=list)
    procedure_type: str = ""
    fields: list = field(default_factory=list)  # [(code, name)]
    steps: list = field(default_factory=list)  # [{"case": str, "steps": [str]}]
    channels: list = field(default_factory=list)  # [{"channel": int, "times": [...]}]
    dossier: list = field(default_factory=list)  # [{"case": str, "papers": [Paper]}]
    applicants: str = ""
    implementing_body: str = ""
    competent_body: str = ""
    receiving_address: str = ""
    results: list = field(default_factory=list)  # [(code, name)]
    legal_basis: list = field(default_factory=list)  # [(number, title)]
    requirements: str = ""
    related_codes: list = field(default_factory=list)
    announcing_decision: str = ""
    # Not in the national record; carried by the XLSX workbook.
    extra: dict = field(default_factory=dict)

    def fingerprint(self, file_hashes=()):
        """Equal for equal data (and equal form files): an unchanged record is skipped."""
        payload = json.dumps([asdict(self), sorted(file_hashes)], sort_keys=True, default=str,
                             ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()


# --- reading values --------------------------------------------------------------------

_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def parse_number(value):
    """A non-negative Decimal from a number or text (``15``, ``0,5``, ``1.500.000``);
    ``None`` for empty; ValueError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
    else:
        text = str(value).strip().replace(" ", "")
        if _THOUSANDS.match(text):
            text = text.replace(".", "")
        text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(value) from None
    if not number.is_finite() or number < 0:
        raise ValueError(value)
    return number




class OutOfRange(ValueError):
    """A number too large for the field that keeps it; ``message`` says the limit."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def parse_amount(value):
    """A fee (``1.500.000``, ``0``) as a Decimal, at most :data:`MAX_AMOUNT`; ``None`` for
    empty; ValueError otherwise (:class:`OutOfRange` when it is too large)."""
    number = parse_number(value)
    if number is not None and number > MAX_AMOUNT:
        raise OutOfRange(amount_too_large())
    return number


def parse_duration(value):
    """A processing time (``15``, ``0,5``), at most :data:`MAX_DURATION`; ``None`` for empty;
    ValueError otherwise (:class:`OutOfRange` when it is too large)."""
    number = parse_number(value)
    if number is not None and number > MAX_DURATION:
        raise OutOfRange(_("the processing time is larger than %(limit)s")
                         % {"limit": "999999,99"})
    return number


def amount_too_large():
    return _("the amount is larger than the largest fee allowed (%(digits)s digits)") % {
        "digits": 15}


def shown(value, limit=40):
    """A raw value as quoted in a message: at most ``limit`` characters."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}…"


def parse_count(value, default):
    """A whole number of copies (``1``, ``"02"``); ``default`` for empty; ValueError else."""
    number = parse_number(value)
    if number is None:
        return default
    if number != number.to_integral_value() or number > 1000:
        raise ValueError(value)
    return int(number)


_LEVEL_WORDS = [
    (("bo", "trung uong", "central"), Level.CENTRAL),
    (("tinh", "province", "provincial"), Level.PROVINCE),
    (("huyen", "district"), Level.DISTRICT),
    (("xa", "commune"), Level.COMMUNE),
]


def parse_levels(value):
    """CAPTHUCHIEN text (``Cấp Tỉnh, Cấp Huyện``) or list → level codes; ValueError with the
    unknown part."""
    parts = value if isinstance(value, list) else re.split(r"[,;\n]+", str(value or ""))
    levels = []
    for part in parts:
        if not isinstance(part, str):
            raise ValueError(part)
        words = fold(part).replace("cap ", " ").strip()
        if not words:
            continue
        found = next((level for names, level in _LEVEL_WORDS if words in names
                      or words in (level.value, fold(str(level.label)))), None)
        if found is None:
            raise ValueError(part)
        if found not in levels:
            levels.append(found)
    return levels


_UNITS = {
    "ngay lam viec": TimeUnit.WORKING_DAYS, "working days": TimeUnit.WORKING_DAYS,
    "working_days": TimeUnit.WORKING_DAYS,
    "ngay": TimeUnit.DAYS, "days": TimeUnit.DAYS, "ngay ke tu ngay nhan ho so": TimeUnit.DAYS,
    "gio": TimeUnit.HOURS, "gio lam viec": TimeUnit.HOURS, "hours": TimeUnit.HOURS,
    "working hours": TimeUnit.HOURS,
}
UNIT_NAMES = {TimeUnit.WORKING_DAYS: "Ngày làm việc", TimeUnit.DAYS: "Ngày",
              TimeUnit.HOURS: "Giờ làm việc"}


def parse_unit(value):
    unit = _UNITS.get(" ".join(fold(str(value or "")).split()))
    if unit is None:
        raise ValueError(value)
    return unit


_CHANNEL_WORDS = {
    "truc tiep": Channel.IN_PERSON, "in person": Channel.IN_PERSON,
    "truc tuyen": Channel.ONLINE, "online": Channel.ONLINE,
    "dich vu buu chinh": Channel.POST, "buu chinh": Channel.POST, "by post": Channel.POST,
    "post": Channel.POST,
}
CHANNEL_NAMES = {Channel.IN_PERSON: "Trực tiếp", Channel.ONLINE: "Trực tuyến",
                 Channel.POST: "Dịch vụ bưu chính"}


def parse_channel(value):
    """KENH: 1, 2, 3 (or their names) → a Channel; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        number = int(value)
        if number in Channel.values:
            return number
        raise ValueError(value)
    found = _CHANNEL_WORDS.get(" ".join(fold(str(value or "")).split()))
    if found is None:
        raise ValueError(value)
    return int(found)


def split_list(text):
    return [nfc(part.strip()) for part in re.split(r"[;\n]+", str(text or "")) if part.strip()]


# --- a page's data ---------------------------------------------------------------------

def _items(raw):
    """The values of a ListBlock's raw data, in either of Wagtail's stored formats."""
    return [item["value"] if isinstance(item, dict) and item.get("type") == "item"
            and "value" in item else item for item in raw or []]


def raw_document_ids(page):
    """The ids of the form files a page's dossier names, read without loading them."""
    return [doc_id for block in page.dossier.raw_data for paper in _items(
        block["value"].get("papers")) for doc_id in _items(paper.get("forms")) if doc_id]


def form_documents(pages):
    """Every form file of ``pages`` in one query: {id: Document}."""
    ids = {doc_id for page in pages for doc_id in raw_document_ids(page)}
    return get_document_model().objects.in_bulk(ids) if ids else {}


def _raw_dossier(page, documents, document_url):
    cases = []
    for block in page.dossier.raw_data:
        papers = []
        for paper in _items(block["value"].get("papers")):
            files = [documents[i] for i in _items(paper.get("forms")) if i in documents]
            form_url = paper.get("form_url") or ""
            if not form_url and files and document_url is not None:
                form_url = document_url(files[0])
            papers.append(Paper(
                name=paper.get("name") or "", code=paper.get("code") or "",
                originals=int(paper.get("originals") or 0), copies=int(paper.get("copies") or 0),
                form_name=paper.get("form_name") or "", form_url=form_url,
                form_files=[document.filename for document in files],
            ))
        cases.append({"case": block["value"].get("case") or "", "papers": papers})
    return cases


def from_page(page, document_url=None, documents=None):
    """The :class:`ProcedureData` of a procedure page (for the exports). ``documents`` are
    the form files by id (:func:`form_documents` of a whole list, so a list costs one
    query); ``document_url`` gives a form file's address for papers without a national URL.
    """
    if documents is None:
        documents = form_documents([page])
    officer = page.receiving_officer
    return ProcedureData(
        code=page.code, title=page.title, levels=list(page.levels or []),
        procedure_type=page.procedure_type,
        fields=[(f.code, f.name) for f in page.procedure_fields.all()],
        steps=[{"case": block.value["case"], "steps": list(block.value["steps"])}
               for block in page.steps],
        channels=[
            {"channel": int(block.value["channel"]), "times": [
                {"value": time["value"], "unit": time["unit"],
                 "description": time["description"],
                 "fees": [{"amount": fee["amount"], "unit": fee["unit"],
                           "description": fee["description"]} for fee in time["fees"]]}
                for time in block.value["times"]]}
            for block in page.channels
        ],
        dossier=_raw_dossier(page, documents, document_url),
        applicants=page.applicants, implementing_body=page.implementing_body,
        competent_body=page.competent_body, receiving_address=page.receiving_address,
        results=[(block.value["code"], block.value["name"]) for block in page.results],
        legal_basis=[(basis.number, basis.title) for basis in page.legal_bases.all()],
        requirements=page.requirements, related_codes=page.related_code_list,
        announcing_decision=page.announcing_decision,
        extra={
            "online_level": page.online_level, "online_url": page.online_url,
            "status": page.status, "status_note": page.status_note,
            "announced_on": page.announced_on,
            **{key: (officer or {}).get(key.removeprefix("receiving_"), "")
               for key in RECEIVING_FIELDS},
        },
    )


RECEIVING_FIELDS = ("receiving_name", "receiving_title", "receiving_phone", "receiving_email")


def _raw_stream(block_type, values):
    return [{"type": block_type, "value": value} for value in values]


def apply(page, data, documents_by_paper, procedure_fields):
    """Write ``data`` onto ``page`` (not saved). ``documents_by_paper`` maps
    (case index, paper index) to the form Documents to attach."""
    page.code = data.code
    page.title = data.title
    page.levels = list(data.levels)
    page.procedure_type = data.procedure_type
    page.applicants = data.applicants
    page.implementing_body = data.implementing_body
    page.competent_body = data.competent_body
    page.receiving_address = data.receiving_address
    page.requirements = data.requirements
    page.related_codes = ", ".join(data.related_codes)
    page.announcing_decision = data.announcing_decision
    page.steps = _raw_stream("case", [
        {"case": step["case"], "steps": list(step["steps"])} for step in data.steps])
    page.channels = _raw_stream("channel", [
        {"channel": str(channel["channel"]), "times": [
            {"value": None if time["value"] is None else str(time["value"]),
             "unit": time["unit"], "description": time["description"],
             "fees": [{"amount": None if fee["amount"] is None else str(fee["amount"]),
                       "unit": fee["unit"], "description": fee["description"]}
                      for fee in time["fees"]]}
            for time in channel["times"]]}
        for channel in data.channels])
    page.dossier = _raw_stream("case", [
        {"case": case["case"], "papers": [
            {"code": paper.code, "name": paper.name, "originals": paper.originals,
             "copies": paper.copies, "form_name": paper.form_name,
             "form_url": paper.form_url,
             "forms": [document.pk for document in documents_by_paper.get((ci, pi), [])]}
            for pi, paper in enumerate(case["papers"])]}
        for ci, case in enumerate(data.dossier)])
    page.results = _raw_stream("result", [{"code": code, "name": name}
                                          for code, name in data.results])
    page.procedure_fields = procedure_fields
    extra = data.extra
    if extra.get("online_level") is not None:
        page.online_level = extra["online_level"]
    if "online_url" in extra:
        page.online_url = extra["online_url"] or ""
    if extra.get("status"):
        page.status = extra["status"]
    if "status_note" in extra:
        page.status_note = extra["status_note"] or ""
    if "announced_on" in extra:
        page.announced_on = extra["announced_on"]
    if "receiving_position" in extra:
        page.receiving_position = extra["receiving_position"]
    for key in RECEIVING_FIELDS:
        if key in extra:
            setattr(page, key, extra[key] or "")
    from plugins.procedures.models import LegalBasis

    linked = {basis.number: basis.document_id for basis in page.legal_bases.all()
              if basis.document_id}
    page.legal_bases = [
        LegalBasis(number=number, title=title, document_id=linked.get(number))
        for number, title in data.legal_basis
    ]


def check_extra(extra):
    """Problems with the workbook-only values (online level, status)."""
    problems = []
    level = extra.get("online_level")
    if level is not None and level not in OnlineLevel.values:
        problems.append(_("online service level must be 1, 2, 3 or 4"))
    elif level is not None and level >= OnlineLevel.PARTLY_ONLINE and not extra.get("online_url"):
        problems.append(_("a procedure at level 3 or 4 needs the address of its online "
                          "service"))
    if extra.get("status") and extra["status"] not in Status.values:
        problems.append(_("unknown status “%(value)s”") % {"value": extra["status"]})
    return problems
