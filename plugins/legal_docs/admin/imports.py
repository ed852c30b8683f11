"""The admin screen that imports a CSV/XLSX list of documents, with a progress bar."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plugins.core import import_jobs
from plugins.core.scoping import agency_ids_for_user
from plugins.core.tabular import ImportRefused, read_table
from plugins.legal_docs.importer import COLUMNS, TABLE_FORMATS, validate
from plugins.legal_docs.models import LegalDocumentIndexPage

MAX_UPLOAD_MB = 20


def libraries_for(user):
    """The libraries of the agencies the user works for, where they may add documents."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    allowed = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    pages = LegalDocumentIndexPage.objects.filter(pk__in=allowed.values("pk"))
    agency_ids = agency_ids_for_user(user)
    if agency_ids is None:
        return pages
    from plugins.core.models import Agency

    roots = Agency.objects.filter(pk__in=agency_ids).values_list("site__root_page__path",
                                                                  flat=True)
    keep = [page.pk for page in pages if any(page.path.startswith(root) for root in roots)]
    return pages.filter(pk__in=keep)


class ImportForm(forms.Form):
    library = forms.ModelChoiceField(label=_("Library"), queryset=LegalDocumentIndexPage.objects)
    table = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("One document per row. Columns: %(columns)s.")
        % {"columns": ", ".join(aliases[0] for aliases in COLUMNS.values())},
    )
    publish = forms.BooleanField(label=_("Publish the imported documents"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = libraries_for(user)

    def clean_table(self):
        table = self.cleaned_data["table"]
        if table.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than %(limit)s MB.")
                                        % {"limit": MAX_UPLOAD_MB})
        if table.name.rsplit(".", 1)[-1].lower() not in TABLE_FORMATS:
            raise forms.ValidationError(_("Only CSV and XLSX files can be imported."))
        return table


def import_view(request):
    if not libraries_for(request.user).exists():
        raise PermissionDenied
    errors = []
    title = _("Import documents")
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            upload = form.cleaned_data["table"]
            content = upload.read()
            library = form.cleaned_data["library"]
            try:
                rows = validate(read_table(content, upload.name, TABLE_FORMATS), library)
            except ImportRefused as refused:
                errors = refused.errors
            else:
                return import_jobs.start(
                    request, "plugins.legal_docs.importer.run_import", content, upload.name,
                    total=len(rows), title=title, again_url=reverse("legal_docs_import"),
                    options={"library_id": library.pk,
                             "publish": form.cleaned_data["publish"]},
                )
    else:
        form = ImportForm(user=request.user)
    return TemplateResponse(request, "core/admin/import.html",
                            {"form": form, "errors": errors, "page_title": title})
