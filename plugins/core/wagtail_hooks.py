from django.urls import path
from wagtail import hooks

from plugins.core import import_jobs
from plugins.core.admin.viewsets import OrganisationViewSetGroup
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
