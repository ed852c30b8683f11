from django.db import models
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page


class LinkedPage(Page):
    """Every kind of field that holds a link, and a unit of its own."""

    body = RichTextField(blank=True)
    content = StreamField([
        ("text", blocks.RichTextBlock()),
        ("link", blocks.StructBlock([("title", blocks.CharBlock()),
                                     ("url", blocks.URLBlock(required=False))])),
        ("pages", blocks.ListBlock(blocks.PageChooserBlock())),
        ("document", DocumentChooserBlock()),
    ], blank=True, use_json_field=True)
    website = models.URLField(blank=True)
    unit = models.ForeignKey("core.Unit", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")

    is_creatable = False  # the tests make them; the admin of the suite's site never offers them


class PlainPage(Page):
    """A page type without a unit: its unit is its owner's."""

    body = RichTextField(blank=True)

    is_creatable = False
