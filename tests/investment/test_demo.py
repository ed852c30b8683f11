"""The demo's investment projects and procurement notices of both agencies (R-SITE-3; seed
000 Đ7.5, seed 002 Đ3.7), in Vietnamese and, for the first agency, in English."""

import pytest
from bs4 import BeautifulSoup

from plugins.core.demo import DemoContext
from plugins.core.models import Agency
from plugins.investment.demo import load_investment_demo
from plugins.investment.models import (
    NoticeIndexPage,
    NoticePage,
    ProjectIndexPage,
    ProjectPage,
)

pytestmark = pytest.mark.django_db
HOSTS = {"BQL": "localhost", "SKH": "skh.localhost"}


def _rows(client, host, path, selector, **params):
    response = client.get(path, params, HTTP_HOST=host)
    assert response.status_code == 200, (host, path)
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(" ", strip=True) for a in soup.select(selector)], soup


def test_both_agencies_list_projects_of_several_statuses_with_documents(client, demo):
    """R-SITE-3: each demo agency lists projects calling for investment and under way, with
    their documents (open formats marked); the draft is never shown."""
    for symbol, host in HOSTS.items():
        agency = Agency.objects.get(symbol=symbol)
        projects = ProjectIndexPage.objects.child_of(agency.site.root_page).get(
            slug="du-an-dau-tu")
        calling, soup = _rows(client, host, projects.url, ".project-title a", status="calling")
        under_way, _ = _rows(client, host, projects.url, ".project-title a",
                             status="under_way")
        assert calling and under_way, symbol
        assert soup.select("input[name=zone]"), symbol
        project = ProjectPage.objects.live().child_of(projects).filter(
            title__in=calling).exclude(documents=None).first()
        page = BeautifulSoup(client.get(project.url, HTTP_HOST=host).content, "html.parser")
        assert page.select(".attachment .open-format"), symbol
        assert "₫" in page.select_one(".project-capital").text
        download = page.select_one("a.attachment-download")["href"]
        assert client.get(download, HTTP_HOST=host).status_code == 200
    drafts = ProjectPage.objects.filter(live=False, locale__language_code="vi")
    assert drafts.exists()
    everything, _ = _rows(client, "localhost", "/du-an-dau-tu/", ".project-title a")
    assert not set(everything) & {draft.title for draft in drafts}
    for draft in drafts:
        for item in draft.documents.all():
            assert client.get(item.document.url, HTTP_HOST="localhost").status_code == 404


def test_both_agencies_have_open_and_closed_notices_and_results(client, demo):
    """Seed 002 Đ3.7: open and closed notices for each agency; a closed one shows its
    results; the draft notice and its file are never public."""
    for symbol, host in HOSTS.items():
        agency = Agency.objects.get(symbol=symbol)
        notices = NoticeIndexPage.objects.child_of(agency.site.root_page).get(
            slug="thong-tin-dau-thau")
        open_, _ = _rows(client, host, notices.url, ".notice-title a", state="open")
        closed, soup = _rows(client, host, notices.url, ".notice-title a", state="closed")
        assert open_ and closed, symbol
        assert soup.select_one(".notice-row .badge-closed").text == "Đã đóng thầu"
        with_results = [page for page in NoticePage.objects.live().child_of(notices)
                        if page.has_results_text]
        page = BeautifulSoup(client.get(with_results[0].url, HTTP_HOST=host).content,
                             "html.parser")
        assert page.select_one(".notice-results"), symbol
    draft = NoticePage.objects.get(live=False, locale__language_code="vi")
    everything, _ = _rows(client, "localhost", "/thong-tin-dau-thau/", ".notice-title a")
    assert draft.title not in everything
    assert client.get(draft.documents.first().document.url,
                      HTTP_HOST="localhost").status_code == 404


def test_the_first_agency_has_its_lists_in_english(client, demo):
    """R-ED-16: the English lists show the English versions only."""
    titles, soup = _rows(client, "localhost", "/en/investment-projects/", ".project-title a")
    assert sorted(titles) == ["Infrastructure of Tan Phuoc 1 Industrial Park",
                              "Long Giang Industrial Park central waste water plant, phase 2"]
    assert soup.html["lang"] == "en"
    assert "Calling for investment" in soup.get_text()
    titles, soup = _rows(client, "localhost", "/en/bidding-and-procurement/",
                         ".notice-title a")
    assert len(titles) == 2 and "Bids closed" in soup.get_text()


def test_loading_the_demo_again_changes_nothing(demo):
    """The demo loader is idempotent."""
    agencies = {key: Agency.objects.get(symbol=symbol)
                for key, symbol in (("bql", "BQL"), ("skh", "SKH"))}
    context = DemoContext(log=lambda *args: None, objects={"agencies": agencies})
    before = (ProjectPage.objects.count(), NoticePage.objects.count())
    load_investment_demo(context)
    assert context.created == 0
    assert (ProjectPage.objects.count(), NoticePage.objects.count()) == before
