import contextlib
import datetime
import re

import pytest
import time_machine
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from plugins.core.calendar import OFFICE_TZ
from plugins.core.text import slugify
from plugins.public_consultation.models import (
    Comment,
    CommentStatus,
    ConsultationIndexPage,
    ConsultationPage,
    DraftFile,
)
from tests.office_files import docx_bytes, odt_bytes  # noqa: F401 (the tests import them from here)

LIST = "/lay-y-kien-du-thao/"
# A fixed "now" for the tests that travel in time: Friday 4 December 2026, 10:00 in Vietnam.
NOW = datetime.datetime(2026, 12, 4, 10, 0, tzinfo=OFFICE_TZ)
FORM = {"name": "Trần Thị Hoa", "email": "hoa.tran@example.vn", "phone": "0912 345 678",
        "section": "Điều 9", "text": "Đề nghị rút ngắn thời hạn đăng tin còn 8 giờ làm việc."}


def local(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=OFFICE_TZ)


def days(n, hour=8):
    return local(NOW.date() + datetime.timedelta(days=n), hour)


@pytest.fixture
def agency(make_agency):
    return make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang", hostname="testserver",
                       own_home=True)


def make_index(agency, slug="lay-y-kien-du-thao"):
    page = ConsultationIndexPage(title="Lấy ý kiến dự thảo văn bản", slug=slug, per_page=20)
    agency.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def index_page(agency):
    return make_index(agency)


@pytest.fixture
def make_consultation(index_page, django_capture_on_commit_callbacks):
    """A consultation under ``into`` (the list by default), published unless publish=False;
    its window runs from ``opens`` to ``closes`` (by default open now: NOW-1d to NOW+10d)."""

    def make(title, opens=None, closes=None, *, publish=True, into=None, files=(),
             email="gopy@bqlkcn.example.vn", **fields):
        page = ConsultationPage(title=title, slug=slugify(title), email=email,
                                opens=opens or days(-1), closes=closes or days(10, 17),
                                live=False, **fields)
        for document in files:
            page.draft_files.add(DraftFile(document=document))
        with django_capture_on_commit_callbacks(execute=True):
            (into or index_page).add_child(instance=page)
            revision = page.save_revision()
            if publish:
                revision.publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def make_document(db):
    def make(name, content):
        document = get_document_model()(title=name)
        document.file.save(name, ContentFile(content), save=False)
        document.save()
        return document

    return make


def add_comment(page, status=CommentStatus.PENDING, **fields):
    values = {"name": "Lê Văn Tâm", "email": "tam.le@example.vn", "phone": "0987 654 321",
              "text": "Ý kiến góp ý.", **fields}
    return Comment.objects.create(agency=page.agency, page=page, status=status, **values)


def open_form(client, page):
    html = client.get(page.url).content.decode()
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def submit(client, page, wait=10, at=None, on_commit=None, **changes):
    """GET the page, wait ``wait`` seconds, POST the comment form; returns the response.
    ``on_commit``: pytest-django's ``django_capture_on_commit_callbacks``, to run the work
    queued after commit (the mails) at the moment of the POST."""
    with time_machine.travel(at or NOW, tick=False) as clock:
        token = open_form(client, page)
        clock.shift(wait)
        data = {**FORM, "token": token, "website": "", **changes}
        with on_commit(execute=True) if on_commit else contextlib.nullcontext():
            return client.post(page.url + "gop-y/", {k: v for k, v in data.items()
                                                     if v is not None})


@pytest.fixture(autouse=True)
def _at_now():
    """Every test runs on NOW (the clock ticking), so that windows counted from it hold the
    same state whatever day the tests run."""
    with time_machine.travel(NOW, tick=True):
        yield
