"""Demo content (R-SITE-8): the demo agencies' links collected and their internal links
checked, without a request leaving the machine; loading again changes nothing."""

import pytest
from django.apps import apps

from plugins.core.demo import DemoContext
from plugins.site_health.demo import load_site_health_demo
from plugins.site_health.models import Link, LinkKind, LinkStatus

pytestmark = pytest.mark.django_db


@pytest.mark.cross_plugin()  # its assertions follow the plugins installed
def test_R_SITE_8_demo_collects_and_checks_internal_links(demo):
    internal = Link.objects.filter(kind=LinkKind.INTERNAL)
    # The reference site's demo links its pages (the first agency's procedures link their
    # forms); a site of the core and this plugin alone has no page that links, one with
    # other plugins (the legal library's documents) has some.
    if apps.is_installed("portal"):
        assert internal.filter(agency__symbol="BQL").exists()
    elif not Link.objects.exists():
        return  # no plugin installed beside this one makes a page that links
    assert not internal.filter(status=LinkStatus.UNCHECKED).exists()
    assert internal.filter(status=LinkStatus.OK).exists()
    assert not Link.objects.filter(kind=LinkKind.EXTERNAL).exclude(
        status=LinkStatus.UNCHECKED).exists()  # outside links wait for the hourly job
    before = sorted(Link.objects.values_list("agency_id", "url", "status"))
    load_site_health_demo(DemoContext(log=lambda *args: None))
    assert sorted(Link.objects.values_list("agency_id", "url", "status")) == before
