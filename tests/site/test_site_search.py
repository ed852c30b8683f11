"""The site-wide search (/tim-kiem/): every public kind of the agency's content in one list,
from the search box in the header of every page.

R-SITE-2 (news searchable by keyword), R-LD-4 (accent-insensitive search), R-PR-5
(procedures searchable like documents), R-ED-15 (published Q&A), R-LD-6 (secret documents
never published), R-ORG-3 (each agency's data separate), R-ED-16 (each language's pages).
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from portal.models import ArticleIndexPage, ArticlePage, StandardPage
from wagtail.models import Page, PageViewRestriction

from plugins.core.search.types import KIND_FACET

pytestmark = pytest.mark.django_db

QUERIES = 30  # the agency, the site, the search (2 to 8), a query or two per kind shown
BQL_NEWS_TITLE = "Kiểm tra công tác bảo vệ môi trường tại Khu công nghiệp Mỹ Tho"


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _results(response):
    """(kind, title, url) of each result shown."""
    return [
        (item.select_one(".search-kind").get_text(strip=True),
         " ".join(item.select_one("h3").get_text().split()), item.select_one("h3 a")["href"])
        for item in _soup(response).select(".search-result")
    ]


def _news(demo):
    return ArticleIndexPage.objects.get(slug="tin-tuc", url_path__startswith="/trang-chu-bql/")


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_every_kind_is_found_without_accents_with_highlights(client, demo):
    """R-SITE-2, R-LD-4, R-PR-5, R-ED-15: "dau tu" finds the news, the legal documents, the
    procedures and the published questions, each linked to its page, with the words
    marked in the title or the snippet, and a facet of the kinds found with their counts."""
    response = client.get("/tim-kiem/", {"q": "dau tu"})
    assert response.status_code == 200
    found = _results(response)
    kinds = {kind for kind, _, _ in found}
    soup = _soup(response)
    facet = {label.find("input")["value"]: label.get_text(" ", strip=True)
             for label in soup.select(".facet-kind label")}
    assert {"portal.articlepage", "legal_docs.legaldocumentpage", "procedures.procedurepage",
            "editorial_board.question"} <= set(facet)
    assert "Thủ tục hành chính" in kinds and "Hỏi đáp" in kinds
    for _, _, url in found:
        assert client.get(url).status_code == 200, url
    marks = [mark.get_text() for mark in soup.select(".search-result mark")]
    assert "đầu" in marks and "tư" in marks
    assert soup.select_one("h2#results-title").get_text(strip=True).endswith("kết quả")


def test_results_leave_long_texts_and_procedure_steps_in_the_database(client, demo):
    """R-SITE-2, R-PR-5: a result shows a title, a snippet and a date; the site search does
    not load what none of them shows (a law's text read out of its files, a procedure's
    steps and dossier), and each procedure found still gets its snippet."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tim-kiem/", {"q": "dau tu", KIND_FACET: [
            "procedures.procedurepage", "legal_docs.legaldocumentpage"]})
    sql = " ".join(query["sql"] for query in queries)
    for column in ('"extracted_text"', '"procedures_procedurepage"."dossier"',
                   '"procedures_procedurepage"."steps"'):
        assert column not in sql
    items = _soup(response).select(".search-result")
    kinds = {item.select_one(".search-kind").get_text(strip=True) for item in items}
    assert "Thủ tục hành chính" in kinds and len(kinds) == 2
    for item in items:
        if item.select_one(".search-kind").get_text(strip=True) == "Thủ tục hành chính":
            assert item.select_one(".search-snippet").get_text(strip=True)


def test_the_kind_facet_narrows_the_list(client, demo):
    response = client.get("/tim-kiem/", {"q": "dau tu", KIND_FACET: "portal.articlepage"})
    found = _results(response)
    assert found and {kind for kind, _, _ in found} == {"Tin tức và bài viết"}
    checked = _soup(response).select(".facet-kind input[checked]")
    assert [box["value"] for box in checked] == ["portal.articlepage"]
    bad = client.get("/tim-kiem/", {"q": "dau tu", KIND_FACET: "nope.model"})
    assert bad.status_code == 200
    assert "Loại nội dung" in _soup(bad).select_one(".notice").get_text()


def test_standard_pages_and_news_are_indexed_when_published(client, demo):
    """The site's own pages are in the core index: a standard page published now is found
    at once, accents or not; unpublished, it is gone."""
    home = Page.objects.get(url_path="/trang-chu-bql/")
    page = _publish(home, StandardPage(title="Hướng dẫn nuôi đà điểu", slug="da-dieu",
                                       summary="Tóm tắt ngắn",
                                       body="<p>Nội dung về trang trại</p>"))
    found = _results(client.get("/tim-kiem/", {"q": '"da dieu"'}))
    assert [(kind, url) for kind, _, url in found] == [("Trang khác", "/da-dieu/")]
    page.unpublish()
    assert _results(client.get("/tim-kiem/", {"q": '"da dieu"'})) == []


