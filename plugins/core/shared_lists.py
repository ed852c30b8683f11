"""Lists shared by every agency, each agency adding its own entries (issue 16).

The lists records are classified by (document types, issuing bodies, fields of legal
documents and of procedures) hold national entries — no agency, the same for everyone, kept
by the installation's superusers — and each agency's own entries, kept by that agency:

- :class:`SharedListEntry` is the abstract base of such a list's model: its ``agency``
  (empty: national) and its manager;
- :class:`SharedListQuerySet` is an :class:`~plugins.core.scoping.AgencyQuerySet` whose
  ``visible_to(user)`` and ``for_request(request)`` are the national entries and the
  agency's own (what forms, filters and public pages offer; never another agency's),
  ``offered_to(agency)`` the same for an agency (an import), and ``editable_by(user)`` the
  entries the user may change: their agencies' own (a superuser: every one).

Names (and codes) are unique among the national entries and within each agency, and an
agency's entry may not take a national entry's name (:meth:`SharedListEntry.validate_unique`),
so that a name typed in an import means one entry.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.core.scoping import AgencyQuerySet, agency_ids_for_user, current_agency


class SharedListQuerySet(AgencyQuerySet):
    def national(self):
        return self.filter(agency__isnull=True)

    def offered_to(self, agency):
        """The national entries and ``agency``'s own (an agency or its id; only the national
        ones for none)."""
        if agency is None:
            return self.national()
        return self.filter(models.Q(agency__isnull=True) | models.Q(agency=agency))

    def for_request(self, request):
        return self.offered_to(current_agency(request))

    def visible_to(self, user):
        ids = agency_ids_for_user(user)
        if ids is None:
            return self
        return self.filter(models.Q(agency__isnull=True) | models.Q(agency__in=ids))

    def editable_by(self, user):
        """The entries ``user`` may change or delete: their agencies' own; a superuser's,
        every entry (the national ones too)."""
        ids = agency_ids_for_user(user)
        if ids is None:
            return self
        return self.filter(agency__in=ids)

    def is_editable_by(self, user, obj):
        return self.editable_by(user).filter(pk=obj.pk).exists()


def unique_per_agency(model_name, *fields, condition=None):
    """The constraints that keep ``fields`` unique among the national entries and within
    each agency (``condition``: only for the rows it holds, e.g. a code that is given)."""
    national, own = models.Q(agency__isnull=True), models.Q(agency__isnull=False)
    if condition is not None:
        national, own = national & condition, own & condition
    name = "_".join(fields)
    message = _("Another entry of this list already has this name or code.")
    return [
        models.UniqueConstraint(fields=list(fields), condition=national,
                                name=f"{model_name}_{name}_national",
                                violation_error_message=message),
        models.UniqueConstraint(fields=["agency", *fields], condition=own,
                                name=f"{model_name}_{name}_per_agency",
                                violation_error_message=message),
    ]


class SharedListEntry(models.Model):
    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty: a national entry, offered to every agency (only a superuser "
                    "changes those)."),
    )

    objects = SharedListQuerySet.as_manager()

    #: The fields an agency's entry may not share with a national entry.
    unique_with_national = ()

    class Meta:
        abstract = True

    @property
    def is_national(self):
        return self.agency_id is None

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude=exclude)
        if self.agency_id is None:
            return
        national = type(self)._default_manager.national().exclude(pk=self.pk)
        errors = {}
        for name in self.unique_with_national:
            if exclude and name in exclude:
                continue
            value = getattr(self, name)
            if value and national.filter(**{name: value}).exists():
                errors[name] = _("A national entry already has this %(field)s.") % {
                    "field": self._meta.get_field(name).verbose_name}
        if errors:
            raise ValidationError(errors)
