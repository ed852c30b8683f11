"""Admin screens of the directory (R-EM-1…5): people, mailboxes, handovers, naming policies.

Lists are scoped to the user's agencies (core); writing is for the keepers of each
agency's directory, its IT unit (:mod:`..permissions`). Lists of people and mailboxes
filter by unit and kind and have bulk actions; every change is logged by Wagtail (who,
when) and kept field by field by django-simple-history (what), shown on each record's
inspect page.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, BulkActionsCheckboxColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button

from plugins.core.admin.scoping import AgencyScopedModelViewSet
from plugins.core.models import Agency, Unit
from plugins.email_directory.admin.views import (
    HistoryInspectMixin,
    SuggestionMessageMixin,
)
from plugins.email_directory.models import (
    AddressPolicy,
    DirectoryEntry,
    HandoverStatus,
    Mailbox,
    MailboxHandover,
    MailboxKind,
)
from plugins.email_directory.permissions import keeper_agency_ids


def _visible_units(request):
    return Unit.objects.visible_to(request.user).select_related("agency") if request else (
        Unit.objects.none())


def _visible_agencies(request):
    return Agency.objects.visible_to(request.user) if request else Agency.objects.none()


class UnitChoiceFilter(django_filters.ModelChoiceFilter):
    """A unit, and the units under it."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        from plugins.email_directory.search_index import subtree_ids

        ids = subtree_ids(value)
        if queryset.model is DirectoryEntry:
            return queryset.in_units(ids)
        return queryset.filter(unit_id__in=ids)


class DirectoryEntryFilterSet(WagtailFilterSet):
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=_visible_agencies)
    unit = UnitChoiceFilter(label=_("Unit"), queryset=_visible_units)
    is_published = django_filters.BooleanFilter(label=_("Published in the directory"))
    has_mailbox = django_filters.BooleanFilter(
        label=_("Has an official email"), field_name="mailbox", lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = DirectoryEntry
        fields = ["agency", "unit", "is_published"]


class MailboxFilterSet(WagtailFilterSet):
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=_visible_agencies)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MailboxKind.choices)
    unit = UnitChoiceFilter(label=_("Unit"), queryset=_visible_units)
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Mailbox
        fields = ["agency", "kind", "unit", "is_active"]


class BulkIndexMixin:
    """A checkbox per row and Wagtail's bulk action bar (as snippets have)."""

    template_name = "email_directory/admin/index.html"
    bulk_obj_type = "directory"

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type=self.bulk_obj_type),
                *super().columns]

    def _get_title_column(self, *args, **kwargs):
        return super()._get_title_column(
            *args, **kwargs,
            get_title_id=lambda instance: f"{self.bulk_obj_type}_{instance.pk}_title",
        )


class KeeperChecksMixin:
    """Opening a record to change or delete it needs the keeper's role in its agency."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        action = "delete" if self.permission_required == "delete" else "change"
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, obj
        ):
            raise PermissionDenied
        return obj


def _with(mixin, view_class):
    return type(view_class.__name__, (mixin, view_class), {})


_Base = AgencyScopedModelViewSet


class DirectoryViewSet(_Base):
    """Agency-scoped screens whose writes go to the keepers of the record's agency."""

    inspect_view_enabled = True
    edit_view_class = _with(KeeperChecksMixin, _Base.edit_view_class)
    delete_view_class = _with(KeeperChecksMixin, _Base.delete_view_class)
    inspect_view_class = _with(HistoryInspectMixin, _Base.inspect_view_class)


class EntryIndexMixin(BulkIndexMixin):
    bulk_obj_type = "person"

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if keeper_agency_ids(self.request.user) != frozenset():
            buttons += [
                Button(_("Add staff from positions"), url=reverse("email_directory:staff"),
                       icon_name="user", priority=10),
                Button(_("Import a list"), url=reverse("email_directory:import"),
                       icon_name="upload", priority=20),
            ]
        query = self.request.GET.urlencode()
        for fmt, label in EXPORT_LABELS:
            url = reverse("email_directory:export", args=[fmt])
            buttons.append(Button(label, url=f"{url}?{query}" if query else url,
                                  icon_name="download", priority=30))
        return buttons


