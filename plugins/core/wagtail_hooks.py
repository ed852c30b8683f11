from django.http import Http404
from django.urls import path
from wagtail import hooks

from plugins.core import api, import_jobs
from plugins.core.admin.viewsets import OrganisationViewSetGroup
from plugins.core.files import access
from plugins.core.views.password import password_change


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationViewSetGroup()


@hooks.register("register_admin_urls")
def register_core_admin_urls():
    return [
        path("doi-mat-khau/", password_change, name="core_password_change"),
        path("nhap-du-lieu/<str:job>/", import_jobs.status_view, name="core_import_status"),
    ]


@hooks.register("before_serve_document")
def serve_documents_only_to_those_allowed(document, request):
    """An unpublished or secret page's file is not found for anyone else (R-LD-6)."""
    if not access.may_download(request.user, document):
        raise Http404


# After Wagtail's own registrations (order 0), which list every agency's files.
hooks.register("construct_admin_api", api.scope_admin_api, order=1)
