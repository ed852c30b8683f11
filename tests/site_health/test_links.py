"""The link inventory and the link checker (R-SITE-8: the site is kept working, 002 Đ13.1)."""

import io
import json
import time

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from plugins.site_health import checker, inventory, jobs
from plugins.site_health.models import Link, LinkKind, LinkOccurrence, LinkStatus
from tests.site_health.conftest import home_of
from tests.site_health.pages.models import LinkedPage


def _document(title, filename, data, collection=None):
    from wagtail.models import Collection

    document = get_document_model()(title=title,
                                    collection=collection or Collection.get_first_root_node())
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    return document


def _docx_with_link(url):
    from docx import Document as WordDocument
    from docx.opc.constants import RELATIONSHIP_TYPE

    word = WordDocument()
    word.add_paragraph("Xem thêm")
    word.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _pdf_with_link(url):
    from pypdf import PdfWriter
    from pypdf.annotations import Link as PdfLink

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_annotation(page_number=0, annotation=PdfLink(rect=(10, 10, 100, 30), url=url))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _links(agency):
    return dict(Link.objects.filter(agency=agency).values_list("url", "kind"))


def test_every_kind_of_field_and_document_feeds_the_inventory(sites, add_page):
    """R-SITE-8: links are found in rich text, StreamField blocks (rich text, URL in a
    struct, a list of chosen pages, a chosen document), URL fields and inside documents;
    mail and phone links are not links to check."""
    bql, skh = sites
    home = home_of(bql)
    about = add_page(home, "Giới thiệu")
    report = _document("Báo cáo", "bao-cao.pdf", _pdf_with_link("https://pdf.example.org/a"))
    plan = _document("Kế hoạch", "ke-hoach.docx", _docx_with_link("https://word.example.org/"))
    page = add_page(
        home, "Tin tức",
        body=(f'<p><a href="https://www.chinhphu.vn/tin">Chính phủ</a> '
              f'<a linktype="page" id="{about.pk}">Giới thiệu</a> '
              f'<a linktype="document" id="{report.pk}">Báo cáo</a> '
              '<a href="mailto:vanphong@example.gov.vn">thư</a> <a href="tel:0273">gọi</a> '
              '<a href="#muc-1">mục 1</a> <a href="/gioi-thieu/">đường dẫn</a></p>'),
        content=json.dumps([
            {"type": "text", "value": '<p><a href="http://so.example.org/x#y">Sở</a></p>'},
            {"type": "link", "value": {"title": "Cổng", "url": "https://cong.example.org/"}},
            {"type": "pages", "value": [about.pk]},
            {"type": "document", "value": plan.pk},
        ]),
        website="https://website.example.org/")

    inventory.collect(bql)

    assert _links(bql) == {
        "https://www.chinhphu.vn/tin": LinkKind.EXTERNAL,
        f"page:{about.pk}": LinkKind.INTERNAL,
        f"document:{report.pk}": LinkKind.INTERNAL,
        f"document:{plan.pk}": LinkKind.INTERNAL,
        "/gioi-thieu/": LinkKind.INTERNAL,
        "http://so.example.org/x": LinkKind.EXTERNAL,
        "https://cong.example.org/": LinkKind.EXTERNAL,
        "https://website.example.org/": LinkKind.EXTERNAL,
        "https://pdf.example.org/a": LinkKind.EXTERNAL,
        "https://word.example.org/": LinkKind.EXTERNAL,
    }
    where = {(o.link.url, o.page_id, o.document_id, o.field)
             for o in LinkOccurrence.objects.select_related("link")}
    assert ("https://www.chinhphu.vn/tin", page.pk, None, "body") in where
    assert ("https://cong.example.org/", page.pk, None, "content") in where
    assert ("https://website.example.org/", page.pk, None, "website") in where
    assert ("https://pdf.example.org/a", None, report.pk, "file") in where
    assert ("https://word.example.org/", None, plan.pk, "file") in where
    assert _links(skh) == {}  # the other agency's site holds none of them


def test_links_to_our_own_site_are_checked_as_pages_and_drafts_are_not_read(sites, add_page):
    """R-SITE-8: an absolute address on the agency's own host is an internal link; a draft
    (not live) page's links are not the site's."""
    bql, _ = sites
    home = home_of(bql)
    add_page(home, "Tin", body='<p><a href="http://testserver/gioi-thieu/">x</a></p>')
    draft = home.add_child(instance=LinkedPage(
        title="Nháp", live=False, body='<p><a href="https://nhap.example.org/">y</a></p>'))
    assert not draft.live

    inventory.collect(bql)

    assert _links(bql) == {"/gioi-thieu/": LinkKind.INTERNAL}


