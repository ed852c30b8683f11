"""Citizens' feedback and questions, routed to the responsible unit and answered (R-ED-15).

Regulation 000 Đ10.2: the unit in charge of a question's subject area answers it promptly;
Đ10.4: each unit receives the citizens' opinions and prepares the answer for its leader;
Đ12: the board gathers visitors' opinions and reports on them. A question is a record of the
agency (never a page): its life is the service in :mod:`plugins.editorial_board.questions.services`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet

#: Working days a unit has to answer, when the agency set nothing. The regulations ask for
#: "quickly, promptly" without a figure (000 Đ10.2): seven working days is the house default.
DEFAULT_ANSWER_WORKING_DAYS = 7


class SubjectArea(models.Model):
    """A subject a citizen may pick; its default unit receives the question."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=150)
    default_unit = models.ForeignKey(
        "core.Unit", verbose_name=_("responsible unit"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Questions on this subject go straight to this unit. Empty: the board "
                    "chooses the unit."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = AgencyQuerySet.as_manager()
    base_form_class = AgencyScopedAdminForm
    panels = [FieldPanel("agency"), FieldPanel("name"), FieldPanel("default_unit"),
              FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("subject area of questions")
        verbose_name_plural = _("subject areas of questions")
        ordering = ["agency", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"],
                                               name="editorial_subject_area_once")]

    def __str__(self):
        return self.name


class QuestionSettings(models.Model):
    agency = models.OneToOneField("core.Agency", verbose_name=_("agency"),
                                  on_delete=models.CASCADE, related_name="+")
    answer_working_days = models.PositiveSmallIntegerField(
        _("working days to answer"), default=DEFAULT_ANSWER_WORKING_DAYS,
        help_text=_("Counted from the working day after the question arrives; the answer is "
                    "due at the end of that office day."),
    )
    email_answers = models.BooleanField(
        _("email the answer to the questioner"), default=True,
        help_text=_("When the board approves an answer, it is also sent to the questioner's "
                    "email address, if they gave one."),
    )

    objects = AgencyQuerySet.as_manager()
    base_form_class = AgencyScopedAdminForm
    panels = [FieldPanel("agency"), FieldPanel("answer_working_days"),
              FieldPanel("email_answers")]

    class Meta:
        verbose_name = _("settings of citizens' questions")
        verbose_name_plural = _("settings of citizens' questions")

    def __str__(self):
        return str(self.agency)

    @classmethod
    def for_agency(cls, agency_id):
        return cls.objects.filter(agency_id=agency_id).first() or cls(agency_id=agency_id)


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("Received, awaiting routing")
    ASSIGNED = "assigned", _("Assigned to a unit")
    ANSWERED = "answered", _("Answered, awaiting the board")
    PUBLISHED = "published", _("Answered and published")
    CLOSED = "closed", _("Answered, not published")
    REJECTED = "rejected", _("Rejected")


#: States in which the question still waits for its answer (reminders, overdue report).
OPEN_STATUSES = (QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED)


class QuestionQuerySet(AgencyQuerySet):
    def visible_to(self, user):
        """The agencies' questions, narrowed to the user's units unless the user sees them all.

        The board, the agency's leaders and superusers see every question of their agencies;
        everyone else sees the questions routed to a unit they hold a position in (R-ED-15).
        """
        scoped = super().visible_to(user)
        if not user or not user.is_authenticated or user.is_superuser:
            return scoped
        from plugins.editorial_board.questions.services import (
            all_questions_agency_ids,
            own_unit_ids,
        )

        return scoped.filter(models.Q(agency_id__in=all_questions_agency_ids(user))
                             | models.Q(unit_id__in=own_unit_ids(user)))

    def published(self):
        return self.filter(status=QuestionStatus.PUBLISHED)

    def waiting(self):
        return self.filter(status__in=OPEN_STATUSES)


class Question(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    reference = models.CharField(_("reference code"), max_length=24, unique=True,
                                 editable=False)
    # The questioner: never shown on the public site.
    name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    subject_area = models.ForeignKey(
        SubjectArea, verbose_name=_("subject area"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    title = models.CharField(_("question title"), max_length=255)
    text = models.TextField(_("question"))
    received_at = models.DateTimeField(_("received at"), db_index=True)

    status = models.CharField(_("state"), max_length=12, choices=QuestionStatus.choices,
                              default=QuestionStatus.RECEIVED, db_index=True)
    unit = models.ForeignKey(
        "core.Unit", verbose_name=_("responsible unit"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    due_at = models.DateTimeField(_("answer due"), null=True, blank=True, db_index=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("The board member who published, closed or rejected it."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True,
                                        db_index=True)
    rejection_reason = models.CharField(_("reason for rejection"), max_length=500,
                                        blank=True)
    answer_emailed_at = models.DateTimeField(_("answer emailed at"), null=True, blank=True)
    reminders_due_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminders_sent = models.JSONField(default=list, blank=True, editable=False)

    objects = QuestionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["reminders_due_at", "reminders_sent"],
                                history_change_reason_field=models.TextField(null=True))

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("subject_area")]),
        FieldPanel("text"),
    ]

    class Meta:
        verbose_name = _("citizen's question")
        verbose_name_plural = _("citizens' questions")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["agency", "status", "published_at"])]

    def __str__(self):
        return f"{self.reference} — {self.title}"

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def answered_late(self):
        """Answered after its due time, or still unanswered past it."""
        from django.utils import timezone

        if self.due_at is None or self.status == QuestionStatus.REJECTED:
            return False
        return (self.answered_at or timezone.now()) > self.due_at
