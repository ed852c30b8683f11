"""Sources whose items an administrator may publish directly (R-ED-5, seed 001 Đ4.4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet
from plugins.core.text import fold


class TrustedSource(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=255,
                            help_text=_("For example: Cổng Thông tin điện tử Chính phủ."))
    domain = models.CharField(
        _("web address"), max_length=255, blank=True,
        help_text=_("Its domain, for example chinhphu.vn: a source naming it is matched."),
    )
    active = models.BooleanField(_("active"), default=True)

    objects = AgencyQuerySet.as_manager()
    base_form_class = AgencyScopedAdminForm
    panels = [FieldPanel("agency"), FieldRowPanel([FieldPanel("name"), FieldPanel("domain")]),
              FieldPanel("active")]

    class Meta:
        verbose_name = _("trusted source")
        verbose_name_plural = _("trusted sources")
        ordering = ["agency", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"],
                                               name="editorial_trusted_source_once")]

    def __str__(self):
        return self.name

    def matches(self, text):
        """Whether a page's source text names this source (accents and case ignored)."""
        folded = fold(text)
        if not folded:
            return False
        return fold(self.name) in folded or bool(self.domain and fold(self.domain) in folded)


class DigestLog(models.Model):
    """A periodic report already sent (weekly digest, monthly report): each goes out once."""

    agency = models.ForeignKey("core.Agency", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30)
    period_start = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "kind", "period_start"],
                                               name="editorial_digest_once")]

    def __str__(self):
        return f"{self.agency_id} {self.kind} {self.period_start}"
