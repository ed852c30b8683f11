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


def test_demo_has_a_month_of_mail_numbered_in_arrival_order_with_late_ones(demo):
    """Issue 17 "Bar": a realistic month — arrival numbers follow arrival times, older
    documents are filed with their steps dated back then, some are overdue."""
    from django.utils import timezone

    from plugins.eoffice.documents.models import ProcessingStep, StepAction

    # (What arrived through the exchange is registered at the real time the demo loads.)
    documents = list(IncomingDocument.objects.filter(agency=demo, register__is_secret=False)
                     .exclude(source="exchange").order_by("arrival_number"))
    assert len(documents) >= 60
    assert [d.arrived_at for d in documents] == sorted(d.arrived_at for d in documents)
    first, last = documents[0].arrived_at, documents[-1].arrived_at
    assert (last - first).days >= 28
    assert IncomingDocument.objects.filter(agency=demo, state=IncomingState.ASSIGNED,
                                           deadline__lt=timezone.localdate()).count() >= 3
    filed = IncomingDocument.objects.filter(agency=demo, state=IncomingState.FILED)
    assert filed.count() >= 30
    result = ProcessingStep.objects.filter(incoming__in=filed, action=StepAction.RESULT)
    assert result.filter(at__lt=timezone.now() - timezone.timedelta(days=7)).count() >= 20


def test_loading_the_demo_again_changes_nothing(demo):
    from plugins.core.demo import DemoContext

    before = (IncomingDocument.objects.count(), OutgoingDocument.objects.count(),
              Register.objects.count())
    context = DemoContext(log=lambda message: None)
    load_eoffice_demo(context)
    assert context.created == 0
    assert (IncomingDocument.objects.count(), OutgoingDocument.objects.count(),
            Register.objects.count()) == before
