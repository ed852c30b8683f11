"""Procedures as a spreadsheet workbook (XLSX or ODS), for export and for import.

One sheet of procedures, one row each, and one sheet for each repeated part (steps,
submission channels with times and fees, dossier papers, legal bases), linked by the
procedure code. The headers are Vietnamese; the national field names (MaTTHC, TENTTHC…)
and English names are accepted too. What one export writes, the import reads back.
"""

import io
import re

import tablib
from django.utils.translation import gettext as _

from plugins.core.spreadsheets import sheet_title
from plugins.core.tabular import ImportRefused, cell, check_workbook, header_map, parse_date
from plugins.core.text import fold
from plugins.procedures.choices import OnlineLevel, Status
from plugins.procedures.records import (
    CHANNEL_NAMES,
    RECEIVING_FIELDS,
    UNIT_NAMES,
    OutOfRange,
    Paper,
    ProcedureData,
    check_extra,
    parse_amount,
    parse_channel,
    parse_count,
    parse_duration,
    parse_levels,
    parse_unit,
    shown,
    split_list,
)

LEVEL_NAMES = {"central": "Cấp Bộ", "province": "Cấp Tỉnh", "district": "Cấp Huyện",
               "commune": "Cấp Xã"}
STATUS_NAMES = {Status.IN_FORCE: "Còn hiệu lực", Status.ABOLISHED: "Đã bãi bỏ"}

# Sheet key → (title, [(column key, Vietnamese header, *aliases)]).
SHEETS = {
    "procedures": ("Thủ tục", [
        ("code", "Mã thủ tục", "MaTTHC", "code"),
        ("title", "Tên thủ tục", "TENTTHC", "name"),
        ("levels", "Cấp thực hiện", "CAPTHUCHIEN", "level"),
        ("procedure_type", "Loại thủ tục", "LOAITTHC", "type"),
        ("fields", "Lĩnh vực", "LINHVUCTHUCHIEN", "fields"),
        ("applicants", "Đối tượng thực hiện", "DOITUONGTHUCHIEN", "who may apply"),
        ("implementing_body", "Cơ quan thực hiện", "COQUANTHUCHIEN", "implementing body"),
        ("competent_body", "Cơ quan có thẩm quyền", "COQUANCOTHAMQUYEN", "competent body"),
        ("receiving_address", "Địa chỉ tiếp nhận hồ sơ", "DIACHITIEPNHAN", "where to submit"),
        ("results", "Kết quả thực hiện", "KETQUATHUCHIEN", "results"),
        ("requirements", "Yêu cầu, điều kiện", "YEUCAU", "requirements"),
        ("related_codes", "Thủ tục liên quan", "TTHCLIENQUAN", "related procedures"),
        ("announcing_decision", "Quyết định công bố", "IDQUYETDINHCONGBO",
         "announcing decision"),
        ("announced_on", "Ngày công bố", "announced on"),
        ("online_level", "Mức độ dịch vụ công trực tuyến", "online service level"),
        ("online_url", "Địa chỉ dịch vụ công trực tuyến", "online service address"),
        ("status", "Tình trạng", "status"),
        ("status_note", "Ghi chú tình trạng", "status note"),
        ("receiving_name", "Người tiếp nhận hồ sơ", "receiving officer"),
        ("receiving_title", "Chức danh người tiếp nhận", "receiving officer's title"),
        ("receiving_phone", "Điện thoại người tiếp nhận", "receiving officer's phone"),
        ("receiving_email", "Email người tiếp nhận", "receiving officer's email"),
        ("url", "Địa chỉ trang", "page address"),
    ]),
    "steps": ("Trình tự thực hiện", [
        ("code", "Mã thủ tục", "MaTTHC", "code"),
        ("case", "Trường hợp", "TRUONGHOP", "case"),
        ("step", "Bước thực hiện", "TENTRINHTU", "step"),
    ]),
    "channels": ("Cách thức thực hiện", [
        ("code", "Mã thủ tục", "MaTTHC", "code"),
        ("channel", "Kênh", "KENH", "channel"),
        ("value", "Thời hạn giải quyết", "THOIGIANGIAIQUYET", "processing time"),
        ("unit", "Đơn vị tính", "DONVITINH", "unit"),
        ("description", "Mô tả", "MOTA", "description"),
        ("amount", "Phí, lệ phí", "SOTIEN", "fee"),
        ("currency", "Đơn vị tiền", "DONVI", "currency"),
        ("fee_description", "Mô tả phí, lệ phí", "fee description"),
    ]),
    "dossier": ("Thành phần hồ sơ", [
        ("code", "Mã thủ tục", "MaTTHC", "code"),
        ("case", "Trường hợp", "TRUONGHOP", "case"),
        ("paper_code", "Mã giấy tờ", "MAGIAYTO", "paper code"),
        ("name", "Tên giấy tờ", "TENGIAYTO", "paper"),
        ("originals", "Số bản chính", "SOBANCHINH", "originals"),
        ("copies", "Số bản sao", "SOBANSAO", "copies"),
        ("form_name", "Tên mẫu đơn", "TENMAUDON", "form name"),
        ("form_files", "Tệp mẫu đơn", "form files"),
        ("form_url", "Đường dẫn mẫu đơn", "URL", "form address"),
    ]),
    "legal": ("Căn cứ pháp lý", [
        ("code", "Mã thủ tục", "MaTTHC", "code"),
        ("number", "Số ký hiệu", "SOVANBAN", "number"),
        ("title", "Tên văn bản", "TENVANBAN", "title"),
    ]),
}
IGNORED_ON_IMPORT = {"url"}
BOOK_FORMATS = ("xlsx", "ods")
_CODED = re.compile(r"^\[(?P<code>[^\]]*)\]\s*(?P<name>.+)$")


