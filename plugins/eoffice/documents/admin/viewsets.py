"""The e-office's menu: inbox, incoming and outgoing documents, registers, dossiers.

Lists are Wagtail viewsets over what :mod:`..access` lets the user see; documents change
only through the services (the inspect page's action buttons), never through a generic
edit form. Registers are kept by the agency's clerks and IT administrators."""

import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button

from plugins.core.admin.scoping import AgencyScopedModelViewSet
from plugins.core.models import Role
from plugins.eoffice.documents import access
from plugins.eoffice.documents.admin.views import inspect_context
from plugins.eoffice.documents.models import (
    DossierState,
    IncomingDocument,
    IncomingState,
    OutgoingDocument,
    OutgoingState,
    Register,
    Secrecy,
    Urgency,
    WorkDossier,
)
from plugins.eoffice.documents.search import search


class _ObjectChecks:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(
                self.request.user, "change", obj):
            raise PermissionDenied
        return obj


def _with(mixin, view_class):
    return type(view_class.__name__, (mixin, view_class), {})


_Base = AgencyScopedModelViewSet


class RegisterViewSet(_Base):
    name = "eoffice_register"
    url_prefix = "van-phong/so-van-ban"
    model = Register
    icon = "list-ul"
    menu_label = _("Registers")
    list_display = ["name", "kind", "is_secret", "is_default", "is_active", "agency"]
    list_filter = ["kind", "is_secret", "is_active"]
    list_select_related = ("agency",)
    search_fields = ["name"]
    edit_view_class = _with(_ObjectChecks, _Base.edit_view_class)



# --- Incoming -----------------------------------------------------------------------


def _visible_registers(request):
    if request is None:
        return Register.objects.none()
    return Register.objects.visible_to(request.user).select_related("agency")


class IncomingFilterSet(WagtailFilterSet):
    register = django_filters.ModelChoiceFilter(label=_("Register"),
                                                queryset=_visible_registers)
    state = django_filters.ChoiceFilter(label=_("State"), choices=IncomingState.choices)
    urgency = django_filters.ChoiceFilter(label=_("Urgency"), choices=Urgency.choices)
    secrecy = django_filters.ChoiceFilter(label=_("Secrecy"), choices=Secrecy.choices)
    year = django_filters.NumberFilter(label=_("Year"))
    arrived_at = django_filters.DateFromToRangeFilter(label=_("Arrival date"))

    class Meta:
        model = IncomingDocument
        fields = ["register", "state", "urgency", "secrecy", "year"]


class FoldedSearchMixin:
    """Search number, trích yếu and sender without accents (:mod:`...search`, core's query
    language)."""

    search_fields = ["subject"]  # enables the search box; the search itself is below

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search(queryset, self.search_query)


class IncomingIndexMixin(FoldedSearchMixin):
    def get_base_queryset(self):
        return access.incoming_visible_to(self.request.user, super().get_base_queryset())

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.is_superuser or access.role_agency_ids(self.request.user,
                                                                    Role.CLERK):
            buttons.append(Button(_("Register an incoming document"),
                                  url=reverse("eoffice:register_incoming"), icon_name="plus",
                                  priority=5))
        return buttons


class IncomingInspectMixin:
    template_name = "eoffice_documents/admin/incoming_inspect.html"
    kind = "incoming"

    def get_object(self, queryset=None):
        from django.shortcuts import get_object_or_404

        visible = (access.incoming_visible_to if self.kind == "incoming"
                   else access.outgoing_visible_to)(self.request.user)
        return get_object_or_404(visible.select_related("agency", "register"), pk=self.pk)

    def get_fields(self):
        return self.inspect_fields

    def get_field_display_value(self, field_name, field):
        """What a person reads: names of people, yes or no, a dash for nothing."""
        from django.contrib.auth import get_user_model

        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.datetime):  # in the office's time, day first
            return timezone.localtime(value).strftime("%H:%M %d/%m/%Y")
        if isinstance(value, get_user_model()):
            return value.get_full_name() or value.get_username()
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if value is None or value == "" or value == "-":
            return "—"
        return value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(inspect_context(self.request, self.object, self.kind))
        return context


class ArrivalNumberColumn(Column):
    def get_value(self, instance):
        number = f"{instance.arrival_number:02d}"
        if instance.outage_id:  # R-EO-17: its number follows its entry, not its arrival
            return f"{number} ({_('entered after outage')})"
        return number


class IncomingViewSet(_Base):
    name = "eoffice_incoming"
    url_prefix = "van-phong/van-ban-den"
    model = IncomingDocument
    icon = "download"
    menu_label = _("Incoming documents")
    inspect_view_enabled = True
    form_fields = ["subject"]  # never edited here: the generic edit is refused (ReadOnlyPolicy)
    list_display = [ArrivalNumberColumn("arrival_number", label=_("Arrival number")),
                    "arrived_at", "sender_name",
                    TitleColumn("number_notation", label=_("Number and notation"),
                                url_name="eoffice_incoming:inspect"),
                    "subject", "urgency",
                    "state", "deadline"]
    filterset_class = IncomingFilterSet
    list_select_related = ("register", "agency")
    ordering = ["-arrived_at", "-arrival_number"]
    inspect_fields = ["register", "arrival_number", "arrived_at", "sender_name",
                      "number_notation", "issue_date", "type_code", "subject", "urgency",
                      "secrecy", "page_count", "source", "signer_name", "area", "state",
                      "deadline", "result", "dossier"]
    index_view_class = _with(IncomingIndexMixin, _Base.index_view_class)
    inspect_view_class = type("IncomingInspectView", (IncomingInspectMixin,
                                                      _Base.inspect_view_class),
                              {"inspect_fields": inspect_fields})



