"""The national procedures database's JSON record (DOMAIN.md "Administrative procedures").

:func:`read_records` checks a file of one record or a list of records against the
national field names (MaTTHC, TENTTHC, CAPTHUCHIEN, …), strictly: an unknown field or
key, a value of the wrong type, a missing code or name, a key given twice, or a code that
appears twice in the file is reported with the record's position and the path of the
value, and the whole file is refused. :func:`to_record` writes a page back in the same
shape, so an export can be imported again.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from plugins.core.files.json_files import UnsafeJSON, load_json
from plugins.core.tabular import ImportRefused
from plugins.core.text import nfc
from plugins.procedures.records import (
    UNIT_NAMES,
    OutOfRange,
    Paper,
    ProcedureData,
    parse_amount,
    parse_channel,
    parse_count,
    parse_duration,
    parse_levels,
    parse_unit,
    shown,
)

TEXT, ID, TEXTS, LIST, ANY = "text", "id", "texts", "list", "any"

# field → kind, or (LIST, {key: kind}) for lists of objects; keys in their national spelling.
FEE = {"MAPHILEPHI": ID, "SOTIEN": ANY, "DONVI": TEXT, "MOTA": TEXT}
TIME = {"THOIGIANGIAIQUYET": ANY, "DONVITINH": TEXT, "MOTA": TEXT, "PHILEPHI": (LIST, FEE)}
SCHEMA = {
    "MaTTHC": TEXT,
    "TENTTHC": TEXT,
    "CAPTHUCHIEN": TEXTS,
    "LOAITTHC": TEXT,
    "LINHVUCTHUCHIEN": (LIST, {"MALINHVUC": ID, "TENLINHVUC": TEXT}),
    "TRINHTUTHUCHIEN": (LIST, {"TRUONGHOP": TEXT,
                               "TRINHTU": (LIST, {"TENTRINHTU": TEXT})}),
    "CACHTHUCTHUCHIEN": (LIST, {"KENH": ANY, "THOIGIAN": (LIST, TIME)}),
    "THANHPHANHOSO": (LIST, {"TRUONGHOP": TEXT, "GIAYTO": (LIST, {
        "MAGIAYTO": ID, "TENGIAYTO": TEXT, "TENMAUDON": TEXT, "URL": TEXT,
        "SOBANCHINH": ANY, "SOBANSAO": ANY})}),
    "DOITUONGTHUCHIEN": TEXTS,
    "COQUANTHUCHIEN": TEXTS,
    "COQUANCOTHAMQUYEN": TEXTS,
    "DIACHITIEPNHAN": TEXT,
    "KETQUATHUCHIEN": (LIST, {"MAKETQUA": ID, "TENKETQUA": TEXT}),
    "CANCUPHAPLY": (LIST, {"SOVANBAN": TEXT, "TENVANBAN": TEXT}),
    "YEUCAU": TEXT,
    "TTHCLIENQUAN": TEXTS,
    "IDQUYETDINHCONGBO": ID,
}
REQUIRED = ("MaTTHC", "TENTTHC")
MAX_RECORDS = 5000


class _Duplicated(dict):
    """A JSON object that remembers the keys it was given twice."""

    duplicated = ()


def _pairs(pairs):
    obj = _Duplicated()
    seen, twice = set(), []
    for key, value in pairs:
        if key.upper() in seen:
            twice.append(key)
        seen.add(key.upper())
        obj[key] = value
    obj.duplicated = tuple(twice)
    return obj


def load(content):
    """The records of a JSON file: one object or a list of objects."""
    try:
        data = load_json(content, object_pairs_hook=_pairs, parse_float=Decimal)
    except UnsafeJSON as refused:
        raise ImportRefused([refused.message]) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ImportRefused([_("The file must hold one procedure record or a list of them.")])
    if len(data) > MAX_RECORDS:
        raise ImportRefused([_("At most %(limit)s records can be imported at once.")
                             % {"limit": MAX_RECORDS}])
    return data


class _Checker:
    """Walks one record, collecting ``path: problem`` messages."""

    def __init__(self):
        self.problems = []

    def add(self, path, message):
        self.problems.append(f"{path}: {message}" if path else message)

    def obj(self, value, schema, path):
        """The object's values under their national spelling; unknown keys reported."""
        if not isinstance(value, dict):
            self.add(path, _("must be an object {…}"))
            return {}
        for key in getattr(value, "duplicated", ()):
            self.add(path, _("the key “%(key)s” is given twice") % {"key": key})
        spelled = {name.upper(): name for name in schema}
        found = {}
        for key, item in value.items():
            name = spelled.get(key.upper())
            if name is None:
                if path:
                    self.add(path, _("unknown key “%(key)s”") % {"key": key})
                else:
                    self.add("", _("unknown field “%(key)s”") % {"key": key})
                continue
            found[name] = self.value(item, schema[name], f"{path}.{name}" if path else name)
        return found

    def value(self, item, kind, path):
        if isinstance(kind, tuple):
            schema = kind[1]
            if item is None:
                return []
            if not isinstance(item, list):
                self.add(path, _("must be a list […]"))
                return []
            return [self.obj(element, schema, f"{path}[{i}]") for i, element in enumerate(item)]
        if kind in (TEXT, ID):
            if item is None:
                return ""
            accepted = (str, int) if kind == ID else (str,)
            if isinstance(item, bool) or not isinstance(item, accepted):
                self.add(path, _("must be text"))
                return ""
            return nfc(str(item)).strip()
        if kind == TEXTS:
            return self.texts(item, path)
        return item  # ANY: checked by the field's own reader

    def texts(self, item, path):
        """Text, a list of texts, or a list of objects with one name (TENCOQUAN…)."""
        if item is None:
            return []
        if isinstance(item, str):
            return [nfc(item).strip()] if item.strip() else []
        if not isinstance(item, list):
            self.add(path, _("must be text or a list of texts"))
            return []
        texts = []
        for i, element in enumerate(item):
            if isinstance(element, str):
                texts.append(nfc(element).strip())
            elif isinstance(element, dict):
                names = [v for k, v in element.items() if k.upper().startswith("TEN")]
                unknown = [k for k in element if not k.upper().startswith(("TEN", "MA"))]
                if len(names) != 1 or not isinstance(names[0], str) or unknown:
                    self.add(f"{path}[{i}]", _("must be text or an object with one name"))
                else:
                    texts.append(nfc(names[0]).strip())
            else:
                self.add(f"{path}[{i}]", _("must be text"))
        return [text for text in texts if text]

    def read(self, path, reader, raw, message):
        try:
            return reader(raw)
        except OutOfRange as error:
            self.add(path, error.message)
        except (ValueError, TypeError, ArithmeticError):
            self.add(path, message % {"value": shown(raw)})
        return None


