"""Admin screens of the enterprise directory: the enterprises, the zones and the fields of
business (shared lists of the core), the import and "the data is up to date".

Lists are scoped to the user's agencies (core); writing is for the keepers of each agency's
directory (:mod:`.permissions`). Every change is logged by Wagtail (who, when) and kept
field by field by django-simple-history.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import HeaderButton

from plugins.core.admin.scoping import AgencyScopedAdminForm, AgencyScopedModelViewSet
from plugins.core.admin.shared_lists import SharedListViewSet
from plugins.core.imports.forms import ImportUploadForm, Upload
from plugins.core.imports.views import ImportView
from plugins.core.models import Agency
from plugins.core.tabular import read_table
from plugins.enterprises.columns import COLUMNS
from plugins.enterprises.importer import TABLE_FORMATS, validate
from plugins.enterprises.models import Enterprise, EnterpriseStatus, Industry, Zone
from plugins.enterprises.permissions import keeper_agency_ids
from plugins.enterprises.register import brought_up_to_date, last_update

MAX_UPLOAD_MB = 10


def _visible(model):
    def queryset(request):
        return model.objects.visible_to(request.user) if request else model.objects.none()

    return queryset


class EnterpriseFilterSet(WagtailFilterSet):
    agency = django_filters.ModelChoiceFilter(label=gettext_lazy("Agency"),
                                              queryset=_visible(Agency))
    zone = django_filters.ModelChoiceFilter(label=gettext_lazy("Zone"), queryset=_visible(Zone))
    industry = django_filters.ModelChoiceFilter(label=gettext_lazy("Field of business"),
                                                queryset=_visible(Industry))
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"),
                                         choices=EnterpriseStatus.choices)
    is_published = django_filters.BooleanFilter(
        label=gettext_lazy("Shown on the public directory"))

    class Meta:
        model = Enterprise
        fields = ["agency", "zone", "industry", "status", "is_published"]


class EnterpriseForm(AgencyScopedAdminForm):
    """The agency of a record is one the user keeps the enterprises of."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("agency")
        ids = keeper_agency_ids(self.for_user) if self.for_user is not None else None
        if field is not None and ids is not None:
            field.queryset = field.queryset.filter(pk__in=ids)
            if not self.instance.pk and len(ids) == 1:
                self.initial["agency"] = next(iter(ids))


class KeeperChecksMixin:
    """Opening a record to change or delete it needs a keeper's role in its agency."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        action = "delete" if self.permission_required == "delete" else "change"
        if not self.permission_policy.user_has_permission_for_instance(
                self.request.user, action, obj):
            raise PermissionDenied
        return obj


class DatedBySaverMixin:
    """Saving an enterprise dates the agency's data with who saved it."""

    def save_instance(self):
        instance = super().save_instance()
        brought_up_to_date(instance.agency_id, self.request.user)
        return instance


class EnterpriseIndexView(AgencyScopedModelViewSet.index_view_class):
    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *index_buttons(self.request.user)]


class EnterpriseViewSet(AgencyScopedModelViewSet):
    name = "enterprises_enterprise"
    url_prefix = "doanh-nghiep"
    model = Enterprise
    icon = "site"
    menu_label = gettext_lazy("Enterprises")
    list_display = ["name", "tax_code_display", "zone", "industry", "status", "agency"]
    list_select_related = ("zone", "industry", "agency")
    filterset_class = EnterpriseFilterSet
    search_fields = ["name", "english_name", "short_name", "tax_code", "address"]
    list_export = ["name", "english_name", "short_name", "tax_code_display", "address", "zone",
                   "industry", "legal_representative", "phone", "email", "website",
                   "registered_on", "status_label", "products", "is_published"]
    inspect_view_enabled = True
    add_to_admin_menu = False

    index_view_class = EnterpriseIndexView
    add_view_class = type("EnterpriseAddView",
                          (DatedBySaverMixin, AgencyScopedModelViewSet.add_view_class), {})
    edit_view_class = type("EnterpriseEditView",
                           (KeeperChecksMixin, DatedBySaverMixin,
                            AgencyScopedModelViewSet.edit_view_class), {})
    delete_view_class = type("EnterpriseDeleteView",
                             (KeeperChecksMixin, AgencyScopedModelViewSet.delete_view_class), {})

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(Enterprise.panels, base_form_class=EnterpriseForm
                          ).bind_to_model(Enterprise)


