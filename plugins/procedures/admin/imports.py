"""The admin screen that imports procedures (national JSON, XLSX or ODS), with a ZIP of
form templates, and shows the progress of the import task."""

from django import forms
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from plugins.core.admin.scoping import pages_for_user
from plugins.core.imports.forms import ImportUploadForm, Upload
from plugins.core.imports.views import PageImportView
from plugins.procedures.importer import FORMATS, FormFiles, validate
from plugins.procedures.models import ProcedureIndexPage

MAX_UPLOAD_MB = 20
MAX_ZIP_MB = 100


def lists_for(user):
    """The procedure lists of the user's agencies where the user may add pages."""
    return pages_for_user(user, ProcedureIndexPage, "add")


class ImportForm(ImportUploadForm):
    index_page = forms.ModelChoiceField(label=_("Procedure list"),
                                        queryset=ProcedureIndexPage.objects.none())
    table = forms.FileField(
        label=_("JSON, XLSX or ODS file"),
        help_text=_("JSON records of the national procedures database (MaTTHC, TENTTHC, …), "
                    "one or a list; or a workbook exported from this site."),
    )
    forms_zip = forms.FileField(
        label=_("Form templates (ZIP)"), required=False,
        help_text=_("The form files the records name (TENMAUDON or the file name of the URL)."),
    )
    publish = forms.BooleanField(label=_("Publish the imported procedures"), required=False)
    target_field = "index_page"
    uploads = {
        "table": Upload(FORMATS, MAX_UPLOAD_MB,
                        _("Only JSON, XLSX and ODS files can be imported.")),
        "forms_zip": Upload(("zip",), MAX_ZIP_MB, _("Give a ZIP archive.")),
    }


class ProceduresImportView(PageImportView):
    def check(self, form, content, filename):
        archive = form.cleaned_data["forms_zip"]
        archive_content = archive.read() if archive else None
        form_files = FormFiles.from_zip(archive_content) if archive else None
        plan = validate(content, filename, form_files)
        # Kept for the task, which deletes it when it has read it.
        stored = (default_storage.save("imports/forms.zip", ContentFile(archive_content))
                  if archive else None)
        return len(plan.records), {"index_id": form.cleaned_data["index_page"].pk,
                                   "publish": form.cleaned_data["publish"], "forms_zip": stored}


import_view = ProceduresImportView.as_view(
    form_class=ImportForm, page_model=ProcedureIndexPage,
    title=_("Import administrative procedures"), url_name="procedures:import",
    importer="plugins.procedures.importer.run_import")
