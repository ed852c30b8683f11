"""Checks before submission: legacy encodings (R-ED-13), prohibited expressions (R-ED-14),
attachment types (R-ED-12)."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page

from plugins.editorial_board.checks import services as checks
from plugins.editorial_board.models import ContentFlag, ProhibitedExpression
from tests.editorial_board.conftest import act, step_of

pytestmark = pytest.mark.django_db

UNICODE = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Người dân"
TCVN3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. Ng\xadêi d©n"
VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. Ngöôøi daân"


@pytest.fixture
def prohibited(agency):
    return ProhibitedExpression.objects.create(
        agency=agency, expression="lô đề", reason="Quảng cáo dịch vụ bị cấm (Đ6.2)")


def test_expressions_match_without_accents_on_word_boundaries(agency, prohibited):
    """R-ED-14: accent- and case-insensitive (core fold), whole words only."""
    found = checks.find([prohibited], [("Tiêu đề", "Cảnh báo: chơi LO DE  trên mạng"),
                                       ("Tóm tắt", "Thông tin lô đềxuất mới"),
                                       ("Nội dung", "Ông Lô Đền đến họp")])
    assert [(label, excerpt) for _expression, label, excerpt in found] == [
        ("Tiêu đề", "Cảnh báo: chơi LO DE trên mạng")]


def test_a_prohibited_expression_is_flagged_for_the_board(make_item, staff, prohibited,
                                                          make_agency):
    """R-ED-14: each saved revision is scanned; the flag follows the text."""
    other = make_agency("SKH", own_home=True)
    ProhibitedExpression.objects.create(agency=other, expression="tín dụng đen")
    page = make_item(staff.author, title="Cảnh giác với lô đề và tín dụng đen")
    # Another agency's list does not apply.
    assert [flag.matched for flag in ContentFlag.objects.filter(page=page)] == ["lô đề"]
    page.title = "Cảnh giác với tín dụng đen"
    page.save_revision(user=staff.author)
    assert not ContentFlag.objects.filter(page=page).exists()


def test_the_chief_cannot_publish_a_flagged_item_without_a_recorded_override(
        make_item, staff, prohibited):
    """R-ED-14: submission goes on, but the chief's step needs an override with a reason."""
    page = make_item(staff.author, title="Tổng kết phòng chống lô đề năm 2026")
    act(page, staff.leader)
    act(page, staff.member)
    assert step_of(page) == "ChiefApprovalTask"
    task = page.current_workflow_task.specific
    assert [name for name, *_ in task.get_actions(page, staff.chief)] == [
        "reject", "approve_override"]
    with pytest.raises(PermissionDenied):
        act(page, staff.chief, "approve")
    with pytest.raises(PermissionDenied):
        act(page, staff.chief, "approve_override")  # no reason
    act(page, staff.chief, "approve_override", comment="Bài tuyên truyền phòng chống tệ nạn.")
    page.refresh_from_db()
    assert page.live
    flag = ContentFlag.objects.get(page=page)
    assert flag.overridden_by == staff.chief and "tuyên truyền" in flag.override_reason
    assert flag.history.count() == 2


def test_only_the_acting_chief_overrides(make_item, staff, prohibited):
    page = make_item(staff.author, title="Lô đề")
    with pytest.raises(PermissionDenied):
        checks.override(page, staff.member, "Đồng ý")
    with pytest.raises(ValidationError):
        checks.override(page, staff.chief, "  ")


