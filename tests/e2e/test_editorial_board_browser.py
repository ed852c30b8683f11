"""The editorial workflow in a real browser: submit → unit leader → board → chief → live
(R-ED-2), on the demo agency (its board, its news section and workflow)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import admin_login, ready_accounts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _draft_article():
    from wagtail.models import Page

    from plugins.core.models import Position

    section = Page.objects.get(slug="tin-tuc", depth=3, url_path__startswith="/trang-chu-bql/")
    model = section.specific_class.allowed_subpage_models()[0]
    author = Position.objects.select_related("user", "unit").get(user__username="chuyenvien")
    page = model(title="Khởi công nhà máy sản xuất pin mặt trời tại Khu công nghiệp Long Giang",
                 slug="khoi-cong-nha-may-pin-mat-troi", owner=author.user, live=False,
                 summary="Dự án có tổng vốn đầu tư 60 triệu đô la Mỹ.",
                 author_name=author.user.get_full_name(), unit=author.unit)
    section.add_child(instance=page)
    page.save_revision(user=author.user)
    return page




def _footer_action(page, name):
    """Click an action of the editor's footer menu (opening the dropdown if needed)."""
    button = page.get_by_role("button", name=re.compile("^" + re.escape(name)))
    if not button.first.is_visible():
        page.locator(".w-dropdown-button .w-dropdown__toggle").first.click()
    button.first.click()


def test_submit_three_approvals_published(page, demo_site, screenshot):
    ready_accounts("chuyenvien", "truongphongqldn", "chanhvanphong", "truongban")
    article = _draft_article()
    edit = f"{demo_site}/admin/pages/{article.pk}/edit/"

    admin_login(page, demo_site, "chuyenvien")
    page.goto(edit)
    _footer_action(page, "Gửi duyệt theo Quy trình duyệt của Ban Biên tập")
    page.wait_for_load_state("networkidle")
    screenshot(page, "editorial-1-submitted")

    admin_login(page, demo_site, "truongphongqldn")
    assert "Khởi công nhà máy" in page.content()  # awaiting review on the dashboard
    screenshot(page, "editorial-2-leader-dashboard")
    page.goto(edit)
    _footer_action(page, "Phê duyệt cho đơn vị")
    page.wait_for_load_state("networkidle")

    admin_login(page, demo_site, "chanhvanphong")
    page.goto(edit)
    _footer_action(page, "Chuyển Trưởng Ban Biên tập")
    page.wait_for_load_state("networkidle")

    admin_login(page, demo_site, "truongban")
    page.goto(edit)
    screenshot(page, "editorial-3-chief-editor")
    _footer_action(page, "Xác thực và xuất bản")
    page.wait_for_load_state("networkidle")
    screenshot(page, "editorial-4-published")

    article.refresh_from_db()
    assert article.live
    page.goto(demo_site + article.get_url_parts()[2])
    expect(page.get_by_role("heading", name=re.compile("Khởi công nhà máy"))).to_be_visible()
    screenshot(page, "editorial-5-live")
