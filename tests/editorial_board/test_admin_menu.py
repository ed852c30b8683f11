"""The board's place in the admin: one menu group, its reports each in their own place, its
admin views under one URL namespace."""

from django.urls import reverse


def test_the_boards_reports_each_have_their_own_order():
    from django.urls import get_resolver
    from wagtail.admin.menu import reports_menu

    get_resolver().url_patterns  # noqa: B018 (loading the admin URLs fills the registry)
    reports = [item for item in reports_menu.registered_menu_items
               if item.url.startswith("/admin/bao-cao/")]
    ours = [item for item in reports if "han-dang-van-ban" not in item.url
            and type(item).__module__.startswith("plugins.editorial_board")]
    orders = [item.order for item in reports]  # nor the order of another plugin's report
    assert len(ours) == 7 and len(set(orders)) == len(orders)


def test_the_boards_admin_views_keep_their_addresses_under_one_namespace():
    assert reverse("editorial_board:quotas") == "/admin/bao-cao/dinh-muc/"
    assert reverse("editorial_board:page_record", args=[7]) == "/admin/ban-bien-tap/trang/7/"
    assert reverse("editorial_board_board:index") == "/admin/ban-bien-tap/ban/"
    assert reverse("editorial_board_question:index").startswith("/admin/ban-bien-tap/")
