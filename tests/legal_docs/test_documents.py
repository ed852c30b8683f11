"""Legal documents: numbers, secrecy, validity status and relations (R-LD-1, R-LD-5, R-LD-6)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import PageLogEntry

from plugins.core.models import SearchEntry
from plugins.legal_docs import services
from plugins.legal_docs.forms import LegalDocumentPageForm
from plugins.legal_docs.models import LegalDocumentPage
from plugins.legal_docs.relations import RelationKind
from plugins.legal_docs.status import Status

pytestmark = pytest.mark.django_db


def test_number_is_stored_in_its_canonical_form(make_doc):
    """R-LD-1: a number typed loosely is stored as printed on the document."""
    page = make_doc("36 / 2016 / qd-ubnd", "Quy chế văn phòng điện tử", issuer="UBND")
    assert page.number == "36/2016/QĐ-UBND"
    assert page.number_key == "36/2016/qd-ubnd"


def test_invalid_number_is_refused_with_a_clear_message(make_doc):
    with pytest.raises(ValidationError) as error:
        make_doc("Quyết định hai mươi chín", "Quy chế")
    assert "36/2016/QĐ-UBND" in str(error.value)


def test_number_is_unique_within_the_agency(make_doc, agency, library):
    """R-LD-1: one document per number in an agency's library (form and database)."""
    make_doc("29/QĐ-BQL", "Quy chế trang thông tin")
    form_class = LegalDocumentPage.get_edit_handler().get_form_class()
    page = LegalDocumentPage()
    form = form_class(
        {"number": "29/qd-bql", "title": "Khác", "slug": "khac", "summary": "Khác",
         "doc_type": LegalDocumentPage.objects.get().doc_type_id,
         "issuing_body": LegalDocumentPage.objects.get().issuing_body_id,
         "issue_date": "2026-03-02"},
        instance=page, parent_page=library, for_user=None,
    )
    assert issubclass(form_class, LegalDocumentPageForm)
    assert not form.is_valid()
    assert "29/QĐ-BQL" in str(form.errors["number"])
    with pytest.raises((IntegrityError, ValidationError)), transaction.atomic():
        make_doc("29/QĐ-BQL", "Bản trùng")


def test_secret_document_can_never_be_published(make_doc, client):
    """R-LD-6: refused at the model level; never indexed, never shown to a citizen."""
    page = make_doc("07/QĐ-BQL", "Kế hoạch bảo vệ bí mật", secrecy="mat", publish=False)
    with pytest.raises(ValidationError) as error:
        page.get_latest_revision().publish()
    assert error.value.code == "secret"
    page.refresh_from_db()
    assert not page.live
    assert not SearchEntry.objects.filter(object_id=page.pk).exists()
    assert client.get(page.url or "/van-ban/vb-1/").status_code == 404


def test_secret_publish_is_refused_in_the_admin_form(library, taxonomy):
    form_class = LegalDocumentPage.get_edit_handler().get_form_class()
    form = form_class(
        {"number": "08/QĐ-BQL", "title": "Mật", "slug": "mat", "summary": "Mật",
         "doc_type": taxonomy["types"]["QĐ"].pk, "issuing_body": taxonomy["issuers"]["BQL"].pk,
         "issue_date": "2026-03-02", "secrecy": "mat", "action-publish": "1"},
        instance=LegalDocumentPage(), parent_page=library, for_user=None,
    )
    assert not form.is_valid()
    assert "Mật, Tối mật, Tuyệt mật" in str(form.errors["secrecy"])


def test_replacing_document_expires_the_old_one_and_history_says_which(make_doc):
    """Publishing a replacement changes the other's status; its history names the cause."""
    old = make_doc("05/QĐ-BQL", "Quy chế cũ", issue_date=datetime.date(2015, 11, 20))
    assert old.status == Status.IN_FORCE
    new = make_doc("29/QĐ-BQL", "Quy chế mới", issue_date=datetime.date(2018, 3, 20),
                   relations=[{"kind": RelationKind.REPLACES, "target": old}])
    old.refresh_from_db()
    assert old.status == Status.EXPIRED
    assert old.status_cause_id == new.pk
    entry = PageLogEntry.objects.filter(page=old, action=services.STATUS_CHANGED).get()
    assert "29/QĐ-BQL" in entry.message
    assert "Hết hiệu lực toàn bộ" in entry.message or "Expired" in entry.message


def test_amending_marks_partly_expired_and_unpublishing_restores(make_doc):
    old = make_doc("10/QĐ-BQL", "Quy chế", issue_date=datetime.date(2020, 1, 6))
    amendment = make_doc("11/QĐ-BQL", "Sửa đổi quy chế", issue_date=datetime.date(2021, 1, 6),
                         relations=[{"kind": RelationKind.AMENDS, "target": old}])
    old.refresh_from_db()
    assert old.status == Status.PARTLY_EXPIRED
    amendment.unpublish()
    old.refresh_from_db()
    assert old.status == Status.IN_FORCE


