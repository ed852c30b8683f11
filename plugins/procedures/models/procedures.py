"""The administrative procedure page: one record of the national procedures database
(R-PR-1, R-PR-2, R-PR-3, R-PR-4)."""

import re
from decimal import Decimal

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from plugins.core.i18n import LocaleCopyMixin
from plugins.core.models import Position
from plugins.core.models.agency_pages import AgencyPageMixin
from plugins.core.money import format_vnd
from plugins.core.page_cache import shared
from plugins.core.text import fold
from plugins.procedures import blocks
from plugins.procedures.choices import Channel, Level, OnlineLevel, Status, TimeUnit
from plugins.procedures.forms import ProcedurePageForm

# The legal documents plugin, when the site installs it: legal bases and the announcing
# decision then link to its pages (never imported: docs/architecture.md "Rules of the house").
LEGAL_DOCS_APP = "plugins.legal_docs"
LEGAL_DOCUMENT_PAGE = "legal_docs.LegalDocumentPage"
CODE_PATTERN = re.compile(r"^\d{1,2}\.\d{4,6}$")


def legal_docs_installed():
    return apps.is_installed(LEGAL_DOCS_APP)


def _legal_document_panel(field_name):
    """A chooser of legal documents when that plugin is installed; nothing otherwise."""
    if legal_docs_installed():
        return [PageChooserPanel(field_name, page_type=LEGAL_DOCUMENT_PAGE)]
    return []


def check_legal_document(page):
    """Refuse a linked page that is not a legal document (the chooser already narrows)."""
    if page is None:
        return
    if not legal_docs_installed() or (
        page.specific_class is not None
        and page.specific_class._meta.label != LEGAL_DOCUMENT_PAGE
    ):
        raise ValidationError(_("Choose a page of the legal document library."))


def normalize_code(text):
    return (text or "").strip()


def check_code(code):
    if not CODE_PATTERN.match(code or ""):
        raise ValidationError(
            _("“%(code)s” is not a procedure code. Write it as in the national database: "
              "1.115678.") % {"code": code}
        )


