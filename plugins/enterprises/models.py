"""The enterprises in the agency's zones (seed 000 Đ4.2a; seed 001 Đ3.2, Đ7.2e/g, Đ8.4).

Each enterprise is a record of its agency (``AgencyQuerySet``: scoped in one place), edited
in the admin or imported from a table, with its history (django-simple-history). Its zone
(an industrial zone or cluster) and its field of business are shared lists of the core:
national entries and the agency's own. The public directory is a page
(:class:`EnterpriseDirectoryPage`): a faceted list of the core with a page per enterprise
and exports. :class:`EnterpriseRegister` keeps, per agency, when the data was last brought
up to date (the regulation asks for every 3 months).

The contacts are the enterprise's public business contacts (head office phone, e-mail,
website), not a citizen's personal data.
"""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from plugins.core.listing.pages import FacetedIndexPageMixin
from plugins.core.models.agency_pages import AgencyPageMixin
from plugins.core.scoping import AgencyQuerySet
from plugins.core.shared_lists import SharedListEntry, unique_per_agency
from plugins.core.text import nfc
from plugins.enterprises.tax_codes import compact_tax_code, format_tax_code, validate_tax_code


class EnterpriseStatus(models.TextChoices):
    OPERATING = "operating", _("Operating")
    SUSPENDED = "suspended", _("Business suspended")
    DISSOLVED = "dissolved", _("Dissolved")


class Zone(SharedListEntry):
    """An industrial zone, an industrial cluster or another area enterprises are in."""

    name = models.CharField(_("name"), max_length=255)
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    unique_with_national = ("name",)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        constraints = unique_per_agency("enterprises_zone", "name")

    def __str__(self):
        return self.name


class Industry(SharedListEntry):
    """A field of business (ngành nghề kinh doanh)."""

    name = models.CharField(_("name"), max_length=255)
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    unique_with_national = ("name",)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("field of business")
        verbose_name_plural = _("fields of business")
        constraints = unique_per_agency("enterprises_industry", "name")

    def __str__(self):
        return self.name


TAX_CODE_TAKEN = _("Another enterprise of this agency has this tax code.")


