"""The text of a page, whatever its type: one place for royalties' word counts and for the
checks before submission (legacy encodings, prohibited expressions, attachments).

A page's *text fields* are its editable text fields (``CharField``/``TextField``, rich
text and StreamField), without slugs, addresses or choices. Its *content fields* are the
text fields its own page type adds (Wagtail's title and promote fields and the editorial
metadata left out): the words of these are what royalties count.
"""

import functools
import html
import re

from django.db import models
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

_NOT_TEXT = (models.SlugField, models.URLField, models.EmailField)
_METADATA = {"author_name", "source", "original_source", "content_kind"}
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<(a|embed)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def is_text_field(field):
    if not getattr(field, "concrete", False) or not field.editable or field.choices:
        return False
    if isinstance(field, (RichTextField, StreamField)):
        return True
    return isinstance(field, (models.CharField, models.TextField)) and not isinstance(
        field, _NOT_TEXT)


def text_fields(model):
    """The text fields of a page model, in declaration order."""
    return [field for field in model._meta.get_fields() if is_text_field(field)]


@functools.cache
def _page_field_names():
    return frozenset(field.name for field in Page._meta.get_fields())


def content_fields(model):
    return [field for field in text_fields(model)
            if field.name not in _page_field_names() and field.name not in _METADATA]


def _stream_strings(field, value):
    try:
        return [str(part) for part in field.stream_block.get_searchable_content(value)]
    except Exception:  # noqa: BLE001 - a block without searchable content adds no text
        return []


def source_of(field, value):
    """The stored form of ``value`` (HTML for rich text, text otherwise)."""
    if value is None:
        return ""
    if isinstance(field, StreamField):
        return "\n".join(_stream_strings(field, value))
    return str(value)


def plain_text(field, value):
    """What a reader sees of ``value``: rich text without its markup."""
    text = source_of(field, value)
    if isinstance(field, (RichTextField, StreamField)):
        text = html.unescape(strip_tags(text))
    return text


def word_count(page):
    """Words of the page's own content (title, metadata and promote fields left out)."""
    return sum(len(_WORD.findall(plain_text(field, getattr(page, field.name, None))))
               for field in content_fields(type(page)))


def _embedded_ids(markup):
    """({image ids}, {document ids}) of the embeds and links in rich text markup."""
    images, documents = set(), set()
    for tag, attributes in _TAG.findall(markup or ""):
        values = dict(_ATTRIBUTE.findall(attributes))
        if not values.get("id", "").isdigit():
            continue
        if tag.lower() == "embed" and values.get("embedtype") == "image":
            images.add(int(values["id"]))
        elif tag.lower() == "a" and values.get("linktype") == "document":
            documents.add(int(values["id"]))
    return images, documents


def _stream_files(value, images, documents):
    """Walk a StreamField value collecting chosen images and documents."""
    image_model, document_model = get_image_model(), get_document_model()
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, image_model):
            images.add(current.pk)
        elif isinstance(current, document_model):
            documents.add(current.pk)
        elif hasattr(current, "source") and isinstance(current.source, str):  # RichText
            found = _embedded_ids(current.source)
            images |= found[0]
            documents |= found[1]
        elif isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, (list, tuple)) or hasattr(current, "raw_data"):
            stack.extend(getattr(child, "value", child) for child in current)


def linked_files(model, values):
    """({image ids}, {document ids}) a page links to, from ``values`` (field name → value):
    chosen images and documents, rich text embeds and links, StreamField blocks."""
    image_model, document_model = get_image_model(), get_document_model()
    images, documents = set(), set()
    for field in model._meta.get_fields():
        if field.name not in values or not getattr(field, "concrete", False):
            continue
        value = values[field.name]
        if isinstance(field, models.ForeignKey):
            target = field.related_model
            pk = getattr(value, "pk", value)
            if pk and issubclass(target, image_model):
                images.add(pk)
            elif pk and issubclass(target, document_model):
                documents.add(pk)
        elif isinstance(field, StreamField):
            _stream_files(value, images, documents)
        elif isinstance(field, RichTextField):
            found = _embedded_ids(value)
            images |= found[0]
            documents |= found[1]
    return images, documents


def page_values(page):
    """{field name: value} of a page instance, as :func:`linked_files` takes them."""
    return {field.name: getattr(page, field.attname if isinstance(field, models.ForeignKey)
                                else field.name, None)
            for field in type(page)._meta.get_fields() if getattr(field, "concrete", False)}


def image_count(page):
    """Distinct images the page shows: photos earn royalties each."""
    return len(linked_files(type(page), page_values(page))[0])
