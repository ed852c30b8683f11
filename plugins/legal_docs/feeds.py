"""RSS and Atom feeds of new documents, honouring the library's filters (R-LD-3)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from plugins.legal_docs.library import library_context

FEED_SIZE = 30


class LegalDocumentsRss(Feed):
    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        # Newest first, whatever sort the list was on; the filters stay.
        request.GET = request.GET.copy()
        request.GET["sort"] = "newest"
        request.GET.pop("page", None)
        self.index_page.per_page = FEED_SIZE
        self.request = request
        return library_context(self.index_page, request)

    def title(self, context):
        return _("New documents — %(library)s") % {"library": self.index_page.title}

    def link(self, context):
        return self.index_page.get_full_url(self.request)

    def description(self, context):
        return _("Legal documents newly published in %(library)s") % {
            "library": self.index_page.title
        }

    def items(self, context):
        return [hit["page"] for hit in context["hits"]]

    def item_title(self, page):
        return f"{page.number} — {page.title}"

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return page.get_full_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_categories(self, page):
        return [page.doc_type.name, page.issuing_body.name]


class LegalDocumentsAtom(LegalDocumentsRss):
    feed_type = Atom1Feed
    subtitle = LegalDocumentsRss.description
