"""Agency scoping for admin screens: views and forms of agency-scoped models (R-SEC-2).

A ``ModelViewSet`` for an agency-scoped model subclasses
:class:`AgencyScopedModelViewSet`; its list shows the records of the user's agencies,
every screen that opens one record answers 404 for another agency's record, and every
choice field — in its forms and in its list's filters (:class:`AgencyScopedFiltersMixin`,
also for report views) — offers only records of the user's agencies.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet

from plugins.core.scoping import AgencyQuerySet, users_visible_to


def scope_choices(fields, user):
    """Narrow the choice fields among ``fields`` to the records of ``user``'s agencies and
    the people of those agencies."""
    for field in fields:
        queryset = getattr(field, "queryset", None)
        if isinstance(queryset, AgencyQuerySet):
            field.queryset = queryset.visible_to(user)
        elif queryset is not None and queryset.model is get_user_model():
            field.queryset = queryset.filter(pk__in=users_visible_to(user).values("pk"))


class AgencyScopedFiltersMixin:
    """For an index or report view: its filters offer only the user's agencies' records
    (a unit, a board, a subject area of another agency is not a choice)."""

    @cached_property
    def filters(self):
        filters = super().filters
        if filters is not None:
            scope_choices(filters.form.fields.values(), self.request.user)
        return filters


class AgencyScopedViewMixin(AgencyScopedFiltersMixin):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if isinstance(queryset, AgencyQuerySet):
            return queryset.visible_to(self.request.user)
        # A history list is the log entries of one record: get_object() guards it.
        return queryset

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.model._default_manager.is_visible_to(self.request.user, obj):
            raise Http404
        return obj


def _scoped(view_class):
    return type(f"AgencyScoped{view_class.__name__}", (AgencyScopedViewMixin, view_class), {})


class AgencyScopedModelViewSet(ModelViewSet):
    index_view_class = _scoped(ModelViewSet.index_view_class)
    edit_view_class = _scoped(ModelViewSet.edit_view_class)
    delete_view_class = _scoped(ModelViewSet.delete_view_class)
    history_view_class = _scoped(ModelViewSet.history_view_class)
    usage_view_class = _scoped(ModelViewSet.usage_view_class)
    inspect_view_class = _scoped(ModelViewSet.inspect_view_class)
    copy_view_enabled = False
    # Search the listed fields with the ORM (icontains): these are small tables.
    search_backend_name = None
    #: Relations the list shows, fetched with the list in one query.
    list_select_related = ()

    def get_index_view_kwargs(self, **kwargs):
        if self.list_select_related:
            kwargs.setdefault(
                "queryset", self.model._default_manager.select_related(*self.list_select_related)
            )
        return super().get_index_view_kwargs(**kwargs)


class _ScopedRowMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(self, "for_user", None) is not None:
            scope_choices(self.fields.values(), self.for_user)


_scoped_rows = {}


def _scoped_row_form(form_class):
    """``form_class`` (an inline panel's row form) narrowed like the form it sits in."""
    if issubclass(form_class, _ScopedRowMixin):
        return form_class
    if form_class not in _scoped_rows:
        _scoped_rows[form_class] = type(form_class)(
            f"AgencyScoped{form_class.__name__}", (_ScopedRowMixin, form_class), {})
    return _scoped_rows[form_class]


class AgencyScopedAdminForm(WagtailAdminModelForm):
    """Offers, in every choice of an agency-scoped model, only the user's agencies' records,
    and in every choice of a person only the people of the user's agencies (and whoever the
    record already names)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        for formset in getattr(self, "formsets", {}).values():
            # Wagtail's inline panels do not hand the user down to their row forms (rows
            # are built on first use, the empty row anew each time): give it to them, and
            # rows that narrow their choices.
            formset.form = _scoped_row_form(formset.form)
            formset.form_kwargs = {**formset.form_kwargs, "for_user": self.for_user}
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if isinstance(queryset, AgencyQuerySet):
                field.queryset = queryset.visible_to(self.for_user)
            elif queryset is not None and queryset.model is get_user_model():
                field.queryset = queryset.filter(
                    Q(pk__in=users_visible_to(self.for_user).values("pk"))
                    | Q(pk__in=self._chosen_ids(name)))
        agency_field = self.fields.get("agency")
        if agency_field is not None and not self.for_user.is_superuser:
            # Only a superuser may leave a record without an agency (national scope).
            agency_field.required = True
            self._preselect_only_agency(agency_field)

    def _chosen_ids(self, name):
        if self.instance.pk is None:
            return []
        value = self.initial.get(name)
        if value is None:
            return []
        values = value if isinstance(value, (list, tuple)) else [value]
        return [getattr(item, "pk", item) for item in values]

    def _preselect_only_agency(self, field):
        choices = list(field.queryset[:2])
        if len(choices) == 1 and not self.instance.pk:
            self.initial.setdefault("agency", choices[0].pk)


def pages_for_user(user, page_model, permission="add"):
    """The pages of ``page_model`` in the user's agencies' sites on which ``user`` holds the
    page ``permission`` (for example the libraries an import screen may fill).

    Built from the group page permissions Wagtail keeps on the user for the request and
    the agencies' site roots: one query when it is evaluated (the import items of the
    admin menu ask on every page), none to build it.
    """
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from plugins.core.scoping import agency_ids_for_user

    if not user.is_active:
        return page_model.objects.none()
    pages = page_model.objects.all()
    if not user.is_superuser:
        codename = f"{permission}_page"
        granted = {perm.page.path
                   for perm in PagePermissionPolicy().get_cached_permissions_for_user(user)
                   if perm.permission.codename == codename}
        pages = pages.filter(_under(granted))
    agency_ids = agency_ids_for_user(user)
    if agency_ids is None:
        return pages
    return pages.filter(_under(_site_root_paths(user, agency_ids)))


def _under(paths):
    """The pages at or below any of ``paths`` (no page when there is none)."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def _site_root_paths(user, agency_ids):
    """The root pages' paths of the sites of ``agency_ids``, read once a request."""
    from plugins.core.models import Agency

    cache = user.__dict__.setdefault("_core_site_root_paths", {})
    key = frozenset(agency_ids)
    if key not in cache:
        cache[key] = frozenset(path for path in Agency.objects.filter(pk__in=agency_ids)
                               .values_list("site__root_page__path", flat=True) if path)
    return cache[key]
