"""`manage.py load_demo` makes a working demo and changes nothing when run again."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from plugins.core.models import Agency, AgencyRole, Position, Role, Unit

pytestmark = pytest.mark.django_db


def _snapshot():
    """Row counts and last-modified state of every model the demo touches."""
    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    from django.contrib.auth import get_user_model

    passwords = dict(get_user_model().objects.values_list("username", "password"))
    return counts, passwords


def test_load_demo_twice_changes_nothing_the_second_time(demo):
    """load_demo is idempotent: same rows, same passwords, "nothing changed"."""
    before = _snapshot()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert _snapshot() == before
    assert "nothing changed" in out.getvalue()


def test_demo_has_two_agencies_with_staff_for_every_role(demo, demo_snapshot):
    """R-ORG-1, R-ORG-3: two agencies, each with its unit tree; every role has somebody."""
    bql = demo
    assert Agency.objects.count() == 2
    assert Unit.objects.filter(agency=bql, parent__isnull=True).count() == 2  # leadership, party
    assert Unit.objects.filter(agency=bql).count() == 9
    for role in Role:
        assert AgencyRole.objects.get(agency=bql, role=role).group.user_set.exists(), role
    assert Position.objects.filter(unit__agency=bql, is_leader=True).count() >= 4
    assert "one-time password" in demo_snapshot.output
