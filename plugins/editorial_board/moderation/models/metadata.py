"""Editorial metadata that any page type adds by inheriting a mixin (R-ED-10, R-ED-6).

A page type opts in with ``class ArticlePage(EditorialMetadataMixin, Page)`` and shows
``EditorialMetadataMixin.editorial_panels`` in its editor. Pages that do not opt in still go
through the editorial workflow; their editorial data lives in
:class:`~plugins.editorial_board.models.EditorialRecord` (see the package docstring).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from plugins.editorial_board.moderation.models.kinds import ContentKind
from plugins.editorial_board.moderation.page_forms import EditorialPageForm


def translation_needs_source(is_translation, original_source):
    """R-ED-10: a translation carries the full original source."""
    if is_translation and not (original_source or "").strip():
        raise ValidationError(
            {"original_source": _("A translation must give its full original source: "
                                  "title, author and publisher.")}
        )


class EditorialMetadataMixin(models.Model):
    author_name = models.CharField(
        _("author"), max_length=150, blank=True,
        help_text=_("As shown under the title, for example the writer's name or the unit."),
    )
    authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("staff authors"), blank=True, related_name="+",
        help_text=_("Staff who wrote it: they earn the royalties and get the reminders."),
    )
    unit = models.ForeignKey(
        "core.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The unit that supplies the item; its leader approves it first. "
                    "Empty: the unit of the person who submits it."),
    )
    source = models.CharField(
        _("source"), max_length=255, blank=True,
        help_text=_("Where the information comes from, for reused information."),  # R-ED-10
    )
    is_translation = models.BooleanField(_("translated article"), default=False)
    original_source = models.CharField(
        _("original source"), max_length=500, blank=True,
        help_text=_("Required for a translation: the full original title, author and publisher."),
    )
    event_date = models.DateTimeField(
        _("event date"), null=True, blank=True,
        help_text=_("When the event took place (for a conference, when it ended), or when "
                    "the document was signed: the publication deadline counts from it."),
    )
    content_kind = models.CharField(
        _("kind of information"), max_length=20, choices=ContentKind.choices, blank=True,
        help_text=_("Decides the publication deadline. Empty: decided by the page type."),
    )

    #: Checks legacy encodings and attachments on every save (R-ED-12, R-ED-13).
    base_form_class = EditorialPageForm

    editorial_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("author_name"), FieldPanel("unit")]),
                FieldPanel("authors"),
                FieldRowPanel([FieldPanel("content_kind"), FieldPanel("event_date")]),
                FieldPanel("source"),
                FieldRowPanel([FieldPanel("is_translation"), FieldPanel("original_source")]),
            ],
            heading=_("Author and source"),
        ),
        FieldPanel("convert_legacy_text"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        translation_needs_source(self.is_translation, self.original_source)

    def get_editorial_kind(self):
        """The kind that decides the deadline; a page type may override this."""
        return self.content_kind or ContentKind.NEWS

    def get_royalty_kind(self):
        """The row of the royalty rates this item is paid by (R-ED-11); a page type may
        override this. ``None``: the item earns no royalties."""
        from plugins.editorial_board.royalties.models import RoyaltyKind

        if self.is_translation:
            return RoyaltyKind.TRANSLATION
        kind = self.get_editorial_kind()
        if kind == ContentKind.NEWS:
            return RoyaltyKind.NEWS
        if kind == ContentKind.AGENCY_DOCUMENT:
            return None
        return RoyaltyKind.ARTICLE
