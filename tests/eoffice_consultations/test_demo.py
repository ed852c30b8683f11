"""Demo content (R-EO-12): the demo agencies have consultations, one open and one closed at
its deadline with a non-responder flagged; loading twice changes nothing."""

import pytest

from plugins.core.demo import DemoContext
from plugins.eoffice.consultations.demo import load_consultations_demo
from plugins.eoffice.consultations.models import Consultation, Invitee, State

pytestmark = pytest.mark.django_db


def test_r_eo_12_demo_has_an_open_and_a_flagged_consultation(demo):
    bql = Consultation.objects.filter(agency__symbol="BQL")
    assert bql.filter(state=State.OPEN).exists()
    closed = bql.get(state=State.CLOSED)
    flagged = Invitee.objects.filter(consultation=closed, flagged_at__isnull=False)
    assert [invitee.user.username for invitee in flagged] == ["chanhvanphong"]
    assert Consultation.objects.filter(agency__symbol="SKH", state=State.OPEN).exists()
    count = Consultation.objects.count()
    load_consultations_demo(DemoContext(log=lambda *args: None))
    assert Consultation.objects.count() == count
