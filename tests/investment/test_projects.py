"""Investment projects on the public site (R-SITE-3; seed 000 Đ7.5, seed 002 Đ3.7): the
project page with its facts and documents, the list (status, field, type, zone; search
without accents), the core search; drafts never public, their files neither."""

import pytest
from django.db import connection

from plugins.core.search.engine import SearchRequest, search
from plugins.investment.models import ProjectDocument, ProjectPage

from .conftest import PROJECTS, make_index, odt_bytes
from .helpers import docx_bytes_or_none, downloaded, pdf_bytes, soup_of, titles

pytestmark = pytest.mark.django_db
ROWS = ".project-row .project-title a"


def _titles(client, **params):
    return titles(client, PROJECTS, ROWS, **params)


@pytest.fixture
def listed(make_project):
    """Five published projects in three zones and a draft."""
    make_project("Hạ tầng Khu công nghiệp Tân Phước 1", status="calling",
                 field="infrastructure", zone="Khu công nghiệp Tân Phước 1",
                 objective="Thu hút dự án cơ khí, điện tử.")
    make_project("Nhà máy xử lý nước thải Long Giang", status="under_way", field="environment",
                 investor="Công ty TNHH Phát triển Hạ tầng Long Giang",
                 objective="Nâng công suất xử lý nước thải tập trung.")
    make_project("Trung tâm logistics Long Giang", status="calling", field="logistics")
    make_project("Khu nhà ở công nhân Tân Hương", status="preparing", field="urban",
                 zone="Khu công nghiệp Tân Hương", project_type="ppp")
    make_project("Đường vào Khu công nghiệp Mỹ Tho", status="finished",
                 field="infrastructure", zone="Khu công nghiệp Mỹ Tho", project_type="public")
    make_project("Điện mặt trời mái nhà bí mật", status="preparing", field="energy",
                 publish=False)


def test_the_project_page_shows_its_facts_and_documents(client, make_project, make_document):
    """R-SITE-3 (seed 000 Đ7.5): name, objective, field, type, location, scale, capital in
    đồng, duration, investor, contact; documents read online or downloaded, open formats
    marked."""
    brief = make_document("thong-tin-keu-goi.pdf", pdf_bytes())
    form = make_document("mau-dang-ky.odt", odt_bytes("Mẫu đăng ký quan tâm"))
    word = make_document("ban-do.docx", docx_bytes_or_none())
    project = make_project(
        "Hạ tầng Khu công nghiệp Tân Phước 1", status="calling", field="infrastructure",
        project_type="business", zone="Khu công nghiệp Tân Phước 1",
        objective="Xây dựng hạ tầng kỹ thuật đồng bộ.", location="Xã Tân Lập 1, huyện Tân Phước",
        scale="Khoảng 470 ha", total_capital=4_500_000_000_000,
        capital_note="khoảng 180 triệu USD", duration="2027–2032",
        contact="Phòng Quản lý đầu tư – 0273 3 871 599", documents=[brief, form, word])
    soup = soup_of(client.get(project.url))
    assert soup.h1.text == "Hạ tầng Khu công nghiệp Tân Phước 1"
    facts = soup.select_one(".project-facts").get_text(" ", strip=True)
    for text in ("Xây dựng hạ tầng kỹ thuật đồng bộ.", "Khu công nghiệp Tân Phước 1",
                 "Xã Tân Lập 1, huyện Tân Phước", "Khoảng 470 ha", "2027–2032",
                 "Phòng Quản lý đầu tư – 0273 3 871 599", "khoảng 180 triệu USD"):
        assert text in facts, text
    assert soup.select_one(".project-capital").get_text(" ", strip=True).startswith(
        "4.500.000.000.000 ₫")
    assert soup.select_one(".badge-calling").text == "Kêu gọi đầu tư"
    assert "Hạ tầng kỹ thuật" in facts and "Đầu tư kinh doanh" in facts
    assert soup.select_one(".project-investor").text == "đang tìm nhà đầu tư"
    items = {li.select_one(".attachment-title").text: li for li in soup.select(".attachment")}
    assert items["mau-dang-ky.odt"].select_one(".open-format")
    assert items["thong-tin-keu-goi.pdf"].select_one(".attachment-read")
    assert not items["ban-do.docx"].select_one(".open-format")
    assert downloaded(client, items["mau-dang-ky.odt"].select_one(".attachment-download")[
        "href"]) == form.file.open("rb").read()


