"""The processing slip (phiếu xử lý): every step taken on a document, in order."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plugins.core.scoping import AgencyQuerySet


class StepAction(models.TextChoices):
    REGISTER = "register", _("Registered")
    ASSIGN = "assign", _("Assigned")
    REASSIGN = "reassign", _("Reassigned inside the unit")
    RECALL = "recall", _("Assignment recalled")
    RETURN = "return", _("Returned to the clerk")
    RESUBMIT = "resubmit", _("Sent again for assignment")
    RESULT = "result", _("Result recorded")
    FILE = "file", _("Filed into a dossier")
    REPLY = "reply", _("Reply drafted")
    READ = "read", _("Read")
    DRAFT = "draft", _("Drafted")
    SUBMIT = "submit", _("Submitted for review")
    FORWARD = "forward", _("Agreed and forwarded to the director")
    COMMENT = "comment", _("Commented")
    EDIT = "edit", _("Edited")
    APPROVE = "approve", _("Approved")
    SEND_BACK = "send_back", _("Returned to the author")
    ISSUE = "issue", _("Numbered and issued")
    DELIVER = "deliver", _("Delivered")
    WITHDRAW = "withdraw", _("Withdrawn")
    REVOKED = "revoked", _("Recalled by its sender")
    AMENDED = "amended", _("Updated by its sender")
    SIGN = "sign", _("Digitally signed")


class ProcessingStep(models.Model):
    agency = models.ForeignKey("core.Agency", on_delete=models.CASCADE, related_name="+")
    incoming = models.ForeignKey("eoffice_documents.IncomingDocument", null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="steps")
    outgoing = models.ForeignKey("eoffice_documents.OutgoingDocument", null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("action"), max_length=12, choices=StepAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True,
                              on_delete=models.SET_NULL, related_name="+")
    # Now, except for work done on paper during an outage and entered afterwards with its
    # real date (``outage`` says so).
    at = models.DateTimeField(_("at"), default=timezone.now)
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)
    note = models.TextField(_("note"), blank=True)
    # Done by a delegate in the director's place (R-EO-15): the director it was done for,
    # and the delegation in force.
    on_behalf_of = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("on behalf of"),
                                     null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    delegation = models.ForeignKey("eoffice_documents.Delegation", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="steps")
    outage = models.ForeignKey("eoffice_documents.OutageEntry", verbose_name=_("outage entry"),
                               null=True, blank=True, on_delete=models.PROTECT,
                               related_name="steps")

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("processing step")
        verbose_name_plural = _("processing steps")
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(incoming__isnull=False, outgoing__isnull=True)
                           | models.Q(incoming__isnull=True, outgoing__isnull=False)),
                name="eoffice_step_one_document"),
        ]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()}"

    @property
    def acting_for(self):
        """“on behalf of the Trưởng ban”: the title (or name) of the director a delegate
        acted for, or ""."""
        if self.delegation_id is None:
            return ""
        from plugins.eoffice.documents.models.delegation import person_name

        return self.delegation.delegator_title or person_name(self.on_behalf_of)
