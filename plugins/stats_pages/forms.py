"""The admin form of a statistics page: the table arrives as an uploaded file.

The file is checked (size, type by content, virus scan) and read when the form is
validated; only a table that passes every check replaces the page's table, in the same
save as the rest of the page (a draft keeps it in its revision). A refused file leaves
the page as it was, with every reason beside the upload field. The file itself is not
kept: the page keeps the figures, and offers them for download in CSV, XLSX and ODS.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from plugins.stats_pages import tables


class StatisticsPageForm(WagtailAdminPageForm):
    data_upload = forms.FileField(
        label=gettext_lazy("Table of figures"), required=False,
        help_text=gettext_lazy(
            "A CSV (UTF-8), XLSX or ODS file of at most %(mb)s MB: the first row names the "
            "columns, the first column labels the rows, the other columns hold numbers "
            "(at most %(rows)s rows and %(columns)s columns).")
        % {"mb": tables.MAX_MB, "rows": tables.MAX_ROWS, "columns": tables.MAX_COLUMNS},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.ods"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        table = getattr(self.instance, "table", None)
        if "data_upload" in self.fields and tables.is_valid(table):
            self.fields["data_upload"].help_text = _(
                "Now: %(name)s, %(rows)s rows, columns %(columns)s. Upload another file to "
                "replace the table.") % {
                "name": self.instance.source_filename or "—", "rows": len(table["rows"]),
                "columns": ", ".join(f"“{name}”" for name in table["headers"])}

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("data_upload")
        if upload:
            try:
                table = tables.read_upload(upload)
            except ValidationError as refused:
                self.instance._upload_refused = True
                self.add_error("data_upload", refused)
            else:
                self.instance.table = table
                self.instance.source_filename = upload.name[:255]
        return cleaned