# --- Outgoing -----------------------------------------------------------------------


class OutgoingFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=OutgoingState.choices)
    urgency = django_filters.ChoiceFilter(label=_("Urgency"), choices=Urgency.choices)
    secrecy = django_filters.ChoiceFilter(label=_("Secrecy"), choices=Secrecy.choices)
    year = django_filters.NumberFilter(label=_("Year"))

    class Meta:
        model = OutgoingDocument
        fields = ["state", "urgency", "secrecy", "year"]


class OutgoingIndexMixin(FoldedSearchMixin):
    def get_base_queryset(self):
        return access.outgoing_visible_to(self.request.user, super().get_base_queryset())

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons,
                Button(_("New outgoing draft"), url=reverse("eoffice:new_draft"),
                       icon_name="plus", priority=5)]


class OutgoingViewSet(_Base):
    name = "eoffice_outgoing"
    url_prefix = "van-phong/van-ban-di"
    model = OutgoingDocument
    icon = "upload"
    menu_label = _("Outgoing documents")
    inspect_view_enabled = True
    form_fields = ["subject"]  # never edited here: the generic edit is refused (ReadOnlyPolicy)
    list_display = ["__str__", "drafting_unit", "state", "urgency", "review_due_at",
                    "issue_date"]
    filterset_class = OutgoingFilterSet
    list_select_related = ("drafting_unit", "agency")
    inspect_fields = ["register", "number_notation", "type_code", "subject", "drafting_unit",
                      "author", "proposed_signer", "urgency", "secrecy", "is_normative",
                      "state", "review_due_at", "in_reply_to", "recipient_agencies",
                      "recipient_units", "external_recipients", "signing_prefix", "signer",
                      "signer_title", "issue_date", "copies", "withdrawn_note", "body_text"]
    index_view_class = _with(OutgoingIndexMixin, _Base.index_view_class)
    inspect_view_class = type("OutgoingInspectView", (IncomingInspectMixin,
                                                      _Base.inspect_view_class),
                              {"inspect_fields": inspect_fields, "kind": "outgoing",
                               "template_name":
                                   "eoffice_documents/admin/outgoing_inspect.html"})



# --- Dossiers -----------------------------------------------------------------------


def _visible_units(request):
    from plugins.core.models import Unit

    if request is None:
        return Unit.objects.none()
    return Unit.objects.visible_to(request.user).select_related("agency")


class DossierFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=_visible_units)
    state = django_filters.ChoiceFilter(label=_("State"), choices=DossierState.choices)
    year = django_filters.NumberFilter(label=_("Year"))

    class Meta:
        model = WorkDossier
        fields = ["unit", "state", "year"]


class DossierInspectMixin:
    template_name = "eoffice_documents/admin/dossier_inspect.html"

    def get_fields(self):
        return ["unit", "year", "code", "title", "keeper", "retention", "state", "opened_at",
                "closed_at", "handed_over_at"]

    def get_context_data(self, **kwargs):
        from plugins.eoffice.documents.admin.dossier_views import dossier_documents
        from plugins.eoffice.documents.services.dossiers import may_manage

        context = super().get_context_data(**kwargs)
        incoming, outgoing, hidden = dossier_documents(self.request.user, self.object)
        context.update(incoming_documents=incoming, outgoing_documents=outgoing,
                       hidden_count=hidden,
                       may_close=not self.object.is_closed and may_manage(self.request.user,
                                                                           self.object))
        return context


class DossierIndexMixin:
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons,
                Button(_("Hand-over list for the archive"),
                       url=reverse("eoffice:dossier_handover"), icon_name="list-ul",
                       priority=10)]


class DossierViewSet(_Base):
    name = "eoffice_dossier"
    url_prefix = "van-phong/ho-so"
    model = WorkDossier
    icon = "folder-open-inverse"
    menu_label = _("Work dossiers")
    inspect_view_enabled = True
    list_display = ["code", "title", "unit", "year", "retention", "state"]
    filterset_class = DossierFilterSet
    list_select_related = ("unit",)
    search_fields = ["title", "code"]
    index_view_class = _with(DossierIndexMixin, _Base.index_view_class)
    edit_view_class = _with(_ObjectChecks, _Base.edit_view_class)
    inspect_view_class = _with(DossierInspectMixin, _Base.inspect_view_class)


class EofficeViewSetGroup(ViewSetGroup):
    menu_label = _("E-office")
    menu_icon = "mail"
    menu_order = 150
    submenu_hook = "register_eoffice_menu_item"  # other e-office features add their items
    items = (IncomingViewSet, OutgoingViewSet, DossierViewSet, RegisterViewSet)


__all__ = ["EofficeViewSetGroup"]
