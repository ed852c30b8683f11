"""The site's health in a browser (R-SITE-8): the IT administrator reads the broken links
and the yearly review in the admin; the monitoring reads /healthz."""

import datetime
import json

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import admin_login, ready_accounts

pytestmark = pytest.mark.browser


def test_it_administrator_reads_the_site_health_reports(page, demo_site, screenshot):
    from django_q.models import Schedule

    from plugins.site_health.models import Link, LinkKind, LinkStatus

    Schedule.objects.update(next_run=timezone.now())
    bql_links = Link.objects.filter(agency__symbol="BQL")
    outside = bql_links.filter(kind=LinkKind.EXTERNAL).first() or bql_links.first()
    Link.objects.filter(pk=outside.pk).update(status=LinkStatus.BROKEN, status_code=404,
                                              message="Not Found",
                                              last_checked_at=timezone.now(),
                                              first_broken_at=timezone.now())
    ready_accounts("quantri")
    admin_login(page, demo_site, "quantri")

    page.goto(demo_site + "/admin/bao-cao/lien-ket-hong/")
    expect(page.get_by_role("heading", name="Liên kết hỏng").first).to_be_visible()
    expect(page.get_by_text("Hỏng — 404").first).to_be_visible()
    screenshot(page, "site-health-broken-links")
    page.goto(demo_site + "/admin/bao-cao/lien-ket-hong/?status=all")
    screenshot(page, "site-health-all-links")

    # Two pages of the agency's site last changed 400 days ago.
    from wagtail.models import Page

    from plugins.site_health.sites import root_paths, under

    bql = Link.objects.filter(agency__symbol="BQL").first().agency
    old = list(Page.objects.live().filter(under(root_paths([bql.pk])[bql.pk]), depth__gt=2)
               .order_by("path")[:2])
    when = timezone.now() - datetime.timedelta(days=400)
    Page.objects.filter(pk__in=[p.pk for p in old]).update(
        latest_revision_created_at=when, last_published_at=when)

    page.goto(demo_site + "/admin/bao-cao/ra-soat-hang-nam/")
    expect(page.get_by_role("heading", name="Rà soát hằng năm").first).to_be_visible()
    for stale in old:
        expect(page.get_by_role("link", name=stale.title).first).to_be_visible()
    screenshot(page, "site-health-yearly-review")

    response = page.request.get(demo_site + "/healthz")
    assert response.status == 200
    assert json.loads(response.text())["status"] == "ok"