def parse_record(raw):
    """``(ProcedureData or None, [problems])`` for one raw record."""
    check = _Checker()
    record = check.obj(raw, SCHEMA, "")
    for name in REQUIRED:
        if not record.get(name):
            check.add("", _("%(field)s is missing") % {"field": name})
    if record.get("MaTTHC"):
        from django.core.exceptions import ValidationError

        from plugins.procedures.models.procedures import check_code

        try:
            check_code(record["MaTTHC"])
        except ValidationError as error:
            check.add("MaTTHC", " ".join(error.messages))
    if len(record.get("TENTTHC", "")) > 255:
        check.add("TENTTHC", _("is longer than 255 characters"))
    levels = check.read("CAPTHUCHIEN", parse_levels, record.get("CAPTHUCHIEN", []),
                        _("unknown level “%(value)s”")) or []
    channels = []
    for i, channel in enumerate(record.get("CACHTHUCTHUCHIEN", [])):
        path = f"CACHTHUCTHUCHIEN[{i}]"
        kind = check.read(f"{path}.KENH", parse_channel, channel.get("KENH"),
                          _("“%(value)s” is not a channel (1 in person, 2 online, 3 post)"))
        times = []
        for j, time in enumerate(channel.get("THOIGIAN", [])):
            tpath = f"{path}.THOIGIAN[{j}]"
            value = check.read(f"{tpath}.THOIGIANGIAIQUYET", parse_duration,
                               time.get("THOIGIANGIAIQUYET"), _("“%(value)s” is not a number"))
            unit = None
            if time.get("DONVITINH") or value is not None:
                unit = check.read(f"{tpath}.DONVITINH", parse_unit, time.get("DONVITINH"),
                                  _("unknown unit “%(value)s” (working days, days or hours)"))
            fees = []
            for k, fee in enumerate(time.get("PHILEPHI", [])):
                amount = check.read(f"{tpath}.PHILEPHI[{k}].SOTIEN", parse_amount,
                                    fee.get("SOTIEN"), _("“%(value)s” is not an amount"))
                fees.append({"amount": amount, "unit": fee.get("DONVI") or "Đồng",
                             "description": fee.get("MOTA", "")})
            times.append({"value": value, "unit": unit or "working_days",
                          "description": time.get("MOTA", ""), "fees": fees})
        channels.append({"channel": kind, "times": times})
    dossier = []
    for i, case in enumerate(record.get("THANHPHANHOSO", [])):
        papers = []
        for j, paper in enumerate(case.get("GIAYTO", [])):
            path = f"THANHPHANHOSO[{i}].GIAYTO[{j}]"
            if not paper.get("TENGIAYTO"):
                check.add(path, _("TENGIAYTO is missing"))
            papers.append(Paper(
                name=paper.get("TENGIAYTO", ""), code=paper.get("MAGIAYTO", ""),
                originals=check.read(f"{path}.SOBANCHINH", lambda v: parse_count(v, 1),
                                     paper.get("SOBANCHINH"),
                                     _("“%(value)s” is not a number of copies")),
                copies=check.read(f"{path}.SOBANSAO", lambda v: parse_count(v, 0),
                                  paper.get("SOBANSAO"),
                                  _("“%(value)s” is not a number of copies")),
                form_name=paper.get("TENMAUDON", ""), form_url=paper.get("URL", ""),
            ))
        dossier.append({"case": case.get("TRUONGHOP", ""), "papers": papers})
    if check.problems:
        return None, check.problems
    return ProcedureData(
        code=record["MaTTHC"], title=record["TENTTHC"], levels=levels,
        procedure_type=record.get("LOAITTHC", ""),
        fields=[(f.get("MALINHVUC", ""), f.get("TENLINHVUC", ""))
                for f in record.get("LINHVUCTHUCHIEN", []) if f.get("TENLINHVUC")],
        steps=[{"case": s.get("TRUONGHOP", ""),
                "steps": [t["TENTRINHTU"] for t in s.get("TRINHTU", []) if t.get("TENTRINHTU")]}
               for s in record.get("TRINHTUTHUCHIEN", [])],
        channels=channels, dossier=dossier,
        applicants="\n".join(record.get("DOITUONGTHUCHIEN", [])),
        implementing_body="; ".join(record.get("COQUANTHUCHIEN", [])),
        competent_body="; ".join(record.get("COQUANCOTHAMQUYEN", [])),
        receiving_address=record.get("DIACHITIEPNHAN", ""),
        results=[(r.get("MAKETQUA", ""), r["TENKETQUA"])
                 for r in record.get("KETQUATHUCHIEN", []) if r.get("TENKETQUA")],
        legal_basis=[(b.get("SOVANBAN", ""), b.get("TENVANBAN", ""))
                     for b in record.get("CANCUPHAPLY", [])
                     if b.get("SOVANBAN") or b.get("TENVANBAN")],
        requirements=record.get("YEUCAU", ""),
        related_codes=[code for text in record.get("TTHCLIENQUAN", [])
                       for code in text.replace(";", ",").split(",") if code.strip()],
        announcing_decision=record.get("IDQUYETDINHCONGBO", ""),
    ), []


