"""Real files for demo pages: an ODT (odfdo) or a PDF/A (WeasyPrint) of a few paragraphs,
stored as a Wagtail document of the root collection. Open formats, so that a demo shows
them marked as such."""

import io

from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Collection

from plugins.core.text import slugify


def demo_document(title, paragraphs, kind, *, name):
    """A new document titled ``title`` whose file (``kind``: ``"odt"`` or ``"pdf"``) holds
    ``title`` and ``paragraphs``; ``name`` (slugified) names the file."""
    content = (odt_bytes if kind == "odt" else pdf_bytes)(title, paragraphs)
    document = get_document_model()(title=title[:255],
                                    collection=Collection.get_first_root_node())
    document.file.save(f"{slugify(name, max_length=70)}.{kind}", ContentFile(content),
                       save=False)
    document.save()
    return document


def odt_bytes(title, paragraphs):
    from odfdo import Document, Paragraph

    odt = Document("text")
    odt.body.clear()
    for text in [title.upper(), *paragraphs]:
        odt.body.append(Paragraph(text))
    buffer = io.BytesIO()
    odt.save(buffer)
    return buffer.getvalue()


def pdf_bytes(title, paragraphs):
    from weasyprint import HTML

    body = "".join([f"<h1>{escape(title)}</h1>", *[f"<p>{escape(text)}</p>"
                                                  for text in paragraphs]])
    page = (f"<html lang='vi'><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"</head><body>{body}</body></html>")
    return HTML(string=page).write_pdf(pdf_variant="pdf/a-3b")
