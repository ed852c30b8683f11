"""The public pages: the list, a procedure's page, its printable checklist and its form
downloads (R-PR-1, R-PR-2, R-PR-3, R-PR-4, R-PR-5)."""

import json
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from plugins.core.models import Position, Unit
from plugins.procedures import online
from plugins.procedures.models import FormDownload, ProcedurePage
from plugins.procedures.records import Paper

from .conftest import docx_bytes, make_index, odt_bytes

pytestmark = pytest.mark.django_db
LIST = "/thu-tuc-hanh-chinh/"


def _soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def _codes(client, **params):
    soup = _soup(client.get(LIST, params))
    return [cell.text.strip() for cell in soup.select(".procedure-row .procedure-code")], soup


@pytest.fixture
def listed(make_procedure):
    make_procedure("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư",
                   extra={"online_level": 4, "online_url": "https://dichvucong.gov.vn"})
    make_procedure("2.000205", "Cấp giấy phép lao động cho người lao động nước ngoài",
                   fields=[("", "Việc làm")])
    make_procedure("1.004975", "Cấp Giấy chứng nhận đầu tư theo Luật Đầu tư 2005",
                   extra={"status": "abolished", "status_note": "Thay bằng thủ tục 1.009645."})
    make_procedure("1.009999", "Dự thảo thủ tục chưa công bố", publish=False)


def test_the_list_shows_the_current_procedures_in_a_compact_table(client, listed):
    """R-PR-1: the current procedures as announced; a draft never, an abolished one only
    when asked; each row with code, subject area, level, online level, time and fees."""
    codes, soup = _codes(client)
    assert sorted(codes) == ["1.009645", "2.000205"]
    row = soup.select_one(".procedure-row")
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
    assert len(cells) == 7
    assert any("15" in cell for cell in cells)
    assert "1.009999" not in soup.get_text()
    codes, soup = _codes(client, abolished="1")
    assert "1.004975" in codes
    assert soup.select_one(".procedure-row.abolished .badge-abolished")


def test_search_without_accents_with_facets_and_the_code_first(client, listed):
    """R-PR-5: a citizen types without accents; facets show counts; a code comes first."""
    codes, soup = _codes(client, q="giay phep lao dong")
    assert codes == ["2.000205"]
    assert soup.select_one(".procedure-name mark").text.lower() == "giấy"
    codes, soup = _codes(client, q="1.009645")
    assert codes[0] == "1.009645"
    codes, soup = _codes(client)
    facets = soup.select_one(".facets").get_text(" ", strip=True)
    assert "(2)" in facets and "(1)" in facets
    online_value = soup.select_one("input[name=online][value='4']")
    assert online_value is not None
    codes, _ = _codes(client, online="4")
    assert codes == ["1.009645"]


BAD_INPUT = [
    {"q": '"unclosed'}, {"q": "OR OR -"}, {"q": "x" * 10_000}, {"q": "\x00\x1f ctl"},
    {"q": "'; DROP TABLE wagtailcore_page; --"}, {"field": "9999"}, {"level": "galaxy"},
    {"online": "7"}, {"body": "Không có"}, {"sort": "evil"}, {"page": "-1"},
    {"page": "99999999"}, {"abolished": "maybe"}, {"submitted": "2026-02-31"},
]


def test_bad_input_gives_a_page_never_a_500(client, listed):
    for params in BAD_INPUT:
        assert client.get(LIST, params).status_code == 200, params


def test_unknown_filter_values_are_ignored_with_a_notice(client, listed):
    codes, soup = _codes(client, level="galaxy")
    assert sorted(codes) == ["1.009645", "2.000205"]
    assert soup.select_one(".notice")


