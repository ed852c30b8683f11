"""The demo reads as an agency's real site: no leftovers, no contradictions (issue 15,
items 10-12)."""

import unicodedata

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page

from plugins.core.models import Agency, Position
from plugins.legal_docs.models import LegalDocumentPage
from plugins.procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db


def test_each_agency_news_section_has_its_own_named_workflow(demo):
    """R-ED-2, R-ORG-3: the workflows screen tells the two "Tin tức - Sự kiện" apart."""
    names = {}
    for agency in Agency.objects.all():
        section = Page.objects.descendant_of(agency.site.root_page).get(slug="tin-tuc")
        names[agency.symbol] = section.get_workflow().name
    assert names == {"BQL": "Quy trình duyệt của Ban Biên tập (BQL)",
                     "SKH": "Quy trình duyệt của Ban Biên tập (SKH)"}


def test_wagtails_welcome_page_is_gone(demo):
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    assert not Page.objects.filter(depth=2, slug="home").exists()


def test_no_published_document_is_issued_after_the_demo_was_loaded(demo):
    """R-LD-1: a document on the site has been issued (dates are not in the future)."""
    today = timezone.localdate()
    future = LegalDocumentPage.objects.live().filter(issue_date__gt=today)
    assert list(future.values_list("number", "issue_date")) == []


def test_a_generated_issue_date_past_the_load_date_moves_a_year_back():
    """The test settings generate too few documents to meet one: the rule, alone."""
    import datetime

    from plugins.legal_docs.demo import _not_in_future

    today = datetime.date(2026, 12, 3)
    assert _not_in_future(datetime.date(2026, 12, 20), today) == datetime.date(2025, 12, 20)
    assert _not_in_future(datetime.date(2026, 12, 3), today) == datetime.date(2026, 12, 3)
    assert _not_in_future(datetime.date(2021, 5, 1), today) == datetime.date(2021, 5, 1)


def test_signers_of_the_agencys_own_documents_hold_that_position(demo):
    """R-LD-1, R-ORG-1: "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN — Trần Thị Mỹ Hạnh" only if the
    staff list says she is Phó Trưởng ban."""
    titles = {}
    for position in Position.objects.for_agency(demo).select_related("user"):
        titles.setdefault(position.full_name, set()).add(position.title.upper())
    signed = LegalDocumentPage.objects.live().filter(issued_here=True).exclude(signer_name="")
    assert signed.exists()
    for document in signed:
        position = document.signer_title.split("/")[-1].strip()
        assert position in titles.get(document.signer_name, set()), (
            document.number, document.signer_title, document.signer_name)


def test_procedure_forms_are_titled_in_vietnamese(demo):
    """R-PR-1: "Mẫu A.I.1 – Văn bản đề nghị …", not the file's slug."""
    forms = {document for page in ProcedurePage.objects.live()
             for document in page.form_documents()}
    assert forms
    for document in forms:
        assert document.title.startswith("Mẫu"), document.title
        folded = unicodedata.normalize("NFD", document.title).encode("ascii", "ignore")
        assert folded.decode() != document.title, document.title  # has diacritics


def test_quick_links_say_more_than_their_title(client, demo):
    """R-SITE-1: each tile's note describes the area instead of repeating its title."""
    soup = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    cards = soup.select(".quick-links .card")
    assert len(cards) >= 5
    for card in cards:
        title = card.a.get_text(strip=True).casefold()
        note = card.select_one(".card-note").get_text(strip=True).casefold()
        assert note and note != title and title not in note and note not in title, (title, note)


def test_where_to_submit_is_shown_only_with_content(client, demo):
    """R-PR-2: no empty "Nơi tiếp nhận hồ sơ" heading on the page or the checklist."""
    page = ProcedurePage.objects.live().filter(agency=demo).first()
    url = page.url
    assert "Nơi tiếp nhận hồ sơ" in client.get(url).content.decode()
    page.receiving_address = ""
    page.receiving_position = None
    page.receiving_name = page.receiving_title = page.receiving_phone = ""
    page.receiving_email = ""
    page.save_revision().publish()
    for path in (url, url + "danh-muc-ho-so/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "Nơi tiếp nhận hồ sơ" not in response.content.decode(), path
