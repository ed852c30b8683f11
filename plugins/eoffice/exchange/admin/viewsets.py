"""The organ directory: organs outside this installation and their transports. It serves
every agency of the installation, so superusers keep it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from plugins.eoffice.exchange.models import Organ


class OrganViewSet(ModelViewSet):
    name = "eoffice_exchange_organ"
    url_prefix = "van-phong/lien-thong/co-quan"
    model = Organ
    icon = "site"
    menu_label = _("Organ directory")
    add_to_admin_menu = False
    list_display = ["name", "organ_id", "transport", "endpoint_url", "is_active"]
    list_filter = ["transport", "is_active"]
    search_fields = ["name", "organ_id"]
    search_backend_name = None
    copy_view_enabled = False
    form_fields = ["organ_id", "name", "transport", "endpoint_url", "endpoint_key",
                   "is_active"]
