"""Hostile input never gives HTTP 500 (issue 14, item 10; R-SEC-3).

Every public list (news, legal library, procedures, questions, directory) is asked for
hostile query strings — huge numbers, unknown facets, a 10 000-character search, NUL bytes,
impossible dates, repeated parameters, percent-encoding that is not UTF-8 — and the
citizens' question form is sent huge, NUL and control characters. The client turns a
server error into its 500 response instead of raising it; no response may be a 500. The
imports and the API are swept in the neighbouring files (test_archives.py,
test_procedure_fees.py, test_legal_docs_import.py, test_interrupted_imports.py,
test_api.py, test_question_admin.py).
"""

import re

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone
from portal.models.articles import ArticleIndexPage

from plugins.core.text import has_control_characters
from plugins.editorial_board.models import Question, QuestionIndexPage
from plugins.email_directory.models import DirectoryPage

pytestmark = pytest.mark.django_db

BIG = "9" * 30
LONG = "thủ tục " * 1250  # 10 000 characters
QUERIES = [
    "", f"page={BIG}", "page=-1", "page=0", "page=abc", "page=1.5", f"per_page={BIG}",
    f"q={LONG}", "q=%00", "q=a%00b", "q=%01%02%1b%7f", "q=%C3%28", "q=%FF%FE", "q=%E1%BB",
    "q=%22", "q=%22unterminated", "q=a%20OR%20", "q=-", "q=NEAR(a", "q=*", "q=()%5B%5D%7B%7D",
    "q=%27%3B%20DROP%20TABLE", "q=" + "a%20" * 2000, "q=1.009645", "q=36/2016/QĐ-UBND",
    "type=999999", f"type={BIG}", "type=abc", "issuer=-1", "field=%00", "year=99999",
    "year=0000", "year=abc", "status=nope", "level=zzz", "online=9", "agency=abc",
    "date_from=2024-02-30", "date_from=31/31/2024", "date_to=0000-00-00",
    "date_from=9999-12-31&date_to=0001-01-01", f"date_from={BIG}", "date_from=%00",
    "sort=nope", "sort=%00", "q=a&q=b&q=c", "type=1&type=1&type=2&type=abc",
    "page=1&page=2", "unit=abc", f"unit={BIG}", "format=nope", "case=abc", f"case={BIG}",
    "%00=1", "q[]=1", "q=" + "%F0%9F%92%A9" * 100, "submitted=2026-02-30", "option=abc",
    "topic=%00", "topic=" + "x" * 5000, "author=" + "a" * 1000, f"page={BIG}&topic=nope",
]


