"""Incoming documents (văn bản đến), their files and their assignments (R-EO-2…R-EO-5)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plugins.core.scoping import AgencyQuerySet
from plugins.eoffice.documents.models.base import DocumentBase, DocumentFileBase
from plugins.eoffice.documents.models.choices import IncomingState, Source


class IncomingDocument(DocumentBase):
    arrival_number = models.PositiveIntegerField(_("arrival number"), editable=False)
    arrived_at = models.DateTimeField(_("arrival time"))
    sender_agency = models.ForeignKey(
        "core.Agency", verbose_name=_("sender (agency of this installation)"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+")
    sender_name = models.CharField(_("sender"), max_length=255)
    sender_organ_id = models.CharField(_("sender's organ id"), max_length=20, blank=True)
    number_notation = models.CharField(_("number and notation"), max_length=80)
    number_key = models.CharField(max_length=120, blank=True, editable=False, db_index=True)
    issue_date = models.DateField(_("issue date"))
    signer_name = models.CharField(_("signed by"), max_length=150, blank=True)
    source = models.CharField(_("received as"), max_length=12, choices=Source.choices,
                              default=Source.PAPER)
    state = models.CharField(_("state"), max_length=12, choices=IncomingState.choices,
                             default=IncomingState.REGISTERED, editable=False)
    area = models.CharField(_("field"), max_length=150, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True, editable=False)
    result = models.TextField(_("result"), blank=True, editable=False)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("registered by"),
                                      null=True, on_delete=models.SET_NULL, related_name="+",
                                      editable=False)
    from_outgoing = models.ForeignKey("eoffice_documents.OutgoingDocument", null=True,
                                      blank=True, on_delete=models.SET_NULL,
                                      related_name="deliveries", editable=False)
    acknowledged_at = models.DateTimeField(_("receipt acknowledged"), null=True, blank=True,
                                           editable=False)
    # Handled on paper during an outage and entered afterwards (R-EO-17).
    outage = models.ForeignKey("eoffice_documents.OutageEntry",
                               verbose_name=_("entered after outage"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="documents",
                               editable=False)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "number_key"])

    class Meta:
        verbose_name = _("incoming document")
        verbose_name_plural = _("incoming documents")
        ordering = ["-arrived_at", "-arrival_number"]
        constraints = [
            models.UniqueConstraint(fields=["register", "year", "arrival_number"],
                                    name="eoffice_incoming_unique_arrival_number"),
        ]
        indexes = [
            models.Index(fields=["agency", "state", "-arrived_at"],
                         name="eoffice_incoming_state_idx"),
            models.Index(fields=["agency", "number_key", "issue_date"],
                         name="eoffice_incoming_dup_idx"),
            # The open documents, in the order the inboxes list them: a few thousand
            # among a million filed ones (bench_eoffice_inbox.py).
            models.Index(fields=["agency", "deadline", "-arrived_at"],
                         condition=~models.Q(state="filed"),
                         name="eoffice_incoming_open_idx"),
            # The register's list in its order, with what the access rules read, so the
            # first page stops after a page of rows and the count reads the index alone.
            # (Trailing key columns, not INCLUDE: SQLite has no INCLUDE and warns.)
            models.Index(fields=["agency", "-arrived_at", "-arrival_number", "secrecy",
                                 "registered_by"],
                         name="eoffice_incoming_list_idx"),
        ]

    def search_parts(self):
        return (self.number_notation, self.subject, self.sender_name)

    def __str__(self):
        return f"{self.arrival_number:02d} — {self.number_notation}: {self.subject[:80]}"


class IncomingFile(DocumentFileBase):
    folder = "incoming"
    document = models.ForeignKey(IncomingDocument, on_delete=models.CASCADE,
                                 related_name="files")

    class Meta(DocumentFileBase.Meta):
        verbose_name = _("file of an incoming document")
        verbose_name_plural = _("files of incoming documents")


class AssignmentRole(models.TextChoices):
    MAIN = "main", _("Main handler")
    CO = "co", _("Co-handler")
    INFO = "info", _("For information")


class Assignment(models.Model):
    """Who handles an incoming document: exactly one active main handler (a unit or a
    person), co-handlers and people or units informed (seed 004 Đ9.2–9.4, Đ10.9)."""

    document = models.ForeignKey(IncomingDocument, on_delete=models.CASCADE,
                                 related_name="assignments")
    role = models.CharField(_("role"), max_length=4, choices=AssignmentRole.choices)
    unit = models.ForeignKey("core.Unit", verbose_name=_("unit"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"), null=True,
                               blank=True, on_delete=models.PROTECT, related_name="+")
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    instruction = models.TextField(_("instruction"), blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="reassignments")
    is_active = models.BooleanField(default=True)
    recalled_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    agency_lookup = "document__agency"
    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["document", "role", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(unit__isnull=True, person__isnull=False)
                           | models.Q(unit__isnull=False, person__isnull=True)),
                name="eoffice_assignment_unit_or_person"),
            models.UniqueConstraint(fields=["document"],
                                    condition=models.Q(role="main", is_active=True),
                                    name="eoffice_assignment_one_main"),
        ]
        indexes = [
            models.Index(fields=["person", "is_active"], name="eoffice_assign_person_idx"),
            models.Index(fields=["unit", "is_active"], name="eoffice_assign_unit_idx"),
            # A person's assignments (thousands over the years) read from the index
            # alone by the inboxes and the access rules (PostgreSQL: index-only scans).
            models.Index(fields=["person", "document", "role", "is_active", "recalled_at",
                                 "read_at"],
                         name="eoffice_assign_person_doc_idx"),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.assignee_name}"

    @property
    def assignee_name(self):
        if self.person_id:
            return self.person.get_full_name() or self.person.get_username()
        return str(self.unit)
