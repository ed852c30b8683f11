"""Admin screens: the list of fields (lĩnh vực) procedures are classified by."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from plugins.procedures.models import ProcedureField


class ProcedureFieldViewSet(ModelViewSet):
    name = "procedures_field"
    url_prefix = "thu-tuc/linh-vuc"
    model = ProcedureField
    icon = "folder-open-inverse"
    menu_label = _("Procedure fields")
    add_to_admin_menu = False
    list_display = ["name", "code", "sort_order"]
    search_fields = ["name", "code"]
    search_backend_name = None
    form_fields = ["name", "code", "sort_order"]
    copy_view_enabled = False
