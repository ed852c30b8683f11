"""The e-office in a real browser, in Vietnamese (the site's default), on the demo agencies
(issue 17): an incoming document from the clerk's registration to its dossier
(R-EO-2, R-EO-3, R-EO-4, R-EO-18), and an outgoing document from the specialist's draft
to its arrival in another agency's register (R-EO-6, R-EO-8, R-EO-16).

Screenshots go to the test's tmp dir (``pytest --basetemp=…`` keeps them where you want).
No axe-core run: these admin pages are not public."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import admin_login, ready_accounts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INCOMING_SUBJECT = ("Sở Công Thương đề nghị báo cáo tình hình tiêu thụ điện của các doanh "
                    "nghiệp trong Khu công nghiệp Tân Hương quý III năm 2026")
OUTGOING_SUBJECT = ("Ban Quản lý đề nghị Sở Kế hoạch và Đầu tư cung cấp danh mục dự án kêu gọi "
                    "đầu tư vào các khu công nghiệp năm 2027")
BODY = "Ban Quản lý đề nghị Sở cung cấp danh mục dự án trước ngày 15/10/2026."
EDITED_BODY = ("Ban Quản lý trân trọng đề nghị Sở cung cấp danh mục dự án kêu gọi đầu tư "
               "trước ngày 15/10/2026.")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"






def _shot(page, folder, name):
    """The whole page: the admin scrolls inside its own frame, so the window is made as tall
    as the content for the picture."""
    path = folder / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("Math.max(document.body.scrollHeight, "
                           "document.querySelector('main')?.scrollHeight || 0)")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 900), 5000)})
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def _action_form(page, action):
    """The form of one action of the document's page (opened if it is folded)."""
    form = page.locator(f"form:has(button[name=action][value={action}])")
    details = page.locator(f"details:has(button[name=action][value={action}])")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return form


def _run_action(page, action):
    _action_form(page, action).locator(f"button[name=action][value={action}]").click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator(".messages")).to_contain_text("Đã thực hiện: ")


def _user_pk(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username).pk


def _register(agency, kind):
    from plugins.eoffice.documents.models import Register

    return Register.objects.get(agency__symbol=agency, kind=kind, is_default=True).pk


def _pdf(folder, name):
    path = folder / name
    path.write_bytes(PDF)
    return path


