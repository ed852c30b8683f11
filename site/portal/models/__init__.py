from portal.models.articles import ArticleIndexPage, ArticleKind, ArticlePage, Topic
from portal.models.pages import ContactPage, HomePage, OrganisationPage, StandardPage
from portal.models.weblinks import Weblink, WeblinksPage

__all__ = [
    "ArticleIndexPage",
    "ArticleKind",
    "ArticlePage",
    "ContactPage",
    "HomePage",
    "OrganisationPage",
    "StandardPage",
    "Topic",
    "Weblink",
    "WeblinksPage",
]