def _coded(code, name):
    return f"[{code}] {name}" if code else name


def _uncoded(text):
    match = _CODED.match(text)
    return (match["code"].strip(), match["name"].strip()) if match else ("", text)


def _number_text(value):
    if value is None:
        return ""
    text = f"{value.normalize():f}" if hasattr(value, "normalize") else str(value)
    return text


# --- writing ---------------------------------------------------------------------------

def databook(items):
    """A tablib Databook of ``(ProcedureData, page address)`` pairs."""
    sheets = {key: tablib.Dataset(headers=[column[1] for column in columns],
                                  title=sheet_title(title))
              for key, (title, columns) in SHEETS.items()}
    for data, url in items:
        extra = data.extra
        sheets["procedures"].append([
            data.code, data.title, ", ".join(LEVEL_NAMES[level] for level in data.levels),
            data.procedure_type, "; ".join(_coded(code, name) for code, name in data.fields),
            data.applicants, data.implementing_body, data.competent_body,
            data.receiving_address, "; ".join(_coded(code, name) for code, name in data.results),
            data.requirements, ", ".join(data.related_codes), data.announcing_decision,
            extra["announced_on"].strftime("%d/%m/%Y") if extra.get("announced_on") else "",
            extra.get("online_level") or "", extra.get("online_url") or "",
            STATUS_NAMES.get(extra.get("status"), ""), extra.get("status_note", ""),
            *[extra.get(key, "") for key in RECEIVING_FIELDS], url or "",
        ])
        for step in data.steps:
            for text in step["steps"]:
                sheets["steps"].append([data.code, step["case"], text])
        for channel in data.channels:
            for time in channel["times"]:
                base = [data.code, CHANNEL_NAMES[channel["channel"]], _number_text(time["value"]),
                        UNIT_NAMES.get(time["unit"], ""), time["description"]]
                for fee in time["fees"] or [None]:
                    sheets["channels"].append(base + (
                        [_number_text(fee["amount"]), fee["unit"], fee["description"]]
                        if fee else ["", "", ""]))
        for case in data.dossier:
            for paper in case["papers"]:
                sheets["dossier"].append([
                    data.code, case["case"], paper.code, paper.name, paper.originals,
                    paper.copies, paper.form_name, "; ".join(paper.form_files), paper.form_url,
                ])
        for number, title in data.legal_basis:
            sheets["legal"].append([data.code, number, title])
    return tablib.Databook(list(sheets.values()))


# --- reading ---------------------------------------------------------------------------

class _SheetErrors:
    def __init__(self):
        self.errors = []

    def add(self, sheet, line, problems):
        if problems:
            self.errors.append(_("Sheet “%(sheet)s”, line %(line)s: %(problems)s.") % {
                "sheet": sheet, "line": line, "problems": "; ".join(map(str, problems))})


def _load_book(content, filename):
    kind = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if kind not in BOOK_FORMATS:
        raise ImportRefused([_("Only %(formats)s files can be imported.")
                             % {"formats": "JSON, XLSX, ODS"}])
    check_workbook(content, kind)
    try:
        return tablib.Databook().load(io.BytesIO(content), format=kind)
    except Exception:  # noqa: BLE001 - any parser error means an unreadable file
        raise ImportRefused([_("The file could not be read as %(format)s.")
                             % {"format": kind.upper()}]) from None


def _sheets_by_key(book):
    titles = {fold(title): key for key, (title, _columns) in SHEETS.items()}
    found = {}
    for sheet in book.sheets():
        key = titles.get(fold(sheet.title or ""))
        if key and key not in found:
            found[key] = sheet
    return found


