"""Pages made afresh (the page cache off, or missed) do not look up the site and the agency
every time (plugins.core.page_cache.shared), and still show a change to them on the very
next request, in every process (R-SITE-8: the portal holds a traffic spike).

Changes are committed, as an editor's are: the rows' tables' versions move after commit.
"""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from plugins.core.page_cache import shared

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows_kept(settings, demo):
    settings.PORTAL_PAGE_CACHE = {"ENABLED": False, "SHARED_ROWS": True}
    return demo


def _tables_read(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, " ".join(query["sql"] for query in queries)


def test_the_site_and_the_agency_are_read_once_per_process(client, rows_kept):
    """R-SITE-8: the second page made reads neither the sites nor the agencies."""
    _first, sql = _tables_read(client, "/")
    assert 'FROM "wagtailcore_site"' in sql and 'FROM "core_agency"' in sql
    response, sql = _tables_read(client, "/tin-tuc/")
    assert 'FROM "wagtailcore_site"' not in sql and 'FROM "core_agency"' not in sql
    assert rows_kept.name in response.content.decode()  # the footer still names the agency


def test_the_agencys_new_contact_details_are_on_the_next_page(client, rows_kept, committed):
    """R-SITE-8: a change to the agency (a record, not a page) is seen at once."""
    _tables_read(client, "/")
    with committed():
        type(rows_kept).objects.filter(pk=rows_kept.pk).update(phone="0273 999 7777")
    response, sql = _tables_read(client, "/tin-tuc/")
    assert 'FROM "core_agency"' in sql
    assert "0273 999 7777" in response.content.decode()


def test_a_site_moved_to_another_home_is_followed_at_once(client, rows_kept, committed):
    """R-SITE-8: the site's root page changed (a webmaster's Sites screen) is used by the
    very next request."""
    from wagtail.models import Page, Site

    _tables_read(client, "/")
    site = Site.objects.get(root_page__slug="trang-chu-bql")
    news = Page.objects.get(slug="tin-tuc", url_path__startswith="/trang-chu-bql/")
    with committed():
        Site.objects.filter(pk=site.pk).update(root_page=news)
    response, sql = _tables_read(client, "/")
    assert 'FROM "wagtailcore_site"' in sql
    assert response.context["page"].pk == news.pk


def test_each_request_gets_its_own_copy_of_a_kept_row(client, rows_kept):
    """R-SITE-8: a view that changes its agency object changes no other request's."""
    from plugins.core.scoping import current_agency

    client.get("/")
    request = client.get("/tin-tuc/").wsgi_request
    agency = current_agency(request)
    agency.name = "Changed in memory only"
    assert rows_kept.name in client.get("/lien-he/").content.decode()
    assert "Changed in memory only" not in client.get("/lien-he/").content.decode()


def test_off_means_read_every_time(client, settings, demo):
    """With ``SHARED_ROWS`` off (as in the other tests), each page reads its site."""
    settings.PORTAL_PAGE_CACHE = {"ENABLED": False, "SHARED_ROWS": False}
    _tables_read(client, "/")
    _response, sql = _tables_read(client, "/tin-tuc/")
    assert 'FROM "wagtailcore_site"' in sql
    assert not shared._rows


def test_a_section_closed_or_opened_is_followed_on_the_next_request(client, rows_kept,
                                                                     committed):
    """A private section is private from the very next request, in pages and in lists,
    though view restrictions are read from memory (R-SITE-8); opened again, it is back."""
    from wagtail.models import Page, PageViewRestriction

    news = Page.objects.get(slug="tin-tuc", url_path__startswith="/trang-chu-bql/")
    article = news.get_children().live().specific().order_by("-articlepage__date").first()
    url = urlsplit(article.url).path
    html = client.get(url).content.decode()
    assert article.title in html and 'name="password"' not in html
    assert url in client.get("/tin-tuc/").content.decode()
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau")
    html = client.get(url).content.decode()
    assert 'name="password"' in html and article.summary[:40] not in html
    assert url not in client.get("/tin-tuc/").content.decode()
    assert url not in client.get("/").content.decode()
    with committed():
        restriction.delete()
    assert 'name="password"' not in client.get(url).content.decode()
    assert url in client.get("/tin-tuc/").content.decode()


def test_a_renamed_facet_value_is_on_the_next_list(client, rows_kept, committed):
    """The library's facet labels are kept in memory; a document type renamed by the
    webmaster is listed under its new name on the very next request (R-SITE-8, R-LD-3)."""
    from plugins.legal_docs.models import DocumentType

    _response, sql = _tables_read(client, "/van-ban/")
    assert 'FROM "legal_docs_documenttype"' in sql
    _response, sql = _tables_read(client, "/van-ban/?q=quy+che")
    assert 'FROM "legal_docs_documenttype"' not in sql
    shown = DocumentType.objects.get(name="Quyết định")
    with committed():
        DocumentType.objects.filter(pk=shown.pk).update(name="Quyết định (đã đổi tên)")
    response, sql = _tables_read(client, "/van-ban/")
    assert "Quyết định (đã đổi tên)" in response.content.decode()


def _latest_article():
    from wagtail.models import Page

    news = Page.objects.get(slug="tin-tuc", url_path__startswith="/trang-chu-bql/")
    return news.get_children().live().specific().order_by("-articlepage__date").first()


def test_a_page_is_routed_from_memory_and_an_edit_is_on_the_next_request(
        client, rows_kept, committed):
    """R-SITE-8: the pages along a URL and the page itself are read once per process; a
    title published, a new address or an unpublished page is followed by the very next
    request, though."""
    article = _latest_article()
    url = urlsplit(article.url).path
    _first, sql = _tables_read(client, url)
    assert '"wagtailcore_page"."url_path" IN' in sql
    response, sql = _tables_read(client, url)
    assert '"wagtailcore_page"."url_path" IN' not in sql
    assert 'FROM "news_articlepage"' not in sql
    assert article.title in response.content.decode()

    with committed():
        article.title = "Tiêu đề vừa sửa"
        article.save_revision().publish()
    assert "Tiêu đề vừa sửa" in client.get(url).content.decode()

    with committed():
        article.slug = "dia-chi-moi"
        article.save_revision().publish()
    moved = client.get(url)  # Wagtail's redirect from the old address, not the kept page
    assert moved.status_code == 301 and moved.url.endswith("/tin-tuc/dia-chi-moi/")
    new_url = urlsplit(type(article).objects.get(pk=article.pk).url).path
    assert new_url.endswith("/dia-chi-moi/")
    assert "Tiêu đề vừa sửa" in client.get(new_url).content.decode()

    with committed():
        article.unpublish()
    assert client.get(new_url).status_code == 404


def test_each_request_gets_its_own_copy_of_a_routed_page(client, rows_kept):
    """R-SITE-8: a view that changes the page it serves changes no other request's."""
    article = _latest_article()
    url = urlsplit(article.url).path
    client.get(url)
    served = client.get(url).context["page"]
    served.title = "Changed in memory only"
    assert "Changed in memory only" not in client.get(url).content.decode()


@pytest.mark.cross_plugin("plugins.procedures")
def test_each_request_gets_its_own_stream_of_a_routed_page(client, rows_kept):
    """R-SITE-8: a page's StreamField kept in memory (as its JSON text) is read afresh for
    each request: a view that changes a step of the procedure it serves changes no other
    request's page."""
    from plugins.procedures.models import ProcedurePage

    procedure = ProcedurePage.objects.live().exclude(steps=[]).first()
    url = urlsplit(procedure.url).path
    client.get(url)
    served = client.get(url).context["page"]
    step = served.steps[0].value["steps"][0]
    served.steps[0].value["steps"][0] = "Changed in memory only"
    served.steps[0].value["case"] = "Changed in memory only"
    body = client.get(url).content.decode()
    assert "Changed in memory only" not in body
    assert str(escape(step)) in body


def _field_values(instance):
    values = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        values[field.attname] = (field.value_to_string(instance)
                                 if field.get_internal_type() == "StreamField" else value)
    return values


def test_a_kept_row_is_the_row_the_database_holds(rows_kept):
    """R-SITE-8: a row given from memory (built without its model's constructor) has every
    field as a fresh read has it, its streams read afresh, and saves as an update."""
    from django.test import RequestFactory
    from wagtail.documents.models import Document

    from plugins.procedures.models import ProcedurePage

    procedure = ProcedurePage.objects.live().exclude(dossier=[]).first()
    request = RequestFactory().get("/")
    for row in (procedure, Document.objects.first()):
        key = ("test-row", row._meta.label, row.pk)
        first = shared.remember_row(request, key, lambda row=row: type(row).objects.get(
            pk=row.pk))
        kept = shared.remember_row(request, key, lambda: pytest.fail("read again"))
        assert kept is not first and type(kept) is type(row)
        assert _field_values(kept) == _field_values(type(row).objects.get(pk=row.pk))
        assert kept._state.db == "default" and kept._state.adding is False
    assert kept.file.name and kept.file.url == Document.objects.first().file.url
    kept_page = shared.remember_row(request, ("test-row", "procedures.ProcedurePage",
                                              procedure.pk), lambda: pytest.fail("read again"))
    assert [case["case"] for case in kept_page.paper_cases] == [
        case["case"] for case in procedure.paper_cases]
    kept_page.title = "Saved from a kept copy"
    kept_page.save(update_fields=["title"])
    assert ProcedurePage.objects.filter(title="Saved from a kept copy").count() == 1


def test_a_model_with_a_constructor_of_its_own_is_built_by_it(rows_kept):
    """A kept row of a model whose constructor or ``post_init`` receivers do work (an
    image's dimensions) goes through the constructor, as Django's own reads do."""
    from django.db.models import signals
    from wagtail.images.models import Image

    assert signals.post_init.has_listeners(Image)
    values = ("wagtailimages.Image", "default", ["id"], [1])
    model_values = (Image, *values[1:])
    built = []
    receiver = lambda sender, instance, **kwargs: built.append(instance)  # noqa: E731
    signals.post_init.connect(receiver, sender=Image)
    try:
        instance = shared._instance(model_values)
    finally:
        signals.post_init.disconnect(receiver, sender=Image)
    assert built == [instance] and instance.pk == 1


def test_a_procedures_times_dossier_and_json_ld_are_made_once_per_version(
        client, rows_kept, committed, monkeypatch):
    """R-PR-2, R-SITE-8: a procedure page routed from memory makes its processing times,
    its dossier and its JSON-LD once, not for every visitor; a published change to the
    times is on the very next request, and a preview shows the draft's own."""
    from plugins.procedures import views
    from plugins.procedures.models import ProcedurePage

    made = []
    for owner, name in ((views, "dossier_cases"), (views, "json_ld_script"),
                        (ProcedurePage, "_time_options")):
        original = getattr(owner, name)
        monkeypatch.setattr(owner, name, lambda *args, original=original, name=name: (
            made.append(name), original(*args))[1])
    procedure = next(page for page in ProcedurePage.objects.live().filter(
        agency=rows_kept).order_by("pk") if page.time_options[0].unit == "working_days")
    url = urlsplit(procedure.url).path
    label = procedure.time_options[0].duration_label
    client.get(url)
    made.clear()
    html = client.get(url).content.decode()
    assert made == [] and str(escape(label)) in html

    with committed():
        edited = ProcedurePage.objects.get(pk=procedure.pk)
        edited.channels[0].value["times"][0]["value"] = 97
        edited.save_revision().publish()
    html = client.get(url).content.decode()
    assert "97 ngày làm việc" in html
    assert sorted(set(made)) == ["_time_options", "dossier_cases", "json_ld_script"]

    draft = ProcedurePage.objects.get(pk=procedure.pk)
    draft.channels[0].value["times"][0]["value"] = 98
    with committed():
        draft.save_revision()
    preview = draft.get_latest_revision_as_object()
    request = client.get(url).wsgi_request
    assert "98 ngày làm việc" in preview.serve_preview(request, "").rendered_content
    assert "97 ngày làm việc" in client.get(url).content.decode()


def test_the_news_lists_topics_are_kept_and_a_renamed_one_is_on_the_next_list(
        client, rows_kept, committed):
    """R-SITE-2, R-SITE-8: the news list's choice of topics is read once per process; a
    topic an editor renames is in the very next list's filter."""
    from portal.models import Topic

    client.get("/tin-tuc/")
    _response, sql = _tables_read(client, "/tin-tuc/")
    assert 'FROM "portal_topic"' not in sql
    topic = Topic.objects.order_by("pk").first()
    with committed():
        Topic.objects.filter(pk=topic.pk).update(name="Chủ đề vừa đổi tên")
    options = BeautifulSoup(client.get("/tin-tuc/").content, "html.parser").select(
        "#id_topic option")
    assert "Chủ đề vừa đổi tên" in [option.get_text() for option in options]


def test_a_lists_row_addresses_are_kept_and_a_moved_page_is_on_the_next_list(
        client, rows_kept, committed, monkeypatch):
    """R-LD-1, R-SITE-8: the library's rows get their addresses from memory, not from
    Wagtail once a row; a document given a new address (a new slug) is linked there by the
    very next list."""
    from plugins.legal_docs.models import LegalDocumentPage

    asked = []
    original = LegalDocumentPage.get_url
    monkeypatch.setattr(LegalDocumentPage, "get_url", lambda self, *args, **kwargs: (
        asked.append(self.pk), original(self, *args, **kwargs))[1])

    def row_links():
        html = BeautifulSoup(client.get("/van-ban/").content, "html.parser")
        return [link["href"] for link in html.select(".document-list h3 a")]

    first = row_links()
    assert len(first) > 1 and asked
    asked.clear()
    assert row_links() == first and asked == []
    document = LegalDocumentPage.objects.get(url_path__endswith=first[0].split("/")[-2] + "/",
                                             live=True)
    with committed():
        document.slug = "dia-chi-moi-cua-van-ban"
        document.save_revision().publish()
    links = row_links()
    assert links[0].endswith("/van-ban/dia-chi-moi-cua-van-ban/") and links[1:] == first[1:]
    assert client.get(links[0]).status_code == 200


def test_a_kept_address_follows_a_change_of_the_sites(rows_kept, committed, monkeypatch):
    """R-SITE-8: an address kept for a page (plugins.core.routing.page_url) is worked out
    again once a site changes (its root, its host name), though the page itself did not
    move and Wagtail reads the sites from its own cache."""
    from django.test import RequestFactory
    from wagtail.models import Site

    from plugins.core.routing import page_url
    from plugins.legal_docs.models import LegalDocumentPage

    document = LegalDocumentPage.objects.live().first()
    asked = []
    original = LegalDocumentPage.get_url
    monkeypatch.setattr(LegalDocumentPage, "get_url", lambda self, *args, **kwargs: (
        asked.append(self.pk), original(self, *args, **kwargs))[1])

    def address():
        request = RequestFactory().get("/van-ban/", HTTP_HOST="localhost")
        Site.find_for_request(request)
        document.get_url(request)  # Wagtail's own cache of the sites is warm
        asked.clear()
        with shared.serving(request):
            return page_url(document, request)

    first = address()
    assert asked == [document.pk] and address() == first and asked == []
    with committed():
        site = Site.objects.get(root_page__slug="trang-chu-bql")
        site.site_name = site.site_name + " "
        site.save()
    assert address() == first and asked == [document.pk]


def test_the_main_menu_is_kept_and_follows_publishing_at_once(client, rows_kept, committed):
    """R-SITE-7, R-SITE-8: the main menu is read from memory, not from the cache or the
    database, and a page published, restricted or unpublished — committed, as an editor's
    change is — shows or leaves it on the very next request."""
    from portal.models import StandardPage
    from wagtail.models import PageViewRestriction, Site

    def menu():
        response, sql = _tables_read(client, "/lien-he/")
        soup = BeautifulSoup(response.content, "html.parser")
        return [a.get_text(strip=True) for a in soup.select("nav.main-nav a")], sql

    shown, _sql = menu()
    again, sql = menu()
    assert again == shown and "Tin tức - Sự kiện" in shown
    assert '"show_in_menus"' not in sql
    home = Site.objects.get(root_page__slug="trang-chu-bql").root_page
    with committed():
        page = home.add_child(instance=StandardPage(title="Sơ đồ cổng", slug="so-do-cong",
                                                    show_in_menus=True, live=False))
        page.save_revision().publish()
    assert menu()[0] == [*shown, "Sơ đồ cổng"]
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN)
    assert menu()[0] == shown
    with committed():
        restriction.delete()
    assert menu()[0] == [*shown, "Sơ đồ cổng"]
    with committed():
        page.refresh_from_db()
        page.unpublish()
    assert menu()[0] == shown


