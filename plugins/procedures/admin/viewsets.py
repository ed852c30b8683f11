"""Admin screens: the list of fields (lĩnh vực) procedures are classified by — national
fields, kept by superusers, and each agency's own, kept by its IT administrator."""

from django.utils.translation import gettext_lazy as _

from plugins.core.admin.shared_lists import SharedListViewSet
from plugins.procedures.models import ProcedureField


class ProcedureFieldViewSet(SharedListViewSet):
    name = "procedures_field"
    url_prefix = "thu-tuc/linh-vuc"
    model = ProcedureField
    icon = "folder-open-inverse"
    menu_label = _("Procedure fields")
    add_to_admin_menu = False
    list_columns = ["name", "code", "sort_order"]
    search_fields = ["name", "code"]
    form_fields = ["name", "code", "sort_order"]
