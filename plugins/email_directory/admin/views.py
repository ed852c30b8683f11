"""Admin views of the directory beyond the viewsets: history on inspect pages, staff from
positions, import, exports and the handover confirmation (R-EM-1, R-EM-2, R-EM-5)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from plugins.core.imports.forms import ImportUploadForm, Upload
from plugins.core.imports.views import ImportView
from plugins.core.models import Agency
from plugins.core.scoping import agency_ids_for_user
from plugins.core.spreadsheets import dataset_response
from plugins.core.tabular import read_table
from plugins.email_directory import exports, handover
from plugins.email_directory.columns import COLUMNS
from plugins.email_directory.importer import TABLE_FORMATS, validate
from plugins.email_directory.models import DirectoryEntry, Mailbox, MailboxHandover
from plugins.email_directory.permissions import keeper_agency_ids, keeps
from plugins.email_directory.staff import add_staff_positions

MAX_UPLOAD_MB = 10


# --- Inspect pages show the field history (django-simple-history) ----------------------


class HistoryInspectMixin:
    template_name = "email_directory/admin/inspect.html"
    history_limit = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changes"] = field_changes(self.object, self.history_limit)
        return context


def field_changes(obj, limit=50):
    """The object's recorded versions, newest first, each with the fields it changed."""
    records = list(obj.history.select_related("history_user")[: limit + 1])
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=False):
        if older is None:
            changed = []
        else:
            delta = newer.diff_against(older)
            changed = [
                (str(obj._meta.get_field(change.field).verbose_name), change.old, change.new)
                for change in delta.changes
            ]
        changes.append({"record": newer, "changed": changed})
    return changes[:limit]


# --- Create and edit: say which address the scheme made -------------------------------


class SuggestionMessageMixin:
    def save_instance(self):
        instance = super().save_instance()
        suggestion = getattr(self.form, "suggestion", None)
        if suggestion is not None:
            messages.info(self.request, _("The address %(address)s was made by the agency's "
                                          "naming scheme (%(rule)s).")
                          % {"address": suggestion.address, "rule": suggestion.rule})
        return instance


# --- Handovers: recorded by keepers or the unit's leader ------------------------------


class ConfirmForm(forms.Form):
    data_received = forms.BooleanField(
        label=gettext_lazy("I received the mailbox's mail and data"), required=False)
    password_changed = forms.BooleanField(
        label=gettext_lazy("I changed the mailbox's password"), required=False)


def handover_confirm(request, pk):
    """The new holder confirms; a keeper records paper minutes for a holder without an
    account; whoever may record a handover may cancel it while it is pending."""
    item = get_object_or_404(
        MailboxHandover.objects.visible_to(request.user)
        .select_related("mailbox", "from_holder__position__user", "to_holder__position__user"),
        pk=pk,
    )
    own = handover.is_new_holder(request.user, item)
    on_paper = not own and keeps(request.user, item.mailbox.agency_id) \
        and item.to_holder.position_id is None
    may_cancel = handover.may_record(request.user, item.mailbox)
    if not (own or on_paper or may_cancel):
        raise PermissionDenied
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and "cancel" in request.POST and may_cancel:
        try:
            handover.cancel(item, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The handover of %(mailbox)s was cancelled.")
                             % {"mailbox": item.mailbox})
        return redirect("email_directory_handover:index")
    if request.method == "POST" and (own or on_paper) and form.is_valid():
        try:
            handover.confirm(item, request.user, on_paper=on_paper, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Handover of %(mailbox)s confirmed: %(person)s is now "
                                        "responsible for it.")
                             % {"mailbox": item.mailbox, "person": item.to_holder})
            return redirect("wagtailadmin_home")
    return TemplateResponse(request, "email_directory/admin/handover_confirm.html", {
        "handover": item, "form": form, "on_paper": on_paper, "may_confirm": own or on_paper,
        "may_cancel": may_cancel and item.status == "pending",
        "page_title": _("Confirm a mailbox handover"),
    })


# --- Staff from positions --------------------------------------------------------------


def _keeper_agencies(user):
    ids = keeper_agency_ids(user)
    agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)
    if not agencies.exists():
        raise PermissionDenied
    return agencies


class AgencyForm(forms.Form):
    agency = forms.ModelChoiceField(label=gettext_lazy("Agency"), queryset=Agency.objects)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if agencies.count() == 1:
            self.fields["agency"].initial = agencies.first().pk


