import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from plugins.legal_docs.models import (
    DocumentType,
    IssuerLevel,
    IssuingBody,
    LegalDocumentFile,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalField,
    LegalRelation,
)
from plugins.legal_docs.national_types import ensure_document_types
from tests.office_files import odt_bytes  # noqa: F401 (the tests import them from here)


@pytest.fixture
def agency(make_agency):
    return make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang", hostname="testserver")


@pytest.fixture
def library(agency):
    home = agency.site.root_page
    page = LegalDocumentIndexPage(title="Văn bản", slug="van-ban", per_page=20)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def taxonomy(db):
    # The national list comes with the plugin (migration 0002).
    types = ensure_document_types(DocumentType)
    issuers = {
        key: IssuingBody.objects.create(name=name, abbreviation=key, level=level)
        for key, name, level in [
            ("CP", "Chính phủ", IssuerLevel.CENTRAL),
            ("UBND", "Ủy ban nhân dân tỉnh", IssuerLevel.PROVINCIAL),
            ("BQL", "Ban Quản lý các Khu công nghiệp", IssuerLevel.AGENCY),
        ]
    }
    fields = {name: LegalField.objects.create(name=name) for name in
              ["Công nghệ thông tin", "Môi trường", "Đầu tư"]}
    return {"types": types, "issuers": issuers, "fields": fields}


@pytest.fixture
def make_doc(library, taxonomy, django_capture_on_commit_callbacks):
    """Create a legal document under the library; published unless publish=False."""

    def make(number, title, *, type="QĐ", issuer="BQL", issue_date=None, fields=(),
             publish=True, relations=(), files=(), **extra):
        page = LegalDocumentPage(
            title=title, number=number, slug=None, doc_type=taxonomy["types"][type],
            issuing_body=taxonomy["issuers"][issuer],
            issue_date=issue_date or datetime.date(2026, 3, 2),
            summary=extra.pop("summary", title), live=False, **extra,
        )
        page.slug = f"vb-{LegalDocumentPage.objects.count() + 1}"
        page.full_clean(exclude=["path", "depth"])
        page.legal_fields = [taxonomy["fields"][name] for name in fields]
        page.relations = [LegalRelation(**relation) for relation in relations]
        page.files = [LegalDocumentFile(document=document, kind="main") for document in files]
        with django_capture_on_commit_callbacks(execute=True):
            library.add_child(instance=page)
            revision = page.save_revision()
            if publish:
                revision.publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def make_file(db):
    def make(name, content):
        document = get_document_model()(title=name)
        document.file.save(name, ContentFile(content), save=False)
        document.save()
        return document

    return make
