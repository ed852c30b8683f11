"""People in the directory (R-EM-1), tied to core positions where they exist (R-ORG-2).

An entry tied to a position takes the person's name, title, unit, phone, duties and leader
flag from core (the position and its user account), so a change of title or unit made in
*Tổ chức* shows everywhere at once. An entry without a position (staff who have no account
in the portal) carries these itself. :meth:`DirectoryEntry.resolved` is the one place that
decides which value applies.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from plugins.core.scoping import AgencyQuerySet
from plugins.email_directory.admin.forms import DirectoryEntryForm
from plugins.email_directory.names import split_name


class DirectoryEntryQuerySet(AgencyQuerySet):
    def with_related(self):
        """Everything a listing shows, fetched with the list (a fixed number of queries)."""
        return self.select_related(
            "agency", "unit", "position__user", "position__unit", "mailbox", "photo"
        )

    def in_units(self, unit_ids):
        """Entries whose unit (their own, or their position's) is one of ``unit_ids``."""
        return self.filter(
            models.Q(position__isnull=True, unit_id__in=unit_ids)
            | models.Q(position__unit_id__in=unit_ids)
        )

    def published(self):
        return self.filter(is_published=True)


class DirectoryEntry(models.Model):
    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.CASCADE,
        related_name="directory_entries",
    )
    position = models.OneToOneField(
        "core.Position", verbose_name=_("staff position"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="directory_entry",
        help_text=_("The person's position in the organisation. When chosen, the name, job "
                    "title, unit, phone and duties come from it and stay up to date."),
    )
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    title = models.CharField(_("job title"), max_length=150, blank=True)
    unit = models.ForeignKey(
        "core.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="directory_entries",
    )
    is_leader = models.BooleanField(_("leader"), default=False)
    phone = models.CharField(_("office phone"), max_length=50, blank=True)
    mobile = models.CharField(_("mobile phone"), max_length=50, blank=True)
    duties = models.TextField(_("duties"), blank=True)
    birth_date = models.DateField(
        _("birth date"), null=True, blank=True,
        help_text=_("Never published. Some naming schemes use it when two people would get "
                    "the same address."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("display order"), default=0)
    is_published = models.BooleanField(
        _("published in the directory"), default=True,
        help_text=_("Shown in the public directory and its exports."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DirectoryEntryQuerySet.as_manager()
    history = HistoricalRecords()
    base_form_class = DirectoryEntryForm

    panels = [
        FieldPanel("agency"),
        FieldPanel("position"),
        FieldPanel("email"),
        MultiFieldPanel(
            [
                FieldPanel("full_name"),
                FieldRowPanel([FieldPanel("title"), FieldPanel("is_leader")]),
                FieldPanel("unit"),
                FieldPanel("phone"),
                FieldPanel("duties"),
            ],
            heading=_("Without a staff position"),
        ),
        FieldRowPanel([FieldPanel("mobile"), FieldPanel("birth_date")]),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("is_published")]),
    ]

    class Meta:
        verbose_name = _("person in the directory")
        verbose_name_plural = _("people in the directory")
        ordering = ["agency", "sort_order", "full_name", "pk"]

    def __str__(self):
        return self.name or _("(no name)")

    # --- values taken from core when the entry is tied to a position -------------------

    @property
    def name(self):
        if self.position_id:
            user = self.position.user
            return user.get_full_name() or user.get_username()
        return self.full_name

    @property
    def job_title(self):
        return self.position.title if self.position_id else self.title

    @property
    def resolved_unit(self):
        return self.position.unit if self.position_id else self.unit

    @property
    def resolved_unit_id(self):
        return self.position.unit_id if self.position_id else self.unit_id

    @property
    def office_phone(self):
        if self.position_id and self.position.phone:
            return self.position.phone
        return self.phone

    @property
    def resolved_duties(self):
        if self.position_id and self.position.duties:
            return self.position.duties
        return self.duties

    @property
    def leader(self):
        return self.position.is_leader if self.position_id else self.is_leader

    @property
    def name_parts(self):
        """``(family, middle names, given)`` of the name (see :func:`names.split_name`)."""
        return split_name(self.name)

    @property
    def email(self):
        """The person's official address: their active personal mailbox, else the one core
        has on their position (entered before the directory was kept), else ''."""
        mailbox = getattr(self, "mailbox", None)
        if mailbox is not None and mailbox.is_active:
            return mailbox.address
        return self.position.email if self.position_id and mailbox is None else ""

    def clean(self):
        super().clean()
        errors = {}
        if self.position_id:
            if self.position.unit.agency_id != self.agency_id:
                errors["position"] = _("The position belongs to another agency.")
            # One source for these: the position. Clear what the form may have carried.
            self.full_name = self.title = self.duties = ""
            self.unit = None
            self.is_leader = False
            others = DirectoryEntry.objects.filter(position__user_id=self.position.user_id)
            if others.exclude(pk=self.pk).exists():
                errors["position"] = _("This person is already in the directory through "
                                       "another position.")
        else:
            self.full_name = " ".join((self.full_name or "").split())
            if not self.full_name:
                errors["full_name"] = _("Enter the full name, or choose a staff position.")
            if self.unit_id and self.unit.agency_id != self.agency_id:
                errors["unit"] = _("The unit belongs to another agency.")
        if errors:
            raise ValidationError(errors)
