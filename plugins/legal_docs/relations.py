"""The typed, paired relations between legal documents (DOMAIN.md, vbpl.vn)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RelationKind(models.TextChoices):
    BASIS = "basis", _("is based on")
    GUIDES = "guides", _("guides")
    AMENDS = "amends", _("amends")
    SUPPLEMENTS = "supplements", _("supplements")
    REPLACES = "replaces", _("replaces")
    ABROGATES = "abrogates", _("abrogates")
    SUSPENDS = "suspends", _("suspends")
    REFERS = "refers", _("refers to")
    RELATED = "related", _("is related to")


# How the relation reads from the other document's side.
INVERSE_LABELS = {
    RelationKind.BASIS: _("is the basis of"),
    RelationKind.GUIDES: _("is guided by"),
    RelationKind.AMENDS: _("is amended by"),
    RelationKind.SUPPLEMENTS: _("is supplemented by"),
    RelationKind.REPLACES: _("is replaced by"),
    RelationKind.ABROGATES: _("is abrogated by"),
    RelationKind.SUSPENDS: _("is suspended by"),
    RelationKind.REFERS: _("is referred to by"),
    RelationKind.RELATED: _("is related to"),
}

# Relations that change the other document's validity when the source takes effect.
ENDS_WHOLE = {RelationKind.REPLACES}
ENDS_PART = {RelationKind.AMENDS, RelationKind.SUPPLEMENTS}
ABROGATION = RelationKind.ABROGATES  # whole or in part, as the relation says
SUSPENSION = RelationKind.SUSPENDS
CHANGES_STATUS = ENDS_WHOLE | ENDS_PART | {ABROGATION, SUSPENSION}


def inverse_label(kind):
    return INVERSE_LABELS[RelationKind(kind)]
