"""The admin screen that imports a CSV/XLSX list of documents, with a progress bar."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.core.admin.scoping import pages_for_user
from plugins.core.imports.forms import ImportUploadForm, Upload
from plugins.core.imports.views import PageImportView
from plugins.core.tabular import read_table
from plugins.legal_docs.importer import COLUMNS, TABLE_FORMATS, validate
from plugins.legal_docs.models import LegalDocumentIndexPage

MAX_UPLOAD_MB = 20


def libraries_for(user):
    """The libraries of the agencies the user works for, where they may add documents."""
    return pages_for_user(user, LegalDocumentIndexPage, "add")


class ImportForm(ImportUploadForm):
    library = forms.ModelChoiceField(label=_("Library"),
                                     queryset=LegalDocumentIndexPage.objects.none())
    table = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("One document per row. Columns: %(columns)s.")
        % {"columns": ", ".join(aliases[0] for aliases in COLUMNS.values())},
    )
    publish = forms.BooleanField(label=_("Publish the imported documents"), required=False)
    target_field = "library"
    uploads = {"table": Upload(TABLE_FORMATS, MAX_UPLOAD_MB,
                               _("Only CSV and XLSX files can be imported."))}


class LegalDocsImportView(PageImportView):
    def check(self, form, content, filename):
        library = form.cleaned_data["library"]
        rows = validate(read_table(content, filename, TABLE_FORMATS), library)
        return len(rows), {"library_id": library.pk, "publish": form.cleaned_data["publish"]}


import_view = LegalDocsImportView.as_view(
    form_class=ImportForm, page_model=LegalDocumentIndexPage, title=_("Import documents"),
    url_name="legal_docs:import", importer="plugins.legal_docs.importer.run_import")
