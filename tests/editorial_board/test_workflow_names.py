"""Where several agencies share an installation, each agency's editorial workflow is named
with its symbol, so the admin's list of workflows tells their sections apart (issue 15,
item 10; R-ED-2, R-ORG-3)."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow

from plugins.editorial_board.moderation.workflow import (
    assign,
    ensure_agency_workflow,
    workflow_name,
)

pytestmark = pytest.mark.django_db


def test_one_agency_keeps_the_plain_name(make_agency):
    agency = make_agency("BQL")
    assert workflow_name(agency) == "Quy trình duyệt của Ban Biên tập"


def test_each_agency_of_a_shared_installation_gets_its_own_named_workflow(
        two_agencies, admin_client):
    bql, skh = two_agencies
    first, second = ensure_agency_workflow(bql), ensure_agency_workflow(skh)
    assert first != second
    assert first.name == "Quy trình duyệt của Ban Biên tập (BQL)"
    assert second.name == "Quy trình duyệt của Ban Biên tập (SKH)"
    assert ensure_agency_workflow(bql) == first  # made once
    root = Page.get_first_root_node()
    for agency, workflow in ((bql, first), (skh, second)):
        section = root.add_child(instance=Page(title="Tin tức - Sự kiện",
                                               slug=f"tin-tuc-{agency.symbol.lower()}"))
        assign(workflow, section)
        assert section.get_workflow() == workflow
    html = admin_client.get(reverse("wagtailadmin_workflows:index")).content.decode()
    assert "Quy trình duyệt của Ban Biên tập (BQL)" in html
    assert "Quy trình duyệt của Ban Biên tập (SKH)" in html
    assert Workflow.objects.filter(name__startswith="Quy trình duyệt của Ban Biên tập").count() == 2
