"""The editor form and royalties of a page type with the editorial metadata mixin (the
reference site's articles): R-ED-11, R-ED-12, R-ED-13. Skipped when the site is not
installed (the plugin alone has no such page type)."""

import datetime
import io

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import rich_text

from plugins.editorial_board.models import RoyaltyKind, RoyaltyRate
from plugins.editorial_board.moderation import records
from plugins.editorial_board.royalties import services as royalties
from tests.editorial_board.test_checks import TCVN3, UNICODE, VNI

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.cross_plugin("portal"),
]
TZ = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def article(agency, staff, units):
    from portal.models import ArticleIndexPage, ArticlePage

    home = agency.site.root_page
    index = home.add_child(instance=ArticleIndexPage(title="Tin bài", slug="tin-bai"))
    page = index.add_child(instance=ArticlePage(
        title="Hội nghị xúc tiến đầu tư", slug="hoi-nghi", owner=staff.author,
        unit=units.business, body="<p>Nội dung</p>", live=False))
    page.authors.set([staff.author])
    page.save_revision(user=staff.author)
    return page


def form_data(page, body, **extra):
    data = {"title": page.title, "slug": page.slug, "kind": "news", "date": "2026-03-10",
            "summary": "", "body": rich_text(body), "unit": page.unit_id,
            "authors": [user.pk for user in page.authors.all()], "author_name": "",
            "content_kind": "", "event_date": "", "source": "", "original_source": "",
            "seo_title": "", "search_description": ""}
    data.update(extra)
    return data


def test_legacy_text_is_refused_naming_the_field_then_converted_in_one_click(
        article, staff, client):
    """R-ED-13: the editor sees which field is in TCVN3/VNI and converts it with one tick;
    nothing in a legacy encoding is saved or submitted."""
    client.force_login(staff.author)
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = client.post(edit, form_data(article, f"<p>{TCVN3}</p>", summary=VNI,
                                           **{"action-submit": "submit"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "TCVN3 (ABC)" in html and "VNI" in html
    article.refresh_from_db()
    assert article.get_latest_revision().as_object().body == "<p>Nội dung</p>"
    assert article.current_workflow_state is None
    response = client.post(edit, form_data(article, f"<p>{TCVN3}</p>", summary=VNI,
                                           convert_legacy_text="on"))
    assert response.status_code == 302, response.context["form"].errors
    article.refresh_from_db()
    saved = article.get_latest_revision().as_object()
    assert f">{UNICODE}</p>" in saved.body and saved.summary == UNICODE


def _png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_pdf_linked_from_the_body_is_refused(article, staff, client):
    """R-ED-12: files are Word/ODT texts or JPG/GIF/PNG/BMP images."""
    pdf = get_document_model().objects.create(
        title="Báo cáo", file=ContentFile(b"%PDF-1.4\n", "bao-cao.pdf"))
    client.force_login(staff.author)
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    body = f'<p>Xem <a linktype="document" id="{pdf.pk}">báo cáo</a></p>'
    html = client.post(edit, form_data(article, body)).content.decode()
    # Named as stored (another test may have kept a bao-cao.pdf: storage renames this one).
    assert pdf.file.name.rsplit("/", 1)[-1] in html
    article.refresh_from_db()
    assert "bao-cao" not in article.get_latest_revision().as_object().body


def test_an_article_earns_by_its_length_band_and_photos(article, staff, agency):
    """R-ED-11: a news item of 320 words with two photos: the 301+ band plus two photos."""
    image_model = get_image_model()
    first = image_model.objects.create(title="Ảnh 1", file=ContentFile(_png(), "a1.png"))
    second = image_model.objects.create(title="Ảnh 2", file=ContentFile(_png(), "a2.png"))
    for kind, low, high, amount in ((RoyaltyKind.NEWS, 0, 300, 150_000),
                                    (RoyaltyKind.NEWS, 301, None, 250_000),
                                    (RoyaltyKind.PHOTO, 0, None, 50_000)):
        RoyaltyRate.objects.create(agency=agency, kind=kind, min_words=low, max_words=high,
                                   amount=amount, valid_from=datetime.date(2026, 1, 1))
    article.image = first
    article.body = ("<p>" + " ".join(["từ"] * 320) + "</p>"
                    f'<embed embedtype="image" id="{second.pk}" format="fullwidth" alt="">')
    with time_machine.travel(datetime.datetime(2026, 3, 10, 9, tzinfo=TZ), tick=False):
        article.save_revision(user=staff.chief).publish()
    item = royalties.RoyaltyItem.objects.get(page=article)
    assert (item.kind, item.words, item.photos) == (RoyaltyKind.NEWS, 320, 2)
    assert item.author_amount == 350_000
    assert records.sync(article).authors.get() == staff.author
    assert item.shares.get().person == staff.author
