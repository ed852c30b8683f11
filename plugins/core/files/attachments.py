"""A document attached to a page — an event's materials, a project's or a notice's files, a
consultation's drafts: read online or downloaded, open formats marked. One abstract model
for every plugin's attachments; each subclass adds its ``ParentalKey``."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from plugins.core.files import file_format

# Browsers show these themselves; other files are downloaded.
READABLE_ONLINE = ("application/pdf", "image/jpeg", "image/png", "image/gif")


class PageAttachment(Orderable):
    """Abstract: a subclass adds ``page = ParentalKey(…, related_name=…)``."""

    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("document"),
                                 on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title shown"), max_length=255, blank=True,
                             help_text=_("Leave empty to use the document's title."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.title or self.document.title

    @property
    def format(self):
        return file_format(self.document.filename)

    @property
    def readable_online(self):
        """Browsers show a PDF or an image themselves; other files are downloaded."""
        found = self.format
        return found is not None and found.media_type in READABLE_ONLINE


def attachments(related):
    """The attachments of a page's inline relation that still have their document."""
    return [item for item in related.select_related("document") if item.document_id]
