import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from plugins.core.calendar import OFFICE_TZ
from plugins.core.text import slugify
from plugins.events.models import EventIndexPage, EventLink, EventMaterial, EventPage
from tests.office_files import docx_bytes, odt_bytes  # noqa: F401 (the tests import them from here)

LIST = "/hoi-nghi-hoi-thao/"


@pytest.fixture
def agency(make_agency):
    return make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang", hostname="testserver",
                       own_home=True)


def make_index(agency, slug="hoi-nghi-hoi-thao"):
    page = EventIndexPage(title="Hội nghị, hội thảo, tập huấn", slug=slug, per_page=20)
    agency.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def index_page(agency):
    return make_index(agency)


def local(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=OFFICE_TZ)


@pytest.fixture
def make_event(index_page, django_capture_on_commit_callbacks):
    """An event under ``into`` (the list by default), published unless publish=False."""

    def make(title, start, end, *, kind="conference", place="Hội trường Ban Quản lý",
             publish=True, into=None, materials=(), links=(), **fields):
        page = EventPage(title=title, slug=slugify(title), kind=kind, start=start, end=end,
                         place=place, live=False, **fields)
        for document in materials:
            page.materials.add(EventMaterial(document=document))
        for link_title, url in links:
            page.links.add(EventLink(title=link_title, url=url))
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


