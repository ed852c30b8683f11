"""The demo's statistics: land prices and the PCI by year for both demo agencies, in
Vietnamese, and in English where the site has English (seed 002 Đ3.11; seed 001 Đ3.3,
Đ7.3; R-ED-16; R-ORG-3)."""

import pytest
from bs4 import BeautifulSoup

from plugins.core.demo import DemoContext
from plugins.core.models import Agency
from plugins.stats_pages.demo import load_statistics_demo
from plugins.stats_pages.models import StatisticsPage

pytestmark = pytest.mark.django_db


def test_each_demo_agency_lists_its_land_prices_and_pci(client, demo):
    for symbol, host, province in (("BQL", "localhost", "Tiền Giang"),
                                   ("SKH", "skh.localhost", "Lào Cai")):
        agency = Agency.objects.get(symbol=symbol)
        pages = StatisticsPage.objects.live().filter(agency=agency, locale__language_code="vi")
        assert {page.topic for page in pages} == {"land", "investment"}
        pci = pages.get(topic="investment")
        assert province in pci.title and len(pci.table["rows"]) == 10
        assert "minh họa" in pci.source  # never passed off as official figures
        response = client.get("/thong-ke/", HTTP_HOST=host)
        titles = [a.get_text(" ", strip=True) for a in BeautifulSoup(
            response.content, "html.parser").select(".statistics-title a")]
        assert len(titles) == 2 and any("PCI" in title for title in titles)
        soup = BeautifulSoup(client.get(pci.url, HTTP_HOST=host).content, "html.parser")
        assert soup.select_one("figure.statistics-chart svg path")
        assert len(soup.select("table.statistics-table tbody tr")) == 10


def test_the_demo_loader_runs_twice_without_changing_anything(demo):
    before = StatisticsPage.objects.count()
    context = DemoContext(log=lambda *args: None, objects={"agencies": {
        "bql": Agency.objects.get(symbol="BQL"), "skh": Agency.objects.get(symbol="SKH")}})
    load_statistics_demo(context)
    assert context.created == 0 and StatisticsPage.objects.count() == before


@pytest.mark.cross_plugin("portal")  # English pages: the reference site
def test_the_first_agency_has_its_statistics_in_english(client, demo):
    """R-ED-16: the English list and pages, English headers, the same figures."""
    response = client.get("/en/statistics/")
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [a.get_text(" ", strip=True) for a in soup.select(".statistics-title a")]
    assert "Provincial Competitiveness Index (PCI) of Tien Giang, 2015–2024" in titles
    page = StatisticsPage.objects.get(slug="provincial-competitiveness-index-pci")
    vietnamese = StatisticsPage.objects.get(translation_key=page.translation_key,
                                            locale__language_code="vi")
    assert page.table["headers"] == ["Year", "PCI score", "Rank"]
    assert page.table["rows"] == vietnamese.table["rows"]
    html = client.get(page.url).content.decode()
    assert "Line chart" in html and "66.85" in html