def _rows(sheet, key, errors):
    """``(line, {column: cell})`` of a sheet; unknown and missing columns reported."""
    title, columns = SHEETS[key]
    spec = {column[0]: column[1:] for column in columns}
    mapping = header_map(sheet.headers, spec)
    known = {alias.casefold() for aliases in spec.values() for alias in aliases}
    for header in sheet.headers or []:
        if header and str(header).strip().casefold() not in known:
            errors.add(title, 1, [_("unknown column “%(column)s”") % {"column": header}])
    if "code" not in mapping:
        errors.add(title, 1, [_("the column “%(column)s” is missing") % {"column": "Mã thủ tục"}])
        return
    for line, raw in enumerate(sheet, start=2):
        values = {name: cell(raw[index]) if index < len(raw) else ""
                  for name, index in mapping.items()}
        if any(value not in ("", None) for value in values.values()):
            values["raw_code"] = raw[mapping["code"]] if mapping["code"] < len(raw) else None
            yield line, values


def _sheet_rows(sheets, key, errors):
    return _rows(sheets[key], key, errors) if key in sheets else iter(())


def _read(reader, raw, message, problems):
    try:
        return reader(raw)
    except OutOfRange as error:
        problems.append(error.message)
    except (ValueError, TypeError, ArithmeticError):
        problems.append(message % {"value": shown(raw)})
    return None


def _status(text):
    if not text:
        return None
    folded = fold(str(text))
    for value, name in STATUS_NAMES.items():
        if folded in (fold(name), value, fold(str(Status(value).label))):
            return value
    raise ValueError(text)


def _online_level(text):
    if text in ("", None):
        return None
    number = parse_count(text, None)
    if number not in OnlineLevel.values:
        raise ValueError(text)
    return number


