"""The registers' reports and the statistics (R-EO-9): the day's register as a PDF to
sign, exports for a date range (XLSX, ODS), statistics with charts, and who may see them."""

import datetime
import io
import unicodedata

import pytest
import tablib
import time_machine
from django.urls import reverse

from plugins.core.calendar import OFFICE_TZ
from plugins.eoffice.documents.models import Secrecy, Urgency
from plugins.eoffice.documents.reports import register_pdf, statistics
from plugins.eoffice.documents.reports.register_rows import register_table
from plugins.eoffice.documents.services import incoming, outgoing
from tests.eoffice.conftest import incoming_fields

DAY = datetime.date(2026, 3, 10)  # a Tuesday


def at(day, hour=9, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=OFFICE_TZ)


def _register(staff, register, **fields):
    """The clerk registers a document that arrived at ``arrived_at``, as they did that day."""
    return incoming.register(staff["clerk"], register, as_of=fields["arrived_at"], **fields)


def pdf_text(content):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", text), reader


def squeeze(text):
    """The text without line breaks: a notation may wrap at its hyphen in a table cell."""
    return text.replace("\n", "")


def refused(response):
    """Wagtail answers a refusal (PermissionDenied) with a redirect to the admin's home
    and a message; never the report."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert not response.get("Content-Disposition")
    return True


def register_in(staff, registers, day=DAY, count=1, **fields):
    made = []
    for number in range(count):
        values = {"number_notation": f"{100 + number}/UBND-KT", **fields}
        made.append(_register(staff, registers["in"], **incoming_fields(
            arrived_at=at(day, 8 + number % 9, number % 60), **values)).document)
    return made


@pytest.fixture
def day_documents(staff, units, registers):
    """Three ordinary documents on DAY (one assigned to the investment unit), one the day
    before, and a secret one on DAY in the secret register."""
    documents = register_in(staff, registers, count=3)
    incoming.assign(staff["director"], documents[0], main=units["investment"],
                    co=[staff["outsider"]], deadline_days=3)
    register_in(staff, registers, day=DAY - datetime.timedelta(days=1),
                sender_name="Sở Tài chính tỉnh Tiền Giang", number_notation="7/STC-NS")
    secret = _register(staff, registers["in_secret"], **incoming_fields(
        arrived_at=at(DAY, 10), number_notation="3/CAT-PA", secrecy=Secrecy.CONFIDENTIAL,
        subject="Công an tỉnh thông báo kế hoạch bảo vệ mục tiêu trọng điểm"),
        ).document
    return documents, secret


# --- The day's register as a PDF ---------------------------------------------------------


def test_R_EO_9_the_days_incoming_register_prints_as_a_pdf_to_sign(
        client, staff, bql, registers, day_documents):
    client.force_login(staff["clerk"])
    response = client.get(reverse("eoffice:register_pdf", args=[registers["in"].pk]),
                          {"day": DAY.isoformat()})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text, reader = pdf_text(response.content)
    box = reader.pages[0].mediabox
    assert box.width > box.height  # A4 landscape
    assert round(float(box.width) / 72 * 25.4) == 297
    assert "Ban Quản lý các Khu công nghiệp Tiền Giang".upper() in text
    assert "REGISTER OF INCOMING DOCUMENTS" in text
    assert "Sổ văn bản đến" in text and "10/03/2026" in text
    assert "giải phóng mặt bằng Khu công nghiệp Long Giang" in " ".join(text.split())
    for number in ("01", "02", "03"):
        assert f"\n{number}\n" in f"\n{text}\n" or f" {number} " in text.replace("\n", " ")
    assert "100/UBND-KT" in squeeze(text) and "102/UBND-KT" in squeeze(text)
    assert "Phòng Quản lý đầu tư" in " ".join(text.split())  # passed on to the unit
    assert "7/STC-NS" not in text  # the day before
    assert "CAT-PA" not in text  # secret: never in an ordinary register
    assert "CLERK KEEPING THE REGISTER" in text and "Page 1 / 1" in text
    assert "3 documents." in text


def test_R_EO_9_the_pdf_is_in_vietnamese_for_a_vietnamese_site(staff, registers,
                                                                day_documents):
    from django.utils import translation

    with translation.override("vi"):
        content = register_pdf.render(register_table(registers["in"], DAY))
    text, _reader = pdf_text(content)
    flat = " ".join(text.split())
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in text and "Ngày: 10/03/2026" in text
    for header in ("Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Tên loại và trích yếu nội dung",
                   "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"):
        assert header in flat, header
    assert "Giấy mời — UBND tỉnh mời họp ngày 12/3/2026 về việc giải phóng mặt bằng" in flat
    assert "(Ký, ghi rõ họ tên)" in text and "Trang 1 / 1" in text


def test_R_EO_9_a_secret_registers_rows_show_metadata_only(client, staff, registers,
                                                             day_documents):
    client.force_login(staff["clerk"])
    response = client.get(reverse("eoffice:register_pdf", args=[registers["in_secret"].pk]),
                          {"day": DAY.isoformat()})
    text, _reader = pdf_text(response.content)
    flat = " ".join(text.split())
    assert "03/CAT-PA" in squeeze(text) and "Confidential (Mật)" in flat
    assert "summary not shown" in flat
    assert "bảo vệ mục tiêu trọng điểm" not in flat
    assert "UBND-KT" not in flat


def test_R_EO_9_the_outgoing_register_lists_the_days_issued_documents(
        client, staff, bql, skh, units, registers):
    issued = _issue(staff, registers, "Báo cáo tình hình thu hút đầu tư quý I năm 2026",
                    DAY, type_code="BC", recipient_agencies=[skh],
                    external_recipients="UBND tỉnh Tiền Giang", copies=5)
    secret = _issue(staff, registers, "Kế hoạch bảo đảm an ninh khu công nghiệp Tân Hương",
                    DAY, secrecy=Secrecy.CONFIDENTIAL)
    _issue(staff, registers, "Thông báo lịch tiếp công dân tháng 3 năm 2026",
           DAY + datetime.timedelta(days=1), type_code="TB")
    table = register_table(registers["out"], DAY)
    assert len(table) == 1  # the secret one has a series of its own and is not shown
    row = dict(zip([c.key for c in table.columns], table.rows[0], strict=True))
    assert row["number_notation"] == issued.number_notation
    assert row["summary"] == "Báo cáo — Báo cáo tình hình thu hút đầu tư quý I năm 2026"
    assert "Sở Kế hoạch và Đầu tư tỉnh Lào Cai" in row["recipients"]
    assert "UBND tỉnh Tiền Giang" in row["recipients"]
    assert row["kept_by"].startswith("Phòng Quản lý đầu tư")
    assert row["copies"] == 5 and row["issue_date"] == DAY
    assert secret.number_notation not in str(table.rows)

    client.force_login(staff["director"])
    response = client.get(reverse("eoffice:register_pdf", args=[registers["out"].pk]),
                          {"day": DAY.isoformat()})
    text, _reader = pdf_text(response.content)
    assert "REGISTER OF OUTGOING DOCUMENTS" in text
    assert issued.number_notation in squeeze(text) and "Lào Cai" in text


def _issue(staff, registers, subject, day, *, copies=None, **fields):
    document = outgoing.create_draft(staff["specialist"], staff["specialist"].positions.first()
                                     .unit.agency, subject=subject, **fields)
    outgoing.submit(staff["specialist"], document)
    outgoing.forward(staff["leader"], document)
    outgoing.approve(staff["director"], document)
    document.refresh_from_db()
    return outgoing.issue(staff["clerk"], document, register=registers["out"],
                          signer=staff["director"], issue_date=day, copies=copies)


def test_R_EO_9_two_hundred_rows_print_with_a_constant_number_of_queries(
        staff, units, registers, django_assert_max_num_queries):
    documents = register_in(staff, registers, count=200)
    for document in documents[:20]:
        incoming.assign(staff["director"], document, main=units["investment"])
    with django_assert_max_num_queries(3):
        table = register_table(registers["in"], DAY)
    assert len(table) == 200
    text, reader = pdf_text(register_pdf.render(table))
    assert len(reader.pages) > 1
    assert "299/UBND-KT" in squeeze(text) and "200 documents." in text
    assert f"Page {len(reader.pages)} / {len(reader.pages)}" in text


# --- Exports -----------------------------------------------------------------------------


def test_R_EO_9_a_register_exports_a_date_range_as_xlsx(client, staff, registers,
                                                        day_documents):
    from openpyxl import load_workbook

    client.force_login(staff["clerk"])
    url = reverse("eoffice:register_export", args=[registers["in"].pk, "xlsx"])
    response = client.get(url, {"start": (DAY - datetime.timedelta(days=1)).isoformat(),
                                "end": DAY.isoformat()})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Arrival date", "Arrival number", "Author (sender)",
                           "Number and notation")
    assert len(rows) == 1 + 4  # the day before and the three of the day; no secret one
    # in the order of the arrival numbers (the one of the 9th was registered last)
    numbers = [row[3] for row in rows[1:]]
    assert numbers == ["100/UBND-KT", "101/UBND-KT", "102/UBND-KT", "07/STC-NS"]
    assert [row[1] for row in rows[1:]] == [1, 2, 3, 4]
    assert rows[4][0] == datetime.datetime(2026, 3, 9)  # a date cell, not text
    assert rows[1][2] == "UBND tỉnh Tiền Giang" and rows[4][2] == "Sở Tài chính tỉnh Tiền Giang"
    assert "Long Giang" in rows[1][5] and rows[1][6].endswith("Phòng Quản lý đầu tư")


def test_R_EO_9_a_register_exports_as_ods_with_the_same_columns(client, staff, registers,
                                                               day_documents):
    from odfdo import Document

    client.force_login(staff["clerk"])
    url = reverse("eoffice:register_export", args=[registers["in"].pk, "ods"])
    response = client.get(url, {"start": DAY.isoformat(), "end": DAY.isoformat()})
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    table = Document(io.BytesIO(response.content)).body.get_tables()[0]
    values = table.get_values()
    assert values[0][5] == "Type and summary"
    assert [row[3] for row in values[1:4]] == ["100/UBND-KT", "101/UBND-KT", "102/UBND-KT"]
    assert values[1][0] == datetime.date(2026, 3, 10) or str(values[1][0]).startswith(
        "2026-03-10")
    assert "Phòng Quản lý đầu tư" in values[1][6]
    loaded = tablib.Dataset().load(response.content, "ods")
    assert loaded.height == 3


def test_exports_refuse_bad_ranges_and_formats(client, staff, registers):
    client.force_login(staff["clerk"])
    url = reverse("eoffice:register_export", args=[registers["in"].pk, "xlsx"])
    assert client.get(url, {"start": "2026-03-10", "end": "2026-03-01"}).status_code == 400
    assert client.get(url, {"start": "2024-01-01", "end": "2026-03-01"}).status_code == 400
    assert client.get(url, {"start": "hôm qua"}).status_code == 400
    bad = reverse("eoffice:register_export", args=[registers["in"].pk, "csv"])
    assert client.get(bad).status_code == 404


# --- Who may -------------------------------------------------------------------------------


@pytest.fixture
def it_admin(staff):
    return staff["it_admin"]


def test_R_EO_9_the_agencys_clerks_director_and_it_admins_print_its_registers(
        client, staff, registers, it_admin, day_documents):
    url = reverse("eoffice:register_pdf", args=[registers["in"].pk])
    secret_url = reverse("eoffice:register_pdf", args=[registers["in_secret"].pk])
    for person in (staff["clerk"], staff["director"], it_admin):
        client.force_login(person)
        assert client.get(url, {"day": DAY.isoformat()}).status_code == 200
    # the secret register's metadata is for the clerks and the director only
    assert client.get(secret_url).status_code == 404
    client.force_login(staff["director"])
    assert client.get(secret_url).status_code == 200


def test_R_EO_9_another_agencys_clerk_and_a_specialist_are_refused(
        client, staff, registers, day_documents):
    urls = [reverse("eoffice:register_pdf", args=[registers["in"].pk]),
            reverse("eoffice:register_export", args=[registers["in"].pk, "xlsx"]),
            reverse("eoffice:register_export", args=[registers["out"].pk, "ods"])]
    client.force_login(staff["skh_clerk"])
    for url in urls:
        assert client.get(url).status_code == 404
    page = client.get(reverse("eoffice:reports")).content.decode()
    assert "Sổ văn bản đến mật" not in page
    assert f'/so/{registers["in"].pk}/' not in page
    assert client.get(reverse("eoffice:reports"), {
        "action": "pdf", "register": registers["in"].pk, "day": DAY.isoformat(),
    }).status_code == 200  # the form refuses a register that is not one of theirs
    for person in (staff["specialist"], staff["leader"]):
        client.force_login(person)
        for url in urls:
            assert refused(client.get(url))
    client.force_login(staff["specialist"])
    assert refused(client.get(reverse("eoffice:reports")))
    assert refused(client.get(reverse("eoffice:statistics")))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("eoffice:reports") not in home and reverse("eoffice:statistics") not in home


def test_R_EO_9_the_reports_page_leads_to_the_pdf_and_the_exports(client, staff, registers):
    client.force_login(staff["clerk"])
    page = client.get(reverse("eoffice:reports"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "Sổ văn bản đến mật" in content, content
    assert "Print today's register" in content
    response = client.get(reverse("eoffice:reports"), {
        "action": "pdf", "register": registers["in"].pk, "day": "2026-03-10"})
    assert response.status_code == 302
    assert response["Location"] == (reverse("eoffice:register_pdf",
                                            args=[registers["in"].pk]) + "?day=2026-03-10")
    response = client.get(reverse("eoffice:reports"), {
        "action": "export", "register": registers["out"].pk, "start": "2026-03-01",
        "end": "2026-03-31", "format": "ods"})
    assert response["Location"].startswith(reverse("eoffice:register_export",
                                                   args=[registers["out"].pk, "ods"]))
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("eoffice:reports") in menu and reverse("eoffice:statistics") in menu


# --- Statistics -------------------------------------------------------------------------


@pytest.fixture
def year_of_work(staff, units, registers, bql):
    """Known figures for 2026, seen on 20 April 2026:

    - A: arrives Mon 2 March, investment unit, deadline 3 working days (Thu 5 March),
      result Wed 4 March: on time, 2 working days;
    - B: arrives Mon 2 March, the specialist (investment), deadline 1 working day (Tue 3
      March), result Fri 6 March: late, 4 working days;
    - C: arrives Tue 7 April, business unit, deadline 2 working days (Thu 9 April), no
      result: overdue;
    - D: arrives Wed 8 April, not assigned;
    - E: arrives Wed 8 April, investment unit, deadline 10 working days (22 April): in
      progress;
    - issued: two drafted by the investment unit in March, one by the business unit in
      April; a document of 2025 counts for nothing.
    """
    def arrive(day, number, **fields):
        with time_machine.travel(at(day, 8), tick=False):
            return _register(staff, registers["in"], **incoming_fields(
                arrived_at=at(day, 8), number_notation=f"{number}/UBND-KT", **fields)
            ).document

    def assign(document, day, main, days):
        with time_machine.travel(at(day, 9), tick=False):
            incoming.assign(staff["director"], document, main=main, deadline_days=days)

    def result(document, day, who):
        with time_machine.travel(at(day, 15), tick=False):
            incoming.record_result(who, document, "Đã xử lý, báo cáo lãnh đạo Ban")

    march2, april7, april8 = (datetime.date(2026, 3, 2), datetime.date(2026, 4, 7),
                              datetime.date(2026, 4, 8))
    a, b = arrive(march2, 1), arrive(march2, 2)
    assign(a, march2, units["investment"], 3)
    assign(b, march2, staff["specialist"], 1)
    result(a, datetime.date(2026, 3, 4), staff["leader"])
    result(b, datetime.date(2026, 3, 6), staff["specialist"])
    c = arrive(april7, 3)
    assign(c, april7, units["business"], 2)
    arrive(april8, 4)
    e = arrive(april8, 5)
    assign(e, april8, units["investment"], 10)
    arrive(datetime.date(2025, 12, 30), 6)
    for day, author, leader in ((datetime.date(2026, 3, 3), "specialist", "leader"),
                                (datetime.date(2026, 3, 20), "specialist", "leader"),
                                (datetime.date(2026, 4, 9), "outsider", "other_leader"),
                                (datetime.date(2025, 12, 29), "specialist", "leader")):
        document = outgoing.create_draft(staff[author], bql, subject=(
            f"Báo cáo kết quả thẩm tra dự án đầu tư ngày {day:%d/%m/%Y} của Ban"))
        outgoing.submit(staff[author], document)
        outgoing.forward(staff[leader], document)
        outgoing.approve(staff["director"], document)
        document.refresh_from_db()
        outgoing.issue(staff["clerk"], document, register=registers["out"],
                       signer=staff["director"], issue_date=day)
    return {"today": datetime.date(2026, 4, 20)}


def test_R_EO_9_statistics_count_per_unit_and_month(bql, units, year_of_work):
    figures = statistics.compute(bql, 2026, today=year_of_work["today"])
    by_unit = {item.unit.name if item.unit else None: item for item in figures.units}
    investment = by_unit["Phòng Quản lý đầu tư"]
    assert investment.received[3] == 2 and investment.received[4] == 1
    assert investment.issued[3] == 2 and investment.issued_total == 2
    assert (investment.on_time, investment.late, investment.overdue,
            investment.in_progress) == (1, 1, 0, 1)
    assert investment.processed == 2 and investment.average_days == 3.0  # (2 + 4) / 2
    business = by_unit["Phòng Quản lý doanh nghiệp"]
    assert business.received[4] == 1 and business.overdue == 1 and business.issued[4] == 1
    assert business.average_days is None
    assert by_unit[None].received[4] == 1  # not yet assigned
    assert figures.total.received_total == 5 and figures.total.issued_total == 3
    assert [m for m in figures.months if m[1] or m[2]] == [(3, 2, 2), (4, 3, 1)]
    assert "Văn phòng Sở" not in by_unit  # another agency's unit


def test_R_EO_9_statistics_take_a_constant_number_of_queries(
        bql, staff, units, registers, year_of_work, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        statistics.compute(bql, 2026, today=year_of_work["today"])
    for number in range(10):  # more documents, the same queries
        _register(staff, registers["in"], **incoming_fields(
            arrived_at=at(datetime.date(2026, 5, 4)), number_notation=f"9{number}/SXD-QLN"))
    with django_assert_max_num_queries(6):
        figures = statistics.compute(bql, 2026, today=year_of_work["today"])
    assert figures.total.received[5] == 10


def test_R_EO_9_the_statistics_page_shows_charts_beside_tables(
        client, staff, registers, year_of_work):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(staff["director"])
    url = reverse("eoffice:statistics")

    def get():
        with time_machine.travel(at(year_of_work["today"], 10), tick=False):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, {"year": 2026})
        return response, len(queries)

    get()  # the first request fills the caches (site, menu)
    response, before = get()
    assert response.status_code == 200
    for number in range(10):  # more documents, the same number of queries
        _register(staff, registers["in"], **incoming_fields(
            arrived_at=at(datetime.date(2026, 2, 2)), number_notation=f"8{number}/SXD-QLN"))
    assert get()[1] == before
    page = response.content.decode()
    assert page.count('<svg class="eo-chart" role="img"') == 2
    assert "<title id=\"eo-months-chart-title\">" in page
    assert "Phòng Quản lý đầu tư" in page and "Not yet assigned" in page
    assert '<td class="num"><strong>5</strong></td>' in page  # received in the year
    assert "<th scope=\"row\">02/2026</th>" in page
    assert "cdn" not in page.lower() or "<script src=\"http" not in page


def test_R_EO_9_a_unit_leader_sees_only_the_statistics_of_the_unit(
        client, staff, units, year_of_work):
    client.force_login(staff["leader"])
    url = reverse("eoffice:statistics")
    with time_machine.travel(at(year_of_work["today"], 10), tick=False):
        page = client.get(url, {"year": 2026}).content.decode()
        assert "Phòng Quản lý đầu tư" in page
        assert "Phòng Quản lý doanh nghiệp" not in page and "Not yet assigned" not in page
        assert client.get(url, {"unit": units["business"].pk}).status_code == 404
        assert client.get(url, {"unit": units["investment"].pk}).status_code == 200
    client.force_login(staff["skh_director"])
    assert client.get(url, {"agency": units["investment"].agency_id}).status_code == 404
    page = client.get(url).content.decode()
    assert "Phòng Quản lý đầu tư" not in page and "Văn phòng Sở" in page


def test_R_EO_9_a_clerk_filters_the_statistics_by_unit(client, staff, units, year_of_work):
    client.force_login(staff["clerk"])
    with time_machine.travel(at(year_of_work["today"], 10), tick=False):
        response = client.get(reverse("eoffice:statistics"),
                              {"year": 2026, "unit": units["business"].pk})
    figures = response.context["figures"]
    assert [item.unit for item in figures.units] == [units["business"]]
    assert figures.total.received_total == 1 and figures.total.overdue == 1


def test_urgent_notes_show_in_the_register(staff, registers):
    register_in(staff, registers, urgency=Urgency.URGENT)
    table = register_table(registers["in"], DAY)
    assert table.rows[0][-1] == "Urgent (Khẩn)"


def test_processing_time_counts_working_days_in_the_agencys_calendar(bql):
    """30 April and 1 May 2026 are public holidays (Thursday, Friday)."""
    from plugins.core.calendar import WorkingCalendar
    from plugins.eoffice.documents.reports.statistics import WorkingDayCounter

    counter = WorkingDayCounter(WorkingCalendar(bql))
    day = datetime.date
    assert counter.between(day(2026, 4, 29), day(2026, 5, 4)) == 1
    assert counter.between(day(2026, 3, 2), day(2026, 3, 2)) == 0
    assert counter.between(day(2026, 3, 2), day(2026, 3, 6)) == 4
    assert counter.between(day(2026, 2, 27), day(2026, 3, 2)) == 1  # Friday → Monday
    assert counter.between(day(2026, 5, 2), day(2026, 5, 4)) == 0  # arrived on a Saturday


def test_R_EO_9_charts_keep_svg_numbers_in_a_vietnamese_admin(client, staff, settings,
                                                              year_of_work):
    """Vietnamese writes 1,5 for 1.5: the charts' coordinates must not follow it."""
    import re

    settings.LANGUAGE_CODE = "vi"
    client.force_login(staff["director"])
    with time_machine.travel(at(year_of_work["today"], 10), tick=False):
        page = client.get(reverse("eoffice:statistics"), {"year": 2026}).content.decode()
    assert "Thống kê văn bản" in page
    bars = re.findall(r'<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"', page)
    assert bars and all(re.fullmatch(r"-?\d+(\.\d+)?", value) for bar in bars for value in bar)