def _raw_code(raw):
    """The record's code as written (any spelling of the key), for messages and duplicates."""
    if not isinstance(raw, dict):
        return None
    code = next((value for key, value in raw.items() if key.upper() == "MATTHC"), None)
    return code.strip() if isinstance(code, str) and code.strip() else None


def read_records(content):
    """Every record of a national JSON file as ProcedureData; ImportRefused lists every
    bad record with its reasons (nothing is imported then)."""
    raw_records = load(content)
    errors, records, first_seen = [], [], {}
    for position, raw in enumerate(raw_records, start=1):
        data, problems = parse_record(raw)
        code = _raw_code(raw)
        if code and code in first_seen:
            problems = [*problems, _("the code %(code)s is already used by record %(first)s "
                                     "of this file") % {"code": code, "first": first_seen[code]}]
        elif code:
            first_seen[code] = position
        if problems:
            label = (_("Record %(number)s (%(code)s)") % {"number": position, "code": code}
                     if code else _("Record %(number)s") % {"number": position})
            errors.append(f"{label}: {'; '.join(problems)}.")
        else:
            records.append(data)
    if errors:
        raise ImportRefused(errors)
    return records


def _amount(value):
    return "" if value is None else f"{Decimal(value).normalize():f}"


def to_record(data):
    """A national JSON record of ProcedureData."""
    from plugins.procedures.choices import Level

    level_names = {Level.CENTRAL: "Cấp Bộ", Level.PROVINCE: "Cấp Tỉnh",
                   Level.DISTRICT: "Cấp Huyện", Level.COMMUNE: "Cấp Xã"}
    return {
        "MaTTHC": data.code,
        "TENTTHC": data.title,
        "CAPTHUCHIEN": ", ".join(level_names[level] for level in data.levels),
        "LOAITTHC": data.procedure_type,
        "LINHVUCTHUCHIEN": [{"MALINHVUC": code, "TENLINHVUC": name}
                            for code, name in data.fields],
        "TRINHTUTHUCHIEN": [{"TRUONGHOP": s["case"],
                             "TRINHTU": [{"TENTRINHTU": step} for step in s["steps"]]}
                            for s in data.steps],
        "CACHTHUCTHUCHIEN": [
            {"KENH": str(channel["channel"]), "THOIGIAN": [
                {"THOIGIANGIAIQUYET": _amount(time["value"]),
                 "DONVITINH": UNIT_NAMES.get(time["unit"], ""),
                 "MOTA": time["description"],
                 "PHILEPHI": [{"SOTIEN": _amount(fee["amount"]), "DONVI": fee["unit"],
                               "MOTA": fee["description"]} for fee in time["fees"]]}
                for time in channel["times"]]}
            for channel in data.channels],
        "THANHPHANHOSO": [
            {"TRUONGHOP": case["case"], "GIAYTO": [
                {"MAGIAYTO": paper.code, "TENGIAYTO": paper.name,
                 "TENMAUDON": paper.form_name or (paper.form_files[0] if paper.form_files
                                                  else ""),
                 "URL": paper.form_url,
                 "SOBANCHINH": str(paper.originals), "SOBANSAO": str(paper.copies)}
                for paper in case["papers"]]}
            for case in data.dossier],
        "DOITUONGTHUCHIEN": data.applicants,
        "COQUANTHUCHIEN": data.implementing_body,
        "COQUANCOTHAMQUYEN": data.competent_body,
        "DIACHITIEPNHAN": data.receiving_address,
        "KETQUATHUCHIEN": [{"MAKETQUA": code, "TENKETQUA": name} for code, name in data.results],
        "CANCUPHAPLY": [{"SOVANBAN": number, "TENVANBAN": title}
                        for number, title in data.legal_basis],
        "YEUCAU": data.requirements,
        "TTHCLIENQUAN": ", ".join(data.related_codes),
        "IDQUYETDINHCONGBO": data.announcing_decision,
    }
