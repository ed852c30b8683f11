"""The site-wide search (/tim-kiem/) finds projects and notices, with a kind of its own
each in the facet "Loại nội dung" (R-SITE-3, issue 20 item 7). Only where the reference
site is installed."""

import pytest
from bs4 import BeautifulSoup

pytestmark = [pytest.mark.django_db,
              pytest.mark.cross_plugin("portal")]  # the reference site's site-wide search


def _search(client, **params):
    response = client.get("/tim-kiem/", params, HTTP_HOST="localhost")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_site_search_finds_projects_and_notices_by_kind(client, demo):
    soup = _search(client, q="quan trac nuoc thai")
    kinds = {i["value"]: i.parent.get_text(" ", strip=True)
             for i in soup.select("input[name=kind]")}
    assert kinds["investment.noticepage"].startswith("Thông báo đấu thầu, mua sắm công")
    soup = _search(client, q="tan phuoc", kind="investment.projectpage")
    titles = [a.get_text(" ", strip=True) for a in soup.select(".search-result a")]
    assert "Đầu tư xây dựng và kinh doanh kết cấu hạ tầng Khu công nghiệp Tân Phước 1" in titles
    assert all("dự thảo" not in title for title in titles)
    soup = _search(client, q="dien mat troi mai nha")  # the draft project
    assert not soup.select(".search-result a[href*='du-an-dau-tu']")