class ProcedurePage(RoutablePageMixin, LocaleCopyMixin, AgencyPageMixin, Page):
    code = models.CharField(
        _("procedure code"), max_length=20,
        help_text=_("MaTTHC in the national procedures database, for example 1.115678."),
    )
    levels = models.JSONField(_("level of government"), default=list, blank=True)
    procedure_type = models.CharField(_("procedure type"), max_length=255, blank=True)
    procedure_fields = ParentalManyToManyField(
        "procedures.ProcedureField", verbose_name=_("subject areas"), blank=True, related_name="+"
    )
    steps = StreamField(
        [("case", blocks.StepCaseBlock())], verbose_name=_("steps"), blank=True,
        help_text=_("One block per case when the steps differ between cases."),
    )
    channels = StreamField(
        [("channel", blocks.ChannelBlock())], verbose_name=_("submission channels"),
        blank=True,
    )
    dossier = StreamField(
        [("case", blocks.DossierCaseBlock())], verbose_name=_("dossier"), blank=True,
        help_text=_("The papers to bring, one block per case."),
    )
    applicants = models.TextField(_("who may apply"), blank=True)
    implementing_body = models.CharField(_("implementing body"), max_length=255)
    competent_body = models.CharField(_("competent body"), max_length=255, blank=True)
    receiving_address = models.TextField(_("where to submit"), blank=True)
    receiving_position = models.ForeignKey(
        "core.Position", verbose_name=_("receiving officer (staff position)"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Name, title, phone and email are then taken from the staff list."),
    )
    receiving_name = models.CharField(_("receiving officer's name"), max_length=150,
                                      blank=True)
    receiving_title = models.CharField(_("receiving officer's title"), max_length=150,
                                       blank=True)
    receiving_phone = models.CharField(_("receiving officer's phone"), max_length=50,
                                       blank=True)
    receiving_email = models.EmailField(_("receiving officer's email"), blank=True)
    results = StreamField([("result", blocks.ResultBlock())], verbose_name=_("results"),
                          blank=True)
    requirements = models.TextField(_("requirements and conditions"), blank=True)
    related_codes = models.TextField(
        _("related procedures"), blank=True,
        help_text=_("Codes of related procedures, separated by commas or new lines."),
    )
    announcing_decision = models.CharField(
        _("announcing decision"), max_length=500, blank=True,
        help_text=_("The decision that announced this procedure (IDQUYETDINHCONGBO)."),
    )
    announcing_document = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("announcing decision in the library"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    announced_on = models.DateField(_("announced on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.IN_FORCE)
    status_note = models.TextField(
        _("status note"), blank=True,
        help_text=_("For an abolished procedure: by which decision, and what replaces it."),
    )
    online_level = models.PositiveSmallIntegerField(
        _("online service level"), choices=OnlineLevel.choices, default=OnlineLevel.FORMS
    )
    online_url = models.URLField(
        _("online service address"), max_length=500, blank=True,
        help_text=_("Where citizens submit online (levels 3 and 4), for example the "
                    "province's public service portal."),
    )
    import_fingerprint = models.CharField(max_length=64, blank=True, editable=False,
                                          default="")

    api_fields = [
        APIField("code"),
        APIField("levels"),
        APIField("procedure_type"),
        APIField("procedure_fields", serializer=serializers.StringRelatedField(many=True)),
        APIField("steps"),
        APIField("channels"),
        APIField("dossier"),
        APIField("applicants"),
        APIField("implementing_body"),
        APIField("competent_body"),
        APIField("receiving_address"),
        APIField("results"),
        APIField("requirements"),
        APIField("announcing_decision"),
        APIField("status"),
        APIField("online_level"),
        APIField("online_url"),
    ]
    base_form_class = ProcedurePageForm
    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []
    template = "procedures/procedure_page.html"

    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("search_folded"),
        index.FilterField("status"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("status")]),
                FieldPanel("levels"),
                FieldPanel("procedure_type"),
                FieldPanel("procedure_fields", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("implementing_body"), FieldPanel("competent_body")]),
                FieldPanel("applicants"),
                FieldPanel("status_note"),
            ],
            heading=_("Procedure"),
        ),
        FieldPanel("steps"),
        FieldPanel("channels"),
        FieldPanel("dossier"),
        FieldPanel("results"),
        FieldPanel("requirements"),
    ]
    submission_panels = [
        FieldPanel("receiving_address"),
        MultiFieldPanel(
            [
                FieldPanel("receiving_position"),
                FieldRowPanel([FieldPanel("receiving_name"), FieldPanel("receiving_title")]),
                FieldRowPanel([FieldPanel("receiving_phone"), FieldPanel("receiving_email")]),
            ],
            heading=_("Receiving officer"),
            help_text=_("Choose a staff position, or write the officer's details."),
        ),
        MultiFieldPanel(
            [FieldPanel("online_level"), FieldPanel("online_url")],
            heading=_("Online public service"),
        ),
    ]
    legal_panels = [
        InlinePanel("legal_bases", heading=_("Legal basis"), label=_("Legal document")),
        MultiFieldPanel(
            [
                FieldPanel("announcing_decision"),
                *_legal_document_panel("announcing_document"),
                FieldPanel("announced_on"),
            ],
            heading=_("Announcement"),
        ),
        FieldPanel("related_codes"),
    ]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Procedure")),
        ObjectList(submission_panels, heading=_("Submission")),
        ObjectList(legal_panels, heading=_("Legal basis")),
        ObjectList(Page.promote_panels, heading=_("Promote")),
        ObjectList(Page.settings_panels, heading=_("Settings")),
    ])

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")
        constraints = [
            # Once per agency and language: an English version (R-ED-16) keeps the code.
            models.UniqueConstraint(
                fields=["agency", "page_locale", "code"], condition=~Q(code=""),
                name="procedures_code_once_per_agency_locale",
            ),
        ]

    def __str__(self):
        return f"{self.code} — {self.title}" if self.code else self.title

    # --- validation and saving ---------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        self.code = normalize_code(self.code)
        try:
            check_code(self.code)
        except ValidationError as error:
            errors["code"] = error.messages
        unknown = [level for level in self.levels or [] if level not in Level.values]
        if unknown:
            errors["levels"] = _("Unknown levels: %(levels)s.") % {"levels": ", ".join(
                map(str, unknown))}
        if self.online_level >= OnlineLevel.PARTLY_ONLINE and not self.online_url:
            from plugins.procedures.online import provider_url

            if not provider_url(self):
                errors["online_url"] = _(
                    "A procedure at level 3 or 4 needs the address of its online service."
                )
        problems = channel_problems(self.channels)
        if problems:
            errors["channels"] = problems
        if self.announcing_document_id:
            try:
                check_legal_document(self.announcing_document)
            except ValidationError as error:
                errors["announcing_document"] = error.messages
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.code = normalize_code(self.code)
        return super().save(*args, **kwargs)

    @property
    def search_folded(self):
        """Folded texts, so Wagtail's admin search finds procedures without accents."""
        return fold(" ".join([self.code, self.title, self.implementing_body]))

    # --- reading the record ------------------------------------------------------------

    @property
    def level_labels(self):
        labels = dict(Level.choices)
        return [labels[level] for level in Level.values if level in (self.levels or [])]

    @property
    def is_abolished(self):
        return self.status == Status.ABOLISHED

    @cached_property
    def time_options(self):
        """Each (channel, processing time) pair, numbered, for the expected date and lists;
        made once per version of a page served from memory (page_cache.shared)."""
        return shared.remember_derived(self, "time-options", self._time_options)

    def _time_options(self):
        options = []
        for channel_block in self.channels:
            channel = channel_block.value
            for time in channel["times"]:
                options.append(TimeOption(
                    index=len(options), channel=int(channel["channel"]),
                    value=time["value"], unit=time["unit"], description=time["description"],
                    fees=[fee for fee in time["fees"]],
                ))
        return options

    @property
    def time_summary(self):
        """The shortest processing time, as shown in the compact list."""
        timed = [option for option in self.time_options if option.value is not None]
        if not timed:
            return ""
        return min(timed, key=lambda option: option.sort_key).duration_label

    @property
    def fee_summary(self):
        """"Free of charge", one amount, or the lowest and highest amounts."""
        amounts = sorted({_number(fee["amount"]) for option in self.time_options
                          for fee in option.fees if fee["amount"] is not None} - {None})
        if not amounts:
            return ""
        if amounts[-1] == 0:
            return str(_("Free of charge"))
        paid = [amount for amount in amounts if amount > 0]
        shown = [paid[0]] if len(paid) == 1 else [paid[0], paid[-1]]
        text = " – ".join(format_vnd(amount, symbol=False) for amount in shown)
        return _("%(amount)s dong") % {"amount": text}

    @cached_property
    def procedure_field_list(self):
        """The subject areas, read once per page object (the page and its JSON-LD) and kept
        in memory while they do not change (page_cache.shared)."""
        return shared.remember_related(self, "procedure_fields")

    @cached_property
    def paper_cases(self):
        return [block.value for block in self.dossier]

    def form_documents(self):
        """Every form template file this procedure offers, in order, without repeats."""
        seen = {}
        for case in self.paper_cases:
            for paper in case["papers"]:
                for document in paper["forms"]:
                    if document is not None:
                        seen.setdefault(document.pk, document)
        return list(seen.values())

    @property
    def receiving_officer(self):
        """Name, title, phone and email: from the chosen staff position, else as written
        (R-PR-2)."""
        if self.receiving_position_id is not None:
            # One query for the person and the unit, kept in memory while the staff list
            # does not change (page_cache.shared).
            officer = shared.remember_value(
                None, ("procedure-officer", self.receiving_position_id),
                lambda: _staff_officer(self.receiving_position_id))
            if officer is not None:
                return dict(officer)
        if not any([self.receiving_name, self.receiving_title, self.receiving_phone,
                    self.receiving_email]):
            return None
        return {
            "name": self.receiving_name, "title": self.receiving_title, "unit": "",
            "phone": self.receiving_phone, "email": self.receiving_email,
            "from_staff_list": False,
        }

    @property
    def related_code_list(self):
        return [code for code in re.split(r"[\s,;]+", self.related_codes or "") if code]

    # --- public pages --------------------------------------------------------------------

    @path("")
    def detail(self, request):
        from plugins.procedures.views import detail

        return detail(self, request)

    @path("danh-muc-ho-so/")
    def checklist(self, request):
        from plugins.procedures.views import checklist

        return checklist(self, request)

    @path("bieu-mau/<int:document_id>/")
    def download_form(self, request, document_id):
        from plugins.procedures.views import download_form

        return download_form(self, request, document_id)