EXPORT_LABELS = [
    ("xlsx", _("Export XLSX")), ("ods", _("Export ODS")), ("csv", _("Export CSV")),
    ("vcf", _("Export vCard")), ("ldif", _("Export LDIF")), ("zmprov", _("Export for Zimbra")),
]


class EmailColumn(Column):
    def get_value(self, instance):
        return instance.email


class DirectoryEntryViewSet(DirectoryViewSet):
    name = "email_directory_entry"
    url_prefix = "danh-ba/can-bo"
    model = DirectoryEntry
    icon = "user"
    menu_label = _("People")
    list_display = [
        "__str__",
        Column("job_title", label=_("Job title")),
        Column("resolved_unit", label=_("Unit")),
        EmailColumn("email", label=_("Official email")),
        BooleanColumn("is_published", label=_("Published in the directory")),
    ]
    filterset_class = DirectoryEntryFilterSet
    search_fields = ["full_name", "title", "position__user__first_name",
                     "position__user__last_name", "position__title", "mailbox__address"]
    list_select_related = ("unit", "position__user", "position__unit", "mailbox", "agency")
    ordering = ["agency", "sort_order", "full_name"]

    index_view_class = _with(EntryIndexMixin, _Base.index_view_class)
    add_view_class = _with(SuggestionMessageMixin, _Base.add_view_class)
    edit_view_class = _with(SuggestionMessageMixin, DirectoryViewSet.edit_view_class)


class MailboxIndexMixin(BulkIndexMixin):
    bulk_obj_type = "mailbox"


class MailboxViewSet(DirectoryViewSet):
    name = "email_directory_mailbox"
    url_prefix = "danh-ba/hop-thu"
    model = Mailbox
    icon = "mail"
    menu_label = _("Mailboxes")
    list_display = ["address", "kind", Column("label", label=_("Name")), "holder",
                    BooleanColumn("is_active", label=_("Active")),
                    BooleanColumn("is_published", label=_("Published in the directory"))]
    filterset_class = MailboxFilterSet
    search_fields = ["address", "aliases", "display_name"]
    list_select_related = ("unit", "agency", "person__position__user", "holder__position__user")

    index_view_class = _with(MailboxIndexMixin, _Base.index_view_class)


class HandoverCreateMixin:
    """A handover is recorded through the service: its from-holder is the mailbox's."""

    def save_instance(self):
        from plugins.email_directory import handover

        data = self.form.cleaned_data
        return handover.record(data["mailbox"], data["to_holder"], data["handover_date"],
                               self.request.user, note=data.get("note", ""))


class HandoverListMixin:
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if instance.status == HandoverStatus.PENDING:
            buttons.append(MenuItem(gettext("Confirm"),
                                    url=reverse("email_directory:handover_confirm",
                                                args=[instance.pk]),
                                    icon_name="tick", priority=5))
        return buttons


class HandoverViewSet(DirectoryViewSet):
    name = "email_directory_handover"
    url_prefix = "danh-ba/ban-giao"
    model = MailboxHandover
    icon = "resubmit"
    menu_label = _("Mailbox handovers")
    list_display = ["mailbox", "from_holder", "to_holder", "handover_date", "status"]
    list_filter = ["status"]
    list_select_related = ("mailbox", "from_holder__position__user", "to_holder__position__user")

    add_view_class = _with(HandoverCreateMixin, _Base.add_view_class)
    index_view_class = _with(HandoverListMixin, _Base.index_view_class)


class AddressPolicyViewSet(DirectoryViewSet):
    name = "email_directory_policy"
    url_prefix = "danh-ba/quy-tac-dat-ten"
    model = AddressPolicy
    icon = "cog"
    menu_label = _("Naming policies")
    list_display = ["agency", "scheme", "domain", "suffix"]
    list_select_related = ("agency",)


class EmailDirectoryViewSetGroup(ViewSetGroup):
    menu_label = _("Email directory")
    menu_icon = "mail"
    menu_order = 240
    items = (DirectoryEntryViewSet, MailboxViewSet, HandoverViewSet, AddressPolicyViewSet)

