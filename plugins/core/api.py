"""The Wagtail APIs: the public API v2 of the site, and the admin's own API.

The public documents endpoint lists only what the public may download (:mod:`plugins.core
.files.access`) from the pages of the site the request came in on: an unpublished or secret
document is never listed, nor another agency's. The admin API's documents and images are
those of the collections the user works with (their agency's), as the admin's own listings
show them (R-SEC-2).
"""

from django.db import DatabaseError
from django.utils.translation import gettext as _
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

from plugins.core.files import access
from plugins.core.params import MAX_ID

# Query parameters that name a number: beyond MAX_ID the database overflows (HTTP 500).
NUMBER_PARAMETERS = ("offset", "limit", "id", "child_of", "descendant_of", "ancestor_of",
                     "translation_of")
SEARCH_OPERATORS = ("and", "or")
MAX_SEARCH_LENGTH = 200


def site_pages(site):
    """The pages of ``site``: below its root page and below the root's translations."""
    if site is None:
        return Page.objects.none()
    pages = Page.objects.none()
    for root in site.root_page.get_translations(inclusive=True):
        pages = pages | Page.objects.descendant_of(root, inclusive=True)
    return pages


def check_hostile_parameters(query):
    """Raise BadRequestError (HTTP 400, with a message) for parameters Wagtail's API would
    pass on to the database or the search backend and answer with HTTP 500."""
    for name, values in query.lists():
        for value in values:
            if "\x00" in value or "\x00" in name:
                raise BadRequestError(_("%(name)s: null characters are not allowed.")
                                      % {"name": name[:40]})
    for name in NUMBER_PARAMETERS:
        value = query.get(name, "").strip()
        if value.isascii() and value.isdigit() and int(value) > MAX_ID:
            raise BadRequestError(_("%(name)s is too large (at most %(max)s).")
                                  % {"name": name, "max": MAX_ID})
    operator = query.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError(_("search_operator must be “and” or “or”."))
    search = query.get("search")
    if search is not None:
        if len(search) > MAX_SEARCH_LENGTH:
            raise BadRequestError(_("search is too long (at most %(max)s characters).")
                                  % {"max": MAX_SEARCH_LENGTH})
        if any(ord(char) < 32 for char in search):
            raise BadRequestError(_("search must not contain control characters."))


class HostileParametersMixin:
    """Wagtail API v2 endpoints that answer hostile query strings with HTTP 400 and a
    message: numbers too large for the database, an unknown search operator, a search
    the backend cannot parse."""

    def listing_view(self, request):
        check_hostile_parameters(request.GET)
        return super().listing_view(request)

    def detail_view(self, request, pk):
        check_hostile_parameters(request.GET)
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        # The last guard: a parameter the checks above did not foresee reached the
        # database or the search backend. It is the request that is wrong, not the site.
        if isinstance(exc, (DatabaseError, OverflowError)):
            exc = BadRequestError(_("These parameters cannot be answered."))
        return super().handle_exception(exc)


class SafePagesAPIViewSet(HostileParametersMixin, PagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(HostileParametersMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        site = Site.find_for_request(self.request)
        documents = super().get_queryset()
        public = access.public_documents(documents, pages=site_pages(site))
        # A plain filter on the primary key: the search backend cannot search a queryset
        # filtered on an annotation (?search= answered 500).
        return documents.filter(pk__in=public.values("pk"))


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
api_router.register_endpoint("pages", SafePagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
