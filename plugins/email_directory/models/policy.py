"""Each agency's address naming policy: which scheme, and its options, as data (R-EM-3)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.scoping import AgencyQuerySet
from plugins.email_directory.admin.forms import ItAdminAgencyForm
from plugins.email_directory.naming import SCHEMES, NamingError, get_scheme


def scheme_choices():
    """The registered schemes, with their labels (schemes registered later appear too)."""
    return [(name, getattr(cls, "label", name)) for name, cls in sorted(SCHEMES.items())]


class AddressPolicy(models.Model):
    agency = models.OneToOneField(
        "core.Agency", verbose_name=_("agency"), on_delete=models.CASCADE,
        related_name="address_policy",
    )
    scheme = models.CharField(_("naming scheme"), max_length=40, choices=scheme_choices)
    domain = models.CharField(
        _("mail domain"), max_length=100,
        help_text=_("The domain of the agency's addresses, for example laocai.gov.vn."),
    )
    suffix = models.CharField(
        _("agency suffix"), max_length=40, blank=True,
        help_text=_("Lào Cai scheme only: the agency's suffix, for example skhdt "
                    "(dxphong-skhdt@laocai.gov.vn)."),
    )

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()
    base_form_class = ItAdminAgencyForm

    panels = [
        FieldPanel("agency"),
        FieldPanel("scheme"),
        FieldRowPanel([FieldPanel("domain"), FieldPanel("suffix")]),
    ]

    class Meta:
        verbose_name = _("address naming policy")
        verbose_name_plural = _("address naming policies")

    def __str__(self):
        return f"{self.agency} — {self.get_scheme_display()} @{self.domain}"

    def options(self):
        options = {"domain": self.domain}
        if self.scheme == "laocai":
            options["suffix"] = self.suffix
        return options

    def get_scheme(self):
        """The configured scheme object; NamingError if its options are wrong."""
        return get_scheme(self.scheme, **self.options())

    def clean(self):
        super().clean()
        self.domain = (self.domain or "").strip().lstrip("@").lower()
        self.suffix = (self.suffix or "").strip().lower()
        try:
            scheme = self.get_scheme()
        except NamingError as error:
            field = "suffix" if self.scheme == "laocai" and not self.suffix else "domain"
            raise ValidationError({field: str(error)}) from None
        self.domain = scheme.domain
