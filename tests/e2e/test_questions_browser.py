"""A citizen reads the answered questions, searches them without accents and asks a question
in a real browser, without any script on the page (R-ED-15)."""

import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_searches_and_asks_a_question(page, demo_site, screenshot):
    page.goto(demo_site + "/hoi-dap/")
    expect(page.get_by_role("heading", name="Hỏi đáp", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Thủ tục cấp giấy phép lao động cho người nước "
                                        "ngoài")).to_be_visible()
    assert page.get_by_text("lan.nguyen@example.vn").count() == 0  # never the contacts
    screenshot(page, "questions-list")
    page.get_by_label("Tìm trong các câu hỏi và trả lời").fill("dieu chinh du an")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"q=dieu\+chinh"))
    expect(page.get_by_role("link", name="Điều chỉnh dự án đầu tư khi thay đổi nhà đầu tư"
                            )).to_be_visible()
    assert page.get_by_text("Thủ tục cấp giấy phép lao động").count() == 0

    page.get_by_role("link", name="Gửi câu hỏi").click()
    page.get_by_label("Họ và tên").fill("Trần Thị Hoa")
    page.get_by_label("Thư điện tử").fill("hoa.tran@example.vn")
    page.get_by_label("Lĩnh vực (không bắt buộc)").select_option(label="Môi trường")
    page.get_by_label("Tiêu đề câu hỏi").fill("Quan trắc nước thải định kỳ")
    page.get_by_label("Nội dung câu hỏi").fill("Doanh nghiệp quan trắc nước thải mấy lần một năm?")
    page.get_by_label(re.compile("Tôi đồng ý")).check()
    expect(page.locator(".qa-hp input")).not_to_be_visible()  # the honeypot stays hidden
    screenshot(page, "questions-form")
    time.sleep(5.5)  # a person takes longer than the form's minimum
    page.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.get_by_role("heading", name="Câu hỏi của ông/bà đã được tiếp nhận")).to_be_visible()
    assert re.fullmatch(r"BQL-\d{4}-[A-Z0-9]{6}", page.locator(".qa-reference").inner_text())
    screenshot(page, "questions-sent")
