"""Fields (lĩnh vực) procedures are classified by, with the national database's codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.core.text import fold


class ProcedureField(models.Model):
    """LINHVUCTHUCHIEN: a field such as "Đầu tư tại Việt Nam" (national code MALINHVUC)."""

    code = models.CharField(
        _("national code"), max_length=50, blank=True,
        help_text=_("MALINHVUC in the national procedures database; may be left empty."),
    )
    name = models.CharField(_("name"), max_length=255, unique=True)
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("procedure field")
        verbose_name_plural = _("procedure fields")
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~models.Q(code=""), name="procedures_field_code_once"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def sort_key(self):
        return fold(self.name)
