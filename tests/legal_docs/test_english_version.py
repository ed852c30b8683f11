"""R-ED-16: English versions of legal documents (seed 000 Điều 8.1b).

The English copy of a document keeps its number; each library lists and searches its own
language's documents only.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import Locale

from plugins.legal_docs.models import LegalDocumentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_library(agency, library, translate):
    translate(agency.site.root_page.specific, title="Home")
    return translate(library, title="Legal documents", slug="legal-documents")


def _numbers_and_titles(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(
        (item.select_one(".doc-number").text.strip(),
         item.select_one("h3 a").get_text(" ", strip=True)
         .removeprefix(item.select_one(".doc-number").text.strip()).strip())
        for item in soup.select(".document-item")
    )


def test_R_ED_16_the_english_copy_keeps_the_number(make_doc, english_library, library,
                                                    translate):
    """R-ED-16: the English copy of a document saves with the same number; a second
    Vietnamese document with that number is still refused (form and database)."""
    original = make_doc("29/QĐ-BQL", "Quy chế quản lý Trang thông tin điện tử")
    english = translate(original, title="Regulation on the management of the website")
    assert english.number == original.number == "29/QĐ-BQL"
    assert english.get_parent().pk == english_library.pk
    assert english.agency_id == original.agency_id
    assert LegalDocumentPage.objects.filter(number_key=original.number_key).count() == 2
    form_class = LegalDocumentPage.get_edit_handler().get_form_class()
    data = {"number": "29/qd-bql", "title": "Khác", "slug": "khac", "summary": "Khác",
            "doc_type": original.doc_type_id, "issuing_body": original.issuing_body_id,
            "issue_date": "2026-03-02"}
    edit_english = form_class({**data, "title": english.title, "slug": english.slug},
                              instance=english, parent_page=english_library, for_user=None)
    edit_english.is_valid()  # the inline formsets are not filled in: only the number counts
    assert "number" not in edit_english.errors
    new_vietnamese = form_class(data, instance=LegalDocumentPage(), parent_page=library,
                                for_user=None)
    assert not new_vietnamese.is_valid()
    assert "29/QĐ-BQL" in str(new_vietnamese.errors["number"])
    with pytest.raises((IntegrityError, ValidationError)), transaction.atomic():
        make_doc("29/QĐ-BQL", "Bản trùng")


def test_R_ED_16_each_library_lists_and_searches_its_own_language(client, make_doc,
                                                                   english_library, translate):
    """R-ED-16: the Vietnamese library never shows an English copy, nor the English
    library a Vietnamese document; an English draft is never listed."""
    first = make_doc("29/QĐ-BQL", "Quy chế quản lý Trang thông tin điện tử")
    make_doc("15/KH-BQL", "Kế hoạch bảo vệ môi trường")
    translate(first, title="Regulation on the management of the website")
    draft = make_doc("16/KH-BQL", "Kế hoạch chuyển đổi số")
    draft.copy_for_translation(Locale.objects.get(language_code="en"))  # never published
    assert _numbers_and_titles(client, "/van-ban/") == sorted([
        ("29/QĐ-BQL", "Quy chế quản lý Trang thông tin điện tử"),
        ("15/KH-BQL", "Kế hoạch bảo vệ môi trường"),
        ("16/KH-BQL", "Kế hoạch chuyển đổi số"),
    ])
    english_url = "/en/legal-documents/"
    assert english_library.url.endswith(english_url)
    assert _numbers_and_titles(client, english_url) == [
        ("29/QĐ-BQL", "Regulation on the management of the website"),
    ]
    assert _numbers_and_titles(client, english_url, q="29/QĐ-BQL") == [
        ("29/QĐ-BQL", "Regulation on the management of the website"),
    ]
    assert _numbers_and_titles(client, "/van-ban/", q="29/QĐ-BQL") == [
        ("29/QĐ-BQL", "Quy chế quản lý Trang thông tin điện tử"),
    ]
    assert _numbers_and_titles(client, english_url, q="regulation website") != []
    assert _numbers_and_titles(client, "/van-ban/", q="regulation website") == []


def test_R_ED_16_english_library_in_constant_queries(client, make_doc, english_library,
                                                     translate, django_assert_max_num_queries):
    """R-ED-16: the English library costs the same queries for 2 or 8 documents."""
    for i in range(2):
        translate(make_doc(f"{20 + i}/QĐ-BQL", f"Quyết định số {i}"), title=f"Decision {i}")
    url = "/en/legal-documents/"
    with django_assert_max_num_queries(40) as small:
        client.get(url, {"q": "decision"})
    for i in range(6):
        translate(make_doc(f"{40 + i}/QĐ-BQL", f"Quyết định số {i}"), title=f"Decision {i}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        found = client.get(url, {"q": "decision"}).content.decode()
    assert found.count('class="document-item"') == 8


def test_R_ED_16_english_urls_keep_their_prefix_after_a_test_in_another_default_language(
        settings):
    """R-ED-16: English pages are reversed under /en/ even after a test on this worker
    reversed URLs with "en" as the default language (tests/conftest.py drops the
    resolver's per-language tables when LANGUAGE_CODE changes)."""
    from django.urls import reverse
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"  # as the e-office's and e-mail directory's tests do
    with translation.override("en"):
        assert reverse("wagtail_serve", args=("legal-documents/",)) == "/legal-documents/"
    settings.LANGUAGE_CODE = "vi"  # that test over, the site's language again
    with translation.override("en"):
        assert reverse("wagtail_serve", args=("legal-documents/",)) == "/en/legal-documents/"
    assert reverse("wagtail_serve", args=("van-ban/",)) == "/van-ban/"
