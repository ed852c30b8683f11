"""Demo list at /thu-tuc-hanh-chinh/: the procedures of the Tiền Giang industrial-zones
board, each with its steps, times, fees, dossier and real ODT/DOCX form templates.

Idempotent: procedures are found by code in the agency and left alone; the demo goes
through the same importer as a clerk's file (records → pages, forms → documents).
"""

import hashlib

from wagtail.documents import get_document_model

from plugins.core.demo import agency_home
from plugins.core.models import Position
from plugins.procedures import demo_data, demo_forms
from plugins.procedures.importer import Plan, write
from plugins.procedures.models import ProcedureIndexPage, ProcedurePage
from plugins.procedures.records import Paper, ProcedureData

OFFICERS = {
    "qhxd": {"receiving_name": "Trương Minh Luân", "receiving_title": "Chuyên viên Phòng Quản lý "
             "quy hoạch và xây dựng", "receiving_phone": "0273 3871 572",
             "receiving_email": "qhxd.bqlkcn@tiengiang.gov.vn"},
    "qlmt": {"receiving_name": "Lê Thị Thanh Thảo", "receiving_title": "Chuyên viên Phòng Quản lý "
             "môi trường", "receiving_phone": "0273 3871 573",
             "receiving_email": "qlmt.bqlkcn@tiengiang.gov.vn"},
}


def _index_page(agency, context):
    home = agency_home(agency, context)
    index_page = ProcedureIndexPage.objects.child_of(home).first()
    if index_page is None:
        index_page = ProcedureIndexPage(
            title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh", show_in_menus=True,
            intro="<p>Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Ban Quản lý "
                  "các Khu công nghiệp Tiền Giang đã được Chủ tịch Ủy ban nhân dân tỉnh công bố. "
                  "Tìm theo tên, mã thủ tục hoặc nội dung, có dấu hay không dấu; tải biểu mẫu, "
                  "in danh mục hồ sơ cần chuẩn bị và tính ngày hẹn trả kết quả.</p>",
        )
        home.add_child(instance=index_page)
        index_page.save_revision().publish()
        context.note(True, f"procedure list /thu-tuc-hanh-chinh/ of {agency.symbol}")
    return index_page


def _officer(key, agency):
    if key == "chuyenvien":
        position = Position.objects.for_agency(agency).filter(
            user__username="chuyenvien").first()
        if position is not None:
            return {"receiving_position": position}
    return OFFICERS.get(key, demo_data.ONE_STOP_OFFICER)


def _record(spec, agency):
    announcement, announced_on = spec["announce"]
    return ProcedureData(
        code=spec["code"], title=spec["title"], levels=["province"],
        procedure_type=spec["kind"], fields=[spec["field"]],
        steps=[{"case": "", "steps": spec["steps"]}],
        channels=spec["channels"],
        dossier=[{"case": case, "papers": [
            Paper(name=name, originals=originals, copies=copies,
                  form_name=demo_data.FORMS[form]["label"] if form else "")
            for name, originals, copies, form in papers]}
            for case, papers in spec["dossier"]],
        applicants=spec["applicants"], implementing_body=demo_data.BOARD,
        competent_body=spec["competent"], receiving_address=demo_data.ADDRESS,
        results=[("", name) for name in spec["results"]], legal_basis=list(spec["legal"]),
        requirements=spec["requirements"], related_codes=spec["related"],
        announcing_decision=announcement,
        extra={"online_level": spec["online"], "online_url": spec["online_url"],
               "status": spec["status"], "status_note": spec["status_note"],
               "announced_on": announced_on,
               **_officer(spec["officer"], agency)},
    )


def _attachments(spec, cache):
    """The generated form files of each paper of ``spec`` (each form made once per run)."""
    found = {}
    for ci, (_case, papers) in enumerate(spec["dossier"]):
        for pi, (*_paper, form) in enumerate(papers):
            if form:
                if form not in cache:
                    cache[form] = demo_forms.files_of(demo_data.FORMS[form])
                found[(ci, pi)] = cache[form]
    return found


def load_procedures_demo(context):
    agencies = context.objects.get("agencies", {})
    if "bql" not in agencies:
        return
    agency = agencies["bql"]
    index_page = _index_page(agency, context)
    known = set(ProcedurePage.objects.filter(agency=agency).values_list("code", flat=True))
    missing = [spec for spec in demo_data.PROCEDURES if spec["code"] not in known]
    if not missing:
        return
    cache = {}
    plan = Plan(records=[_record(spec, agency) for spec in missing],
                attachments={spec["code"]: _attachments(spec, cache) for spec in missing})
    write(plan, index_page, publish=True)
    _title_forms(cache)
    for spec in missing:
        context.note(True, f"procedure {spec['code']} {spec['title'][:50]}")


def _title_forms(cache):
    """Name the form documents in Vietnamese: the importer titles a document after its file
    name, which for the generated files is an ASCII slug ("mau-a-i-1-van-ban-de-nghi")."""
    Document = get_document_model()
    for key, files in cache.items():
        form = demo_data.FORMS[key]
        title = f"{form['label']} – {form['title']}"
        for name, content in files:
            kind = name.rsplit(".", 1)[-1].upper()
            Document.objects.filter(file_hash=hashlib.sha1(content).hexdigest()).update(  # noqa: S324
                title=f"{title} ({kind})"[:255])