def _staff_officer(position_id):
    """The receiving officer's details from a staff position (``None``: no such position)."""
    position = Position.objects.select_related("user", "unit").filter(pk=position_id).first()
    if position is None:
        return None
    return (("name", position.full_name), ("title", position.title),
            ("unit", position.unit.name), ("phone", position.phone or position.unit.phone),
            ("email", position.contact_email), ("from_staff_list", True))


def _number(value):
    """A stored amount or time as a Decimal within what the blocks allow, else ``None``
    (a value written around the checks must not break a public page)."""
    try:
        number = Decimal(str(value))
    except (ArithmeticError, ValueError, TypeError):
        return None
    if not number.is_finite() or number < 0 or number > blocks.MAX_AMOUNT:
        return None
    return number


def _is_duration(value):
    number = _number(value)
    return number is not None and number <= blocks.MAX_DURATION


def channel_problems(channels):
    """Why the fees and times of a page's channels cannot be kept (too large, not numbers)."""
    problems = []
    for channel_block in channels or []:
        for time in channel_block.value.get("times") or []:
            if time.get("value") is not None and not _is_duration(time["value"]):
                problems.append(_("A processing time is larger than %(limit)s.")
                                % {"limit": "999999,99"})
            for fee in time.get("fees") or []:
                if fee.get("amount") is not None and _number(fee["amount"]) is None:
                    problems.append(_("A fee is larger than the largest fee allowed "
                                      "(%(digits)s digits).") % {"digits": 15})
    return list(dict.fromkeys(problems))


