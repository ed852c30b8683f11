"""Fields (lĩnh vực) procedures are classified by, with the national database's codes.

A shared list (:mod:`plugins.core.shared_lists`): the national fields, kept by the
superusers, and each agency's own, kept by its IT administrator; an agency's forms, public
lists and imports offer the national fields and its own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.core.shared_lists import SharedListEntry, unique_per_agency
from plugins.core.text import fold


class ProcedureField(SharedListEntry):
    """LINHVUCTHUCHIEN: a field such as "Đầu tư tại Việt Nam" (national code MALINHVUC)."""

    code = models.CharField(
        _("national code"), max_length=50, blank=True,
        help_text=_("MALINHVUC in the national procedures database; may be left empty."),
    )
    name = models.CharField(_("name"), max_length=255)
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    unique_with_national = ("name", "code")

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("procedure field")
        verbose_name_plural = _("procedure fields")
        constraints = [
            *unique_per_agency("procedures_field", "name"),
            *unique_per_agency("procedures_field", "code", condition=~models.Q(code="")),
        ]

    def __str__(self):
        return self.name

    @property
    def sort_key(self):
        return fold(self.name)
