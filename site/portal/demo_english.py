"""English versions of the first demo agency's main pages (R-ED-16, seed 000 Điều 8.1b).

Made the way an editor makes them: Wagtail's "Translate" (``copy_for_translation``) copies
the Vietnamese page into the English tree, keeping its ``translation_key``; the English
text replaces the Vietnamese and the version is published. Idempotent: a page that already
has its English version is left alone.
"""

from wagtail.models import Locale, Page

from plugins.core.demo import translate_page
from portal.demo import ARTICLES, PARTY_NEWS, PARTY_NEWS_SLUG, WEBLINKS_SLUG
from portal.models import ArticlePage, HomePage, Weblink, WeblinksPage

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
    PARTY_NEWS_SLUG: ("party-and-union-news", {"title": "Party and union news"}),
    WEBLINKS_SLUG: ("web-links", {
        "title": "Web links",
        "intro": "<p>Websites of state agencies, the Party and mass organisations.</p>",
    }),
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


# The party and union news translated: Vietnamese title → English slug, title and summary.
PARTY_NEWS_EN = {
    PARTY_NEWS["bql"][1][1]: (
        "trade-union-visits-workers-in-difficulty",
        "The Board's trade union visits and supports workers in difficulty",
        "120 gifts worth 60 million dong in total, given by union members and enterprises, "
        "went to workers of the industrial parks in difficult circumstances.",
    ),
    PARTY_NEWS["bql"][2][1]: (
        "youth-union-green-sunday-my-tho-industrial-park",
        "Youth union's Green Sunday at My Tho Industrial Park",
        "Young members of the Board and the enterprises cleaned up and planted trees along "
        "the park's internal roads.",
    ),
}
# The groups of the weblinks directory in English.
WEBLINK_GROUPS_EN = {
    "Cơ quan Trung ương": "Central government",
    "Địa phương": "Local government",
    "Đảng, đoàn thể": "Party and mass organisations",
}
WEBLINK_TITLES_EN = {
    "Cổng Thông tin điện tử Chính phủ": "Government of Viet Nam portal",
    "Cổng Dịch vụ công quốc gia": "National public service portal",
    "Cơ sở dữ liệu quốc gia về văn bản pháp luật": "National database of legal documents",
    "Bộ Tài chính": "Ministry of Finance",
    "Cổng Thông tin điện tử tỉnh Tiền Giang": "Tien Giang province portal",
    "Báo Điện tử Đảng Cộng sản Việt Nam": "Communist Party of Viet Nam online newspaper",
    "Tổng Liên đoàn Lao động Việt Nam": "Viet Nam General Confederation of Labour",
    "Trung ương Đoàn TNCS Hồ Chí Minh": "Ho Chi Minh Communist Youth Union",
}


def _english_weblinks(page):
    """The weblinks of ``page`` with English groups and titles (the addresses are kept)."""
    return [
        Weblink(category=WEBLINK_GROUPS_EN.get(link.category, link.category),
                title=WEBLINK_TITLES_EN.get(link.title, link.title), url=link.url)
        for link in page.weblinks.all()
    ]


def load_english_demo(context):
    agency = context.objects.get("agencies", {}).get(AGENCY_KEY)
    if agency is None or agency.site is None:
        return
    english, _created = Locale.objects.get_or_create(language_code="en")
    home = agency.site.root_page.specific
    if not isinstance(home, HomePage):
        return
    translate_page(home, english, context, title=AGENCY_NAME,
               intro=f"<p>Welcome to the web portal of the {AGENCY_NAME}.</p>")
    for page in Page.objects.child_of(home).filter(slug__in=PAGES).specific():
        slug, fields = PAGES[page.slug]
        if isinstance(page, WeblinksPage):
            fields = {**fields, "weblinks": _english_weblinks(page)}
        translate_page(page, english, context, slug=slug, **fields)
        if page.slug == "tin-tuc":
            for article in ArticlePage.objects.child_of(page).filter(title__in=ARTICLES_EN):
                slug, title, summary = ARTICLES_EN[article.title]
                translate_page(article, english, context, slug=slug, title=title, summary=summary,
                           body=f"<p>{summary}</p><p>{_BODY}</p>",
                           source=AGENCY_NAME)
        if page.slug == PARTY_NEWS_SLUG:
            for article in ArticlePage.objects.child_of(page).filter(title__in=PARTY_NEWS_EN):
                slug, title, summary = PARTY_NEWS_EN[article.title]
                translate_page(article, english, context, slug=slug, title=title, summary=summary,
                           body=f"<p>{summary}</p>", source=AGENCY_NAME)

