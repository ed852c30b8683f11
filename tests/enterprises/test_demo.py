"""The demo's enterprise directories of both demo agencies, in Vietnamese and, for the first
agency, in English (seed 000 Đ4.2a; seed 001 Đ7.2g, Đ8.4; R-ED-16); found by the site-wide
search where the reference site is installed."""

import pytest
from bs4 import BeautifulSoup

from plugins.enterprises.models import Enterprise

pytestmark = pytest.mark.django_db
HOSTS = {"BQL": "localhost", "SKH": "skh.localhost"}


def _names(client, host, path, **params):
    response = client.get(path, params, HTTP_HOST=host)
    assert response.status_code == 200, (host, path)
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(a.get_text().split()) for a in soup.select(".enterprise-title a")], soup


def test_both_agencies_list_their_published_enterprises(client, demo):
    """Each demo agency's directory lists its own published enterprises, never the one kept
    in the admin only, nor the other agency's."""
    for symbol, host in HOSTS.items():
        names, soup = _names(client, host, "/doanh-nghiep/")
        published = set(Enterprise.objects.filter(agency__symbol=symbol, is_published=True)
                        .values_list("name", flat=True))
        assert set(names) == published and len(names) >= 5, symbol
        hidden = Enterprise.objects.get(agency__symbol=symbol, is_published=False)
        assert hidden.name not in soup.get_text()
        assert soup.select("fieldset.facet-zone label") and soup.select(
            "fieldset.facet-status label")
    names, _ = _names(client, "localhost", "/doanh-nghiep/", q="luyen kim")
    assert names == []  # Lào Cai's metallurgy is not in Tiền Giang's directory


def test_the_english_directory_and_a_search_without_accents(client, demo):
    names, soup = _names(client, "localhost", "/en/enterprises/", q="thuy san")
    assert names == ["Công ty Cổ phần Chế biến Thủy sản Tiền Giang"]
    assert soup.h1.get_text(strip=True) == "Enterprises"
    detail = client.get(soup.select_one(".enterprise-title a")["href"], HTTP_HOST="localhost")
    assert "Tien Giang Seafood Processing JSC" in detail.content.decode()


def test_the_lao_cai_directory_shows_its_stale_date(client, demo):
    """Seed 001 Đ8.4: the demo dates the Lào Cai data four months back."""
    _, soup = _names(client, "skh.localhost", "/doanh-nghiep/")
    assert "Dữ liệu cập nhật lần cuối ngày" in soup.select_one(".enterprise-updated").get_text()


@pytest.mark.cross_plugin("portal")  # the reference site's search
def test_the_site_wide_search_finds_an_enterprise_and_links_to_its_page(client, demo):
    response = client.get("/tim-kiem/", {"q": "may mac phuong nam"}, HTTP_HOST="localhost")
    soup = BeautifulSoup(response.content, "html.parser")
    links = [a["href"] for a in soup.select(".search-result a")]
    enterprise = Enterprise.objects.get(name="Công ty TNHH May mặc Phương Nam Mỹ Tho")
    assert f"/doanh-nghiep/{enterprise.pk}/" in links
    kinds = soup.select_one("fieldset.facet-kind").get_text(" ", strip=True)
    assert "Doanh nghiệp" in kinds
    hidden = Enterprise.objects.get(agency__symbol="BQL", is_published=False)
    response = client.get("/tim-kiem/", {"q": "thuc pham xanh"}, HTTP_HOST="localhost")
    assert hidden.name not in BeautifulSoup(response.content, "html.parser").get_text()


@pytest.mark.cross_plugin("plugins.editorial_board")
def test_the_board_sees_the_lao_cai_directory_overdue(demo):
    """R-ED-8: the demo's Lào Cai data is four months old: its directory is due for review;
    the Tiền Giang one, just updated, is not."""
    from plugins.core.models import Agency
    from plugins.editorial_board.reviews import services as reviews

    due = {agency.symbol: [page.specific_class.__name__ for page in reviews.due_pages(agency)]
           for agency in Agency.objects.filter(symbol__in=HOSTS)}
    assert "EnterpriseDirectoryPage" in due["SKH"]
    assert "EnterpriseDirectoryPage" not in due["BQL"]
