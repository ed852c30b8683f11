import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from plugins.core.calendar import OFFICE_TZ
from plugins.core.text import slugify
from plugins.investment.models import (
    NoticeDocument,
    NoticeIndexPage,
    NoticePage,
    NoticeResultDocument,
    ProjectDocument,
    ProjectIndexPage,
    ProjectPage,
)
from tests.office_files import docx_bytes, odt_bytes  # noqa: F401 (the tests import them from here)

PROJECTS = "/du-an-dau-tu/"
NOTICES = "/thong-tin-dau-thau/"


@pytest.fixture
def agency(make_agency):
    return make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang", hostname="testserver",
                       own_home=True)


def make_index(agency, model, slug, title):
    page = model(title=title, slug=slug, per_page=20)
    agency.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def project_list(agency):
    return make_index(agency, ProjectIndexPage, "du-an-dau-tu", "Dự án đầu tư")


@pytest.fixture
def notice_list(agency):
    return make_index(agency, NoticeIndexPage, "thong-tin-dau-thau", "Thông tin đấu thầu")


def local(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=OFFICE_TZ)


def _add(index_page, page, publish, capture):
    with capture(execute=True):
        index_page.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_project(project_list, django_capture_on_commit_callbacks):
    """A project under ``into`` (the list by default), published unless publish=False."""

    def make(title, *, status="calling", field="industry", zone="Khu công nghiệp Long Giang",
             objective="Thu hút đầu tư.", publish=True, into=None, documents=(), **fields):
        page = ProjectPage(title=title, slug=slugify(title), status=status, field=field,
                           zone=zone, objective=objective, live=False, **fields)
        for document in documents:
            page.documents.add(ProjectDocument(document=document))
        return _add(into or project_list, page, publish, django_capture_on_commit_callbacks)

    return make


@pytest.fixture
def make_notice(notice_list, django_capture_on_commit_callbacks):
    """A notice under ``into`` (the list by default), published unless publish=False."""

    def make(title, closing, *, kind="invitation", package_name="Gói thầu số 01",
             procuring_entity="Ban Quản lý các Khu công nghiệp Tiền Giang", publish=True,
             into=None, documents=(), result_documents=(), **fields):
        page = NoticePage(title=title, slug=slugify(title), closing=closing, kind=kind,
                          package_name=package_name, procuring_entity=procuring_entity,
                          live=False, **fields)
        for document in documents:
            page.documents.add(NoticeDocument(document=document))
        for document in result_documents:
            page.result_documents.add(NoticeResultDocument(document=document))
        return _add(into or notice_list, page, publish, django_capture_on_commit_callbacks)

    return make


@pytest.fixture
def make_document(db):
    def make(name, content):
        document = get_document_model()(title=name)
        document.file.save(name, ContentFile(content), save=False)
        document.save()
        return document

    return make
