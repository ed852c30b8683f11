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
from contextlib import contextmanager

import pytest
import time_machine
from django.core.cache import cache
from django.db import transaction
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


@contextmanager
def rolled_back():
    """One case of a sweep in a savepoint undone after it: the next case starts from the
    same pages (made once for the sweep, not once per case) and nothing of this one."""
    with transaction.atomic():
        cache.clear()
        yield
        transaction.set_rollback(True)


def test_public_lists_never_answer_500(lenient_client, public_pages):
    """Every hostile query string on every list; each failing pair is named."""
    failures = [(name, query[:60]) for query in QUERIES for name, url in public_pages.items()
                if lenient_client.get(f"{url}?{query}").status_code >= 500]
    assert not failures


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


SUB_PAGE_QUERIES = ["", f"q=quy&page={BIG}", "q=%00&sort=nope", f"page={BIG}",
                    "unit=abc&q=" + "x" * 10_000, "date_from=2024-02-30"]


def test_sub_pages_and_unknown_ids_never_answer_500(lenient_client, public_pages):
    from plugins.legal_docs.models import LegalDocumentPage

    doc_url = LegalDocumentPage.objects.get().url
    urls = _routes(public_pages, doc_url) + list(public_pages.values())
    failures = [(url[:80], query[:40]) for query in SUB_PAGE_QUERIES for url in urls
                if lenient_client.get(f"{url}?{query}").status_code >= 500]
    assert not failures
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


def _send_question(client, url, **changes):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        token = _token(client, url)
        clock.shift(30)
        return client.post(url, {**FORM, "token": token, "website": "", **changes})


def test_the_question_form_answers_hostile_values_without_500(lenient_client, public_pages):
    """Refused with a message on the form, or accepted as plain text; never a 500, and a
    refused question leaves nothing behind. Each value is one case, undone after it."""
    url = public_pages["questions"] + "gui-cau-hoi/"
    failures = []
    for field, value in HOSTILE_FIELDS:
        with rolled_back():
            response = _send_question(lenient_client, url, **{field: value})
            kept = list(Question.objects.all())
            if response.status_code >= 500:
                failures.append((field, value[:20], "500"))
            elif response.status_code == 200 and not kept and \
                    "error" not in response.content.decode():
                failures.append((field, value[:20], "refused without saying why"))
            for question in kept:  # what was kept is clean text
                texts = (question.name, question.title, question.text, question.address or "")
                if any(has_control_characters(text) for text in texts):
                    failures.append((field, value[:20], "kept a control character"))
    assert not failures


def test_control_characters_are_refused_with_a_message(lenient_client, public_pages):
    url = public_pages["questions"] + "gui-cau-hoi/"
    for value in ["\x1b[31m đỏ", "a\x00b", "\u202egnp.exe", "\x07"]:
        with rolled_back():
            response = _send_question(lenient_client, url, text=value * 3)
            assert response.status_code == 200, repr(value)
            assert "ký tự điều khiển" in response.content.decode(), repr(value)
            assert not Question.objects.exists(), repr(value)


def test_unexpected_methods_on_public_pages(lenient_client, public_pages):
    for method in ["post", "put", "delete", "patch"]:
        for url in public_pages.values():
            with rolled_back():
                assert getattr(lenient_client, method)(url).status_code < 500, (method, url)