class ZoneViewSet(SharedListViewSet):
    name = "enterprises_zone"
    url_prefix = "doanh-nghiep/khu-cum-cong-nghiep"
    model = Zone
    icon = "globe"
    menu_label = gettext_lazy("Zones")
    add_to_admin_menu = False
    list_columns = ["name", "sort_order"]
    search_fields = ["name"]
    form_fields = ["name", "sort_order"]


class IndustryViewSet(SharedListViewSet):
    name = "enterprises_industry"
    url_prefix = "doanh-nghiep/nganh-nghe"
    model = Industry
    icon = "tag"
    menu_label = gettext_lazy("Fields of business")
    add_to_admin_menu = False
    list_columns = ["name", "sort_order"]
    search_fields = ["name"]
    form_fields = ["name", "sort_order"]


class EnterprisesViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Enterprises")
    menu_icon = "site"
    menu_order = 245
    items = (EnterpriseViewSet, ZoneViewSet, IndustryViewSet)


# --- Import -----------------------------------------------------------------------------


def keeper_agencies(user):
    ids = keeper_agency_ids(user)
    agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)
    return agencies.order_by("name")


class AgencyForm(forms.Form):
    agency = forms.ModelChoiceField(label=gettext_lazy("Agency"), queryset=Agency.objects.none())

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if agencies is not None and len(agencies[:2]) == 1:
            self.fields["agency"].initial = agencies[0].pk


class ImportForm(ImportUploadForm, AgencyForm):
    table = forms.FileField(
        label=gettext_lazy("CSV, XLSX or ODS file"),
        help_text=gettext_lazy("One row per enterprise; a tax code already in the directory "
                               "updates that enterprise. Columns: %(columns)s.")
        % {"columns": ", ".join(aliases[0] for aliases in COLUMNS.values())},
    )
    uploads = {"table": Upload(TABLE_FORMATS, MAX_UPLOAD_MB,
                               gettext_lazy("Only CSV, XLSX and ODS files can be imported."))}


class EnterpriseImportView(ImportView):
    def allowed(self):
        self.agencies = keeper_agencies(self.request.user)
        return self.agencies.exists()

    def get_form_kwargs(self):
        return {"agencies": self.agencies}

    def check(self, form, content, filename):
        agency = form.cleaned_data["agency"]
        rows = validate(read_table(content, filename, TABLE_FORMATS), agency)
        return len(rows), {"agency_id": agency.pk}


import_view = EnterpriseImportView.as_view(
    form_class=ImportForm, title=gettext_lazy("Import enterprises"),
    url_name="enterprises:import", importer="plugins.enterprises.importer.run_import")


# --- "The data is up to date" ------------------------------------------------------------


def confirm_view(request):
    """A keeper records that the agency's enterprise data was checked and is up to date
    (seed 001 Đ8.4), without changing a record."""
    agencies = keeper_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied
    form = AgencyForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        brought_up_to_date(agency.pk, request.user)
        messages.success(request, _("The enterprise data of %(agency)s is recorded as up to "
                                    "date.") % {"agency": agency.name})
        return redirect("enterprises_enterprise:index")
    return TemplateResponse(request, "enterprises/admin/confirm.html", {
        "page_title": _("Enterprise data up to date"), "form": form,
        "updates": [(agency, last_update(agency.pk)) for agency in agencies[:20]],
    })


def index_buttons(user):
    """The buttons of the enterprise list's header, for the keepers."""
    if not keeper_agencies(user).exists():
        return []
    return [
        HeaderButton(_("Import"), url=reverse("enterprises:import"), icon_name="upload"),
        HeaderButton(_("Data up to date"), url=reverse("enterprises:confirm"),
                     icon_name="tick"),
    ]
