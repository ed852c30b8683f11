"""R-ED-16: the reference site's English version (seed 000 Điều 8.1b).

Vietnamese stays the main language at the URLs it always had; the English versions of the
first demo agency's pages are under /en/, with a language switcher both ways.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from portal.models import ArticlePage
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def _switcher(soup):
    return [(a.get_text(strip=True), a["href"]) for a in soup.select(".language-switcher a")]


def _alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")}


def test_R_ED_16_english_pages_under_en_with_a_switcher_back(client, demo):
    """R-ED-16: /en/… is served in English (html lang, interface strings, menu), with a
    link to the Vietnamese version of the same page and hreflang alternates."""
    soup = _soup(client, "/en/about-us/")
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "About us"
    assert soup.select_one(".skip-link").get_text(strip=True) == "Skip to main content"
    assert _switcher(soup) == [("Tiếng Việt", "/gioi-thieu/")]
    assert _alternates(soup) == {"vi": "http://testserver/gioi-thieu/",
                                 "en": "http://testserver/en/about-us/"}
    menu = [a.get_text(strip=True) for a in soup.select("nav.main-nav a")]
    assert menu == ["About us", "News and events", "Party and union news", "Contact",
                    "Conferences, workshops and training", "Statistics and indices"]
    home = _soup(client, "/en/")
    assert home.html["lang"] == "en" and _switcher(home) == [("Tiếng Việt", "/")]
    assert "Management Board of Tien Giang Industrial Zones" in home.title.get_text()


def test_R_ED_16_vietnamese_urls_stay_as_they_were(client, demo):
    """R-ED-16: the Vietnamese pages keep their URLs (no /vi/ prefix) and their language,
    and link to their English version where one is published."""
    for url in ("/", "/gioi-thieu/", "/tin-tuc/", "/lien-he/", "/van-ban/",
                "/thu-tuc-hanh-chinh/", "/hoi-dap/"):
        soup = _soup(client, url)
        assert soup.html["lang"] == "vi"
    soup = _soup(client, "/gioi-thieu/")
    assert soup.select_one(".skip-link").get_text(strip=True) != "Skip to main content"
    assert _switcher(soup) == [("English", "/en/about-us/")]
    # No English version of the library: the switcher goes to the English home page, and
    # no hreflang promises a translation.
    library = _soup(client, "/van-ban/")
    assert _switcher(library) == [("English", "/en/")]
    assert _alternates(library) == {}
    assert client.get("/vi/gioi-thieu/").status_code == 404


def test_R_ED_16_news_list_and_menu_show_only_the_active_language(client, demo):
    """R-ED-16: the Vietnamese news list has no English article and the English one only
    the English articles."""
    english = [a.get_text(strip=True)
               for a in _soup(client, "/en/news/").select(".article-list .article-item h3 a")]
    assert sorted(english) == sorted(
        ArticlePage.objects.filter(locale__language_code="en", url_path__contains="/news/")
        .values_list("title", flat=True)
    )
    assert len(english) == 2
    vietnamese = _soup(client, "/tin-tuc/").get_text()
    assert "Long Giang Industrial Park" not in vietnamese
    assert "Khu công nghiệp Long Giang thu hút thêm" in vietnamese
    home = _soup(client, "/en/").get_text()
    assert "Long Giang Industrial Park" in home and "Khu công nghiệp Long Giang" not in home
    menu = [a.get_text(strip=True) for a in _soup(client, "/").select("nav.main-nav a")]
    assert "About us" not in menu and "Giới thiệu" in menu


def test_R_ED_16_sitemap_per_language(client, demo):
    """R-ED-16: /sitemap.xml lists the Vietnamese pages, /en/sitemap.xml the English ones."""
    vietnamese = client.get("/sitemap.xml").content.decode()
    english = client.get("/en/sitemap.xml").content.decode()
    assert "/gioi-thieu/" in vietnamese and "/en/" not in vietnamese
    assert "/en/about-us/" in english and "/gioi-thieu/" not in english


def test_R_ED_16_an_english_draft_is_not_linked_or_served(client, demo):
    """R-ED-16: a Vietnamese page whose English version is a draft links to the English
    home, and the draft is not served."""
    page = Page.objects.get(locale__language_code="vi",
                            url_path__endswith="/quy-che-quan-ly-su-dung-trang-thong-tin-dien-tu/")
    draft = page.copy_for_translation(Locale.objects.get(language_code="en"))
    draft.slug = "website-regulation"
    draft.save_revision()
    soup = _soup(client, page.url)
    assert _switcher(soup) == [("English", "/en/")]
    assert client.get("/en/website-regulation/").status_code == 404
    assert "Website" not in " ".join(
        a.get_text() for a in _soup(client, "/en/").select("nav.main-nav a"))


def test_R_ED_16_english_news_list_in_constant_queries(client, demo,
                                                       django_assert_max_num_queries):
    """R-ED-16: the English news list costs the same queries for 2 or 6 articles."""
    news_en = Page.objects.get(url_path__endswith="/news/", locale__language_code="en")
    client.get("/en/news/")
    connection.queries_log.clear()  # the demo filled the log: counts need room
    with django_assert_max_num_queries(40) as small:
        client.get("/en/news/")
    count = len(small.captured_queries)  # read now: the log is cleared below
    for index in range(4):
        article = ArticlePage(title=f"Article {index}", slug=f"article-{index}",
                              summary="Summary")
        news_en.add_child(instance=article)
    client.get("/en/news/")
    assert count > 0
    connection.queries_log.clear()
    with django_assert_max_num_queries(count):
        html = client.get("/en/news/").content.decode()
    assert "Article 3" in html
