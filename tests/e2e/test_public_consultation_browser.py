"""A citizen finds a draft open for comments, downloads it, comments through the site; a
specialist approves the comment in the admin; the citizen then sees it without its contacts;
a closed consultation shows the summary and the agency's answers (R-SITE-6). Every public
page here has no serious or critical axe-core violation.

Screenshots go to tests/artifacts/ (consultation-*.png)."""

import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OPEN_TITLE = "Dự thảo Quy chế quản lý, sử dụng Trang thông tin điện tử của Ban Quản lý"
CLOSED_TITLE = "Dự thảo Kế hoạch bảo vệ môi trường các khu công nghiệp giai đoạn 2026–2030"
COMMENT = "Đề nghị bổ sung quy định đăng tải lịch tiếp công dân trên Trang thông tin."


def _serious(page):
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    assert response["testEngine"]["name"] == "axe-core"
    return [f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in response["violations"]
            if violation["impact"] in ("serious", "critical")]


def test_a_citizen_comments_on_a_draft_and_sees_it_once_approved(page, demo_site,
                                                                  screenshot):
    """R-SITE-6: the list's state facet, the open draft with its files (open format marked),
    receiving address and window; the comment form; moderation; only approved comments are
    shown, never contacts; a closed consultation's summary and answers."""
    from plugins.public_consultation.models import Comment, CommentStatus
    from tests.e2e.conftest import admin_login, ready_accounts

    found = []
    page.goto(demo_site + "/lay-y-kien-du-thao/")
    expect(page.get_by_role("heading", name="Lấy ý kiến dự thảo văn bản", level=1)).to_be_visible()
    assert page.locator(".consultation-row").count() == 3
    found += _serious(page)
    screenshot(page, "consultation-list")

    page.get_by_role("checkbox", name=re.compile(r"^Đang lấy ý kiến")).check()
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    page.wait_for_url(re.compile(r"state=open"))
    assert page.locator(".consultation-title a").all_inner_texts() == [OPEN_TITLE]
    page.locator(".consultation-title a").first.click()
    assert page.locator(".consultation-email").inner_text() == "bqlkcn@tiengiang.gov.vn"
    assert page.locator(".draft-file .open-format").count() == 1  # the ODT; the Word copy not
    assert page.locator(".comment-list .comment").count() == 2  # approved only
    assert "Tôi đề nghị bổ sung mục hỏi đáp" not in page.content()  # waiting
    assert "Quảng cáo dịch vụ" not in page.content()  # refused
    assert "@example.com" not in page.content() and "0912 000 00" not in page.content()
    found += _serious(page)
    with page.expect_download() as download:
        page.locator(".draft-file a").first.click()
    assert download.value.suggested_filename.endswith(".odt")

    page.get_by_label("Họ và tên hoặc tên tổ chức (hiển thị cùng ý kiến)").fill("Phạm Thị Lan")
    page.get_by_label("Thư điện tử (không công bố)").fill("lan.pham@example.vn")
    page.get_by_label("Điều, khoản hoặc mục của dự thảo (không bắt buộc)").fill("Điều 7")
    page.get_by_role("textbox", name="Ý kiến góp ý").fill(COMMENT)
    page.locator("#comment-form").scroll_into_view_if_needed()
    screenshot(page, "consultation-form-filled")
    time.sleep(5.5)  # a person takes longer than the form's minimum
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_role("heading", name="Cảm ơn quý vị đã góp ý")).to_be_visible()
    found += _serious(page)
    screenshot(page, "consultation-comment-sent")
    comment = Comment.objects.get(text=COMMENT)
    assert comment.status == CommentStatus.PENDING and comment.section == "Điều 7"
    page.go_back()
    page.reload()
    assert COMMENT not in page.content()  # not approved yet

    ready_accounts("chuyenvien")
    admin_login(page, demo_site, "chuyenvien")
    page.goto(f"{demo_site}/admin/gop-y-du-thao/edit/{comment.pk}/")
    assert "lan.pham@example.vn" in page.content()  # the moderator reads the contact
    page.locator("select#id_status").select_option("approved")
    screenshot(page, "consultation-admin-moderation")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r"/admin/gop-y-du-thao/$"))
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED

    page.context.clear_cookies()
    page.goto(demo_site + "/lay-y-kien-du-thao/?state=open")
    page.locator(".consultation-title a").first.click()
    expect(page.locator(".comment-list").get_by_text(COMMENT)).to_be_visible()
    assert "lan.pham@example.vn" not in page.content()
    page.get_by_text(COMMENT).scroll_into_view_if_needed()
    screenshot(page, "consultation-comment-approved")

    page.goto(demo_site + "/lay-y-kien-du-thao/?state=closed")
    page.locator(".consultation-title a", has_text="Kế hoạch bảo vệ môi trường").click()
    expect(page.get_by_role("heading", name=CLOSED_TITLE, level=1)).to_be_visible()
    expect(page.locator(".consultation-outcome").get_by_text("5 ý kiến góp ý")).to_be_visible()
    assert page.locator(".comment-answer").count() == 2
    assert page.locator("form.comment-form").count() == 0
    found += _serious(page)
    screenshot(page, "consultation-closed-results")

    page.goto(demo_site + "/en/public-consultation/")
    assert page.locator(".consultation-row").count() == 2
    found += _serious(page)
    screenshot(page, "consultation-english")
    assert found == [], "\n".join(found)