def test_R_EO_2_3_4_incoming_from_register_to_dossier(page, demo_site, tmp_path):
    """The clerk registers with a scanned PDF → the director assigns a main handler with a
    deadline and an instruction → the specialist sees it in "My inbox", records the result
    and files it into the unit's dossier."""
    from plugins.eoffice.documents.models import IncomingDocument, IncomingState, WorkDossier

    ready_accounts("vanthu", "truongban", "chuyenvien")

    # The clerk registers it through the admin form.
    admin_login(page, demo_site, "vanthu")
    page.goto(demo_site + reverse("eoffice:register_incoming"))
    expect(page.get_by_role("heading", name="Vào sổ văn bản đến")).to_be_visible()
    page.locator("select[name=register]").select_option(str(_register("BQL", "incoming")))
    page.locator("input[name=sender_name]").fill("Sở Công Thương tỉnh Tiền Giang")
    page.locator("input[name=number_notation]").fill("1520/sct-qlnl")
    issue = page.locator("input[name=issue_date]")
    issue.fill("28/09/2026")
    issue.press("Escape")
    page.locator("select[name=type_code]").select_option("")
    page.locator("textarea[name=subject]").fill(INCOMING_SUBJECT)
    page.locator("input[name=page_count]").fill("3")
    page.locator("input[name=files]").set_input_files(str(_pdf(tmp_path, "cong-van-1520.pdf")))
    _shot(page, tmp_path, "eo-in-1-register-form")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r"/inspect/\d+/$"))
    expect(page.locator(".messages")).to_contain_text("Đã vào sổ với số đến")
    document = IncomingDocument.objects.get(subject=INCOMING_SUBJECT)
    assert document.number_notation == "1520/SCT-QLNL"  # read by core, as typed elsewhere
    expect(page.get_by_text("1520/SCT-QLNL").first).to_be_visible()
    expect(page.get_by_role("link", name="cong-van-1520.pdf")).to_be_visible()
    _shot(page, tmp_path, "eo-in-2-registered")

    # The director finds it waiting for assignment and assigns a person with a deadline.
    admin_login(page, demo_site, "truongban")
    page.goto(demo_site + reverse("eoffice:inbox"))
    expect(page.locator("table.listing")).to_contain_text("1520/SCT-QLNL")
    page.get_by_role("link", name="1520/SCT-QLNL").click()
    form = _action_form(page, "assign")
    form.locator("select[name=main_person]").select_option(label="Huỳnh Ngọc Diễm")
    form.locator("input[name=deadline_days]").fill("5")
    form.locator("textarea[name=instruction]").fill(
        "Giao chị Diễm tổng hợp số liệu, báo cáo trước hạn.")
    _shot(page, tmp_path, "eo-in-3-assign-form")
    _run_action(page, "assign")
    assignments = page.locator("table.listing").first
    expect(assignments).to_contain_text("Xử lý chính")
    expect(assignments).to_contain_text("Huỳnh Ngọc Diễm")
    expect(assignments).to_contain_text("Giao chị Diễm tổng hợp số liệu")
    document.refresh_from_db()
    assert document.state == IncomingState.ASSIGNED and document.deadline is not None
    expect(assignments).to_contain_text(document.deadline.strftime("%d/%m/%Y"))
    _shot(page, tmp_path, "eo-in-4-assigned")

    # The specialist sees it in "My inbox", records the result and files it.
    admin_login(page, demo_site, "chuyenvien")
    page.get_by_role("link", name="Văn bản của tôi").first.click()
    row = page.locator("table.listing tr", has_text="1520/SCT-QLNL")
    expect(row).to_contain_text("Đang xử lý")
    expect(row).to_contain_text(document.deadline.strftime("%d/%m/%Y"))
    _shot(page, tmp_path, "eo-in-5-my-inbox")
    row.get_by_role("link", name="1520/SCT-QLNL").click()
    _action_form(page, "result").locator("textarea[name=result]").fill(
        "Đã tổng hợp số liệu tiêu thụ điện quý III của 42 doanh nghiệp, gửi Sở Công Thương.")
    _run_action(page, "result")
    dossier = WorkDossier.objects.get(unit__agency__symbol="BQL", code="QLDN-01")
    _action_form(page, "file").locator("select[name=dossier]").select_option(str(dossier.pk))
    _shot(page, tmp_path, "eo-in-6-file-form")
    _run_action(page, "file")
    document.refresh_from_db()
    assert document.state == IncomingState.FILED and document.dossier.code == "QLDN-01"
    expect(page.locator("main")).to_contain_text("Đã lưu hồ sơ")
    expect(page.locator("main")).to_contain_text("QLDN-01")
    expect(page.locator("button[name=action][value=file]")).to_have_count(0)
    _shot(page, tmp_path, "eo-in-7-filed")
    # Nothing is left to handle for it in the inbox.
    page.goto(demo_site + reverse("eoffice:inbox"))
    expect(page.locator("table.listing")).not_to_contain_text("1520/SCT-QLNL")