def test_the_list_has_status_field_type_and_zone_facets(client, listed):
    """R-SITE-3: projects being prepared, calling for investment, under way (and finished),
    narrowed by status, field, type and zone, with counts; the draft is not counted."""
    found, soup = _titles(client)
    assert len(found) == 5
    calling = soup.select_one("input[name=status][value=calling]").parent.get_text(strip=True)
    assert calling.startswith("Kêu gọi đầu tư") and calling.endswith("(2)")
    assert soup.select_one("select[name=sort] option")["value"] == ""  # newest first
    statuses = [i["value"] for i in soup.select("input[name=status]")]
    assert statuses == ["preparing", "calling", "under_way", "finished"]  # in that order
    zones = {i["value"]: i.parent.get_text(strip=True) for i in soup.select("input[name=zone]")}
    assert zones["Khu công nghiệp Long Giang"].endswith("(2)")  # not the draft's
    found, _ = _titles(client, status="calling")
    assert sorted(found) == ["Hạ tầng Khu công nghiệp Tân Phước 1",
                             "Trung tâm logistics Long Giang"]
    found, _ = _titles(client, status="calling", zone="Khu công nghiệp Long Giang")
    assert found == ["Trung tâm logistics Long Giang"]
    found, _ = _titles(client, field="infrastructure", project_type="public")
    assert found == ["Đường vào Khu công nghiệp Mỹ Tho"]
    found, _ = _titles(client, status=["preparing", "under_way"])
    assert sorted(found) == ["Khu nhà ở công nhân Tân Hương",
                             "Nhà máy xử lý nước thải Long Giang"]


def test_search_without_accents(client, listed):
    """R-SITE-3: a citizen types without accents and finds the project, by its name, its
    objective or its investor (core search)."""
    found, soup = _titles(client, q="nuoc thai")
    assert found == ["Nhà máy xử lý nước thải Long Giang"]
    assert soup.select_one(".project-title mark")
    found, _ = _titles(client, q="phat trien ha tang")  # the investor
    assert found == ["Nhà máy xử lý nước thải Long Giang"]
    found, _ = _titles(client, q="co khi dien tu")  # the objective
    assert found == ["Hạ tầng Khu công nghiệp Tân Phước 1"]
    assert search(SearchRequest(model=ProjectPage, query="logistics")).total == 1


def test_drafts_and_their_documents_are_never_public(client, listed, make_project,
                                                      make_document,
                                                      django_capture_on_commit_callbacks):
    """R-SITE-3 / R-SEC-2: a draft project is not listed, not found, has no page, and its
    documents cannot be downloaded; a document added in a live project's unpublished draft
    is not public either until the draft is published."""
    secret = make_document("du-thao-noi-bo.odt", odt_bytes("Dự thảo nội bộ"))
    draft = make_project("Dự án dự thảo nội bộ", documents=[secret], publish=False)
    found, soup = _titles(client)
    assert "Điện mặt trời mái nhà bí mật" not in soup.get_text()
    assert "Dự án dự thảo nội bộ" not in found
    assert client.get("/du-an-dau-tu/du-an-du-thao-noi-bo/").status_code == 404
    assert draft.live is False
    assert downloaded(client, secret.url) is None
    assert search(SearchRequest(model=ProjectPage, query="du thao noi bo")).total == 0
    assert search(SearchRequest(model=ProjectPage, query="dien mat troi")).total == 0

    live = ProjectPage.objects.get(title="Trung tâm logistics Long Giang")
    later = make_document("ke-hoach-chua-duyet.odt", odt_bytes("Kế hoạch chưa duyệt"))
    live.documents.add(ProjectDocument(document=later))
    with django_capture_on_commit_callbacks(execute=True):
        revision = live.save_revision()  # a draft of the live page
    assert "ke-hoach-chua-duyet.odt" not in client.get(live.url).content.decode()
    assert downloaded(client, later.url) is None
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    assert downloaded(client, later.url) is not None


