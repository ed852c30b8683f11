"""Schedule entries, work plans, staff feed tokens and the public work programme page.

A schedule is the agency's leaders' (``unit`` empty) or one unit's. Its entries and the
plans (month, quarter, half year, year) pass the same states, changed only by
:mod:`.services`: drafted by the office (or the unit), submitted, approved — which publishes
them — or sent back with a reason. A published entry changed or cancelled afterwards keeps
its place and is marked so, with the time of the change, on the portal and in the
calendar feeds (seed 004 Đ7.1, seed 000 Đ7.7, Đ16.1)."""

import datetime
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from plugins.core.scoping import AgencyQuerySet
from plugins.core.text import nfc


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    RETURNED = "returned", _("Sent back")
    PUBLISHED = "published", pgettext_lazy("work schedule", "Approved and published")


class Mark(models.TextChoices):
    """What happened to a published record afterwards."""

    NONE = "", _("As published")
    CHANGED = "changed", pgettext_lazy("work schedule", "Changed")
    CANCELLED = "cancelled", pgettext_lazy("work schedule", "Cancelled")


class ApprovedRecord(models.Model):
    """What an entry and a plan share: whose schedule, its state, who did what when."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        "core.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty for the schedule of the agency's leaders."))
    state = models.CharField(_("state"), max_length=12, choices=State.choices,
                             default=State.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("drafted by"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    return_reason = models.TextField(_("reason for sending back"), blank=True)
    mark = models.CharField(_("change after publication"), max_length=10, choices=Mark.choices,
                            default=Mark.NONE, blank=True)
    changed_at = models.DateTimeField(_("changed"), null=True, blank=True)
    change_note = models.CharField(_("what changed"), max_length=255, blank=True)
    # Bumped on every change after publication: the iCalendar SEQUENCE (RFC 5545 §3.8.7.4).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # Set when the retention job has reported this record as due for purging (R-EO-10).
    purge_reported_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.state == State.PUBLISHED

    @property
    def is_cancelled(self):
        return self.mark == Mark.CANCELLED

    def schedule_name(self):
        return self.unit.name if self.unit_id else str(_("Agency's leaders"))

    def clean(self):
        super().clean()
        if self.unit_id and self.agency_id and self.unit.agency_id != self.agency_id:
            raise ValidationError({"unit": _("The unit belongs to another agency.")})


class ScheduleEntry(ApprovedRecord):
    """One item of a weekly schedule: a meeting, a visit, a reception."""

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"), null=True, blank=True)
    content = models.TextField(_("content"))
    chair = models.CharField(_("chaired by"), max_length=255, blank=True)
    leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("leaders attending"), blank=True,
        related_name="+",
        help_text=_("The leaders whose own calendar feeds show this entry."))
    participants = models.TextField(_("participants"), blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    preparer = models.CharField(_("prepared by"), max_length=255, blank=True)

    history = HistoricalRecords(excluded_fields=["purge_reported_at"])

    class Meta:
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entries")
        ordering = ["date", "start_time", "pk"]
        indexes = [models.Index(fields=["agency", "date"], name="eoffice_sched_agency_date")]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} — {self.content[:60]}"

    def save(self, *args, **kwargs):
        for field in ("content", "chair", "participants", "place", "preparer", "change_note"):
            setattr(self, field, nfc(getattr(self, field) or "").strip())
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The end must be after the start.")})


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Monthly")
    QUARTER = "quarter", _("Quarterly")
    HALF = "half", _("Half-year")
    YEAR = "year", _("Yearly")


PERIODS_PER_YEAR = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2,
                    PeriodKind.YEAR: 1}
MONTHS_PER_PERIOD = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.HALF: 6,
                     PeriodKind.YEAR: 12}


class WorkPlan(ApprovedRecord):
    """A monthly, quarterly, half-year or yearly work plan (seed 000 Đ7.7)."""

    period_kind = models.CharField(_("kind of plan"), max_length=10,
                                   choices=PeriodKind.choices)
    year = models.PositiveIntegerField(_("year"))
    period = models.PositiveSmallIntegerField(
        _("period"), default=1,
        help_text=_("The month (1–12), quarter (1–4) or half (1–2); 1 for a yearly plan."))
    title = models.CharField(_("name of the plan"), max_length=255)
    text = models.TextField(_("main tasks"), blank=True)
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("file"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="+")

    history = HistoricalRecords(excluded_fields=["purge_reported_at"])

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year", "period_kind", "period", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title or "").strip()
        self.text = nfc(self.text or "").strip()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        most = PERIODS_PER_YEAR.get(self.period_kind, 1)
        if self.period is None or not 1 <= self.period <= most:
            raise ValidationError({"period": _("Between 1 and %(most)s.") % {"most": most}})

    @property
    def period_label(self):
        if self.period_kind == PeriodKind.MONTH:
            return _("Month %(period)s/%(year)s") % {"period": self.period, "year": self.year}
        if self.period_kind == PeriodKind.QUARTER:
            return _("Quarter %(period)s/%(year)s") % {"period": self.period, "year": self.year}
        if self.period_kind == PeriodKind.HALF:
            return _("Half %(period)s/%(year)s") % {"period": self.period, "year": self.year}
        return _("Year %(year)s") % {"year": self.year}

    @property
    def period_end(self):
        """The last day of the plan's period."""
        months = MONTHS_PER_PERIOD[self.period_kind]
        last_month = (self.period - 1) * months + months if self.period_kind != "year" else 12
        following = (datetime.date(self.year + 1, 1, 1) if last_month == 12
                     else datetime.date(self.year, last_month + 1, 1))
        return following - datetime.timedelta(days=1)


def _new_token():
    return secrets.token_urlsafe(24)


class FeedToken(models.Model):
    """A person's secret for their staff calendar feeds (a unit's schedule is not public):
    calendar apps cannot sign in, so the feed's URL carries it. Resetting it makes every URL
    given out before stop working."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="schedule_feed_token")
    key = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed key")
        verbose_name_plural = _("calendar feed keys")

    def __str__(self):
        return str(self.user)

    def reset(self):
        self.key = _new_token()
        self.save(update_fields=["key", "created_at"])


from plugins.eoffice.schedules.pages import WorkProgrammePage  # noqa: E402, F401
