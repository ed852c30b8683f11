"""The exchange's admin: its screens here; signed PDFs register their own hooks."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from plugins.core.admin.menu import MenuItem
from plugins.eoffice.documents.signals import DOCUMENT_PANELS_HOOK
from plugins.eoffice.exchange import permissions
from plugins.eoffice.exchange.admin import panels, views
from plugins.eoffice.exchange.admin.viewsets import OrganViewSet
from plugins.eoffice.exchange.signing import wagtail_hooks as signing_hooks  # noqa: F401


@hooks.register("register_admin_urls")
def register_exchange_urls():
    urls = [
        path("van-phong/lien-thong/da-nhan/", views.received, name="received"),
        path("van-phong/lien-thong/da-gui/", views.sent, name="sent"),
        path("van-phong/lien-thong/goi/<int:pk>/", views.envelope_view, name="envelope"),
        path("van-phong/lien-thong/goi/<int:pk>/tiep-nhan/", views.accept, name="accept"),
        path("van-phong/lien-thong/goi/<int:pk>/tu-choi/", views.refuse, name="refuse"),
        path("van-phong/lien-thong/goi/<int:pk>/goi.xml", views.package_file, name="package"),
        path("van-phong/lien-thong/goi/<int:pk>/tep/<int:index>/", views.attachment,
             name="attachment"),
        path("van-phong/lien-thong/gui/<int:pk>/", views.send, name="send"),
        path("van-phong/lien-thong/ky-so/<int:pk>/", views.sign, name="sign"),
        path("van-phong/lien-thong/khoa/", views.keys, name="keys"),
        path("van-phong/lien-thong/khoa/<int:pk>/thu-hoi/", views.revoke_key,
             name="revoke_key"),
    ]
    return [path("", include((urls, "eoffice_exchange"), namespace="eoffice_exchange"))]


@hooks.register("register_admin_viewset")
def register_organ_viewset():
    return OrganViewSet()


@hooks.register(DOCUMENT_PANELS_HOOK)
def exchange_panel(request, document, kind):
    return panels.document_panel(request, document, kind)


@hooks.register(DOCUMENT_PANELS_HOOK)
def signatures_panel(request, document, kind):
    return panels.signatures_panel(request, document, kind)


class _ShownTo(MenuItem):
    def __init__(self, *args, agency_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency_ids = agency_ids

    def shown_to(self, request):
        ids = self.agency_ids(request.user)
        return ids is None or bool(ids)


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request, panels_list):
    """The clerk's dashboard says how many received documents wait to be accepted."""
    from plugins.eoffice.documents.wagtail_hooks import HomePanel
    from plugins.eoffice.exchange.receiving import waiting_count

    ids = permissions.clerk_agency_ids(request.user)
    if ids is None or not ids:
        return
    count = waiting_count(ids)
    if count:
        panels_list.append(HomePanel("eoffice_exchange:waiting", 45,
                                     "eoffice_exchange/admin/waiting_panel.html", count=count))


@hooks.register("register_eoffice_menu_item")
def register_received_menu_item():
    return _ShownTo(_("Received through exchange"), reverse("eoffice_exchange:received"),
                    icon_name="download", order=5, agency_ids=permissions.viewer_agency_ids)


@hooks.register("register_eoffice_menu_item")
def register_sent_menu_item():
    return _ShownTo(_("Sent through exchange"), reverse("eoffice_exchange:sent"),
                    icon_name="upload", order=6, agency_ids=permissions.viewer_agency_ids)


@hooks.register("register_eoffice_menu_item")
def register_keys_menu_item():
    return _ShownTo(_("Exchange keys"), reverse("eoffice_exchange:keys"), icon_name="key",
                    order=40, agency_ids=permissions.key_agency_ids)


class _OrgansMenuItem(MenuItem):
    def shown_to(self, request):
        return request.user.has_perm("eoffice_exchange.view_organ") or \
            request.user.has_perm("eoffice_exchange.change_organ")


@hooks.register("register_eoffice_menu_item")
def register_organs_menu_item():
    return _OrgansMenuItem(_("Organ directory"), reverse("eoffice_exchange_organ:index"),
                           icon_name="site", order=41)