def test_unpublishing_takes_the_project_out_of_the_list(client, listed,
                                                        django_capture_on_commit_callbacks):
    """R-SITE-3: a project taken down leaves the list and the search at once."""
    project = ProjectPage.objects.get(title="Trung tâm logistics Long Giang")
    with django_capture_on_commit_callbacks(execute=True):
        project.unpublish()
    found, _ = _titles(client)
    assert "Trung tâm logistics Long Giang" not in found
    assert search(SearchRequest(model=ProjectPage, query="logistics")).total == 0


BAD_INPUT = [
    "q=%22unclosed", "q=" + "x" * 10_000, "status=nope", "field=%00", "zone=Khu+la",
    "zone=" + "x" * 5000, "project_type=zzz", "sort=evil", "page=-1", "page=" + "9" * 30,
    "q=a%00b", "q=%C3%28", "q=%FF%FE", "status=calling&status=calling", "%00=1",
]


@pytest.mark.parametrize("query", BAD_INPUT)
def test_hostile_parameters_are_dropped_with_a_notice(client, listed, query):
    """R-SEC-3: every parameter is optional; a bad one is ignored, never a 500; an
    unknown value of a facet is said."""
    client.raise_request_exception = False
    response = client.get(f"{PROJECTS}?{query}")
    assert response.status_code == 200, query
    if query in ("status=nope", "zone=Khu+la"):
        assert soup_of(response).select_one(".notice")


def test_each_agency_lists_its_own_projects(client, make_agency, make_project, agency):
    """Pages are per site: another agency's projects and zones are not in this list."""
    from plugins.investment.models import ProjectIndexPage

    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư", hostname="skh.test", own_home=True)
    other_list = make_index(other, ProjectIndexPage, "du-an-dau-tu", "Dự án đầu tư")
    make_project("Dự án của Ban Quản lý")
    make_project("Dự án của Sở", zone="Thị xã Sa Pa", into=other_list)
    found, soup = _titles(client)
    assert found == ["Dự án của Ban Quản lý"]
    assert not soup.select("input[name=zone][value='Thị xã Sa Pa']")
    soup = soup_of(client.get(PROJECTS, HTTP_HOST="skh.test"))
    assert [a.text.strip() for a in soup.select(ROWS)] == ["Dự án của Sở"]


def test_the_list_uses_a_constant_number_of_queries(client, make_project, make_document,
                                                     django_assert_max_num_queries):
    """Every list stays at a fixed number of SQL queries whatever its length."""
    for i in range(3):
        make_project(f"Dự án hạ tầng số {i}", zone=f"Khu công nghiệp số {i}")
    with django_assert_max_num_queries(40) as small:
        client.get(PROJECTS, {"q": "ha tang"})
    for i in range(12):
        make_project(f"Dự án hạ tầng số {i + 10}", zone=f"Khu công nghiệp số {i + 10}",
                     total_capital=1_000_000_000 * i)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(PROJECTS, {"q": "ha tang"})
    assert response.content.decode().count('class="project-row"') == 15
    assert connection.vendor in ("sqlite", "postgresql")


def test_a_view_restriction_takes_the_projects_out_of_the_search(
        client, listed, project_list, django_capture_on_commit_callbacks):
    """R-SEC-2: a list made private (a password, say) takes its projects out of the core
    search; removing the restriction brings them back."""
    from wagtail.models import PageViewRestriction

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=project_list, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert search(SearchRequest(model=ProjectPage, query="logistics")).total == 0
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert search(SearchRequest(model=ProjectPage, query="logistics")).total == 1
