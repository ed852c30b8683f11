"""ODS (the open format, R-LD-7) beside Wagtail's XLSX and CSV in report exports.

Add :class:`OdsExportMixin` before ``ReportView`` (or any view with Wagtail's
``SpreadsheetExportMixin``): ``?export=ods`` answers with the same rows and headings as the
XLSX export, through :func:`plugins.core.spreadsheets.dataset_response`, and the report
header gets a "Download ODS" button.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button

from plugins.core.spreadsheets import dataset_response, sheet_title

FORMAT_ODS = "ods"


class OdsExportMixin:
    FORMATS = ("xlsx", "csv", FORMAT_ODS)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if spreadsheet_format != FORMAT_ODS:
            return super().as_spreadsheet(queryset, spreadsheet_format)
        import tablib

        dataset = tablib.Dataset(
            headers=[str(self.get_heading(queryset, field)) for field in self.list_export],
            title=sheet_title(self.get_filename()),
        )
        for item in queryset:
            row = self.to_row_dict(item)
            dataset.append([self.preprocess_field_value(field, value, "xlsx")
                            for field, value in row.items()])
        return dataset_response(dataset, self.get_filename(), FORMAT_ODS)

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if self.show_export_buttons:
            buttons.append(Button(_("Download ODS"), url=self.get_export_url(FORMAT_ODS),
                                  icon_name="download", priority=95))
        return buttons
