"""Royalties (nhuận bút) of published items and the board's fees (R-ED-11).

Seeds 001 Đ11.2 and 002 Đ14.2đ, Đ14.3: authors whose news, articles and photos are
published earn royalties, and the editorial board is paid for its work, at rates the
agency sets under the regulations in force. Each agency keeps its own rate table here:

- a rate is for a kind (news, article, translation, photo, the board's editing fee, the
  chief's verification fee) and, for texts, a length band in words;
- a table starts on its ``valid_from`` date and replaces, for that kind, every row of an
  older table; the table in force on the publication day applies.

Each first publication of an item makes a :class:`RoyaltyItem` (one per page while it is
not void) with one :class:`RoyaltyShare` line per person paid. Lines of the same role
share that role's amount by their ``parts`` (one part each by default: equal shares);
amounts are whole đồng, the đồng left over by rounding go to the first line. A month's
ledger is closed by an explicit transition (:class:`RoyaltyMonth`); its items and lines
are then locked. The transitions live in :mod:`plugins.editorial_board.royalties.services`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet
from plugins.editorial_board.money import format_vnd
from plugins.editorial_board.royalties.forms import RoyaltyShareForm


class RoyaltyKind(models.TextChoices):
    NEWS = "news", _("News item")
    ARTICLE = "article", _("Article")
    TRANSLATION = "translation", _("Translated article")
    PHOTO = "photo", _("Photo (each)")
    BOARD_EDITING = "board_editing", _("Board's editing fee (each item)")
    VERIFICATION = "verification", _("Chief's verification fee (each item)")


#: Kinds whose rate depends on the length of the text.
TEXT_KINDS = (RoyaltyKind.NEWS, RoyaltyKind.ARTICLE, RoyaltyKind.TRANSLATION)


class RoyaltyRole(models.TextChoices):
    AUTHOR = "author", _("Author")
    EDITING = "editing", _("Board editing")
    VERIFICATION = "verification", _("Verification")


class RoyaltyRate(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=RoyaltyKind.choices)
    min_words = models.PositiveIntegerField(
        _("from (words)"), default=0,
        help_text=_("Texts of at least this many words. 0 for photos and fees."))
    max_words = models.PositiveIntegerField(
        _("up to (words)"), null=True, blank=True,
        help_text=_("Texts of at most this many words. Empty: no upper limit."))
    amount = models.PositiveIntegerField(_("amount (VND)"))
    valid_from = models.DateField(
        _("in force from"),
        help_text=_("The rates of a kind in force from this day replace the older ones."))
    basis = models.CharField(
        _("basis"), max_length=255, blank=True,
        help_text=_("The decision the rate follows, for example 16/2009/QĐ-UBND."))

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()
    base_form_class = AgencyScopedAdminForm
    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("valid_from")]),
        FieldRowPanel([FieldPanel("min_words"), FieldPanel("max_words")]),
        FieldPanel("amount"),
        FieldPanel("basis"),
    ]

    class Meta:
        verbose_name = _("royalty rate")
        verbose_name_plural = _("royalty rates")
        ordering = ["agency", "kind", "-valid_from", "min_words"]
        constraints = [models.UniqueConstraint(
            fields=["agency", "kind", "valid_from", "min_words"],
            name="editorial_royalty_rate_band_once")]

    def __str__(self):
        if self.kind not in TEXT_KINDS:
            return str(self.get_kind_display())
        if self.max_words is None:
            band = _("from %(min)s words") % {"min": self.min_words}
        else:
            band = _("%(min)s–%(max)s words") % {"min": self.min_words, "max": self.max_words}
        return f"{self.get_kind_display()}, {band}"

    @property
    def amount_vnd(self):
        return format_vnd(self.amount)

    def clean(self):
        super().clean()
        if self.max_words is not None and self.max_words < self.min_words:
            raise ValidationError({"max_words": _(
                "The upper limit must not be below the lower limit.")})
        if not (self.agency_id and self.kind and self.valid_from):
            return
        overlapping = RoyaltyRate.objects.filter(
            agency_id=self.agency_id, kind=self.kind, valid_from=self.valid_from,
        ).exclude(pk=self.pk).filter(
            Q(max_words__isnull=True) | Q(max_words__gte=self.min_words))
        if self.max_words is not None:
            overlapping = overlapping.filter(min_words__lte=self.max_words)
        if overlapping.exists():
            raise ValidationError(_(
                "This length band overlaps another rate of the same kind in force from "
                "the same day."))


class RoyaltyMonth(models.Model):
    """A month of an agency's ledger; once closed its entries cannot change."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("closed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+")

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("royalty month")
        verbose_name_plural = _("royalty months")
        constraints = [models.UniqueConstraint(fields=["agency", "month"],
                                               name="editorial_royalty_month_once")]

    def __str__(self):
        return f"{self.month:%m/%Y}"

    @property
    def is_closed(self):
        return self.closed_at is not None


