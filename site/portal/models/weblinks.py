"""The weblinks directory (danh bạ weblinks, liên kết website; R-SITE-7, seed 002 Đ3.8).

The links are inline rows of the page, ordered by the editor; rows with the same group
are listed together, groups in the order of their first row. A link to another website
opens in a new tab with ``rel="noopener noreferrer"``, so the other site cannot reach back
into this page (``window.opener``) nor learn which page sent the visitor.
"""

from urllib.parse import urlsplit

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from plugins.core.text import nfc


def outside_link(url, host):
    """Whether ``url`` leads to another website than ``host`` (the page's own)."""
    found = urlsplit(url or "")
    return bool(found.netloc) and found.hostname != (host or "").split(":")[0].lower()


class WeblinksPage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("weblinks", label=_("link"), heading=_("Links")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    max_count_per_parent = 1
    subpage_types = []

    class Meta:
        verbose_name = _("weblinks directory")

    def link_groups(self, host):
        """``[(group, [(link, outside), …]), …]``: groups in the order of their first link."""
        groups = {}
        for link in self.weblinks.all():
            groups.setdefault(link.category, []).append((link, outside_link(link.url, host)))
        return list(groups.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["link_groups"] = self.link_groups(request.get_host() if request else "")
        return context


class Weblink(Orderable):
    page = ParentalKey(WeblinksPage, on_delete=models.CASCADE, related_name="weblinks")
    category = models.CharField(
        _("group"), max_length=100,
        help_text=_("Links with the same group are listed together, e.g. “Central "
                    "government” or “Party and unions”."),
    )
    title = models.CharField(_("link text"), max_length=255)
    url = models.URLField(_("address"), max_length=500,
                          validators=[URLValidator(schemes=["http", "https"])])
    description = models.CharField(_("description"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("title")]),
        FieldPanel("url"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("web link")
        verbose_name_plural = _("web links")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.category = nfc(self.category).strip()
        self.title = nfc(self.title).strip()
        self.description = nfc(self.description).strip()
        return super().save(*args, **kwargs)
