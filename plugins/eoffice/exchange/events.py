"""What the exchange does when the documents app acts, without that app knowing it:

- an issued document for agencies of this installation goes to them as edXML packages
  (``delivery_requested``), when the sender and every recipient have an organ id;
- a received document's handling goes back to its sender as status messages: assigned
  (04), reassigned inside the unit (05, in progress), result recorded (06, completed);
- a withdrawn document that was sent is recalled from its recipients (business "recall").
"""

from django.db.models.signals import post_save

from plugins.eoffice.documents.models import ProcessingStep, StepAction
from plugins.eoffice.documents.signals import delivery_requested
from plugins.eoffice.exchange.edxml.status import StatusCode

STATUS_OF_STEP = {StepAction.ASSIGN: StatusCode.ASSIGNED,
                  StepAction.REASSIGN: StatusCode.IN_PROGRESS,
                  StepAction.RESULT: StatusCode.COMPLETED}


def deliver_through_exchange(sender, document, user, **kwargs):
    from plugins.eoffice.exchange import sending

    organs = sending.installation_organs(document)
    everyone = document.recipient_agencies.exclude(pk=document.agency_id).count()
    if not document.agency.organ_id or len(organs) != everyone:
        return False  # someone has no organ id: the documents app delivers directly
    sending.queue_document(document, organs, user)
    return True


def step_recorded(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    if instance.incoming_id and instance.action in STATUS_OF_STEP:
        _report_progress(instance)
    elif instance.outgoing_id and instance.action == StepAction.WITHDRAW:
        from plugins.eoffice.exchange import sending

        sending.queue_recall(instance.outgoing, instance.note, instance.actor)


def _report_progress(step):
    from plugins.eoffice.exchange import sending
    from plugins.eoffice.exchange.models import Envelope, EnvelopeState

    received = Envelope.objects.filter(incoming_id=step.incoming_id,
                                       state=EnvelopeState.ACCEPTED).select_related(
        "agency").first()
    if received is not None:
        sending.queue_status(received, STATUS_OF_STEP[step.action], user=step.actor,
                             description=step.note[:2000])


def connect():
    delivery_requested.connect(deliver_through_exchange, dispatch_uid="eoffice_exchange")
    post_save.connect(step_recorded, sender=ProcessingStep, dispatch_uid="eoffice_exchange")
