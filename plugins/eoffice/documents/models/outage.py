"""Outage entry (nhập sau sự cố, seed 003 Đ11.2; R-EO-17).

While the system is down, work goes on on paper; when it is back, the clerk opens an
outage entry — the outage window and its reason — and enters the paper documents with
their real dates: arrival time, assignment and result inside the window. Normal
registration refuses such dates. Every document and step entered this way points to the
entry, so lists and the processing slip say "entered after outage".
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plugins.core.scoping import AgencyQuerySet


class OutageEntry(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField(_("outage from"))
    ends_at = models.DateTimeField(_("outage until"))
    reason = models.TextField(_("reason"), help_text=_("What happened, e.g. “server down, "
                                                      "power cut in the data centre”."))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("opened by"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("outage entry")
        verbose_name_plural = _("outage entries")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="eoffice_outage_ends_after_start"),
        ]

    def __str__(self):
        from django.utils import timezone

        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return _("Outage %(start)s – %(end)s") % {"start": start.strftime("%H:%M %d/%m/%Y"),
                                                  "end": end.strftime("%H:%M %d/%m/%Y")}

    def covers(self, moment):
        return self.starts_at <= moment <= self.ends_at
