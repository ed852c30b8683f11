"""The admin's main menu: every plugin's menu has its own place (no two items tie)."""

from collections import defaultdict


def _registered(menu):
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (loading the admin URLs registers the viewsets)
    return menu.registered_menu_items


def test_no_two_top_level_admin_menu_items_share_an_order():
    from wagtail.admin.menu import admin_menu

    by_order = defaultdict(list)
    for item in _registered(admin_menu):
        by_order[item.order].append(str(item.label))
    assert {order: labels for order, labels in by_order.items() if len(labels) > 1} == {}


def test_no_two_reports_share_an_order():
    """Wagtail's own reports (locked pages at 700, …) and every plugin's keep their places."""
    from wagtail.admin.menu import reports_menu

    by_order = defaultdict(list)
    for item in _registered(reports_menu):
        by_order[item.order].append(str(item.label))
    assert {order: labels for order, labels in by_order.items() if len(labels) > 1} == {}