class RoyaltyItemQuerySet(AgencyQuerySet):
    def visible_to(self, user):
        """Royalties are seen by the board and the leaders of the agency only."""
        from plugins.editorial_board.royalties.services import ledger_agency_ids

        ids = ledger_agency_ids(user)
        return self if ids is None else self.filter(agency_id__in=ids)


class RoyaltyItem(models.Model):
    """What one publication of a page earned, and who shares it."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), null=True,
                             blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(_("item title"), max_length=255)
    unit = models.ForeignKey("core.Unit", verbose_name=_("unit"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=RoyaltyKind.choices, blank=True)
    words = models.PositiveIntegerField(_("words"), default=0)
    photos = models.PositiveIntegerField(_("photos"), default=0)
    author_amount = models.PositiveIntegerField(_("royalties of the authors (VND)"), default=0)
    editing_fee = models.PositiveIntegerField(_("editing fee (VND)"), default=0)
    verification_fee = models.PositiveIntegerField(_("verification fee (VND)"), default=0)
    published_at = models.DateTimeField(_("published at"))
    month = models.DateField(_("month"), db_index=True)
    voided_at = models.DateTimeField(_("void since"), null=True, blank=True)
    void_reason = models.CharField(_("why void"), max_length=255, blank=True)

    objects = RoyaltyItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("royalty item")
        verbose_name_plural = _("royalty items")
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["agency", "month"])]
        constraints = [models.UniqueConstraint(
            fields=["page"], condition=Q(voided_at__isnull=True),
            name="editorial_royalty_item_paid_once")]

    def __str__(self):
        return self.title

    def pool(self, role):
        """The amount the lines of ``role`` share."""
        return {RoyaltyRole.AUTHOR: self.author_amount, RoyaltyRole.EDITING: self.editing_fee,
                RoyaltyRole.VERIFICATION: self.verification_fee}[role]

    @property
    def total(self):
        return self.author_amount + self.editing_fee + self.verification_fee


class RoyaltyShareQuerySet(AgencyQuerySet):
    def visible_to(self, user):
        """Royalty lines in the admin's list: the board's and leaders' agencies only."""
        from plugins.editorial_board.royalties.services import ledger_agency_ids

        ids = ledger_agency_ids(user)
        return self if ids is None else self.filter(item__agency_id__in=ids)

    def in_ledger_of(self, user):
        """Lines ``user`` may see: the board and leaders see their agencies', an author
        their own."""
        from plugins.editorial_board.royalties.services import ledger_agency_ids

        ids = ledger_agency_ids(user)
        if ids is None:
            return self
        return self.filter(Q(item__agency_id__in=ids) | Q(person_id=user.pk))

    def in_force(self):
        return self.filter(item__voided_at__isnull=True)


class RoyaltyShare(models.Model):
    item = models.ForeignKey(RoyaltyItem, verbose_name=_("royalty item"), on_delete=models.CASCADE,
                             related_name="shares")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                               on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=RoyaltyRole.choices,
                            default=RoyaltyRole.AUTHOR)
    parts = models.PositiveSmallIntegerField(
        _("parts"), default=1,
        help_text=_("Lines of the same role share its amount in proportion to their parts."))
    amount = models.PositiveIntegerField(_("amount (VND)"), default=0, editable=False)

    agency_lookup = "item__agency"
    objects = RoyaltyShareQuerySet.as_manager()
    history = HistoricalRecords()
    base_form_class = RoyaltyShareForm

    panels = [FieldPanel("item"),
              FieldRowPanel([FieldPanel("person"), FieldPanel("role"), FieldPanel("parts")])]

    class Meta:
        verbose_name = _("royalty line")
        verbose_name_plural = _("royalty lines")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.person_name} — {self.get_role_display()}"

    @property
    def person_name(self):
        return self.person.get_full_name() or self.person.get_username()

    @property
    def amount_vnd(self):
        return format_vnd(self.amount)

    @property
    def month_label(self):
        return f"{self.item.month:%m/%Y}"