def test_drafts_private_pages_and_secret_documents_are_never_found(client, demo):
    """R-LD-6: a draft, a published page's unpublished changes, a page behind a view
    restriction and a secret legal document are never found."""
    news = _news(demo)
    draft = ArticlePage(title="Bản nháp về chim cánh cụt", slug="ban-nhap-cc",
                        date=datetime.date(2026, 11, 1), live=False)
    news.add_child(instance=draft)
    draft.save_revision()
    live = ArticlePage.objects.get(title=BQL_NEWS_TITLE)
    live.title = "Tiêu đề chưa duyệt về kỳ lân"
    live.save_revision()
    assert _results(client.get("/tim-kiem/", {"q": '"canh cut"'})) == []
    assert _results(client.get("/tim-kiem/", {"q": '"ky lan"'})) == []
    assert _results(client.get("/tim-kiem/", {"q": "kiem tra moi truong my tho"}))

    PageViewRestriction.objects.create(page=live, restriction_type="password", password="x")
    assert _results(client.get("/tim-kiem/", {"q": "kiem tra moi truong my tho"})) == []

    from plugins.core.search import documents
    from plugins.legal_docs.models import LegalDocumentPage

    secret = LegalDocumentPage.objects.live().filter(
        url_path__startswith="/trang-chu-bql/").first()
    words = secret.title
    assert any(title == words for _, title, _ in _results(
        client.get("/tim-kiem/", {"q": f'"{words}"'})))
    LegalDocumentPage.objects.filter(pk=secret.pk).update(secrecy="mat")
    documents.index(LegalDocumentPage.objects.get(pk=secret.pk))
    assert all(title != words for _, title, _ in _results(
        client.get("/tim-kiem/", {"q": f'"{words}"'})))


def test_another_agencys_content_is_never_found(client, demo):
    """R-ORG-3: on the second agency's site the first agency's news, documents and
    procedures are not found; on the first agency's site they are."""
    words = "kiem tra moi truong my tho"
    assert BQL_NEWS_TITLE in [t for _, t, _ in _results(client.get("/tim-kiem/", {"q": words}))]
    other = client.get("/tim-kiem/", {"q": words}, HTTP_HOST="skh.localhost")
    assert other.status_code == 200
    assert BQL_NEWS_TITLE not in [t for _, t, _ in _results(other)]
    mine = {url for _, _, url in _results(client.get("/tim-kiem/", {"q": "dau tu"}))}
    theirs = {url for _, _, url in _results(client.get("/tim-kiem/", {"q": "dau tu"},
                                                       HTTP_HOST="skh.localhost"))}
    assert mine and not (mine & theirs)


def test_relevance_pager_and_constant_queries(client, demo, django_assert_max_num_queries):
    """Sorted by relevance (the words in the title before the words only in the body,
    whatever the dates); 20 results a page with a pager that keeps the query; the same
    number of queries with 5 or 30 matching articles."""
    news = _news(demo)

    def add(number, title, body=""):
        return _publish(news, ArticlePage(
            title=title, slug=f"bai-{number}", summary="Tóm tắt", body=body,
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number)))

    add(0, "Hội thảo về xơ dừa xuất khẩu")  # oldest, words in the title
    for number in range(1, 5):
        add(number, f"Tin ngắn số {number}", body="<p>Thị trường xơ dừa tăng giá</p>")
    path = "/tim-kiem/"
    client.get(path, {"q": "xo dua"})  # warm caches
    reset_queries()  # the query log is a bounded deque: counts are wrong once it is full
    with django_assert_max_num_queries(QUERIES) as small:
        response = client.get(path, {"q": "xo dua"})
    counted = len(small)
    found = _results(response)
    assert found[0][1] == "Hội thảo về xơ dừa xuất khẩu"
    assert len(found) == 5
    for number in range(5, 30):
        add(number, f"Tin ngắn số {number}", body="<p>Thị trường xơ dừa tăng giá</p>")
    client.get(path, {"q": "xo dua"})  # the snapshot reloaded once after the changes
    reset_queries()
    with django_assert_max_num_queries(counted):
        response = client.get(path, {"q": "xo dua"})
    soup = _soup(response)
    assert len(soup.select(".search-result")) == 20
    assert " ".join(soup.select_one(".search-result h3").get_text().split()) == \
        "Hội thảo về xơ dừa xuất khẩu"
    following = soup.select_one(".pagination a[rel=next]")["href"]
    assert "q=xo+dua" in following and "page=2" in following
    second = client.get(path + following)
    assert len(_soup(second).select(".search-result")) == 10


def test_the_header_of_every_page_has_the_search_box(client, demo):
    """A labelled search landmark in the header of every public page, sending to
    /tim-kiem/ (and /en/tim-kiem/ on the English pages)."""
    paths = ["/", "/gioi-thieu/", "/tin-tuc/", "/lien-he/", "/van-ban/",
             "/thu-tuc-hanh-chinh/", "/hoi-dap/", "/danh-ba/", "/tim-kiem/?q=dau+tu"]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        form = _soup(response).select_one("header form[role=search]")
        assert form is not None, path
        assert form["action"] == "/tim-kiem/" and form["aria-label"]
        field = form.select_one("input[name=q]")
        assert form.select_one(f"label[for={field['id']}]").get_text(strip=True)
    english = client.get("/en/")
    if english.status_code == 200:
        assert _soup(english).select_one("header form[role=search]")["action"] == \
            "/en/tim-kiem/"
        assert client.get("/en/tim-kiem/", {"q": "investment"}).status_code == 200
