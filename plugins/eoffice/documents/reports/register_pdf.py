"""The day's register as a PDF to print and sign (R-EO-9): A4 landscape, the Decree 30
columns, a heading with the agency, the register and the day, page numbers and the
clerk's signature line.

WeasyPrint is imported inside :func:`render` only, so the e-office imports without it. The
text is set in a serif font with Vietnamese glyphs: Times New Roman where installed (the
font of official documents), else Liberation Serif or DejaVu Serif (Debian's
fonts-liberation, fonts-dejavu-core).
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.eoffice.documents.models import RegisterKind
from plugins.eoffice.documents.reports.register_rows import display

TEMPLATE = "eoffice_documents/reports/register_pdf.html"


def title(register):
    if register.kind == RegisterKind.INCOMING:
        return _("REGISTER OF INCOMING DOCUMENTS")
    return _("REGISTER OF OUTGOING DOCUMENTS")


def html(table, printed_by=None):
    """The register's day as HTML for WeasyPrint (also readable in a browser)."""
    columns = table.columns
    rows = [[(display(value, column), column.center)
             for value, column in zip(row, columns, strict=True)] for row in table.rows]
    printed_at = timezone.localtime()
    return render_to_string(TEMPLATE, {
        "agency": table.register.agency,
        "register": table.register,
        "title": title(table.register),
        "day": table.first_day,
        "columns": columns,
        "rows": rows,
        "printed_by": (printed_by.get_full_name() or printed_by.get_username())
        if printed_by else "",
        "printed_at": printed_at,
        "page_label": _("Page"),
    })


def render(table, printed_by=None):
    """The PDF bytes of ``table`` (a :class:`~.register_rows.RegisterTable`)."""
    import weasyprint

    return weasyprint.HTML(string=html(table, printed_by)).write_pdf()


def filename(register, day):
    kind = "so-den" if register.kind == RegisterKind.INCOMING else "so-di"
    return f"{kind}-{register.pk}-{day:%Y-%m-%d}.pdf"
