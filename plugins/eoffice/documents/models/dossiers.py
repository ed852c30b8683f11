"""Work dossiers (hồ sơ công việc, Decree 30 Arts. 28–31): a yearly list per unit."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet


class DossierState(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    HANDED_OVER = "handed_over", _("Handed over to the archive")


class Retention(models.TextChoices):
    """How long the archive keeps a dossier (thời hạn bảo quản, Circular 10/2022/TT-BNV)."""

    PERMANENT = "permanent", _("Permanent")
    Y70 = "70", _("70 years")
    Y50 = "50", _("50 years")
    Y20 = "20", _("20 years")
    Y10 = "10", _("10 years")
    Y5 = "5", _("5 years")


class DossierAdminForm(AgencyScopedAdminForm):
    """A dossier is opened for one of the user's own units."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not user.is_superuser and "unit" in self.fields:
            from plugins.core.models import Position

            self.fields["unit"].queryset = self.fields["unit"].queryset.filter(
                pk__in=Position.objects.filter(user=user).values("unit_id"))


class WorkDossier(models.Model):
    """Documents filed here stay here; a closed dossier is read-only (R-EO-4)."""

    unit = models.ForeignKey("core.Unit", verbose_name=_("unit"), on_delete=models.PROTECT,
                             related_name="eoffice_dossiers")
    year = models.PositiveIntegerField(_("year"))
    code = models.CharField(_("code"), max_length=40, blank=True,
                            help_text=_("The dossier's number in the unit's yearly list."))
    title = models.CharField(_("dossier title"), max_length=300)
    keeper = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("keeper"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="+")
    retention = models.CharField(_("retention period"), max_length=10,
                                 choices=Retention.choices, default=Retention.Y10)
    state = models.CharField(_("state"), max_length=12, choices=DossierState.choices,
                             default=DossierState.OPEN, editable=False)
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    handed_over_at = models.DateTimeField(_("handed over"), null=True, blank=True,
                                          editable=False)

    agency_lookup = "unit__agency"
    objects = AgencyQuerySet.as_manager()
    base_form_class = DossierAdminForm
    history = HistoricalRecords()

    panels = [
        FieldRowPanel([FieldPanel("unit"), FieldPanel("year"), FieldPanel("code")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("keeper"), FieldPanel("retention")]),
    ]

    class Meta:
        verbose_name = _("work dossier")
        verbose_name_plural = _("work dossiers")
        ordering = ["-year", "unit", "code", "title"]

    def __str__(self):
        return f"{self.code} {self.title} ({self.year})".strip()

    @property
    def is_closed(self):
        """Closed or handed over: its documents are read-only."""
        return self.state != DossierState.OPEN
