"""English versions of the first demo agency's main pages (R-ED-16, seed 000 Điều 8.1b).

Made the way an editor makes them: Wagtail's "Translate" (``copy_for_translation``) copies
the Vietnamese page into the English tree, keeping its ``translation_key``; the English
text replaces the Vietnamese and the version is published. Idempotent: a page that already
has its English version is left alone.
"""

from wagtail.models import Locale, Page

from portal.demo import ARTICLES
from portal.models import ArticlePage, HomePage

AGENCY_KEY = "bql"
AGENCY_NAME = "Management Board of Tien Giang Industrial Zones"
_BODY = (
    "The Management Board of Tien Giang Industrial Zones invites enterprises and investors to "
    "follow the information on this website and to contact the Board's Office for guidance."
)

PAGES = {
    # Vietnamese slug → English slug and fields
    "gioi-thieu": ("about-us", {
        "title": "About us",
        "intro": (
            f"<p>The {AGENCY_NAME} is an agency of the Provincial People's Committee. It "
            "exercises direct state management over the industrial zones of the province, as "
            "the law provides.</p>"
        ),
    }),
    "tin-tuc": ("news", {"title": "News and events"}),
    "lien-he": ("contact", {
        "title": "Contact",
        "intro": "<p>Please send your comments and suggestions to the address below.</p>",
    }),
}

# The Vietnamese article's title → English slug, title and summary.
ARTICLES_EN = {
    ARTICLES[0][3]: (
        "long-giang-industrial-park-attracts-two-electronics-projects",
        "Long Giang Industrial Park attracts two more electronic component projects",
        "Two projects with a total registered capital of 45 million US dollars received their "
        "investment registration certificates this month, raising the park's occupancy rate "
        "to 82%.",
    ),
    ARTICLES[1][3]: (
        "investment-project-adjustments-fully-online",
        "Applications to adjust investment projects now accepted fully online",
        "From the first day of the month, investors submit applications to adjust their "
        "projects entirely online and receive the result electronically; processing takes "
        "10 working days instead of 15.",
    ),
}


def load_english_demo(context):
    agency = context.objects.get("agencies", {}).get(AGENCY_KEY)
    if agency is None or agency.site is None:
        return
    english, _created = Locale.objects.get_or_create(language_code="en")
    home = agency.site.root_page.specific
    if not isinstance(home, HomePage):
        return
    _translate(home, english, context, title=AGENCY_NAME,
               intro=f"<p>Welcome to the web portal of the {AGENCY_NAME}.</p>")
    for page in Page.objects.child_of(home).filter(slug__in=PAGES).specific():
        slug, fields = PAGES[page.slug]
        _translate(page, english, context, slug=slug, **fields)
        if page.slug == "tin-tuc":
            for article in ArticlePage.objects.child_of(page).filter(title__in=ARTICLES_EN):
                slug, title, summary = ARTICLES_EN[article.title]
                _translate(article, english, context, slug=slug, title=title, summary=summary,
                           body=f"<p>{summary}</p><p>{_BODY}</p>",
                           source=AGENCY_NAME)


def _translate(page, locale, context, **fields):
    """The English version of ``page``: made, filled and published once."""
    translation = page.get_translation_or_none(locale)
    if translation is not None:
        return translation
    translation = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    context.note(True, f"English version of /{page.slug}/")
    return translation
