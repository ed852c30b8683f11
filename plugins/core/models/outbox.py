"""The fields of work retried until it is done (:mod:`plugins.core.outbox`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Retried(models.Model):
    """Work done outside the system after commit, retried until it is done
    (:mod:`plugins.core.outbox`). ``done_field`` names the time it was done."""

    done_field = "done_at"
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True,
                                           db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        abstract = True

    @property
    def given_up(self):
        return (getattr(self, self.done_field) is None and self.next_attempt_at is None
                and self.attempts > 0)
