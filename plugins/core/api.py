"""The Wagtail APIs: the public API v2 of the site, and the admin's own API.

The public documents endpoint lists only what the public may download (:mod:`plugins.core
.files.access`) from the pages of the site the request came in on: an unpublished or secret
document is never listed, nor another agency's. The admin API's documents and images are
those of the collections the user works with (their agency's), as the admin's own listings
show them (R-SEC-2).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

from plugins.core.files import access


def site_pages(site):
    """The pages of ``site``: below its root page and below the root's translations."""
    if site is None:
        return Page.objects.none()
    pages = Page.objects.none()
    for root in site.root_page.get_translations(inclusive=True):
        pages = pages | Page.objects.descendant_of(root, inclusive=True)
    return pages


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        site = Site.find_for_request(self.request)
        return access.public_documents(super().get_queryset(), pages=site_pages(site))


class _OwnCollectionsMixin:
    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        allowed = policy.instances_user_has_any_permission_for(
            self.request.user, access.COLLECTION_ACTIONS)
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class OwnDocumentsAdminAPIViewSet(_OwnCollectionsMixin, DocumentsAdminAPIViewSet):
    pass


class OwnImagesAdminAPIViewSet(_OwnCollectionsMixin, ImagesAdminAPIViewSet):
    pass


def scope_admin_api(router):
    """The ``construct_admin_api`` hook (run after Wagtail's own registrations)."""
    router.register_endpoint("documents", OwnDocumentsAdminAPIViewSet)
    router.register_endpoint("images", OwnImagesAdminAPIViewSet)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
