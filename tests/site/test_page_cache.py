"""The anonymous page cache (plugins.core.page_cache): citizens' pages served from the
cache, refreshed on the very next request after any change they show, never carrying
anything personal (R-SITE-8: the portal holds a traffic spike; R-SEC-2: a visitor never
sees another's token or a staff member's toolbar).

Changes are committed (``django_capture_on_commit_callbacks(execute=True)``), as an
editor's are: the cache is refreshed after commit.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import BaseBackend

from plugins.core import page_cache
from plugins.core.page_cache import keys

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


@pytest.fixture
def cached(settings, demo):
    settings.PORTAL_PAGE_CACHE = {"ENABLED": True}
    return demo


def _warm(client, *paths):
    for path in paths:
        client.get(path)
        response = client.get(path)
        assert response.status_code == 200, path
        assert response[HEADER] == "hit", path


def _news():
    from portal.models import ArticleIndexPage

    return ArticleIndexPage.objects.get(slug="tin-tuc", locale__language_code="vi",
                                        url_path__startswith="/trang-chu-bql/")


def _article(title):
    from portal.models import ArticlePage

    return ArticlePage(title=title, slug="bai-kiem-tra-bo-nho-dem", summary="Tóm tắt",
                       date=timezone.localdate())


def test_a_citizens_second_visit_is_served_from_the_cache(client, cached):
    """R-SITE-8: the second request of a page is a hit: the same page, one query (the
    tables' versions)."""
    first = client.get("/tin-tuc/")
    assert first[HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/tin-tuc/")
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert len(queries) == 1


def test_publishing_an_article_shows_it_on_every_page_that_lists_it(client, cached,
                                                                    committed):
    """R-SITE-8: publishing refreshes the news list, the home page and the sitemap at
    once, not after a timeout."""
    _warm(client, "/", "/tin-tuc/", "/sitemap.xml")
    with committed():
        article = _news().add_child(instance=_article("Cảnh báo bão số 9 khẩn cấp"))
    for path in ("/", "/tin-tuc/"):
        assert "Cảnh báo bão số 9 khẩn cấp" in client.get(path).content.decode(), path
    assert article.url_path.split("/")[-2] in client.get("/sitemap.xml").content.decode()


def test_unpublishing_moving_and_deleting_a_page_are_seen_at_once(client, cached, committed):
    """R-SITE-8: an unpublished article leaves the list and its address answers 404; a
    moved one is at its new address; a deleted one is gone."""
    from portal.models import ArticlePage

    with committed():
        article = _news().add_child(instance=_article("Thông báo tuyển dụng công chức"))
    _warm(client, "/tin-tuc/", article.url)
    with committed():
        article.unpublish()
    assert "Thông báo tuyển dụng công chức" not in client.get("/tin-tuc/").content.decode()
    assert client.get(article.url).status_code == 404

    with committed():
        article.save_revision().publish()
    old_url = article.url
    _warm(client, old_url)
    target = _news().get_parent()
    with committed():
        ArticlePage.objects.get(pk=article.pk).move(target, pos="last-child")
    new_url = ArticlePage.objects.get(pk=article.pk).url
    assert new_url != old_url
    moved = client.get(old_url)
    assert (moved.status_code, moved["Location"]) == (301, new_url)  # Wagtail's redirect
    assert client.get(new_url).status_code == 200

    _warm(client, "/tin-tuc/")
    with committed():
        ArticlePage.objects.get(pk=article.pk).delete()
    assert "Thông báo tuyển dụng công chức" not in client.get("/tin-tuc/").content.decode()


def test_the_agencys_contact_details_change_on_every_page(client, cached, committed):
    """R-SITE-8: the agency's phone is in every page's footer: changing it (a record, not a
    page) refreshes them all."""
    _warm(client, "/", "/tin-tuc/", "/lien-he/")
    with committed():
        type(cached).objects.filter(pk=cached.pk).update(phone="0273 999 8888")
    for path in ("/", "/tin-tuc/", "/lien-he/"):
        assert "0273 999 8888" in client.get(path).content.decode(), path


def test_a_snippet_renamed_is_renamed_in_the_lists_facets(client, cached, committed):
    """R-SITE-8: a topic (a snippet) shown as a facet of the news list."""
    from portal.models import Topic

    topic = Topic.objects.filter(articles__isnull=False).first() or Topic.objects.first()
    _warm(client, "/tin-tuc/")
    with committed():
        topic.name = "Lĩnh vực đổi tên để kiểm tra"
        topic.save()
    assert "Lĩnh vực đổi tên để kiểm tra" in client.get("/tin-tuc/").content.decode()


def test_a_legal_documents_new_status_is_shown_in_the_library(client, cached, committed):
    """R-SITE-8: a document's validity status, changed by a raw queryset update (no save
    signal), is seen on its page at once."""
    from plugins.legal_docs.models import LegalDocumentPage
    from plugins.legal_docs.status import Status

    document = LegalDocumentPage.objects.live().filter(
        status=Status.IN_FORCE, locale__language_code="vi").first()
    _warm(client, document.url)
    with committed():
        LegalDocumentPage.objects.filter(pk=document.pk).update(status=Status.SUSPENDED)
    assert "Ngưng hiệu lực" in client.get(document.url).content.decode()


def test_an_english_version_appears_in_the_english_list(client, cached, committed,
                                                        translate):
    """R-SITE-8, R-ED-16: an English version published is listed on the English news page
    on the next request."""
    with committed():
        article = _news().add_child(instance=_article("Tin song ngữ"))
    _warm(client, "/en/news/")
    translate(article, title="Bilingual news for the cache")
    assert "Bilingual news for the cache" in client.get("/en/news/").content.decode()


def test_a_change_nobody_committed_is_not_shown_and_a_rollback_refreshes_nothing(
        client, cached):
    """Versions move after commit: a cached page stays valid while a change is pending."""
    from django.db import transaction

    _warm(client, "/tin-tuc/")
    with pytest.raises(RuntimeError), transaction.atomic():
        _news().add_child(instance=_article("Bài bị huỷ"))
        raise RuntimeError
    response = client.get("/tin-tuc/")
    assert response[HEADER] == "hit"
    assert "Bài bị huỷ" not in response.content.decode()


def test_signed_in_staff_bypass_the_cache_and_their_toolbar_is_never_kept(
        client, cached, django_user_model):
    """R-SEC-2: an editor sees the live page with Wagtail's toolbar; the citizen after
    them gets a page without it."""
    editor = django_user_model.objects.create_superuser("editor_pc", "e@example.test", "x")
    client.force_login(editor)
    staff = client.get("/tin-tuc/")
    assert staff.get(HEADER) is None
    assert "wagtail-userbar" in staff.content.decode()
    client.logout()
    client.cookies.clear()
    for _ in range(2):
        citizen = client.get("/tin-tuc/")
        assert "wagtail-userbar" not in citizen.content.decode()
    assert citizen[HEADER] == "hit"


def test_a_page_with_a_form_is_never_kept(client, cached):
    """R-SEC-2: the Q&A page carries a CSRF token and an anti-spam token: each visitor
    gets their own, never one cached for another."""
    from django.test import Client

    first, second = client.get("/hoi-dap/gui-cau-hoi/"), Client().get("/hoi-dap/gui-cau-hoi/")
    assert first.status_code == second.status_code == 200
    assert first[HEADER] == second[HEADER] == "miss"
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_query_strings_are_one_entry_per_page_and_bounded(client, cached, rf):
    """R-SITE-8: parameter order and trackers do not make new entries; a query string a
    robot makes huge is not cached at all."""
    assert keys.key_for(rf.get("/van-ban/?a=1&b=2")) == keys.key_for(
        rf.get("/van-ban/?b=2&utm_source=zalo&a=1"))
    assert keys.key_for(rf.get("/van-ban/?a=1")) != keys.key_for(rf.get("/van-ban/?a=2"))
    client.get("/van-ban/?q=quy+che")
    assert client.get("/van-ban/?utm_campaign=x&q=quy+che")[HEADER] == "hit"
    huge = "/van-ban/?q=" + "x" * 200
    client.get(huge)
    assert HEADER not in client.get(huge)


def test_a_page_is_kept_no_longer_than_what_it_shows_by_the_clock(rf, settings):
    """A page that changes at a given time (a notice closing at 09:00) says so; every page
    leaves the cache at midnight, Vietnam time, and after the configured seconds."""
    settings.PORTAL_PAGE_CACHE = {"SECONDS": 300}
    now = timezone.make_aware(datetime.datetime(2026, 12, 4, 23, 58))
    request = rf.get("/")
    assert page_cache.lifetime(request, now) == 120  # midnight first
    now = timezone.make_aware(datetime.datetime(2026, 12, 4, 8, 59))
    assert page_cache.lifetime(request, now) == 300
    page_cache.expires_at(request, now + datetime.timedelta(seconds=45))
    page_cache.expires_at(request, now + datetime.timedelta(seconds=90))
    assert page_cache.lifetime(request, now) == 45


class RecordingBackend(BaseBackend):
    """A front cache that remembers what it was asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)


def test_a_front_cache_is_purged_of_every_url_that_showed_the_change(client, cached,
                                                                     committed, settings):
    """R-SITE-8: behind a proxy, the same write purges the pages it kept — the list with
    its query-string variants, the home page — and responses let the proxy keep them."""
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.site.test_page_cache.RecordingBackend"}}
    RecordingBackend.purged.clear()
    first = client.get("/tin-tuc/?page=1")
    assert "s-maxage=" in first["Cache-Control"]
    client.get("/")
    with committed():
        _news().add_child(instance=_article("Tin cho bộ nhớ đệm phía trước"))
    assert {"http://testserver/tin-tuc/?page=1", "http://testserver/"} <= set(
        RecordingBackend.purged)


def test_an_open_notice_and_an_upcoming_event_leave_the_cache_when_their_state_changes(
        client, cached):
    """R-SITE-3, R-SITE-4, R-SITE-8: a notice open for bids is cached no longer than its
    closing, its list no longer than the first closing it shows as open; an upcoming
    event's page and list no longer than its start."""
    from plugins.events.models import EventPage
    from plugins.investment.models import NoticePage

    now = timezone.now()
    notice = NoticePage.objects.live().filter(closing__gt=now, locale__language_code="vi",
                                              url_path__startswith="/trang-chu-bql/").first()
    page = client.get(notice.url)
    assert page.wsgi_request._page_cache_until == notice.closing
    listing = client.get(notice.get_parent().url)
    assert now < listing.wsgi_request._page_cache_until <= notice.closing

    event = EventPage.objects.live().filter(start__gt=now, locale__language_code="vi",
                                            url_path__startswith="/trang-chu-bql/").first()
    assert client.get(event.url).wsgi_request._page_cache_until == event.start
    listing = client.get(event.get_parent().url + "?when=upcoming")
    assert now < listing.wsgi_request._page_cache_until <= event.start


def test_a_consultation_leaves_the_cache_when_its_window_opens_or_closes(client, cached):
    """R-SITE-6, R-SITE-8: a consultation page and its list are kept no longer than the
    next opening or closing of a window they show."""
    from plugins.public_consultation.models import ConsultationPage

    now = timezone.now()
    consultation = ConsultationPage.objects.live().filter(
        closes__gt=now, locale__language_code="vi").order_by("closes").first()
    assert client.get(consultation.url).wsgi_request._page_cache_until == (
        consultation.next_change())
    listing = client.get(consultation.get_parent().url)
    assert now < listing.wsgi_request._page_cache_until <= consultation.next_change()


def test_a_visitor_with_a_message_waiting_gets_the_live_page(client, cached):
    """A message kept in a cookie (Django's messages) is shown by the next page: that page
    is never answered from the cache."""
    _warm(client, "/tin-tuc/")
    client.cookies["messages"] = "waiting"
    assert HEADER not in client.get("/tin-tuc/")