def test_a_link_removed_from_the_pages_is_forgotten_and_others_keep_their_result(
        sites, add_page):
    """R-SITE-8: the inventory follows the pages; a result stays while the link stays."""
    bql, _ = sites
    page = add_page(home_of(bql), "Tin", body='<a href="https://a.example.org/">a</a>'
                                              '<a href="https://b.example.org/">b</a>')
    inventory.collect(bql)
    Link.objects.filter(url="https://a.example.org/").update(status=LinkStatus.BROKEN)
    page.body = '<a href="https://a.example.org/">a</a>'
    page.save_revision().publish()

    inventory.collect(bql)

    assert dict(Link.objects.values_list("url", "status")) == {
        "https://a.example.org/": LinkStatus.BROKEN}
    assert LinkOccurrence.objects.count() == 1


def test_internal_links_are_checked_without_http(sites, add_page):
    """R-SITE-8: a link to a page is good while the page is live, a document's while it
    exists, a path while a live page of the agency's site has it."""
    bql, _ = sites
    home = home_of(bql)
    live = add_page(home, "Giới thiệu", slug="gioi-thieu")
    hidden = add_page(home, "Ẩn")
    hidden.unpublish()
    gone = add_page(home, "Đã xoá")
    document = _document("Biểu mẫu", "bieu-mau.pdf", _pdf_with_link("https://x.example.org/"))
    deleted_document = _document("Cũ", "cu.pdf", b"%PDF-1.4")
    add_page(home, "Tin", body=(
        f'<a linktype="page" id="{live.pk}">1</a><a linktype="page" id="{hidden.pk}">2</a>'
        f'<a linktype="page" id="{gone.pk}">3</a>'
        f'<a linktype="document" id="{document.pk}">4</a>'
        f'<a linktype="document" id="{deleted_document.pk}">5</a>'
        '<a href="/gioi-thieu/">6</a><a href="/khong-co/">7</a>'
        '<a href="/en/gioi-thieu/">8</a>'))
    inventory.collect(bql)
    gone_pk, deleted_pk = gone.pk, deleted_document.pk
    gone.delete()
    deleted_document.delete()

    jobs.check_links(politeness=checker.Politeness(delay=0))

    status = {url: (s, m) for url, s, m in Link.objects.filter(kind=LinkKind.INTERNAL)
              .values_list("url", "status", "message")}
    assert status[f"page:{live.pk}"] == (LinkStatus.OK, "")
    assert status[f"page:{hidden.pk}"] == (LinkStatus.BROKEN, "the page is not published")
    assert status[f"page:{gone_pk}"] == (LinkStatus.BROKEN, "the page was deleted")
    assert status[f"document:{document.pk}"] == (LinkStatus.OK, "")
    assert status[f"document:{deleted_pk}"] == (LinkStatus.BROKEN, "the document was deleted")
    assert status["/gioi-thieu/"] == (LinkStatus.OK, "")
    assert status["/en/gioi-thieu/"] == (LinkStatus.OK, "")
    assert status["/khong-co/"] == (LinkStatus.BROKEN, "no page at this address")
    assert all(link.last_checked_at for link in Link.objects.filter(kind=LinkKind.INTERNAL))


def _outside(agency, *urls):
    return [Link.objects.create(agency=agency, url=url, kind=LinkKind.EXTERNAL) for url in urls]


def test_outside_links_are_asked_head_then_get_with_a_real_user_agent(sites, web, settings):
    """R-SITE-8: HEAD first, GET when HEAD is refused; 404 is broken with its code, 503 is
    unreachable (try again), the checker says who it is."""
    bql, _ = sites
    ok, no_head, gone, busy = _outside(bql, f"{web.base}/ok", f"{web.base}/no-head",
                                       f"{web.base}/gone", f"{web.base}/busy")

    assert jobs.check_links() == 4

    for link in (ok, no_head, gone, busy):
        link.refresh_from_db()
    assert (ok.status, ok.status_code) == (LinkStatus.OK, 200)
    assert (no_head.status, no_head.status_code) == (LinkStatus.OK, 200)
    assert (gone.status, gone.status_code) == (LinkStatus.BROKEN, 404)
    assert gone.first_broken_at == gone.last_checked_at
    assert (busy.status, busy.status_code) == (LinkStatus.UNREACHABLE, 503)
    asked = [(method, path) for method, path, _, _ in web.requests]
    assert asked.count(("HEAD", "/ok")) == 1 and ("GET", "/ok") not in asked
    assert ("HEAD", "/no-head") in asked and ("GET", "/no-head") in asked
    assert {agent for _, _, agent, _ in web.requests} == {
        "Mozilla/5.0 (compatible; AgencyPortalLinkChecker/1.0)"}


