"""Searching the e-office's lists (R-EO-2 item 4): core search's query language over the
number, trích yếu and sender, without accents, inside what the user may see."""

import pytest
from django.urls import reverse

from plugins.eoffice.documents import search as eo_search
from plugins.eoffice.documents.models import IncomingDocument, Secrecy
from plugins.eoffice.documents.services import incoming
from tests.eoffice.conftest import incoming_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(staff, registers):
    def add(number, subject, sender="UBND tỉnh Tiền Giang", **extra):
        return incoming.register(staff["clerk"], registers["in"], **incoming_fields(
            number_notation=number, subject=subject, sender_name=sender, **extra)).document

    return {
        "land": add("125/GM-UBND", "UBND tỉnh mời họp ngày 12/3/2026 về việc giải phóng mặt "
                    "bằng Khu công nghiệp Long Giang"),
        "fees": add("88/STC-QLGCS", "Sở Tài chính hướng dẫn thu phí hạ tầng khu công nghiệp "
                    "năm 2026", sender="Sở Tài chính tỉnh Tiền Giang"),
        "safety": add("41/CV-CAT", "Công an tỉnh đề nghị kiểm tra an toàn phòng cháy tại Khu "
                      "công nghiệp Tân Hương", sender="Công an tỉnh Tiền Giang"),
    }


def found(text):
    return set(eo_search.search(IncomingDocument.objects.all(), text)
               .values_list("number_notation", flat=True))


def test_words_are_found_without_accents_from_the_start_of_a_word(three):
    """R-EO-2: "giai phong" finds "giải phóng"; a word's middle is not a match."""
    assert found("giai phong mat bang") == {"125/GM-UBND"}
    assert found("GIẢI PHÓNG") == {"125/GM-UBND"}
    assert found("phong") == {"125/GM-UBND", "41/CV-CAT"}  # phóng, phòng
    assert found("ong") == set()  # inside "phong", "long": not the start of a word


def test_core_query_language_phrases_or_and_exclusion(three):
    """R-EO-2: the same syntax as the public search: "phrase", OR, -word."""
    assert found('"khu cong nghiep long giang"') == {"125/GM-UBND"}
    assert found('"long khu"') == set()
    assert found("phi OR chay") == {"88/STC-QLGCS", "41/CV-CAT"}
    assert found("khu cong nghiep -long") == {"88/STC-QLGCS", "41/CV-CAT"}


def test_the_number_and_the_sender_are_searched_too(three):
    """R-EO-2: a number however typed, or the sender's name."""
    assert found("125/gm-ubnd") == {"125/GM-UBND"}
    assert found("125/GM–UBND") == {"125/GM-UBND"}  # an en dash, as Word types it
    assert found("cong an tinh") == {"41/CV-CAT"}
    assert found("so tai chinh") == {"88/STC-QLGCS"}


def test_hostile_or_empty_input_is_plain_text(three):
    assert len(found("")) == 3
    assert found("'; DROP TABLE x; --") == set()
    assert found("%") == set()  # nothing but punctuation: no term, no match
    assert found("_") == set()


def test_search_never_shows_what_the_user_may_not_see(client, staff, registers, three):
    """R-EO-2, DOMAIN secrecy: a secret document is not found by one it is not assigned to,
    and another agency's clerk finds nothing of this agency."""
    incoming.register(staff["clerk"], registers["in_secret"], **incoming_fields(
        number_notation="7/M-UBND", secrecy=Secrecy.CONFIDENTIAL,
        subject="UBND tỉnh giao nhiệm vụ bảo vệ bí mật khu công nghiệp Long Giang năm 2026"))
    url = reverse("eoffice_incoming:index")
    client.force_login(staff["skh_clerk"])
    page = client.get(url, {"q": "long giang"}).content.decode()
    assert "125/GM-UBND" not in page and "7/M-UBND" not in page
    client.force_login(staff["leader"])
    page = client.get(url, {"q": "long giang"}).content.decode()
    assert "7/M-UBND" not in page
    client.force_login(staff["clerk"])
    page = client.get(url, {"q": "long giang"}).content.decode()
    assert "125/GM-UBND" in page and "7/M-UBND" in page
