"""The demo's consultations on drafts of both agencies (R-SITE-6; seed 000 Đ7.9, seed 001
Đ7.2h), in Vietnamese and, for the first agency, in English."""

import pytest
from bs4 import BeautifulSoup

from plugins.core.demo import DemoContext
from plugins.core.models import Agency
from plugins.public_consultation.demo import load_consultation_demo
from plugins.public_consultation.models import (
    Comment,
    CommentStatus,
    ConsultationIndexPage,
    ConsultationPage,
)

pytestmark = pytest.mark.django_db
HOSTS = {"BQL": "localhost", "SKH": "skh.localhost"}


@pytest.fixture(autouse=True)
def _at_now():
    """The demo's windows count from the day it was loaded: read them on the real clock."""
    yield


def _soup(client, host, path, **params):
    response = client.get(path, params, HTTP_HOST=host)
    assert response.status_code == 200, (host, path)
    return BeautifulSoup(response.content, "html.parser")


def _titles(soup):
    return [a.get_text(" ", strip=True) for a in soup.select(".consultation-title a")]


def test_both_agencies_have_open_and_closed_consultations(client, demo):
    """R-SITE-6: each demo agency lists an open and a closed consultation; the open one
    takes comments and has its draft in an open format; the closed one shows its summary
    and answers; the draft page and comments not approved are never shown, nor contacts."""
    for symbol, host in HOSTS.items():
        agency = Agency.objects.get(symbol=symbol)
        index_page = ConsultationIndexPage.objects.child_of(agency.site.root_page).get(
            slug="lay-y-kien-du-thao")
        opened = _titles(_soup(client, host, index_page.url, state="open"))
        closed = _titles(_soup(client, host, index_page.url, state="closed"))
        assert opened and closed, symbol
        page = ConsultationPage.objects.live().get(title=opened[0], locale__language_code="vi")
        soup = _soup(client, host, page.url)
        assert soup.select_one("form.comment-form"), symbol
        assert soup.select(".draft-file .open-format"), symbol
        download = soup.select_one(".draft-file a")["href"]
        assert client.get(download, HTTP_HOST=host).status_code == 200
        page = ConsultationPage.objects.live().get(title=closed[0], locale__language_code="vi")
        soup = _soup(client, host, page.url)
        assert soup.select_one(".consultation-outcome"), symbol
    first = ConsultationPage.objects.get(
        title__startswith="Dự thảo Quy chế quản lý, sử dụng Trang thông tin điện tử")
    html = str(_soup(client, "localhost", first.url))
    for comment in Comment.objects.filter(page=first):
        assert comment.email not in html and comment.phone not in html
        assert (comment.text in html) == (comment.status == CommentStatus.APPROVED)
    drafts = ConsultationPage.objects.filter(live=False)
    assert drafts.exists()
    everything = _titles(_soup(client, "localhost", "/lay-y-kien-du-thao/"))
    assert not set(everything) & {draft.title for draft in drafts}
    assert len(everything) == 3


def test_the_first_agency_has_its_consultations_in_english(client, demo):
    """R-ED-16: the English list shows the English versions only."""
    soup = _soup(client, "localhost", "/en/public-consultation/")
    assert sorted(_titles(soup)) == [
        "Draft environmental protection plan of the industrial parks 2026–2030",
        "Draft regulation on the management and use of the Board's website"]
    assert soup.html["lang"] == "en"


def test_loading_the_demo_again_changes_nothing(demo):
    """The demo loader is idempotent."""
    agencies = {key: Agency.objects.get(symbol=symbol)
                for key, symbol in (("bql", "BQL"), ("skh", "SKH"))}
    context = DemoContext(log=lambda *args: None, objects={"agencies": agencies})
    before = (ConsultationPage.objects.count(), Comment.objects.count())
    load_consultation_demo(context)
    assert context.created == 0
    assert (ConsultationPage.objects.count(), Comment.objects.count()) == before


@pytest.mark.cross_plugin("portal")  # the reference site's site-wide search
def test_the_site_wide_search_finds_consultations_without_accents(client, demo):
    """R-SITE-6: /tim-kiem/ lists the consultations as a kind of their own; a draft and a
    comment are never found."""
    response = client.get("/tim-kiem/", {"q": "quy che trang thong tin",
                                         "kind": "public_consultation.consultationpage"},
                          HTTP_HOST="localhost")
    soup = BeautifulSoup(response.content, "html.parser")
    results = [(item.select_one(".search-kind").get_text(strip=True),
                " ".join(item.select_one("h3").get_text().split()))
               for item in soup.select(".search-result")]
    assert ("Dự thảo lấy ý kiến góp ý",
            "Dự thảo Quy chế quản lý, sử dụng Trang thông tin điện tử của Ban Quản lý") in results
    assert not _titles(soup)  # the search's own rows, not the list's
    for query in ("nha o cong nhan", "quang cao dich vu"):  # the draft, a refused comment
        response = client.get("/tim-kiem/", {"q": query}, HTTP_HOST="localhost")
        assert "Dự thảo Quy định về nhà ở" not in response.content.decode()
        assert "Quảng cáo dịch vụ" not in response.content.decode()