def test_R_EO_6_8_16_outgoing_from_draft_to_another_agency(page, demo_site, tmp_path):
    """A specialist drafts → the unit leader edits the text (a version attributed to them)
    and forwards → the director approves → the clerk numbers and issues it to the Lào Cai
    department → that department's clerk finds it in their incoming register."""
    from plugins.eoffice.documents.models import (
        IncomingDocument,
        OutgoingDocument,
        OutgoingState,
    )

    ready_accounts("chuyenvien", "truongphongqldn", "truongban", "vanthu", "vanthu.skh")

    # The specialist drafts and submits.
    admin_login(page, demo_site, "chuyenvien")
    page.goto(demo_site + reverse("eoffice:new_draft"))
    expect(page.get_by_role("heading", name="Dự thảo văn bản đi mới")).to_be_visible()
    page.locator("select[name=drafting_unit]").select_option(index=1)
    page.locator("textarea[name=subject]").fill(OUTGOING_SUBJECT)
    page.locator("textarea[name=body_text]").fill(BODY)
    signer = page.locator("select[name=proposed_signer]")
    # The choices read as the people's names, not their login names.
    expect(signer.locator("option", has_text="Nguyễn Văn Thành")).to_have_count(1)
    expect(signer.locator("option", has_text=re.compile("^truongban$"))).to_have_count(0)
    signer.select_option(str(_user_pk("truongban")))
    page.locator("select[name=recipient_agencies]").select_option(
        label="Sở Kế hoạch và Đầu tư tỉnh Lào Cai")
    _shot(page, tmp_path, "eo-out-1-draft-form")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r"/inspect/\d+/$"))
    expect(page.locator(".messages")).to_contain_text("Đã lưu dự thảo.")
    document = OutgoingDocument.objects.get(subject=OUTGOING_SUBJECT)
    _run_action(page, "submit")
    document.refresh_from_db()
    assert document.state == OutgoingState.UNIT_REVIEW

    # The unit leader finds it waiting, edits the text and forwards it.
    admin_login(page, demo_site, "truongphongqldn")
    page.goto(demo_site + reverse("eoffice:inbox"))
    waiting = page.get_by_role("link", name=re.compile("cung cấp danh mục dự án"))
    expect(waiting).to_be_visible()
    waiting.click()
    _action_form(page, "edit").locator("textarea[name=body_text]").fill(EDITED_BODY)
    _run_action(page, "edit")
    changes = page.locator("section.w-panel", has_text="Đặng Xuân Phong")
    expect(changes).to_be_visible()  # the version is the leader's
    expect(changes.locator("ins").first).to_contain_text("trân trọng")
    _shot(page, tmp_path, "eo-out-2-leader-version")
    _run_action(page, "forward")

    # The director approves.
    admin_login(page, demo_site, "truongban")
    page.goto(demo_site + reverse("eoffice_outgoing:inspect", args=[document.pk]))
    expect(page.locator("section.w-panel", has_text="Đặng Xuân Phong")).to_be_visible()
    _run_action(page, "approve")
    document.refresh_from_db()
    assert document.state == OutgoingState.APPROVED

    # The clerk numbers and issues it with the signed PDF.
    admin_login(page, demo_site, "vanthu")
    page.goto(demo_site + reverse("eoffice:inbox"))
    page.get_by_role("link", name=re.compile("cung cấp danh mục dự án")).click()
    form = _action_form(page, "issue")
    form.locator("select[name=register]").select_option(str(_register("BQL", "outgoing")))
    form.locator("select[name=signing_prefix]").select_option(index=0)
    form.locator("input[name=signer_title]").fill("Trưởng ban")
    form.locator("input[name=copies]").fill("3")
    form.locator("input[name=signed_file]").set_input_files(
        str(_pdf(tmp_path, "cong-van-da-ky.pdf")))
    _shot(page, tmp_path, "eo-out-3-issue-form")
    _run_action(page, "issue")
    document.refresh_from_db()
    assert document.state == OutgoingState.ISSUED and document.number_notation
    expect(page.locator("main")).to_contain_text(document.number_notation)
    expect(page.locator("main")).to_contain_text("Đã ban hành")
    _shot(page, tmp_path, "eo-out-4-issued")

    # The Lào Cai department's clerk finds the package among what arrived through the
    # exchange, reads it and accepts it into the incoming register (R-EO-16).
    admin_login(page, demo_site, "vanthu.skh")
    page.goto(demo_site + reverse("eoffice_exchange:received"))
    row = page.locator("table tr", has_text=document.number_notation)
    expect(row).to_contain_text("Ban Quản lý các Khu công nghiệp")
    _shot(page, tmp_path, "eo-out-5-arrived-elsewhere")
    row.get_by_role("link", name=document.number_notation).click()
    expect(page.get_by_role("link", name="cong-van-da-ky.pdf")).to_be_visible()
    page.get_by_role("button", name="Tiếp nhận vào sổ").click()
    expect(page.locator(".messages")).to_contain_text("Đã vào sổ với số đến")
    received = IncomingDocument.objects.get(from_outgoing=document)
    assert received.agency.symbol == "SKH" and received.register.is_default
    main = page.locator("main")
    expect(main).to_contain_text(OUTGOING_SUBJECT)
    expect(main).to_contain_text("Đã vào sổ, chờ giao xử lý")
    expect(main).to_contain_text("Đã tiếp nhận và vào sổ")  # what the sender was told
    expect(page.get_by_role("link", name="cong-van-da-ky.pdf")).to_be_visible()
    _shot(page, tmp_path, "eo-out-6-incoming-at-skh")