def staff_view(request):
    agencies = _keeper_agencies(request.user)
    form = AgencyForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        outcome = add_staff_positions(form.cleaned_data["agency"])
        count = len(outcome.created)
        messages.success(request, ngettext(
            "%(counter)s person added to the directory.",
            "%(counter)s people added to the directory.", count) % {"counter": count})
        for problem in outcome.problems:
            messages.warning(request, problem)
        return redirect("email_directory_entry:index")
    return TemplateResponse(request, "email_directory/admin/staff.html", {
        "form": form, "page_title": _("Add staff from positions"),
    })


# --- Import -----------------------------------------------------------------------------


class ImportForm(ImportUploadForm, AgencyForm):
    table = forms.FileField(
        label=gettext_lazy("CSV, XLSX or ODS file"),
        help_text=gettext_lazy("One row per person or mailbox. Columns: %(columns)s.")
        % {"columns": ", ".join(aliases[0] for aliases in COLUMNS.values())},
    )
    uploads = {"table": Upload(TABLE_FORMATS, MAX_UPLOAD_MB,
                               gettext_lazy("Only CSV, XLSX and ODS files can be imported."))}


class DirectoryImportView(ImportView):
    def allowed(self):
        self.agencies = _keeper_agencies(self.request.user)  # PermissionDenied for no one's
        return True

    def get_form_kwargs(self):
        return {"agencies": self.agencies}

    def check(self, form, content, filename):
        agency = form.cleaned_data["agency"]
        rows = validate(read_table(content, filename, TABLE_FORMATS), agency)
        return len(rows), {"agency_id": agency.pk}


import_view = DirectoryImportView.as_view(
    form_class=ImportForm, title=gettext_lazy("Import the directory"),
    url_name="email_directory:import", importer="plugins.email_directory.importer.run_import")


# --- Exports ----------------------------------------------------------------------------

SPREADSHEETS = ("xlsx", "ods", "csv")
KEEPERS_ONLY = ("ldif", "zmprov")  # account files for the mail system: the IT unit's


def export_rows(request, fmt):
    """The people and shared mailboxes the list's filters choose, of agencies the user may
    export (every agency they see; account files only those whose directory they keep)."""
    from plugins.email_directory.admin.viewsets import DirectoryEntryFilterSet

    ids = keeper_agency_ids(request.user) if fmt in KEEPERS_ONLY else \
        agency_ids_for_user(request.user)
    if ids is not None and not ids:
        raise PermissionDenied
    people = DirectoryEntry.objects.with_related().order_by("agency", "sort_order", "pk")
    mailboxes = Mailbox.objects.shared().select_related("unit", "agency").order_by(
        "agency", "kind", "address")
    if ids is not None:
        people, mailboxes = people.filter(agency_id__in=ids), mailboxes.filter(agency_id__in=ids)
    filterset = DirectoryEntryFilterSet(request.GET, queryset=people, request=request)
    people = filterset.qs if filterset.is_valid() else people.none()
    data = filterset.form.cleaned_data if filterset.is_valid() else {}
    if data.get("agency"):
        mailboxes = mailboxes.filter(agency=data["agency"])
    if data.get("unit"):
        from plugins.email_directory.search_index import subtree_ids

        mailboxes = mailboxes.filter(unit_id__in=subtree_ids(data["unit"]))
    if data.get("is_published") is not None:
        mailboxes = mailboxes.filter(is_published=data["is_published"])
    return list(people), list(mailboxes)


def export_view(request, fmt):
    if fmt not in (*SPREADSHEETS, "vcf", *KEEPERS_ONLY):
        raise Http404
    people, mailboxes = export_rows(request, fmt)
    if fmt in SPREADSHEETS:
        return dataset_response(exports.dataset(people, mailboxes), "danh-ba", fmt)
    if fmt == "vcf":
        body, content_type, name = exports.vcard_text(people, mailboxes), \
            "text/vcard; charset=utf-8", "danh-ba.vcf"
    elif fmt == "ldif":
        body, content_type, name = exports.ldif_text(people, mailboxes), \
            "text/x-ldif; charset=utf-8", "danh-ba.ldif"
    else:
        body, content_type, name = exports.zmprov_text(people, mailboxes), \
            "text/plain; charset=utf-8", "zimbra-tao-tai-khoan.zmp"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
