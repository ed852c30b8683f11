"""Admin screens of signing: the installation's trusted certificate authorities (superusers
only) and each agency's signing certificate (its IT administrators and superusers). Both
sit in the e-office's menu."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from plugins.core.admin.scoping import AgencyScopedModelViewSet
from plugins.eoffice.exchange.signing.models import AgencySigningCertificate, TrustedAuthority
from plugins.eoffice.exchange.signing.permissions import it_admin_agency_ids

_MENU_HOOK = "register_eoffice_menu_item"  # the e-office's submenu (plugins.eoffice.documents)


class TrustedAuthorityViewSet(ModelViewSet):
    name = "eoffice_trusted_ca"
    url_prefix = "van-phong/to-chuc-chung-thuc"
    model = TrustedAuthority
    icon = "lock"
    menu_label = _("Trusted certificate authorities")
    menu_hook = _MENU_HOOK
    menu_order = 40
    list_display = ["name", "subject", "not_valid_after", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "subject"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["name", "subject", "fingerprint", "not_valid_after", "is_active",
                           "created_at"]


class _ItAdminAgencies:
    """Narrow every screen to the agencies whose IT administrator the user is."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        ids = it_admin_agency_ids(self.request.user)
        return queryset if ids is None else queryset.filter(agency_id__in=ids)

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        ids = it_admin_agency_ids(self.request.user)
        if ids is not None and obj.agency_id not in ids:
            raise Http404
        return obj


def _narrowed(view_class):
    return type(view_class.__name__, (_ItAdminAgencies, view_class), {})


_Base = AgencyScopedModelViewSet


class SigningCertificateViewSet(_Base):
    name = "eoffice_signing_certificate"
    url_prefix = "van-phong/chung-thu-so"
    model = AgencySigningCertificate
    icon = "key"
    menu_label = _("Signing certificates")
    menu_hook = _MENU_HOOK
    menu_order = 41
    list_display = ["agency", "subject", "issuer", "not_valid_after", "uploaded_at"]
    list_select_related = ("agency",)
    search_fields = ["subject", "agency__name"]
    inspect_view_enabled = True
    inspect_view_fields = ["agency", "subject", "organisation", "issuer", "serial",
                           "not_valid_before", "not_valid_after", "uploaded_by", "uploaded_at"]
    index_view_class = _narrowed(_Base.index_view_class)
    edit_view_class = _narrowed(_Base.edit_view_class)
    delete_view_class = _narrowed(_Base.delete_view_class)
    inspect_view_class = _narrowed(_Base.inspect_view_class)
    history_view_class = _narrowed(_Base.history_view_class)
    usage_view_class = _narrowed(_Base.usage_view_class)
