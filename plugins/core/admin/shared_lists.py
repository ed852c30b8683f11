"""Admin screens of a shared list (:mod:`plugins.core.shared_lists`): national entries and
each agency's own.

:class:`SharedListViewSet` lists the national entries and those of the user's agencies (a
superuser: every entry, with a filter by agency). Staff with the list's permissions add
entries for their own agency only (the agency is required and offers only theirs) and
change or delete only their agencies' entries: a national entry, or another agency's,
answers 403 (another agency's is not even found: 404), and a POST to it changes nothing.
Superusers keep the national entries (an entry without an agency).
"""

from django.core.exceptions import PermissionDenied
from django.forms.models import modelform_factory
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from plugins.core.admin.scoping import AgencyScopedAdminForm, AgencyScopedModelViewSet


class _EditableOnlyMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.model._default_manager.is_editable_by(self.request.user, obj):
            raise PermissionDenied
        return obj


def _editable_only(view_class):
    return type(f"EditableOnly{view_class.__name__}", (_EditableOnlyMixin, view_class), {})


def scope_label(entry):
    return entry.agency.symbol if entry.agency_id else _("National")


class SharedListViewSet(AgencyScopedModelViewSet):
    edit_view_class = _editable_only(AgencyScopedModelViewSet.edit_view_class)
    delete_view_class = _editable_only(AgencyScopedModelViewSet.delete_view_class)
    list_select_related = ("agency",)
    #: The entry's own fields in the form (the agency is added first).
    form_fields = ()
    #: The entry's own columns in the list (its scope is added last).
    list_columns = ()

    @property
    def list_display(self):
        return [*self.list_columns,
                Column("agency", label=_("Scope"), accessor=scope_label)]

    def get_form_class(self, for_update=False):
        return modelform_factory(self.model, form=AgencyScopedAdminForm,
                                 formfield_callback=self.formfield_for_dbfield,
                                 fields=["agency", *self.form_fields])
