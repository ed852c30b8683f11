from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from plugins.legal_docs.deadlines import DEFAULT_DEADLINE_DAYS


@register_setting(icon="time")
class LegalDocsSettings(BaseSiteSetting):
    publication_deadline_days = models.PositiveSmallIntegerField(
        _("publication deadline (working days after signing)"),
        default=DEFAULT_DEADLINE_DAYS,
        help_text=_("Documents this agency issued must be on the site within this many "
                    "working days after they are signed."),  # R-LD-5
    )

    class Meta:
        verbose_name = _("legal documents")