class EnterpriseQuerySet(AgencyQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_related(self):
        return self.select_related("zone", "industry")


class Enterprise(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name (Vietnamese)"), max_length=255)
    english_name = models.CharField(_("name in English"), max_length=255, blank=True)
    short_name = models.CharField(_("abbreviated name"), max_length=100, blank=True)
    tax_code = models.CharField(
        _("tax code"), max_length=20, validators=[validate_tax_code],
        help_text=_("Mã số thuế: 10 digits, or 13 for a branch (0312345678-001)."),
    )
    address = models.CharField(_("head office address"), max_length=255, blank=True)
    zone = models.ForeignKey(Zone, verbose_name=_("zone"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="enterprises")
    industry = models.ForeignKey(Industry, verbose_name=_("field of business"), null=True,
                                 blank=True, on_delete=models.SET_NULL,
                                 related_name="enterprises")
    legal_representative = models.CharField(_("legal representative"), max_length=150,
                                            blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    registered_on = models.DateField(_("registration date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=EnterpriseStatus.choices,
                              default=EnterpriseStatus.OPERATING)
    products = models.TextField(_("products and services"), blank=True)
    is_published = models.BooleanField(
        _("shown on the public directory"), default=True,
        help_text=_("Untick to keep the record in the admin only."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EnterpriseQuerySet.as_manager()
    history = HistoricalRecords()

    panels = [
        FieldPanel("agency"),
        MultiFieldPanel([
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("english_name"), FieldPanel("short_name")]),
            FieldRowPanel([FieldPanel("tax_code"), FieldPanel("registered_on")]),
            FieldRowPanel([FieldPanel("status"), FieldPanel("is_published")]),
        ], heading=_("Enterprise")),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("zone"), FieldPanel("industry")]),
            FieldPanel("address"),
            FieldPanel("legal_representative"),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            FieldPanel("website"),
        ], heading=_("Where and whom to contact")),
        FieldPanel("products"),
    ]

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["agency", "tax_code"], name="enterprises_tax_code_per_agency",
            violation_error_message=TAX_CODE_TAKEN,
        )]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        for name in ("name", "english_name", "short_name", "address", "legal_representative",
                     "products"):
            setattr(self, name, nfc(getattr(self, name)))
        if self.tax_code:
            self.tax_code = compact_tax_code(self.tax_code, strict=False)
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.tax_code:
            try:
                self.tax_code = compact_tax_code(self.tax_code)
            except ValidationError as error:
                raise ValidationError({"tax_code": error.messages}) from None

    def validate_constraints(self, exclude=None):
        """The tax code taken is said beside the tax code, not above the form."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            found = error.message_dict
            taken = str(TAX_CODE_TAKEN)
            if taken in found.get(NON_FIELD_ERRORS, []):
                found[NON_FIELD_ERRORS].remove(taken)
                found.setdefault("tax_code", []).append(taken)
            raise ValidationError({key: value for key, value in found.items() if value}) \
                from None

    @property
    def tax_code_display(self):
        return format_tax_code(self.tax_code)

    @property
    def status_label(self):
        return EnterpriseStatus(self.status).label


class EnterpriseRegister(models.Model):
    """When an agency's enterprise data was last brought up to date (seed 001 Đ8.4)."""

    agency = models.OneToOneField("core.Agency", verbose_name=_("agency"),
                                  on_delete=models.CASCADE, related_name="enterprise_register")
    updated_at = models.DateTimeField(_("last brought up to date"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("enterprise register")
        verbose_name_plural = _("enterprise registers")

    def __str__(self):
        return f"{self.agency_id} {self.updated_at:%Y-%m-%d}"


EXPORT_FORMATS = [("csv", "CSV"), ("xlsx", "XLSX"), ("ods", "ODS")]


class EnterpriseDirectoryPage(FacetedIndexPageMixin, RoutablePageMixin, AgencyPageMixin, Page):
    """The public directory (/doanh-nghiep/): search, facets, a page per enterprise,
    exports of the chosen list."""

    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("enterprises per page"), default=20)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    max_count_per_parent = 1
    subpage_types = []
    template = "enterprises/directory_page.html"

    class Meta:
        verbose_name = _("enterprise directory")

    # --- the list (plugins.core.listing) -----------------------------------------------------

    listing_model = Enterprise

    @staticmethod
    def get_listing_form_class():
        from plugins.enterprises.listing import EnterpriseSearchForm

        return EnterpriseSearchForm

    def get_listing_queryset(self):
        return Enterprise.objects.published().with_related()

    def get_listing_objects(self, object_ids, request=None):
        return self.get_listing_queryset().filter(agency_id=self.listing_agency_id(),
                                                  pk__in=object_ids)

    def listing_language(self):
        return None  # an enterprise is the same in every language

    def listing_agency_id(self):
        if self.agency_id is None:
            self.assign_agency()
        return self.agency_id

    def get_listing_hit(self, enterprise, words):
        from plugins.core.search.highlight import highlight

        return {"page": enterprise, "enterprise": enterprise,
                "title": highlight(enterprise.name, words)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["register"] = EnterpriseRegister.objects.filter(
            agency_id=self.listing_agency_id()).first()
        context["export_formats"] = EXPORT_FORMATS
        return context

    # --- routes ------------------------------------------------------------------------------

    @path("<int:enterprise_id>/", name="detail")
    def detail(self, request, enterprise_id):
        from plugins.enterprises.views import detail_view

        return detail_view(self, request, enterprise_id)

    @path("xuat/<str:fmt>/", name="export")
    def export(self, request, fmt):
        from plugins.enterprises.views import export_view

        return export_view(self, request, fmt)
