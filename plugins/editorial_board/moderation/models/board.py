"""The editorial board of an agency and the delegations of its chief (R-ED-1, R-ED-3).

The agency head sets the board up by a decision: one chief (Trưởng Ban Biên tập), deputies
and members, each a person in a core :class:`~plugins.core.models.Position` of the agency.
A deputy acts for the chief only inside a recorded delegation window.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from plugins.core.scoping import AgencyQuerySet
from plugins.editorial_board.moderation.forms import BoardForm, DelegationForm


class BoardRole(models.TextChoices):
    CHIEF = "chief", _("Chief of the editorial board")
    DEPUTY = "deputy", _("Deputy chief of the editorial board")
    MEMBER = "member", _("Editorial board member")


class Board(ClusterableModel):
    agency = models.OneToOneField(
        "core.Agency", verbose_name=_("agency"), on_delete=models.CASCADE,
        related_name="editorial_board",
    )
    name = models.CharField(_("name"), max_length=255, default=_("Editorial board"))
    decision_number = models.CharField(
        _("decision number"), max_length=80, blank=True,
        help_text=_("The agency head's decision that set the board up, for example 15/QĐ-BQL."),
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)

    objects = AgencyQuerySet.as_manager()
    base_form_class = BoardForm

    panels = [
        FieldPanel("agency"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        InlinePanel("members", heading=_("Members"), label=_("Member"), min_num=1),
    ]

    class Meta:
        verbose_name = _("editorial board")
        verbose_name_plural = _("editorial boards")
        ordering = ["agency__name"]

    def __str__(self):
        return f"{self.name} — {self.agency}"

    def clean(self):
        super().clean()
        if self.pk is None and self.agency_id and Board.objects.filter(
            agency_id=self.agency_id
        ).exists():
            raise ValidationError({"agency": _("This agency already has an editorial board.")})


class BoardMember(Orderable):
    board = ParentalKey(Board, on_delete=models.CASCADE, related_name="members")
    position = models.ForeignKey(
        "core.Position", verbose_name=_("person and position"), on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(_("role in the board"), max_length=10, choices=BoardRole.choices,
                            default=BoardRole.MEMBER)
    duties = models.CharField(_("duties in the board"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("position"), FieldPanel("role")]), FieldPanel("duties")]

    class Meta(Orderable.Meta):
        verbose_name = _("editorial board member")
        verbose_name_plural = _("editorial board members")
        constraints = [
            models.UniqueConstraint(fields=["board", "position"], name="editorial_member_once"),
            models.UniqueConstraint(fields=["board"], condition=models.Q(role="chief"),
                                    name="editorial_one_chief"),
        ]

    def __str__(self):
        return f"{self.position.full_name} — {self.get_role_display()}"

    @property
    def user_id(self):
        return self.position.user_id

    def clean(self):
        super().clean()
        if self.position_id and self.board.agency_id and (
            self.position.unit.agency_id != self.board.agency_id
        ):
            raise ValidationError(
                {"position": _("Choose a position in this agency's units.")}
            )


class DelegationQuerySet(AgencyQuerySet):
    def active(self, at=None):
        at = at or timezone.now()
        return self.filter(starts_at__lte=at, ends_at__gt=at, revoked=False)


class Delegation(models.Model):
    """The chief's authority handed to a deputy for a time window (R-ED-3)."""

    board = models.ForeignKey(Board, verbose_name=_("editorial board"), on_delete=models.CASCADE,
                              related_name="delegations")
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("deputy"), on_delete=models.CASCADE,
        related_name="+",
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=255,
                              help_text=_("For example: the chief is on a business trip."))
    revoked = models.BooleanField(_("revoked"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
        editable=False, on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    agency_lookup = "board__agency"
    objects = DelegationQuerySet.as_manager()
    history = HistoricalRecords()
    base_form_class = DelegationForm

    panels = [
        FieldPanel("board"),
        FieldPanel("deputy"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
                        heading=_("Window")),
        FieldPanel("reason"),
        FieldPanel("revoked"),
    ]

    class Meta:
        verbose_name = _("delegation of the chief")
        verbose_name_plural = _("delegations of the chief")
        ordering = ["-starts_at"]

    def __str__(self):
        return _("%(deputy)s acts for the chief from %(start)s until %(end)s") % {
            "deputy": self.deputy.get_full_name() or self.deputy.get_username(),
            "start": timezone.localtime(self.starts_at).strftime("%d/%m/%Y %H:%M"),
            "end": timezone.localtime(self.ends_at).strftime("%d/%m/%Y %H:%M"),
        }

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The window must end after it starts.")
        if self.board_id and self.deputy_id and not BoardMember.objects.filter(
            board_id=self.board_id, role=BoardRole.DEPUTY, position__user_id=self.deputy_id
        ).exists():
            errors["deputy"] = _("Only a deputy chief of this board can act for the chief.")
        if errors:
            raise ValidationError(errors)

    @property
    def deputy_name(self):
        return self.deputy.get_full_name() or self.deputy.get_username()

    @property
    def is_active(self):
        now = timezone.now()
        return not self.revoked and self.starts_at <= now < self.ends_at
