"""The admin screen that imports procedures (national JSON, XLSX or ODS), with a ZIP of
form templates, and shows the progress of the import task."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plugins.core import import_jobs
from plugins.core.admin.scoping import pages_for_user
from plugins.core.tabular import ImportRefused
from plugins.procedures.importer import FORMATS, FormFiles, validate
from plugins.procedures.models import ProcedureIndexPage

MAX_UPLOAD_MB = 20
MAX_ZIP_MB = 100


def lists_for(user):
    """The procedure lists of the user's agencies where the user may add pages."""
    return pages_for_user(user, ProcedureIndexPage, "add")


class ImportForm(forms.Form):
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

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["index_page"].queryset = lists_for(user)

    def _limited(self, name, limit, extensions, message):
        upload = self.cleaned_data[name]
        if upload is None:
            return None
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than %(limit)s MB.")
                                        % {"limit": limit})
        if upload.name.rsplit(".", 1)[-1].lower() not in extensions:
            raise forms.ValidationError(message)
        return upload

    def clean_table(self):
        return self._limited("table", MAX_UPLOAD_MB, FORMATS,
                             _("Only JSON, XLSX and ODS files can be imported."))

    def clean_forms_zip(self):
        return self._limited("forms_zip", MAX_ZIP_MB, ("zip",), _("Give a ZIP archive."))


def import_view(request):
    if not lists_for(request.user).exists():
        raise PermissionDenied
    errors = []
    title = _("Import administrative procedures")
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            upload = form.cleaned_data["table"]
            content = upload.read()
            archive = form.cleaned_data["forms_zip"]
            archive_content = archive.read() if archive else None
            try:
                form_files = FormFiles.from_zip(archive_content) if archive else None
                plan = validate(content, upload.name, form_files)
            except ImportRefused as refused:
                errors = refused.errors
            else:
                stored = (default_storage.save("imports/forms.zip", ContentFile(archive_content))
                          if archive else None)
                return import_jobs.start(
                    request, "plugins.procedures.importer.run_import", content, upload.name,
                    total=len(plan.records), title=title, again_url=reverse("procedures_import"),
                    options={"index_id": form.cleaned_data["index_page"].pk,
                             "publish": form.cleaned_data["publish"], "forms_zip": stored},
                )
    else:
        form = ImportForm(user=request.user)
    return TemplateResponse(request, "core/admin/import.html",
                            {"form": form, "errors": errors, "page_title": title})