def test_another_agency_never_sees_these_procedures(client, listed, make_agency,
                                                    make_procedure):
    """R-ORG-3: each agency's list shows its own procedures only."""
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai", hostname="skh.test",
                        own_home=True)
    make_procedure("1.000001", "Thủ tục của Sở", into=make_index(other))
    codes, _ = _codes(client)
    assert "1.000001" not in codes
    soup = _soup(client.get(LIST, HTTP_HOST="skh.test"))
    assert [c.text.strip() for c in soup.select(".procedure-code")] == ["1.000001"]


def test_list_uses_a_constant_number_of_queries(client, make_procedure,
                                                django_assert_max_num_queries):
    """Every list stays at a fixed number of SQL queries whatever its length."""
    for i in range(3):
        make_procedure(f"1.00010{i}", f"Thủ tục đầu tư số {i}")
    with django_assert_max_num_queries(40) as small:
        client.get(LIST, {"q": "thu tuc"})
    for i in range(12):
        make_procedure(f"1.0002{i:02d}", f"Thủ tục đầu tư số {i + 10}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(LIST, {"q": "thu tuc"})
    assert response.content.decode().count('class="procedure-row') == 15


@pytest.fixture
def forms(make_document):
    return {
        "docx": make_document("mau-a-i-1.docx", docx_bytes("Văn bản đề nghị")),
        "odt": make_document("mau-a-i-1.odt", odt_bytes("Văn bản đề nghị")),
    }


@pytest.fixture
def procedure(make_procedure, forms, agency):
    unit = Unit.objects.create(agency=agency, name="Phòng Quản lý doanh nghiệp",
                               phone="0273 3871 570")
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("chuyenvien", email="diem@tiengiang.gov.vn",
                                                first_name="Huỳnh Ngọc", last_name="Diễm")
    position = Position.objects.create(user=user, unit=unit, title="Chuyên viên")
    return make_procedure(
        "2.000205", "Cấp giấy phép lao động cho người lao động nước ngoài",
        steps=[{"case": "Cấp mới", "steps": ["Bước 1: Nộp hồ sơ.", "Bước 2: Nhận kết quả."]},
               {"case": "Cấp lại", "steps": ["Bước 1: Nộp văn bản đề nghị cấp lại."]}],
        channels=[{"channel": 1, "times": [{"value": 5, "unit": "working_days",
                                            "description": "Kể từ ngày nhận đủ hồ sơ",
                                            "fees": [{"amount": 600000, "unit": "Đồng",
                                                      "description": "Lệ phí"}]}]},
                  {"channel": 2, "times": [{"value": 3, "unit": "working_days",
                                            "description": "", "fees": []}]}],
        dossier=[{"case": "Cấp mới", "papers": [
            Paper(name="Văn bản đề nghị cấp giấy phép lao động", originals=1, copies=0,
                  form_name="Mẫu số 11/PLI"),
            Paper(name="Bản sao hộ chiếu", originals=0, copies=1)]},
            {"case": "Cấp lại", "papers": [Paper(name="Giấy phép lao động đã cấp")]}],
        files={(0, 0): [("mau-a-i-1.docx", docx_bytes("Văn bản đề nghị")),
                        ("mau-a-i-1.odt", odt_bytes("Văn bản đề nghị"))]},
        requirements="Đủ 18 tuổi trở lên.",
        legal_basis=[("45/2019/QH14", "Bộ luật Lao động"),
                     ("152/2020/NĐ-CP", "Nghị định về người lao động nước ngoài")],
        related_codes=["1.009645"],
        announcing_decision="Quyết định số 2140/QĐ-UBND ngày 15/09/2023",
        extra={"online_level": 4, "online_url": "https://dichvucong.gov.vn/p/lao-dong",
               "receiving_position": position},
    )


def test_detail_page_shows_steps_where_to_submit_officer_time_fees_conditions(
    client, procedure
):
    """R-PR-2: steps per case, where to submit, the receiving officer's name and contact
    (from the staff position), processing time, fees, other conditions."""
    soup = _soup(client.get(procedure.url))
    text = soup.get_text(" ", strip=True)
    assert [h.text for h in soup.select("#steps-title ~ .case-title")][:2] == ["Cấp mới",
                                                                            "Cấp lại"]
    assert len(soup.select("ol.steps li")) == 3
    assert "Số 27 Nam Kỳ Khởi Nghĩa" in text
    officer = soup.select_one(".officer").get_text(" ", strip=True)
    assert "Huỳnh Ngọc Diễm" in officer and "Chuyên viên" in officer
    assert "0273 3871 570" in officer and "diem@tiengiang.gov.vn" in officer
    channels = soup.select_one("table.channels").get_text(" ", strip=True)
    assert "600.000 đồng" in channels and "Lệ phí" in channels
    assert "Đủ 18 tuổi trở lên." in text
    assert "45/2019/QH14 Bộ luật Lao động" in text
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "GovernmentService" and data["identifier"] == "2.000205"


def test_free_text_officer_when_no_staff_position(client, make_procedure):
    """R-PR-2: the officer's details as written when no position is chosen."""
    page = make_procedure("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư", extra={
        "receiving_name": "Nguyễn Thị Kim Ngân", "receiving_title": "Chuyên viên Một cửa",
        "receiving_phone": "0273 3871 571", "receiving_email": "motcua@tiengiang.gov.vn"})
    officer = _soup(client.get(page.url)).select_one(".officer").get_text(" ", strip=True)
    assert "Nguyễn Thị Kim Ngân" in officer and "motcua@tiengiang.gov.vn" in officer


def test_forms_download_counted_and_open_format_marked(client, procedure):
    """R-PR-3: form templates to download (online service level 2), counted; ODF marked."""
    soup = _soup(client.get(procedure.url))
    links = soup.select("a.form-download")
    assert [link.contents[0].strip() for link in links] == ["DOCX", "ODT"]
    assert "open-format" not in str(links[0]) and links[1].select_one(".open-format")
    response = client.get(links[1]["href"])
    assert response.status_code == 302
    document_id = int(links[1]["href"].rstrip("/").rsplit("/", 1)[1])
    assert FormDownload.objects.get(document_id=document_id).count == 1
    client.get(links[1]["href"])
    assert FormDownload.objects.get(document_id=document_id).count == 2
    assert "2 lượt tải" in client.get(procedure.url).content.decode() or \
        "2 downloads" in client.get(procedure.url).content.decode()


def test_only_this_procedures_forms_can_be_downloaded_through_it(client, procedure,
                                                                make_document):
    stranger = make_document("khac.pdf", b"%PDF-1.4\n%%EOF\n")
    url = procedure.url + f"bieu-mau/{stranger.pk}/"
    assert client.get(url).status_code == 404
    assert not FormDownload.objects.filter(document=stranger).exists()


def test_printable_checklist_of_papers(client, procedure):
    """R-PR-2: a printable "what to bring" list, all cases or one."""
    soup = _soup(client.get(procedure.url + "danh-muc-ho-so/"))
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    rows = soup.select("table.checklist-table tbody tr")
    assert len(rows) == 3
    assert "☐" in rows[0].get_text() and "Mẫu số 11/PLI" in rows[0].get_text()
    one = _soup(client.get(procedure.url + "danh-muc-ho-so/", {"case": "1"}))
    assert len(one.select("table.checklist-table tbody tr")) == 1


def test_detail_and_checklist_use_a_constant_number_of_queries(
    client, make_procedure, make_document, django_assert_max_num_queries
):
    """Detail page: the same queries for one paper or many, one form file or many."""
    def papers(count):
        return [{"case": "", "papers": [Paper(name=f"Giấy tờ {i}") for i in range(count)]}]

    def files(count):
        return {(0, i): [(f"mau-{i}.docx", docx_bytes(f"Mẫu {i}"))] for i in range(count)}

    small = make_procedure("1.000101", "Nhỏ", dossier=papers(1), files=files(1),
                           legal_basis=[("61/2020/QH14", "Luật Đầu tư")],
                           related_codes=["1.000102"])
    large = make_procedure("1.000102", "Lớn", dossier=papers(8), files=files(8),
                           legal_basis=[("61/2020/QH14", "Luật Đầu tư"),
                                        ("31/2021/NĐ-CP", "Nghị định"),
                                        ("03/2021/TT-BKHĐT", "Thông tư")],
                           related_codes=["1.000101", "1.000103"])
    for url in ("", "danh-muc-ho-so/"):
        client.get(small.url + url)  # warm the site and content type caches
        with django_assert_max_num_queries(40) as counted:
            client.get(small.url + url)
        with django_assert_max_num_queries(len(counted.captured_queries)):
            response = client.get(large.url + url)
        assert response.status_code == 200


def test_online_level_and_submission_link(client, procedure, make_procedure):
    """R-PR-4: the level is shown; from level 3 the page links to the online service."""
    soup = _soup(client.get(procedure.url))
    assert soup.select_one(".online-level-4")
    assert soup.find("a", href="https://dichvucong.gov.vn/p/lao-dong")
    level2 = make_procedure("1.009653", "Cấp lại Giấy chứng nhận")
    soup = _soup(client.get(level2.url))
    assert soup.select_one(".online-level-2") and not soup.find("a", rel="external")


def test_moving_a_procedure_to_level_3_needs_its_online_address(make_procedure):
    """R-PR-4: the agency raises the level later; level 3 or 4 needs a submission address."""
    page = make_procedure("1.009653", "Cấp lại Giấy chứng nhận")
    page.online_level = 3
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "online_url" in error.value.message_dict
    page.online_url = "https://dichvucong.tiengiang.gov.vn/thu-tuc/1.009653"
    page.full_clean()
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.online_level == 3


def test_an_online_service_provider_plugs_in(client, make_procedure):
    """R-PR-4: the extension point a later e-forms plugin uses."""
    page = make_procedure("1.009653", "Cấp lại Giấy chứng nhận")

    def provider(procedure):
        return f"https://eforms.example.vn/{procedure.code}" if procedure.code == "1.009653" \
            else None

    online.register_provider(provider)
    try:
        page.online_level = 3
        page.full_clean()  # no address of its own needed: the provider gives one
        page.save_revision().publish()
        soup = _soup(client.get(page.url))
        assert soup.find("a", href="https://eforms.example.vn/1.009653")
    finally:
        online.unregister_provider(provider)


def test_legal_basis_is_text_without_the_legal_library(client, procedure, monkeypatch):
    """Without plugins.legal_docs, legal bases are plain text, never broken links."""
    from plugins.procedures.models import procedures as models

    monkeypatch.setattr(models, "legal_docs_installed", lambda: False)
    monkeypatch.setattr("plugins.procedures.legal_links.legal_docs_installed", lambda: False)
    soup = _soup(client.get(procedure.url))
    items = soup.select("ul.legal-bases li")
    assert [item.get_text(strip=True) for item in items][0] == "45/2019/QH14 Bộ luật Lao động"
    assert not soup.select("ul.legal-bases a")


@pytest.mark.cross_plugin("plugins.legal_docs")
def test_legal_basis_links_to_the_legal_library_by_number(client, procedure, agency,
                                                           settings, committed):
    """With plugins.legal_docs, a basis links to the published document of that number,
    found through the core search index (no import of the other plugin) — from the very
    next request after it is published, though pages made afresh keep the numbers' lookup
    in memory (R-SITE-8)."""
    import datetime

    from plugins.legal_docs.models import (
        DocumentType,
        IssuerLevel,
        IssuingBody,
        LegalDocumentIndexPage,
        LegalDocumentPage,
    )
    from plugins.legal_docs.national_types import ensure_document_types

    types = ensure_document_types(DocumentType)
    library = LegalDocumentIndexPage(title="Văn bản", slug="van-ban")
    agency.site.root_page.add_child(instance=library)
    library.save_revision().publish()
    issuer = IssuingBody.objects.create(name="Quốc hội", abbreviation="QH",
                                        level=IssuerLevel.CENTRAL)
    law = LegalDocumentPage(title="Bộ luật Lao động", slug="bo-luat-lao-dong",
                            number="45/2019/QH14", doc_type=types["QĐ"], issuing_body=issuer,
                            issue_date=datetime.date(2019, 11, 20), summary="Bộ luật Lao động")
    settings.PORTAL_PAGE_CACHE = {"ENABLED": False, "SHARED_ROWS": True}
    assert not _soup(client.get(procedure.url)).select("ul.legal-bases a")  # not yet
    with committed():
        library.add_child(instance=law)
        law.save_revision().publish()
    soup = _soup(client.get(procedure.url))
    links = soup.select("ul.legal-bases a")
    assert [link["href"] for link in links] == [urlparse(law.url).path]
    assert len(soup.select("ul.legal-bases li")) == 2  # the other stays text


def test_code_format_and_uniqueness_in_the_agency(index_page, make_procedure):
    """R-PR-1: one procedure per national code in an agency's list, with a clear message."""
    make_procedure("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư")
    form_class = ProcedurePage.get_edit_handler().get_form_class()
    base = {"title": "Khác", "slug": "khac", "implementing_body": "Ban Quản lý",
            "online_level": "2", "status": "in_force"}
    base.update({f"{name}-count": "0" for name in ("steps", "channels", "dossier", "results")})
    base.update({"legal_bases-TOTAL_FORMS": "0", "legal_bases-INITIAL_FORMS": "0",
                 "legal_bases-MIN_NUM_FORMS": "0", "legal_bases-MAX_NUM_FORMS": "1000"})
    form = form_class({**base, "code": " 1.009645 "}, instance=ProcedurePage(),
                      parent_page=index_page, for_user=None)
    assert not form.is_valid()
    assert "1.009645" in str(form.errors["code"])
    form = form_class({**base, "code": "TTHC-01"}, instance=ProcedurePage(),
                      parent_page=index_page, for_user=None)
    assert not form.is_valid()
    assert "1.115678" in str(form.errors["code"])


def test_receiving_officer_choices_are_the_agencys_own_staff(index_page, agency, make_agency,
                                                           make_staff):
    """R-SEC-2: the editor chooses among the positions of the page's own agency."""
    unit = Unit.objects.create(agency=agency, name="Văn phòng")
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư", own_home=True)
    other_unit = Unit.objects.create(agency=other, name="Văn phòng Sở")
    make_staff("vanthu", agency, unit=unit)
    make_staff("vanthu.skh", other, unit=other_unit)
    form_class = ProcedurePage.get_edit_handler().get_form_class()
    form = form_class(instance=ProcedurePage(), parent_page=index_page, for_user=None)
    choices = list(form.fields["receiving_position"].queryset)
    assert [position.unit for position in choices] == [unit]


def test_the_officer_is_read_once_and_a_new_phone_is_on_the_next_page(
        client, procedure, settings, committed):
    """R-PR-2, R-SITE-8: pages made afresh keep the receiving officer's details in memory
    (page_cache.shared), and show the staff list's change on the very next request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PORTAL_PAGE_CACHE = {"ENABLED": False, "SHARED_ROWS": True}
    client.get(procedure.url)
    with CaptureQueriesContext(connection) as queries:
        soup = _soup(client.get(procedure.url))
    assert not [q for q in queries.captured_queries if 'FROM "core_position"' in q["sql"]]
    assert "0273 3871 570" in soup.select_one(".officer").get_text(" ", strip=True)
    with committed():
        Position.objects.filter(pk=procedure.receiving_position_id).update(phone="0273 999 1234")
    officer = _soup(client.get(procedure.url)).select_one(".officer").get_text(" ", strip=True)
    assert "0273 999 1234" in officer and "0273 3871 570" not in officer


def test_subject_areas_and_legal_bases_are_kept_and_a_change_is_on_the_next_page(
        client, procedure, settings, committed):
    """R-PR-2, R-SITE-8: a procedure page made afresh reads its subject areas and legal
    bases once per process; a subject area added or a legal basis added by an editor is on
    the very next request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plugins.procedures.models import LegalBasis, ProcedureField

    settings.PORTAL_PAGE_CACHE = {"ENABLED": False, "SHARED_ROWS": True}
    client.get(procedure.url)
    with CaptureQueriesContext(connection) as queries:
        text = _soup(client.get(procedure.url)).get_text(" ", strip=True)
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert 'FROM "procedures_legalbasis"' not in sql
    assert 'FROM "procedures_procedurefield"' not in sql
    assert "152/2020/NĐ-CP" in text
    with committed():
        field = ProcedureField.objects.create(name="Việc làm")
        ProcedurePage.procedure_fields.through.objects.create(
            procedurepage=procedure, procedurefield=field)
        LegalBasis.objects.create(page=procedure, number="70/2023/NĐ-CP", sort_order=9,
                                  title="Nghị định sửa đổi Nghị định 152/2020/NĐ-CP")
    text = _soup(client.get(procedure.url)).get_text(" ", strip=True)
    assert "Việc làm" in text and "70/2023/NĐ-CP" in text


def test_forms_and_their_counts_are_kept_and_a_download_is_on_the_next_page(
        client, procedure, settings, committed):
    """R-PR-3, R-SITE-8: a procedure page made afresh reads its form files and their
    download counts once per process, and not again until they change: a download, or a
    form file an editor renames, is on the very next request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.documents import get_document_model

    settings.PORTAL_PAGE_CACHE = {"ENABLED": False, "SHARED_ROWS": True}
    link = _soup(client.get(procedure.url)).select("a.form-download")[1]
    with CaptureQueriesContext(connection) as queries:
        client.get(procedure.url)
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert 'FROM "wagtaildocs_document"' not in sql
    assert 'FROM "procedures_formdownload"' not in sql
    with committed():
        assert client.get(link["href"]).status_code == 302
    counts = [item.get_text(strip=True) for item in
              _soup(client.get(procedure.url)).select(".downloads")]
    assert counts[1] in ("1 lượt tải", "1 download") and counts[0] in ("0 lượt tải",
                                                                       "0 downloads")
    document_id = int(link["href"].rstrip("/").rsplit("/", 1)[1])
    document = get_document_model().objects.get(pk=document_id)
    with committed():
        document.file.name = document.file.name.replace(".odt", "-moi.odt")
        document.save()
    href = _soup(client.get(procedure.url)).select("a.form-download")[1]["href"]
    assert href == link["href"]  # the same file, by its id
    assert client.get(href).url.endswith("-moi.odt")


def test_a_page_holding_its_legal_bases_in_memory_shows_its_own(procedure, settings, rf):
    """R-PR-2: a preview (the page built from the editor's form, its legal bases in memory)
    shows what the editor typed, not what the other requests keep."""
    from plugins.core.page_cache import shared
    from plugins.procedures import legal_links
    from plugins.procedures.models import LegalBasis

    settings.PORTAL_PAGE_CACHE = {"ENABLED": False, "SHARED_ROWS": True}
    request = rf.get(procedure.url)
    with shared.serving(request):
        kept = [str(link) for link in legal_links.resolve(procedure)[0]]
        edited = ProcedurePage.objects.get(pk=procedure.pk)
        edited.legal_bases = [LegalBasis(number="70/2023/NĐ-CP", title="Nghị định mới")]
        shown = [str(link) for link in legal_links.resolve(edited)[0]]
    assert any("152/2020/NĐ-CP" in label for label in kept)
    assert len(shown) == 1 and "70/2023/NĐ-CP" in shown[0]
