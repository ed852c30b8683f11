"""Mailboxes of three kinds: the agency's, a unit's, a person's (R-EM-2, R-EM-4).

An address is unique in the whole installation (several agencies can share a provincial
domain such as laocai.gov.vn) and is stored in lower case; aliases share the same
namespace. A closed mailbox keeps its address: addresses are never given to someone else,
so mail for a former holder is never delivered to a stranger.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.scoping import AgencyQuerySet
from plugins.email_directory.admin.forms import ItAdminAgencyForm


class MailboxKind(models.TextChoices):
    AGENCY = "agency", _("Agency mailbox")
    UNIT = "unit", _("Unit mailbox")
    PERSONAL = "personal", _("Personal mailbox")


class MailboxQuerySet(AgencyQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def shared(self):
        """Agency and unit mailboxes (the ones handed over when staff change)."""
        return self.exclude(kind=MailboxKind.PERSONAL)


def normalise_address(address):
    return (address or "").strip().lower()


def parse_aliases(text):
    """The aliases typed one per line (or separated by commas/semicolons), lower case."""
    parts = str(text or "").replace(",", "\n").replace(";", "\n").split()
    return list(dict.fromkeys(normalise_address(part) for part in parts if part.strip()))


class Mailbox(models.Model):
    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.CASCADE,
        related_name="mailboxes",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MailboxKind.choices)
    address = models.EmailField(
        _("address"), max_length=254, unique=True, blank=True,
        help_text=_("Leave empty for the address the agency's naming scheme gives, where it "
                    "names this mailbox (for example contact-skhdt, vhttdakdoa)."),
    )
    display_name = models.CharField(
        _("display name"), max_length=150, blank=True,
        help_text=_("For an agency or unit mailbox; by default the agency's or unit's name."),
    )
    unit = models.ForeignKey(
        "core.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="mailboxes", help_text=_("For a unit mailbox."),
    )
    person = models.OneToOneField(
        "email_directory.DirectoryEntry", verbose_name=_("person"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="mailbox",
        help_text=_("For a personal mailbox."),
    )
    holder = models.ForeignKey(
        "email_directory.DirectoryEntry", verbose_name=_("responsible person"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="held_mailboxes",
        help_text=_("Who reads an agency or unit mailbox. It changes through a handover."),
    )
    aliases = models.TextField(
        _("aliases"), blank=True, help_text=_("Other addresses delivered here, one per line."),
    )
    is_active = models.BooleanField(
        _("active"), default=True,
        help_text=_("A closed mailbox keeps its address, which is never given to anyone else."),
    )
    is_published = models.BooleanField(
        _("published in the directory"), default=True,
        help_text=_("Agency and unit mailboxes; a personal mailbox follows its person."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MailboxQuerySet.as_manager()
    history = HistoricalRecords()
    base_form_class = ItAdminAgencyForm

    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("address")]),
        FieldPanel("display_name"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("person")]),
        FieldPanel("holder"),
        FieldPanel("aliases"),
        FieldRowPanel([FieldPanel("is_active"), FieldPanel("is_published")]),
    ]

    class Meta:
        verbose_name = _("mailbox")
        verbose_name_plural = _("mailboxes")
        ordering = ["agency", "kind", "address"]
        constraints = [
            models.CheckConstraint(
                name="email_directory_mailbox_kind_fields",
                condition=(
                    models.Q(kind="agency", unit__isnull=True, person__isnull=True)
                    | models.Q(kind="unit", unit__isnull=False, person__isnull=True)
                    | models.Q(kind="personal", unit__isnull=True, person__isnull=False)
                    # A person's mailbox outlives the entry, closed (its address stays taken).
                    | models.Q(kind="personal", unit__isnull=True, is_active=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["unit"], condition=models.Q(kind="unit", is_active=True),
                name="email_directory_one_active_mailbox_per_unit",
            ),
            models.UniqueConstraint(
                fields=["agency"], condition=models.Q(kind="agency", is_active=True),
                name="email_directory_one_active_agency_mailbox",
            ),
        ]

    def __str__(self):
        return self.address

    def save(self, *args, **kwargs):
        self.address = normalise_address(self.address)
        self.aliases = "\n".join(parse_aliases(self.aliases))
        super().save(*args, **kwargs)

    @property
    def local_part(self):
        return self.address.split("@", 1)[0]

    @property
    def domain(self):
        return self.address.split("@", 1)[-1]

    @property
    def alias_list(self):
        return parse_aliases(self.aliases)

    @property
    def label(self):
        """The name shown for the mailbox: its display name, or its owner's name."""
        if self.display_name:
            return self.display_name
        if self.kind == MailboxKind.UNIT and self.unit_id:
            return self.unit.name
        if self.kind == MailboxKind.PERSONAL and self.person_id:
            return self.person.name
        return self.agency.name

    @property
    def shown_publicly(self):
        if not self.is_active:
            return False
        if self.kind == MailboxKind.PERSONAL:
            return self.person.is_published
        return self.is_published

    def clean(self):
        super().clean()
        from plugins.email_directory.addresses import taken_elsewhere

        self.address = normalise_address(self.address)
        errors = {}
        if self.kind == MailboxKind.UNIT:
            if not self.unit_id:
                errors["unit"] = _("Choose the unit of a unit mailbox.")
            elif self.unit.agency_id != self.agency_id:
                errors["unit"] = _("The unit belongs to another agency.")
        else:
            self.unit = None
        if self.kind == MailboxKind.PERSONAL:
            if not self.person_id:
                errors["person"] = _("Choose the person of a personal mailbox.")
            elif self.person.agency_id != self.agency_id:
                errors["person"] = _("The person belongs to another agency.")
            self.holder = None
        else:
            self.person = None
        if self.holder_id and self.holder.agency_id != self.agency_id:
            errors["holder"] = _("The responsible person belongs to another agency.")
        if not self.address and not errors and self.agency_id:
            from plugins.email_directory.addresses import suggest_shared
            from plugins.email_directory.naming import NamingError

            try:
                self.address = suggest_shared(self.agency_id, self.kind, self.unit)
            except NamingError as error:
                errors["address"] = str(error)
        aliases = parse_aliases(self.aliases)
        for alias in aliases:
            try:
                validate_email(alias)
            except ValidationError:
                errors.setdefault("aliases", []).append(
                    _("“%(alias)s” is not an email address.") % {"alias": alias}
                )
        if self.address and "address" not in errors:
            if self.address in aliases:
                errors["aliases"] = _("An alias cannot repeat the address itself.")
            clash = taken_elsewhere([self.address, *aliases], exclude_mailbox=self.pk)
            for address in clash:
                field = "address" if address == self.address else "aliases"
                errors.setdefault(field, []).append(
                    _("%(address)s is already in use; addresses are never given twice.")
                    % {"address": address}
                )
        if errors:
            raise ValidationError(errors)
