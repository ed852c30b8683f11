"""The weblinks directory and the party and union news of the reference site (R-SITE-7,
seed 002 Đ3.8 and Đ3.10, seed 000 Đ7.1)."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from portal.models import ArticlePage, Weblink, WeblinksPage

from plugins.core.models import Agency, Role

pytestmark = pytest.mark.django_db


def _soup(client, path, host="localhost"):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def test_the_weblinks_are_grouped_and_outside_links_open_safely(client, demo):
    """R-SITE-7: links grouped under their headings in the editor's order; a link to
    another website opens in a new tab with rel="noopener noreferrer" and says so."""
    soup = _soup(client, "/lien-ket-website/")
    groups = [h2.get_text(strip=True) for h2 in soup.select(".weblink-group h2")]
    assert groups == ["Cơ quan Trung ương", "Địa phương", "Đảng, đoàn thể"]
    links = soup.select(".weblink a")
    assert len(links) == 8
    for link in links:
        assert link["href"].startswith("https://")
        assert link["target"] == "_blank"
        assert {"noopener", "noreferrer"} <= set(link["rel"])
        assert link.select_one(".visually-hidden").text == " (mở trong thẻ mới)"
    local = soup.find("a", href="https://tiengiang.gov.vn/")
    assert local.find_parent("section").h2.text == "Địa phương"
    other = _soup(client, "/lien-ket-website/", host="skh.localhost")
    assert other.find("a", href="https://laocai.gov.vn/")
    assert not other.find("a", href="https://tiengiang.gov.vn/")


def test_a_link_to_the_sites_own_pages_stays_in_the_tab(client, demo):
    """R-SITE-7: only links to other websites get a new tab."""
    page = WeblinksPage.objects.get(slug="lien-ket-website", url_path__startswith="/trang-chu-bql/")
    page.weblinks.add(Weblink(category="Nội bộ", title="Liên hệ", url="http://localhost/lien-he/"))
    page.save_revision().publish()
    soup = _soup(client, "/lien-ket-website/")
    own = soup.find("a", href="http://localhost/lien-he/")
    assert not own.has_attr("target") and not own.has_attr("rel")


def test_a_weblink_must_be_a_web_address(demo):
    """R-SITE-7: only http and https addresses (no javascript:, no file:)."""
    page = WeblinksPage.objects.first()
    for url in ("javascript:alert(1)", "file:///etc/passwd", "ftp://example.vn/"):
        with pytest.raises(ValidationError):
            Weblink(page=page, category="X", title="X", url=url).full_clean()


def test_the_english_weblinks_have_english_groups(client, demo):
    """R-ED-16: the English directory under /en/."""
    soup = _soup(client, "/en/web-links/")
    groups = [h2.get_text(strip=True) for h2 in soup.select(".weblink-group h2")]
    assert groups == ["Central government", "Local government", "Party and mass organisations"]
    assert soup.select_one(".weblink a .visually-hidden").text == " (opens in a new tab)"


def test_another_agencys_editor_cannot_change_the_weblinks(client, demo, make_staff):
    """R-SEC-2: pages are per agency site; a refused POST changes nothing."""
    page = WeblinksPage.objects.get(slug="lien-ket-website", url_path__startswith="/trang-chu-bql/")
    before = list(page.weblinks.values_list("title", "url"))
    stranger = make_staff("bientap.ngoai", Agency.objects.get(symbol="SKH"), role=Role.SPECIALIST)
    client.force_login(stranger)
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert client.get(edit_url).status_code == 404
    response = client.post(edit_url, {"title": "Bị sửa", "slug": "lien-ket-website",
                                      "weblinks-TOTAL_FORMS": "0",
                                      "weblinks-INITIAL_FORMS": "0"})
    assert response.status_code == 404
    page.refresh_from_db()
    assert page.title == "Liên kết website"
    assert list(page.weblinks.values_list("title", "url")) == before


def test_party_and_union_news_is_a_section_of_the_news(client, demo):
    """R-SITE-7: "Tin Đảng, đoàn thể" lists the party cell's, trade union's and youth
    union's news, apart from the agency's news, for each agency."""
    soup = _soup(client, "/tin-dang-doan-the/")
    assert soup.h1.text.strip() == "Tin Đảng, đoàn thể"
    text = soup.get_text(" ", strip=True)
    assert "Công đoàn cơ sở Ban Quản lý thăm hỏi" in text
    assert "Khu công nghiệp Long Giang thu hút thêm" not in text
    news = _soup(client, "/tin-tuc/").get_text(" ", strip=True)
    assert "Công đoàn cơ sở Ban Quản lý thăm hỏi" not in news
    other = _soup(client, "/tin-dang-doan-the/", host="skh.localhost").get_text(" ", strip=True)
    assert "Công đoàn Sở tổ chức giải bóng chuyền" in other
    assert "Công đoàn cơ sở Ban Quản lý thăm hỏi" not in other
    menu = _soup(client, "/").select_one("nav.main-nav").get_text(" ", strip=True)
    assert "Tin Đảng, đoàn thể" in menu
    english = _soup(client, "/en/party-and-union-news/").get_text(" ", strip=True)
    assert "Youth union's Green Sunday at My Tho Industrial Park" in english
    assert ArticlePage.objects.filter(url_path__contains="/tin-dang-doan-the/").count() == 5