def read_book(content, filename):
    """Every procedure of a workbook as ProcedureData; ImportRefused lists every bad row."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from plugins.procedures.models.procedures import check_code

    book = _load_book(content, filename)
    sheets = _sheets_by_key(book)
    errors = _SheetErrors()
    if "procedures" not in sheets:
        raise ImportRefused([_("The workbook has no sheet “%(sheet)s”.")
                             % {"sheet": SHEETS["procedures"][0]}])
    records, lines = {}, {}
    title = SHEETS["procedures"][0]
    for line, row in _sheet_rows(sheets, "procedures", errors):
        problems = []
        code = str(row.get("code") or "")
        if isinstance(row["raw_code"], (int, float)):
            problems.append(_("the procedure code must be typed as text, not as a number "
                              "(a number loses its zeros)"))
        elif not code:
            problems.append(_("the procedure code is missing"))
        else:
            try:
                check_code(code)
            except ValidationError as error:
                problems.extend(error.messages)
        if code in lines:
            problems.append(_("the code %(code)s is already on line %(line)s")
                            % {"code": code, "line": lines[code]})
        if not row.get("title"):
            problems.append(_("the procedure name is missing"))
        levels = _read(parse_levels, row.get("levels", ""), _("unknown level “%(value)s”"),
                       problems)
        announced = None
        if row.get("announced_on") not in ("", None):
            announced = _read(parse_date, row["announced_on"],
                              _("“%(value)s” is not a date (dd/mm/yyyy)"), problems)
        extra = {
            "online_level": _read(_online_level, row.get("online_level"),
                                  _("online service level “%(value)s” is not 1, 2, 3 or 4"),
                                  problems),
            "online_url": str(row.get("online_url") or ""),
            "status": _read(_status, row.get("status"), _("unknown status “%(value)s”"),
                            problems),
            "announced_on": announced,
        }
        for key in (*RECEIVING_FIELDS, "status_note"):
            if key in row:
                extra[key] = str(row[key] or "")
        if extra.get("receiving_email"):
            try:
                validate_email(extra["receiving_email"])
            except ValidationError:
                problems.append(_("“%(value)s” is not an email address")
                                % {"value": extra["receiving_email"]})
        if "online_level" not in row:
            extra.pop("online_level")
        if "online_url" not in row:
            extra.pop("online_url")
        problems.extend(check_extra(extra))
        errors.add(title, line, problems)
        if problems:
            lines.setdefault(code, line)
            continue
        lines[code] = line
        records[code] = ProcedureData(
            code=code, title=str(row["title"]), levels=levels or [],
            procedure_type=str(row.get("procedure_type") or ""),
            fields=[_uncoded(text) for text in split_list(row.get("fields"))],
            applicants=str(row.get("applicants") or ""),
            implementing_body=str(row.get("implementing_body") or ""),
            competent_body=str(row.get("competent_body") or ""),
            receiving_address=str(row.get("receiving_address") or ""),
            results=[_uncoded(text) for text in split_list(row.get("results"))],
            requirements=str(row.get("requirements") or ""),
            related_codes=[c.strip() for c in re.split(r"[,;\s]+", str(row.get("related_codes")
                                                                      or "")) if c.strip()],
            announcing_decision=str(row.get("announcing_decision") or ""),
            extra=extra,
        )
    _read_parts(sheets, records, lines, errors)
    if errors.errors:
        raise ImportRefused(errors.errors)
    return list(records.values())


def _owner(code, records, lines, title, line, errors):
    """The procedure a detail row belongs to; None (reported) when it is not on the main
    sheet, None (silently) when its main row is itself wrong."""
    if code in records:
        return records[code]
    if code not in lines:
        errors.add(title, line, [_("no procedure %(code)s on the sheet “%(sheet)s”") % {
            "code": code or "—", "sheet": SHEETS["procedures"][0]}])
    return None


def _read_parts(sheets, records, lines, errors):
    """The detail sheets; every row is checked, also those of a procedure whose main row
    is wrong, so that one report lists every problem."""
    title = SHEETS["steps"][0]
    for line, row in _sheet_rows(sheets, "steps", errors):
        if not row.get("step"):
            errors.add(title, line, [_("the step is empty")])
            continue
        data = _owner(str(row["code"]), records, lines, title, line, errors)
        if data is None:
            continue
        case = str(row.get("case") or "")
        if not data.steps or data.steps[-1]["case"] != case:
            data.steps.append({"case": case, "steps": []})
        data.steps[-1]["steps"].append(str(row["step"]))

    title = SHEETS["channels"][0]
    for line, row in _sheet_rows(sheets, "channels", errors):
        problems = []
        channel = _read(parse_channel, row.get("channel"),
                        _("“%(value)s” is not a channel (1 in person, 2 online, 3 post)"),
                        problems)
        value = _read(parse_duration, row.get("value"), _("“%(value)s” is not a number"),
                      problems)
        unit = "working_days"
        if row.get("unit") or value is not None:
            unit = _read(parse_unit, row.get("unit"),
                         _("unknown unit “%(value)s” (working days, days or hours)"), problems)
        amount = _read(parse_amount, row.get("amount"), _("“%(value)s” is not an amount"),
                       problems)
        errors.add(title, line, problems)
        data = _owner(str(row["code"]), records, lines, title, line, errors)
        if problems or data is None:
            continue
        time = {"value": value, "unit": unit, "description": str(row.get("description") or ""),
                "fees": []}
        if not data.channels or data.channels[-1]["channel"] != channel:
            data.channels.append({"channel": channel, "times": []})
        times = data.channels[-1]["times"]
        same = times and {k: times[-1][k] for k in ("value", "unit", "description")} == {
            k: time[k] for k in ("value", "unit", "description")}
        if not same:
            times.append(time)
        if amount is not None or row.get("fee_description"):
            times[-1]["fees"].append({"amount": amount, "unit": str(row.get("currency") or "Đồng"),
                                      "description": str(row.get("fee_description") or "")})

    title = SHEETS["dossier"][0]
    for line, row in _sheet_rows(sheets, "dossier", errors):
        problems = []
        if not row.get("name"):
            problems.append(_("the paper's name is empty"))
        originals = _read(lambda v: parse_count(v, 1), row.get("originals"),
                          _("“%(value)s” is not a number of copies"), problems)
        copies = _read(lambda v: parse_count(v, 0), row.get("copies"),
                       _("“%(value)s” is not a number of copies"), problems)
        errors.add(title, line, problems)
        data = _owner(str(row["code"]), records, lines, title, line, errors)
        if problems or data is None:
            continue
        case = str(row.get("case") or "")
        if not data.dossier or data.dossier[-1]["case"] != case:
            data.dossier.append({"case": case, "papers": []})
        data.dossier[-1]["papers"].append(Paper(
            name=str(row["name"]), code=str(row.get("paper_code") or ""), originals=originals,
            copies=copies, form_name=str(row.get("form_name") or ""),
            form_url=str(row.get("form_url") or ""),
            form_files=split_list(row.get("form_files")),
        ))

    title = SHEETS["legal"][0]
    for line, row in _sheet_rows(sheets, "legal", errors):
        data = _owner(str(row["code"]), records, lines, title, line, errors)
        if data is not None and (row.get("number") or row.get("title")):
            data.legal_basis.append((str(row.get("number") or ""), str(row.get("title") or "")))
