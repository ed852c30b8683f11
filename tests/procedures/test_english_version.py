"""R-ED-16: English versions of administrative procedures (seed 000 Điều 8.1b).

The English copy of a procedure keeps its national code; each list shows its own
language's procedures only.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from plugins.procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_list(agency, index_page, translate):
    translate(agency.site.root_page.specific, title="Home")
    return translate(index_page, title="Administrative procedures", slug="procedures")


def _rows(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(
        (row.select_one(".procedure-code").text.strip(),
         row.select_one("a").get_text(" ", strip=True))
        for row in soup.select(".procedure-row")
    )


def test_R_ED_16_the_english_copy_keeps_the_code(make_procedure, english_list, index_page,
                                                 translate):
    """R-ED-16: the English copy of a procedure saves with the same code; a second
    Vietnamese procedure with it is still refused with the form's message."""
    original = make_procedure("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư")
    english = translate(original, title="Issuance of investment registration certificates")
    assert english.code == original.code == "1.009645"
    assert ProcedurePage.objects.filter(code="1.009645").count() == 2
    form_class = ProcedurePage.get_edit_handler().get_form_class()
    base = {"title": "Khác", "slug": "khac", "implementing_body": "Ban Quản lý",
            "online_level": "2", "status": "in_force", "code": "1.009645"}
    base.update({f"{name}-count": "0" for name in ("steps", "channels", "dossier", "results")})
    base.update({"legal_bases-TOTAL_FORMS": "0", "legal_bases-INITIAL_FORMS": "0",
                 "legal_bases-MIN_NUM_FORMS": "0", "legal_bases-MAX_NUM_FORMS": "1000"})
    form = form_class(base, instance=ProcedurePage(), parent_page=index_page, for_user=None)
    assert not form.is_valid()
    assert "1.009645" in str(form.errors["code"])
    form = form_class({**base, "title": english.title, "slug": english.slug},
                      instance=english, parent_page=english_list, for_user=None)
    form.is_valid()
    assert "code" not in form.errors


def test_R_ED_16_each_list_shows_its_own_language(client, make_procedure, english_list,
                                                  translate):
    """R-ED-16: the Vietnamese list never shows an English copy, nor the English list a
    Vietnamese procedure; an English draft is never listed."""
    first = make_procedure("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư")
    make_procedure("1.009646", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư")
    translate(first, title="Issuance of investment registration certificates")
    draft = make_procedure("1.009647", "Gia hạn dự án đầu tư")
    draft.copy_for_translation(Locale.objects.get(language_code="en"))  # never published
    vietnamese = _rows(client, "/thu-tuc-hanh-chinh/")
    assert [code for code, _title in vietnamese] == ["1.009645", "1.009646", "1.009647"]
    assert "Issuance" not in str(vietnamese)
    assert _rows(client, "/en/procedures/") == [
        ("1.009645", "Issuance of investment registration certificates"),
    ]
    assert [code for code, _ in _rows(client, "/en/procedures/", q="1.009645")] == ["1.009645"]
    assert _rows(client, "/en/procedures/", q="1.009646") == []
