"""Every page of the reference site renders in Vietnamese with a constant number of queries.

R-SITE-1 (introduction, org chart, leaders), R-SITE-2 (news searchable by keyword, field,
time and author), R-ORG-1 (unit tree), R-ORG-2 (leaders' and agency's contacts),
R-SITE-7 (contact page).
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from portal.models import ArticleIndexPage, ArticlePage

pytestmark = pytest.mark.django_db

PAGES = {
    "/": "Tin mới",
    "/gioi-thieu/": "Sơ đồ tổ chức",
    "/tin-tuc/": "bài viết",
    "/lien-he/": "Giờ làm việc",
    "/quy-che-quan-ly-su-dung-trang-thong-tin-dien-tu/": "Trưởng ban",
}


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("path,vietnamese_text", PAGES.items())
def test_page_renders_in_vietnamese_with_landmarks(client, demo, path, vietnamese_text):
    """R-SITE-1, R-SITE-7: 200, Vietnamese text, lang="vi", one h1 and the landmarks."""
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert vietnamese_text in html
    soup = _soup(response)
    assert soup.html["lang"] == "vi"
    assert len(soup.find_all("h1")) == 1
    assert soup.find("main") and soup.find("header") and soup.find("footer")
    assert soup.find("nav")
    assert soup.find("a", class_="skip-link")["href"] == "#main"
    for image in soup.find_all("img"):
        assert image.has_attr("alt")


@pytest.mark.parametrize("path", PAGES)
def test_page_query_count_does_not_grow_with_content(client, demo, path):
    """Each page costs the same number of queries with 12 articles or with 24."""
    client.get(path)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as before:
        client.get(path)
    news = ArticleIndexPage.objects.get(slug="tin-tuc", locale__isnull=False,
                                        url_path__startswith="/trang-chu-bql/")
    for number in range(12):
        news.add_child(instance=ArticlePage(
            title=f"Tin bổ sung số {number}", slug=f"tin-bo-sung-{number}",
            summary="Tóm tắt", date=datetime.date(2026, 11, 1),
        ))
    with CaptureQueriesContext(connection) as after:
        client.get(path)
    assert len(after) == len(before), path
    assert len(after) <= 25


def test_organisation_page_draws_the_unit_tree_with_leaders(client, demo):
    """R-ORG-1, R-ORG-2, R-SITE-1: units nested under the leadership; leaders' contacts."""
    soup = _soup(client.get("/gioi-thieu/"))
    chart = soup.find("ul", class_="orgchart")
    top = chart.find("li", recursive=False)
    assert "Lãnh đạo Ban" in top.find(class_="orgchart-unit").text
    children = [li.find(class_="orgchart-unit").text for li in top.find("ul").find_all(
        "li", recursive=False)]
    assert children[:2] == ["Văn phòng", "Phòng Quản lý doanh nghiệp"]
    assert "Công ty Phát triển hạ tầng các khu công nghiệp" in children
    leaders = soup.find("table", class_="contacts")
    row = leaders.find("th", string="Nguyễn Văn Thành").parent
    assert "Trưởng ban" in row.text
    assert "0913 700 101" in row.text
    # With the email directory installed, core's email shows the directory's address.
    from django.apps import apps

    directory = apps.is_installed("plugins.email_directory")
    assert ("thanhnv@tiengiang.gov.vn" if directory else "truongban@tiengiang.gov.vn") in row.text
    # SKH's units never show on BQL's site (R-ORG-3).
    assert "Phòng Đăng ký kinh doanh" not in soup.text


def test_second_agency_site_shows_its_own_organisation(client, demo):
    """R-ORG-3: the second agency's host serves its own org chart."""
    response = client.get("/gioi-thieu/", HTTP_HOST="skh.localhost")
    assert response.status_code == 200
    text = _soup(response).text
    assert "Phòng Đăng ký kinh doanh" in text
    assert "Phòng Quản lý doanh nghiệp" not in text


def test_contact_page_shows_agency_contacts(client, demo):
    """R-ORG-2: address, phone, fax, email of the agency."""
    text = _soup(client.get("/lien-he/")).text
    for value in ("Số 27 Nam Kỳ Khởi Nghĩa", "0273 3871 567", "0273 3871 568",
                  "bqlkcn@tiengiang.gov.vn", "07:30–11:30"):
        assert value in text


def _titles(client, **params):
    soup = _soup(client.get("/tin-tuc/", params))
    return [h.text.strip() for h in soup.select(".article-list h3")], soup


def test_article_search_without_accents(client, demo):
    """R-SITE-2: a citizen typing without diacritics finds the article."""
    titles, _ = _titles(client, q="doi thoai doanh nghiep")
    assert titles == ["Hội nghị đối thoại với doanh nghiệp các khu công nghiệp năm 2026"]
    assert _titles(client, q="ĐỐI THOẠI")[0] == titles