class TimeOption:
    """One processing time of one submission channel."""

    def __init__(self, index, channel, value, unit, description, fees):
        self.index = index
        self.channel = channel
        self.value = value
        self.unit = unit
        self.description = description
        self.fees = fees

    @property
    def channel_label(self):
        return Channel(self.channel).label

    @property
    def unit_label(self):
        return TimeUnit(self.unit).label if self.unit in TimeUnit.values else self.unit

    @property
    def value_text(self):
        number = None if self.value is None else _number(self.value)
        if number is None:
            return ""
        text = f"{number.normalize():f}"
        return text.replace(".", ",")

    @property
    def duration_label(self):
        if not self.value_text:
            return ""
        return f"{self.value_text} {self.unit_label}"

    @property
    def fee_lines(self):
        """Each fee as shown: (amount text, description)."""
        lines = []
        for fee in self.fees:
            amount = _number(fee["amount"])
            if amount is None:
                text = "—"
            elif fee["amount"] == 0:
                text = str(_("Free of charge"))
            else:
                text = f"{format_vnd(amount, symbol=False)} {(fee['unit'] or '').lower()}".strip()
            lines.append((text, fee["description"]))
        return lines

    @property
    def sort_key(self):
        """Comparable lengths: a working day ~ 1.4 calendar days ~ 8 working hours."""
        factor = {"working_days": Decimal("1.4"), "days": Decimal(1),
                  "hours": Decimal("0.175")}.get(self.unit, Decimal(1))
        return Decimal(self.value) * factor

    def __str__(self):
        label = f"{self.channel_label}: {self.duration_label}"
        return f"{label} ({self.description})" if self.description else label


class LegalBasis(Orderable):
    """CANCUPHAPLY: a legal document the procedure rests on."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="legal_bases")
    number = models.CharField(_("document number"), max_length=80, blank=True)
    title = models.CharField(_("document title"), max_length=500, blank=True)
    document = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("document in the library"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("title")]),
        *_legal_document_panel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")

    def __str__(self):
        return " ".join(part for part in (self.number, self.title) if part)

    def clean(self):
        super().clean()
        if not (self.number.strip() or self.title.strip() or self.document_id):
            raise ValidationError(_("Write the number or title of the document, or choose it."))
        if self.document_id:
            try:
                check_legal_document(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from error
