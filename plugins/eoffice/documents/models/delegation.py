"""Delegation of processing authority (ủy quyền xử lý, seed 004 Đ4.5, Đ11, Đ13.3; R-EO-15).

The director of an agency hands their processing authority (assigning and recalling
incoming documents, answering drafts in the director's review, withdrawing issued ones)
to one named person of the agency for a time window, with a reason. While the window is
open the delegate acts as the director and every such act is recorded "on behalf of" the
director; it ends by itself at ``ends_at`` (every check compares with now) or earlier when
the director ends it. The record never changes otherwise; its history is kept.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plugins.core.scoping import AgencyQuerySet


class DelegationQuerySet(AgencyQuerySet):
    def active(self, at=None):
        """Delegations in force at ``at`` (now): started, not past their end, not ended."""
        at = at or timezone.now()
        return self.filter(starts_at__lte=at, ends_at__gt=at, ended_at__isnull=True)

    def current_or_coming(self, at=None):
        at = at or timezone.now()
        return self.filter(ends_at__gt=at, ended_at__isnull=True)


class Delegation(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    delegator = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("delegated by"),
                                  on_delete=models.PROTECT, related_name="+")
    delegator_title = models.CharField(_("title of the delegating leader"), max_length=150,
                                       blank=True)
    delegate = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("acting person"),
                                 on_delete=models.PROTECT, related_name="+")
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended early"), null=True, blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ended by"),
                                 null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    objects = DelegationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegation of processing authority")
        verbose_name_plural = _("delegations of processing authority")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="eoffice_delegation_ends_after_start"),
            models.CheckConstraint(condition=~Q(delegate=models.F("delegator")),
                                   name="eoffice_delegation_not_to_oneself"),
        ]
        indexes = [models.Index(fields=["delegate", "ends_at"],
                                name="eoffice_deleg_delegate_idx")]

    def __str__(self):
        return _("%(delegate)s for %(delegator)s") % {
            "delegate": person_name(self.delegate), "delegator": person_name(self.delegator)}

    def is_active(self, at=None):
        at = at or timezone.now()
        return self.ended_at is None and self.starts_at <= at < self.ends_at

    @property
    def effective_end(self):
        return self.ended_at or self.ends_at


def person_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""
