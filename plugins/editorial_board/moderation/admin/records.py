"""Editorial information of any page, set from the admin (pages without the metadata mixin)."""

from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.models import Page

from plugins.core.admin.scoping import AgencyScopedModelViewSet
from plugins.editorial_board.models import EditorialRecord
from plugins.editorial_board.moderation.forms import EditorialRecordForm


class EditorialRecordViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_record"
    url_prefix = "ban-bien-tap/thong-tin"
    model = EditorialRecord
    icon = "form"
    menu_label = _("Editorial information")
    list_display = [
        TitleColumn("title", label=_("Page"), accessor="page.title",
                    url_name="editorial_board_record:edit"),
        Column("unit", label=_("Unit")),
        Column("kind", label=_("Kind of information"), accessor="get_kind_display"),
        DateColumn("published_at", label=_("First published at")),
    ]
    list_filter = ["kind", "unit", "published_directly"]
    list_select_related = ("page", "unit")
    search_fields = ["page__title"]
    ordering = ["-page__latest_revision_created_at"]

    def get_edit_handler(self):
        return ObjectList(EditorialRecord.panels, base_form_class=EditorialRecordForm
                          ).bind_to_model(EditorialRecord)


def record_for_page(request, page_id):
    """Open (creating it if needed) the editorial information of a page."""
    from plugins.editorial_board.moderation import records

    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return redirect("editorial_board_record:edit", records.sync(page).pk)
