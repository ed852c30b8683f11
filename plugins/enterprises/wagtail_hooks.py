from django.urls import include, path
from wagtail import hooks

from plugins.enterprises import admin


@hooks.register("register_admin_viewset")
def register_enterprise_viewsets():
    return admin.EnterprisesViewSetGroup()


@hooks.register("register_admin_urls")
def register_enterprise_urls():
    urls = [
        path("doanh-nghiep-nhap/", admin.import_view, name="import"),
        path("doanh-nghiep-cap-nhat/", admin.confirm_view, name="confirm"),
    ]
    return [path("", include((urls, "enterprises"), namespace="enterprises"))]