def test_direct_publication_of_a_flagged_item_is_refused(make_item, staff, prohibited, client):
    """R-ED-14: the chief may publish directly, but not over open flags."""
    page = make_item(staff.chief, title="Tin về lô đề", submit=False)
    client.force_login(staff.chief)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(edit).content.decode()
    assert "lô đề" in html and reverse("editorial_board:page_flags", args=[page.pk]) in html
    response = client.post(edit, {"title": page.title, "slug": page.slug,
                                  "action-publish": "publish"}, follow=True)
    assert not Page.objects.get(pk=page.pk).live
    assert "lô đề" in response.content.decode()
    flags_url = reverse("editorial_board:page_flags", args=[page.pk])
    client.post(flags_url, {"reason": "Trích dẫn trong bài tuyên truyền."})
    client.post(edit, {"title": page.title, "slug": page.slug, "action-publish": "publish"})
    assert Page.objects.get(pk=page.pk).live
    anonymous = client.__class__()
    public = anonymous.get("/tin-tuc/" + page.slug + "/")
    assert public.status_code == 200 and "tuyên truyền" not in public.content.decode()


def test_a_citizen_never_sees_a_flagged_draft(make_item, staff, prohibited, client):
    page = make_item(staff.author, title="Lô đề online")
    assert client.get("/tin-tuc/" + page.slug + "/").status_code == 404
    assert client.get(reverse("editorial_board:flags")).status_code == 302  # to the login


@pytest.mark.parametrize("pages", [2, 8])
def test_the_flag_report_is_the_boards_and_costs_constant_queries(
        make_item, staff, prohibited, client, make_agency, make_staff,
        django_assert_max_num_queries, pages):
    from plugins.core.models import Role, Unit

    for index in range(pages):
        make_item(staff.author, title=f"Số {index}: lô đề", submit=False)
    client.force_login(staff.member)
    client.get(reverse("editorial_board:flags"))
    with django_assert_max_num_queries(35):
        html = client.get(reverse("editorial_board:flags")).content.decode()
    assert "Số 1: lô đề" in html
    ods = client.get(reverse("editorial_board:flags"), {"export": "ods"})
    assert ods["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    other = make_agency("SKH", own_home=True)
    stranger = make_staff("lanhdaoskh", other, Role.AGENCY_LEADER,
                          Unit.objects.create(agency=other, name="Văn phòng Sở"))
    client.force_login(stranger)
    assert "Số 1: lô đề" not in client.get(reverse("editorial_board:flags")).content.decode()
    page = ContentFlag.objects.first().page
    # Another agency's page is not found in the admin (core's AgencyPagesMiddleware).
    assert client.get(reverse("editorial_board:page_flags", args=[page.pk])).status_code == 404


def test_legacy_text_is_found_and_converted_in_rich_text():
    """R-ED-13: TCVN3 and VNI found in a field's text; markup left as it is, NFC out."""
    field = RichTextField()
    markup = f'<p>{TCVN3}</p><p><a href="https://chinhphu.vn">x</a></p>'
    assert checks.legacy_encoding(field, markup) == "tcvn3"
    assert checks.legacy_encoding(field, f"<p>{VNI}</p>") == "vni"
    assert checks.legacy_encoding(field, f"<p>{UNICODE}</p>") is None
    assert checks.to_unicode_value(field, markup, "tcvn3") == (
        f'<p>{UNICODE}</p><p><a href="https://chinhphu.vn">x</a></p>')


def _odt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def _png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_attachments_must_be_word_odt_or_the_four_image_types(agency):
    """R-ED-12: Word/ODT texts, JPG/GIF/PNG/BMP images, told by content."""
    documents = get_document_model()
    odt = documents.objects.create(title="Bài viết", file=ContentFile(_odt(), "bai-viet.odt"))
    pdf = documents.objects.create(title="Báo cáo", file=ContentFile(b"%PDF-1.4\n", "bc.pdf"))
    fake = documents.objects.create(title="Giả", file=ContentFile(b"MZ\x90\x00", "gia.docx"))
    image = get_image_model().objects.create(title="Ảnh", file=ContentFile(_png(), "anh.png"))
    assert checks.attachment_errors({image.pk}, {odt.pk}) == []
    errors = checks.attachment_errors(set(), {pdf.pk, fake.pk})
    assert len(errors) == 2
    assert "bc.pdf" in errors[0] and "gia.docx" in errors[1]