def test_article_filters_by_field_time_and_author(client, demo):
    """R-SITE-2: filter by field (lĩnh vực), date range and author."""
    titles, _ = _titles(client, topic="moi-truong")
    assert len(titles) == 2 and all("môi trường" in t.lower() or "cây xanh" in t for t in titles)
    titles, _ = _titles(client, date_from="2026-11-10", date_to="2026-11-15")
    assert titles == [
        "Hội nghị đối thoại với doanh nghiệp các khu công nghiệp năm 2026",
        "Kiểm tra công tác bảo vệ môi trường tại Khu công nghiệp Mỹ Tho",
    ]
    titles, _ = _titles(client, author="vo hoang nam")
    assert set(titles) == {
        "Ứng dụng văn bản điện tử trong xử lý công việc tại Ban Quản lý",
        "Hội thảo chuyển đổi số trong quản lý khu công nghiệp",
    }


def test_bad_filter_values_are_ignored_with_a_notice(client, demo):
    """R-SITE-2: an impossible date or unknown field gives the page, with a notice."""
    all_titles, _ = _titles(client)
    for params in ({"date_from": "2026-02-31"}, {"topic": "khong-co"},
                   {"q": "\"'; DROP TABLE--" + "x" * 5000}, {"page": "abc"}):
        response = client.get("/tin-tuc/", params)
        assert response.status_code == 200
    titles, soup = _titles(client, date_from="2026-02-31")
    assert titles == all_titles[: len(titles)]
    assert soup.find(class_="notice")


def test_pagination_keeps_the_filters(client, demo):
    soup = _soup(client.get("/tin-tuc/", {"q": "khu"}))
    next_link = soup.find("a", rel="next")
    assert next_link is not None and "q=khu" in next_link["href"]


def test_translated_article_requires_its_original_source(demo):
    """R-ED-10: a translation without its original source does not validate."""
    from django.core.exceptions import ValidationError

    article = ArticlePage(title="Bản dịch", slug="ban-dich", is_translation=True)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "original_source" in error.value.message_dict


def test_draft_articles_are_not_public(client, demo):
    """A citizen never sees a draft."""
    news = ArticleIndexPage.objects.filter(slug="tin-tuc").first()
    draft = ArticlePage(title="Bản nháp chưa duyệt", slug="ban-nhap", live=False)
    news.add_child(instance=draft)
    assert "Bản nháp chưa duyệt" not in client.get("/tin-tuc/").content.decode()
    assert client.get(draft.url_path.replace("/trang-chu-bql", "")).status_code == 404


def test_sitemap_and_robots(client, demo):
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/gioi-thieu/" in sitemap.content
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "sitemap.xml" in robots


def test_main_menu_follows_publishing(client, demo, django_assert_max_num_queries):
    """R-SITE-7: the main menu is cached per site, and a page published, unpublished or
    restricted shows or leaves the menu at the next request."""
    from portal.models import StandardPage
    from wagtail.models import PageViewRestriction, Site

    def menu():
        soup = BeautifulSoup(client.get("/").content, "html.parser")
        return [a.get_text(strip=True) for a in soup.select("nav.main-nav a")]

    shown = menu()
    assert "Tin tức - Sự kiện" in shown
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(instance=StandardPage(title="Sơ đồ cổng", slug="so-do-cong",
                                                show_in_menus=True, live=False))
    page.save_revision().publish()
    assert menu() == [*shown, "Sơ đồ cổng"]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert menu() == shown
    restriction.delete()
    page.refresh_from_db()
    page.unpublish()
    assert menu() == shown


def test_the_filters_show_what_was_asked_and_mark_what_was_ignored(client, demo):
    """R-SITE-2: the form keeps the citizen's words, field and dates for the next search;
    the date that was ignored is marked invalid for assistive technology; a value is never
    written unescaped."""
    _, soup = _titles(client, q='khu <b>"', topic="moi-truong", author="Nam",
                      date_from="2026-02-31", date_to="2026-11-15")
    form = soup.select_one("form.filters")
    assert form.select_one("#id_q")["value"] == 'khu <b>"'
    assert form.select_one("#id_topic option[selected]")["value"] == "moi-truong"
    assert form.select_one("#id_author")["value"] == "Nam"
    assert form.select_one("#id_date_from").get("aria-invalid") == "true"
    assert form.select_one("#id_date_to")["value"] == "2026-11-15"
    assert form.select_one("#id_date_to").get("aria-invalid") is None
    for field in ("q", "topic", "author", "date_from", "date_to"):
        assert form.select_one(f"label[for=id_{field}]").get_text(strip=True)
    raw = client.get("/tin-tuc/", {"q": 'khu <b>"'}).content.decode()
    assert 'value="khu &lt;b&gt;&quot;"' in raw  # escaped in the page's HTML
