"""The links of a page or a document, as (address, field) pairs (R-SITE-8).

Addresses are kept as the checker reads them: ``page:<id>`` and ``document:<id>`` for
Wagtail's own links (a rich-text link to a page or document, a chooser), a path such as
``/gioi-thieu/`` for a link relative to the site, and the absolute ``http(s)://`` address
for everything else. Mail, phone and anchor links are not links to check.
"""

import zipfile
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.db import models
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

PAGE_PREFIX = "page:"
DOCUMENT_PREFIX = "document:"
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# Longer addresses are not checked: the unique index of (agency, address) must fit a
# PostgreSQL index row even in UTF-8 (up to 3 bytes a character).
MAX_ADDRESS_LENGTH = 800


def normalise(href):
    """The address to check for ``href`` as written in a page, or None when it is not a
    link to check (mailto:, tel:, javascript:, an anchor on the same page, too long)."""
    href = (href or "").strip()
    if not href or href.startswith("#") or len(href) > MAX_ADDRESS_LENGTH:
        return None
    href = urldefrag(href)[0]
    parts = urlsplit(href)
    if parts.scheme:
        return href if parts.scheme.lower() in ("http", "https") and parts.netloc else None
    if href.startswith("//"):
        return f"https:{href}"
    if href.startswith("/"):
        return href
    return None  # a relative path without a leading slash: depends on the page's address


class _AnchorParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag.lower() != "a":
            return
        values = dict(attrs)
        linktype = values.get("linktype")
        if linktype == "page" and (values.get("id") or "").isdigit():
            self.found.append(f"{PAGE_PREFIX}{values['id']}")
        elif linktype == "document" and (values.get("id") or "").isdigit():
            self.found.append(f"{DOCUMENT_PREFIX}{values['id']}")
        elif linktype is None:
            address = normalise(values.get("href"))
            if address:
                self.found.append(address)


def rich_text_links(html):
    parser = _AnchorParser()
    parser.feed(html or "")
    parser.close()
    return parser.found


def _chosen(value):
    """``page:<id>``/``document:<id>`` for a chosen page or document."""
    pk = getattr(value, "pk", None)
    if pk is None:
        return None
    if isinstance(value, Page):
        return f"{PAGE_PREFIX}{pk}"
    if isinstance(value, get_document_model()):
        return f"{DOCUMENT_PREFIX}{pk}"
    return None


def stream_links(block, value):
    """The links of a StreamField (or block) value, walking its structure."""
    found = []
    stack = [(block, value)]
    while stack:
        block, value = stack.pop()
        if value is None:
            continue
        if isinstance(block, blocks.RichTextBlock):
            found.extend(rich_text_links(getattr(value, "source", value)))
        elif isinstance(block, blocks.URLBlock):
            address = normalise(value)
            if address:
                found.append(address)
        elif isinstance(block, blocks.StreamBlock):
            stack.extend((child.block, child.value) for child in value)
        elif isinstance(block, blocks.ListBlock):
            stack.extend((block.child_block, child) for child in value)
        elif isinstance(block, blocks.StructBlock):
            stack.extend((child_block, value.get(name))
                         for name, child_block in block.child_blocks.items())
        else:
            address = _chosen(value)
            if address:
                found.append(address)
    return found


def page_links(page):
    """[(address, field name)] of a page's own fields (not Wagtail's page metadata)."""
    found = []
    for field in type(page)._meta.get_fields():
        if not getattr(field, "concrete", False) or field.model is Page:
            continue
        if isinstance(field, StreamField):
            value = getattr(page, field.name)
            found.extend((a, field.name) for a in stream_links(field.stream_block, value))
        elif isinstance(field, RichTextField):
            found.extend((a, field.name) for a in rich_text_links(getattr(page, field.name)))
        elif isinstance(field, models.URLField):
            address = normalise(getattr(page, field.name))
            if address:
                found.append((address, field.name))
        elif isinstance(field, models.ForeignKey) and not field.remote_field.parent_link and (
                issubclass(field.related_model, (Page, get_document_model()))):
            pk = getattr(page, field.attname)
            if pk:
                prefix = PAGE_PREFIX if issubclass(field.related_model, Page) else DOCUMENT_PREFIX
                found.append((f"{prefix}{pk}", field.name))
    return found


# Links inside the files of documents: PDF link annotations, Word and OpenDocument texts.

def _pdf_links(handle):
    from pypdf import PdfReader

    found = []
    for pdf_page in PdfReader(handle).pages:
        for annotation in pdf_page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            uri = action.get("/URI") if hasattr(action, "get") else None
            if uri:
                found.append(str(uri))
    return found


def _docx_links(handle):
    from docx import Document as WordDocument
    from docx.opc.constants import RELATIONSHIP_TYPE

    part = WordDocument(handle).part
    return [rel.target_ref for rel in part.rels.values()
            if rel.is_external and rel.reltype == RELATIONSHIP_TYPE.HYPERLINK]


_ODF_LINK = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}a"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def _odf_links(handle):
    from lxml import etree

    with zipfile.ZipFile(handle) as archive:
        root = etree.fromstring(archive.read("content.xml"),
                                parser=etree.XMLParser(resolve_entities=False, no_network=True))
    return [anchor.get(_XLINK_HREF) for anchor in root.iter(_ODF_LINK)
            if anchor.get(_XLINK_HREF)]


_READERS = {"pdf": _pdf_links, "docx": _docx_links, "odt": _odf_links, "ods": _odf_links}


def document_links(document):
    """[(address, "file")] of the links inside a document's file; none for a kind of file
    that holds no links we read, a file too big, or one that cannot be read."""
    reader = _READERS.get((document.file_extension or "").lower())
    if reader is None:
        return []
    try:
        if document.file.size > MAX_DOCUMENT_BYTES:
            return []
        with document.open_file() as handle:
            hrefs = reader(handle)
    except Exception:  # noqa: BLE001 - a damaged or missing file has no links to report
        return []
    return [(address, "file") for address in map(normalise, hrefs) if address]
