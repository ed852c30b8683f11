"""News and staff articles, and their filterable list (R-SITE-2, R-ED-10).

Articles carry the editorial board's metadata (author, unit, source, event date) through
:class:`~plugins.editorial_board.models.EditorialMetadataMixin`.
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from plugins.core.page_cache import restrictions, shared
from plugins.core.text import fold, nfc
from plugins.editorial_board.models import ContentKind, EditorialMetadataMixin

ARTICLES_PER_PAGE = 10


class Topic(index.Indexed, models.Model):
    """A field or topic (lĩnh vực) that articles are classified by."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True, allow_unicode=False)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticleKind(models.TextChoices):
    NEWS = "news", _("News")
    EVENT = "event", _("Event")
    STAFF_ARTICLE = "staff_article", _("Staff article")
    RESEARCH = "research", _("Research")


class ArticlePage(EditorialMetadataMixin, Page):
    kind = models.CharField(
        _("kind"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS
    )
    date = models.DateField(_("date"), default=datetime.date.today)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    # Folded text (no diacritics, lower case) of title, summary, body and author, so
    # that a citizen typing without accents finds the article (R-SITE-2).
    search_text = models.TextField(editable=False, default="")
    author_key = models.CharField(editable=False, max_length=150, default="", db_index=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("search_text"),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("topic"),
        *EditorialMetadataMixin.editorial_panels,
    ]
    parent_page_types = ["portal.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def get_editorial_kind(self):
        """News and events have their deadlines (R-ED-6); staff articles and research none."""
        if self.content_kind:
            return self.content_kind
        return {
            ArticleKind.NEWS: ContentKind.NEWS,
            ArticleKind.EVENT: ContentKind.CONFERENCE,
        }.get(self.kind, ContentKind.OTHER)

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        self.summary = nfc(self.summary)
        self.author_name = nfc(self.author_name).strip()
        self.author_key = fold(self.author_name)
        self.search_text = fold(
            " ".join([self.title, self.summary, strip_tags(self.body), self.author_name])
        )
        return super().save(*args, **kwargs)


class ArticleIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["portal.ArticlePage"]

    # What a row of the list shows (portal/includes/article_item.html): an article's body
    # and the page's other fields stay in the database.
    LISTING_FIELDS = ("title", "url_path", "date", "summary", "author_name", "topic__name")

    class Meta:
        verbose_name = _("article list")

    def get_context(self, request, *args, **kwargs):
        from portal.article_filters import ArticleFilter

        context = super().get_context(request, *args, **kwargs)
        articles = (
            restrictions.public(ArticlePage.objects.live(), request).child_of(self)
            .select_related("topic").only(*self.LISTING_FIELDS).order_by("-date", "-pk")
        )
        article_filter = ArticleFilter(request.GET, articles)
        context["filter"] = article_filter
        context["page_obj"] = article_filter.page(request.GET.get("page"), ARTICLES_PER_PAGE)
        # the filter's choice of fields, read from memory while no topic changes
        context["topics"] = shared.remember_rows(request, ("article-topics",), Topic.objects.all)
        context["today"] = timezone.localdate()
        return context
