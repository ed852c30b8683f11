"""The demo: registers for both demo agencies, weeks of documents in every state, and an
issued document that the other agency received."""

import pytest

from plugins.core.models import Agency
from plugins.eoffice.documents.demo import load_eoffice_demo
from plugins.eoffice.documents.models import (
    IncomingDocument,
    IncomingState,
    OutgoingDocument,
    OutgoingState,
    Register,
)

pytestmark = pytest.mark.django_db


def test_demo_has_registers_documents_in_every_state_and_a_delivery(demo):
    skh = Agency.objects.get(symbol="SKH")
    assert Register.objects.filter(agency=demo).count() == 4
    assert Register.objects.filter(agency=skh, is_default=True).count() == 2
    states = set(IncomingDocument.objects.filter(agency=demo).values_list("state", flat=True))
    assert states == set(IncomingState.values)
    assert IncomingDocument.objects.filter(agency=demo, number_notation="647/QĐ-BQL").exists()
    drafts = set(OutgoingDocument.objects.filter(agency=demo).values_list("state", flat=True))
    assert {OutgoingState.ISSUED, OutgoingState.DIRECTOR_REVIEW, OutgoingState.UNIT_REVIEW,
            OutgoingState.APPROVED, OutgoingState.DRAFT} <= drafts
    received = IncomingDocument.objects.get(agency=skh)
    assert received.sender_agency == demo and received.number_notation == "01/BQL-QLDN"


def test_loading_the_demo_again_changes_nothing(demo):
    from plugins.core.demo import DemoContext

    before = (IncomingDocument.objects.count(), OutgoingDocument.objects.count(),
              Register.objects.count())
    context = DemoContext(log=lambda message: None)
    load_eoffice_demo(context)
    assert context.created == 0
    assert (IncomingDocument.objects.count(), OutgoingDocument.objects.count(),
            Register.objects.count()) == before
