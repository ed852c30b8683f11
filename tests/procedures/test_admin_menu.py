"""The procedures' items in the admin menu (plugins.core.admin.menu)."""

from django.urls import reverse


def test_the_import_item_reads_the_lists_the_person_may_fill_once_a_page(demo, client,
                                                                         make_staff):
    """R-SEC-2: an agency leader's admin page shows "Import procedures" (in the procedures'
    submenu, which Wagtail asks twice a page) for one read of the procedure lists the leader
    may fill; a clerk, who adds no pages, does not see it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plugins.core.models import Role

    client.force_login(make_staff("lanhdao", demo, role=Role.AGENCY_LEADER))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse("procedures:import") in response.content.decode()
    asked = [query["sql"] for query in queries.captured_queries
             if 'FROM "procedures_procedureindexpage"' in query["sql"]]
    assert len(asked) == 1, asked

    client.force_login(make_staff("vanthu.moi", demo, role=Role.CLERK))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse("procedures:import") not in response.content.decode()