def test_partial_abrogation_and_suspension(make_doc):
    old = make_doc("12/QĐ-BQL", "Quy chế", issue_date=datetime.date(2020, 1, 6))
    make_doc("13/QĐ-BQL", "Bãi bỏ một phần", issue_date=datetime.date(2021, 1, 6),
             relations=[{"kind": RelationKind.ABROGATES, "target": old, "partial": True}])
    old.refresh_from_db()
    assert old.status == Status.PARTLY_EXPIRED
    make_doc("14/QĐ-BQL", "Đình chỉ", issue_date=datetime.date(2021, 2, 1),
             relations=[{"kind": RelationKind.SUSPENDS, "target": old}])
    old.refresh_from_db()
    assert old.status == Status.SUSPENDED


def test_status_follows_the_dates(make_doc):
    today = datetime.date.today()
    later = make_doc("15/QĐ-BQL", "Chưa có hiệu lực", issue_date=today,
                     effective_date=today + datetime.timedelta(days=30))
    assert later.status == Status.NOT_YET
    assert services.refresh_all(on=today + datetime.timedelta(days=31)) >= 1
    later.refresh_from_db()
    assert later.status == Status.IN_FORCE
    gone = make_doc("16/QĐ-BQL", "Hết hạn", issue_date=datetime.date(2020, 1, 6),
                    effective_date=datetime.date(2020, 1, 6), expiry_date=datetime.date(2021, 1, 1))
    assert gone.status == Status.EXPIRED


def test_status_set_by_hand_needs_a_reason(make_doc):
    with pytest.raises(ValidationError) as error:
        make_doc("17/QĐ-BQL", "Tay", status_override=Status.SUSPENDED)
    assert "status_override_reason" in error.value.message_dict
    page = make_doc("18/QĐ-BQL", "Tay", status_override=Status.SUSPENDED,
                    status_override_reason="Theo Công văn 05/UBND-VX")
    assert page.status == Status.SUSPENDED


def test_relations_are_shown_in_both_directions(make_doc, client):
    basis = make_doc("64/2007/NĐ-CP", "Ứng dụng công nghệ thông tin", type="NĐ", issuer="CP",
                     issue_date=datetime.date(2007, 4, 10))
    page = make_doc("29/QĐ-BQL", "Quy chế trang thông tin",
                    relations=[{"kind": RelationKind.BASIS, "target": basis},
                               {"kind": RelationKind.BASIS, "target_number": "26/2009/tt-btttt",
                                "target_title": "Thông tư về trang thông tin điện tử"}])
    html = client.get(page.url).content.decode()
    assert "64/2007/NĐ-CP" in html and "26/2009/TT-BTTTT" in html
    html = client.get(basis.url).content.decode()
    assert "29/QĐ-BQL" in html
    assert "Là căn cứ của" in html or "Is the basis of" in html


def test_the_national_document_types_come_with_the_plugin():
    """R-LD-3: the Decree 30 list is there, extendable in the admin."""
    from plugins.core.numbers import TYPE_CODES
    from plugins.legal_docs.models import DocumentType

    assert set(TYPE_CODES) <= set(DocumentType.objects.values_list("code", flat=True))
    assert DocumentType.objects.get(code="NĐ").is_normative


def test_status_refresh_is_scheduled_daily():
    from django_q.models import Schedule

    schedule = Schedule.objects.get(func="plugins.legal_docs.services.refresh_all_task")
    assert schedule.schedule_type == Schedule.DAILY


def test_admin_creates_a_draft_and_refuses_to_publish_a_secret_one(client, django_user_model,
                                                                   library, taxonomy):
    """The Wagtail editor end to end: a draft is saved; publishing a secret is refused."""
    from django.urls import reverse

    editor = django_user_model.objects.create_superuser("bientap", "bt@example.vn", "x-2026-p")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["legal_docs", "legaldocumentpage", library.pk])
    assert client.get(url).status_code == 200
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    data = nested_form_data({
        "title": "Kế hoạch tuyên truyền", "slug": "ke-hoach-tuyen-truyen",
        "number": "05/kh-bql", "doc_type": taxonomy["types"]["KH"].pk,
        "issuing_body": taxonomy["issuers"]["BQL"].pk, "issue_date": "2026-03-02",
        "summary": "Tuyên truyền pháp luật", "body": rich_text("<p>Nội dung</p>"),
        "secrecy": "",
        "files": inline_formset([]), "relations": inline_formset([]),
        "comments": inline_formset([]),
    })
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = LegalDocumentPage.objects.get(slug="ke-hoach-tuyen-truyen")
    assert page.number == "05/KH-BQL" and not page.live
    secret = dict(data, slug="mat", number="06/KH-BQL", secrecy="mat")
    secret["action-publish"] = "action-publish"
    response = client.post(url, secret)
    assert response.status_code == 200
    assert "Mật, Tối mật, Tuyệt mật" in response.content.decode()
    assert not LegalDocumentPage.objects.filter(slug="mat").exists()