def test_loopback_and_private_addresses_are_never_fetched_without_the_setting(
        sites, web, settings):
    """R-SITE-8: a page must not make the server probe its own network; only http(s)."""
    settings.SITE_HEALTH_ALLOW_PRIVATE_ADDRESSES = False
    bql, _ = sites
    local, private = _outside(bql, f"{web.base}/ok", "http://10.1.2.3/")

    jobs.check_links()

    for link in (local, private):
        link.refresh_from_db()
        assert (link.status, link.message) == (LinkStatus.REFUSED,
                                               "private or reserved network address")
        assert not link.is_bad
    assert web.requests == []
    assert checker.fetch("ftp://ftp.example.org/a").status == LinkStatus.REFUSED


def test_a_redirect_to_a_refused_address_is_not_followed(sites, web, monkeypatch):
    """R-SITE-8: a public address redirecting into the private network is not followed."""
    bql, _ = sites
    web.redirect_to = web.base.replace("127.0.0.1", "localhost") + "/ok"
    real = checker._address_refused
    monkeypatch.setattr(checker, "_address_refused",
                        lambda host: "refused" if host == "localhost" else real(host))

    result = checker.fetch(f"{web.base}/redirect")

    assert result.status == LinkStatus.REFUSED
    assert [path for _, path, _, _ in web.requests] == ["/redirect"]


def test_requests_to_one_host_are_spaced(sites, web, settings, monkeypatch):
    """R-SITE-8: politeness, the configured delay between two requests to one host."""
    settings.SITE_HEALTH_HOST_DELAY = 0.3
    bql, _ = sites
    _outside(bql, f"{web.base}/ok", f"{web.base}/other", f"{web.base}/gone")
    sent = []  # when each request leaves (the server's arrival times jitter under load)
    real = checker._request

    def request(url, method):
        sent.append((method, time.monotonic()))
        return real(url, method)

    monkeypatch.setattr(checker, "_request", request)

    jobs.check_links()

    # One link's HEAD and GET follow each other; two links are spaced.
    starts = sorted(at for method, at in sent if method == "HEAD")
    assert len(starts) == 3 == len([1 for method, *_ in web.requests if method == "HEAD"])
    assert all(later - earlier >= 0.29 for earlier, later in zip(starts, starts[1:], strict=False))


def test_each_run_checks_a_bounded_batch_the_oldest_first(sites, web, settings):
    """R-SITE-8: at most SITE_HEALTH_LINKS_PER_RUN links a run; the next run goes on with
    those not checked yet, then waits SITE_HEALTH_RECHECK_DAYS before asking again."""
    settings.SITE_HEALTH_LINKS_PER_RUN = 2
    bql, skh = sites
    first, second = _outside(bql, f"{web.base}/ok", f"{web.base}/gone")
    (third,) = _outside(skh, f"{web.base}/other")

    assert jobs.check_links() == 2
    third.refresh_from_db()
    assert third.status == LinkStatus.UNCHECKED
    assert jobs.check_links() == 1
    third.refresh_from_db()
    assert third.status == LinkStatus.OK
    assert jobs.check_links() == 0
    assert [path for method, path, _, _ in web.requests if method == "HEAD"] == [
        "/ok", "/gone", "/other"]


def test_the_jobs_are_scheduled(db):
    """R-SITE-8: the inventory daily and the checks hourly, on django-q2."""
    from django_q.models import Schedule

    from plugins.site_health.apps import schedule_link_checks

    schedule_link_checks(sender=None)
    schedules = dict(Schedule.objects.filter(func__startswith="plugins.site_health.")
                     .values_list("func", "schedule_type"))
    assert schedules == {"plugins.site_health.jobs.collect_links_task": Schedule.DAILY,
                         "plugins.site_health.jobs.check_links_task": Schedule.HOURLY}


def test_the_daily_job_collects_every_agency(sites, add_page):
    """R-SITE-8: the daily job fills each agency's inventory from its own site."""
    bql, skh = sites
    add_page(home_of(bql), "A", website="https://a.example.org/")
    add_page(home_of(skh), "B", website="https://b.example.org/")

    jobs.collect_links_task()

    assert _links(bql) == {"https://a.example.org/": LinkKind.EXTERNAL}
    assert _links(skh) == {"https://b.example.org/": LinkKind.EXTERNAL}


@pytest.mark.parametrize("href, expected", [
    ("https://a.example.org/x#top", "https://a.example.org/x"),
    ("//cdn.example.org/a", "https://cdn.example.org/a"),
    ("javascript:alert(1)", None), ("ftp://a.example.org/", None), ("relative/path", None),
    ("", None), ("https://a.example.org/" + "đ" * 900, None),
])
def test_only_http_addresses_are_links_to_check(href, expected):
    """R-SITE-8: only http and https addresses are checked."""
    from plugins.site_health.extract import normalise

    assert normalise(href) == expected
