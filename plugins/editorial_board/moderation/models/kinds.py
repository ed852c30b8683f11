from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentKind(models.TextChoices):
    """Kinds of information the deadlines of R-ED-6 distinguish."""

    NEWS = "news", _("News or event report")
    AGENCY_DOCUMENT = "agency_document", _("Document issued by the agency")
    CONFERENCE = "conference", _("Conference or summary report")
    STATISTICS = "statistics", _("Statistics")
    OTHER = "other", _("Other information (no deadline)")