def test_the_memory_is_bounded_by_the_text_it_holds(monkeypatch):
    """R-SITE-8: a law's full text kept for every page asked would fill a process's
    memory: what is kept stays within ``BUDGET`` characters, and one value larger than a
    sixteenth of it is not kept at all."""
    from types import SimpleNamespace

    monkeypatch.setattr(shared, "BUDGET", 16_000)
    monkeypatch.setattr(shared, "_usable", lambda request: True)
    monkeypatch.setattr(shared, "known_versions", lambda request: {})
    shared.forget()
    request = SimpleNamespace()
    try:
        for number in range(40):
            shared.remember_value(request, ("text", number), lambda: "chữ" * 300)  # 900
        assert shared._size["total"] <= 16_000
        assert len(shared._rows) == 16_000 // 908
        assert ("text", 39) in shared._rows and ("text", 0) not in shared._rows

        shared.remember_value(request, ("large",), lambda: ("x" * 1_001,))
        assert ("large",) not in shared._rows
        calls = []
        shared.remember_value(request, ("large",), lambda: calls.append(1) or "y")
        assert calls == [1]  # computed again: the large one was not kept
    finally:
        shared.forget()


def test_a_title_published_is_found_by_the_next_search(client, rows_kept, committed):
    """R-SITE-8: the searches read their index's token from memory; an article published
    under a new title is found by the very next search, in the news list's search and the
    site's."""
    article = _latest_article()
    for path in ("/tim-kiem/", "/tin-tuc/"):
        _response, sql = _tables_read(client, f"{path}?q=khinh+khi+cau")
        _response, sql = _tables_read(client, f"{path}?q=khinh+khi+cau")
        assert 'FROM "core_searchindexstate"' not in sql
    with committed():
        article.title = "Khinh khí cầu bay qua khu công nghiệp"
        article.save_revision().publish()
    for path in ("/tim-kiem/", "/tin-tuc/"):
        response, sql = _tables_read(client, f"{path}?q=khinh+khi+cau")
        text = " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())
        assert "Khinh khí cầu bay qua khu công nghiệp" in text, path  # words highlighted