@pytest.fixture
def public_pages(agency, library, make_doc, index_page, make_procedure):
    """One published page of every public list, each with a little content."""
    make_doc("36/2016/QĐ-UBND", "Quy chế quản lý cổng thông tin điện tử", type="QĐ",
             issuer="UBND")
    procedure = make_procedure("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư")
    home = agency.site.root_page
    questions = home.add_child(instance=QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap"))
    questions.save_revision().publish()
    directory = home.add_child(instance=DirectoryPage(title="Danh bạ", slug="danh-ba"))
    directory.save_revision().publish()
    news = home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc"))
    news.save_revision().publish()
    return {"news": news.url, "library": library.url, "procedures": index_page.url,
            "procedure": procedure.url, "checklist": procedure.url + "danh-muc-ho-so/",
            "questions": questions.url, "directory": directory.url}


@pytest.mark.parametrize("query", QUERIES)
def test_public_lists_never_answer_500(lenient_client, public_pages, query):
    for name, url in public_pages.items():
        response = lenient_client.get(f"{url}?{query}")
        assert response.status_code < 500, (name, query)


def _routes(pages, doc_url):
    """The sub-pages of each public page, with ids no database holds."""
    return [
        pages["library"] + "rss/", pages["library"] + "atom/", pages["library"] + "xuat/csv/",
        pages["library"] + "xuat/nope/", pages["procedures"] + "xuat/xlsx/",
        pages["procedures"] + "xuat/%00/", pages["procedure"] + f"bieu-mau/{BIG}/",
        pages["procedure"] + "bieu-mau/2147483648/", doc_url + f"tai-ve/{BIG}/",
        pages["questions"] + "tra-cuu/", pages["questions"] + f"cau-hoi/{BIG}/",
        pages["questions"] + "cau-hoi/0/", pages["directory"] + "json/",
        pages["directory"] + "vcard/", pages["directory"] + f"vcard/{BIG}/",
        pages["directory"] + f"don-vi/{BIG}/vcard/", f"/documents/{BIG}/x.pdf",
        f"/documents/{BIG}/", "/sitemap.xml?p=" + BIG, "/%00/", "/" + "a" * 5000 + "/",
    ]


@pytest.mark.parametrize("query", ["", f"q=quy&page={BIG}", "q=%00&sort=nope", f"page={BIG}",
                                   "unit=abc&q=" + "x" * 10_000, "date_from=2024-02-30"])
def test_sub_pages_and_unknown_ids_never_answer_500(lenient_client, public_pages, query):
    from plugins.legal_docs.models import LegalDocumentPage

    doc_url = LegalDocumentPage.objects.get().url
    for url in _routes(public_pages, doc_url) + list(public_pages.values()):
        response = lenient_client.get(f"{url}?{query}")
        assert response.status_code < 500, (url[:80], query[:40])
    post = lenient_client.post(public_pages["questions"] + "tra-cuu/",
                               {"reference": "\x00" + "x" * 10_000, "contact": BIG})
    assert post.status_code < 500


def test_an_unknown_facet_is_said_and_the_list_still_shows(lenient_client, public_pages):
    response = lenient_client.get(public_pages["library"] + f"?type=abc&page=1&year={BIG}")
    html = response.content.decode()
    assert response.status_code == 200 and "Quy chế quản lý cổng thông tin" in html
    assert "đã bị bỏ qua" in html


# --- the citizens' question form -------------------------------------------------------

FORM = {"name": "Trần Thị Hoa", "email": "hoa.tran@example.vn", "phone": "0912 345 678",
        "address": "Ấp Long Hòa", "title": "Cấp giấy phép lao động",
        "text": "Doanh nghiệp cần hồ sơ gì để xin giấy phép lao động?", "consent": "on"}
HOSTILE_FIELDS = [
    ("name", "x" * 100_000), ("title", "T" * 10_000), ("text", "Câu hỏi " * 20_000),
    ("name", "Hoa\x00"), ("text", "a\x00b"), ("title", "\x00"), ("email", "a@b.vn\x00"),
    ("phone", "0912\x00345678"), ("address", "\x1b[31m đỏ"), ("text", "\x01\x02\x03\x07\x7f"),
    ("title", "\u202e\u200b\ufeff"), ("subject_area", "abc"), ("subject_area", BIG),
    ("subject_area", "-1"), ("token", "x" * 5000), ("token", "\x00"), ("consent", "\x00"),
    ("email", "a" * 300 + "@example.vn"), ("phone", BIG * 10), ("website", "\x00"),
]


def _token(client, url):
    html = client.get(url).content.decode()
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


@pytest.mark.parametrize("field, value", HOSTILE_FIELDS)
def test_the_question_form_answers_hostile_values_without_500(lenient_client, public_pages,
                                                              field, value):
    """Refused with a message on the form, or accepted as plain text; never a 500, and a
    refused question leaves nothing behind."""
    cache.clear()
    url = public_pages["questions"] + "gui-cau-hoi/"
    with time_machine.travel(timezone.now(), tick=False) as clock:
        token = _token(lenient_client, url)
        clock.shift(30)
        data = {**FORM, "token": token, "website": "", field: value}
        response = lenient_client.post(url, data)
    assert response.status_code < 500, (field, value[:20])
    if response.status_code == 200 and Question.objects.count() == 0:
        assert "error" in response.content.decode()  # the form says what is wrong
    for question in Question.objects.all():  # what was kept is clean text
        for kept in (question.name, question.title, question.text, question.address or ""):
            assert not has_control_characters(kept)


@pytest.mark.parametrize("value", ["\x1b[31m đỏ", "a\x00b", "\u202egnp.exe", "\x07"])
def test_control_characters_are_refused_with_a_message(lenient_client, public_pages, value):
    cache.clear()
    url = public_pages["questions"] + "gui-cau-hoi/"
    with time_machine.travel(timezone.now(), tick=False) as clock:
        token = _token(lenient_client, url)
        clock.shift(30)
        response = lenient_client.post(url, {**FORM, "token": token, "text": value * 3})
    assert response.status_code == 200
    assert "ký tự điều khiển" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_unexpected_methods_on_public_pages(lenient_client, public_pages, method):
    for url in public_pages.values():
        assert getattr(lenient_client, method)(url).status_code < 500, (method, url)
