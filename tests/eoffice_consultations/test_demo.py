"""Demo content (R-EO-12): the demo agencies have consultations, one open and one closed at
its deadline with a non-responder flagged; loading twice changes nothing."""

import pytest
from django.core.management import call_command

from plugins.eoffice.consultations.models import Consultation, Invitee, State

pytestmark = pytest.mark.django_db


def test_r_eo_12_demo_has_an_open_and_a_flagged_consultation():
    call_command("load_demo", verbosity=0)
    bql = Consultation.objects.filter(agency__symbol="BQL")
    assert bql.filter(state=State.OPEN).exists()
    closed = bql.get(state=State.CLOSED)
    flagged = Invitee.objects.filter(consultation=closed, flagged_at__isnull=False)
    assert [invitee.user.username for invitee in flagged] == ["chanhvanphong"]
    assert Consultation.objects.filter(agency__symbol="SKH", state=State.OPEN).exists()
    count = Consultation.objects.count()
    call_command("load_demo", verbosity=0)
    assert Consultation.objects.count() == count
