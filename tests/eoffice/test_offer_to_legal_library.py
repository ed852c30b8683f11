"""An issued legal normative document is offered to the legal library, when that plugin is
installed, as a draft for its editors (issue 17 item 7, R-LD-5): through core's
``document_issued`` signal, never by importing the library."""

import pytest

from plugins.eoffice.documents.models import Secrecy
from plugins.eoffice.documents.services import outgoing
from tests.eoffice.conftest import pdf

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.cross_plugin("plugins.legal_docs"),
]


@pytest.fixture
def library(bql):
    from plugins.legal_docs.models import LegalDocumentIndexPage

    page = LegalDocumentIndexPage(title="Văn bản", slug="van-ban-eo", per_page=20)
    bql.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def _issued(staff, registers, bql, **fields):
    document = outgoing.create_draft(staff["specialist"], bql, **fields)
    outgoing.submit(staff["specialist"], document)
    outgoing.forward(staff["leader"], document)
    outgoing.approve(staff["director"], document)
    document.refresh_from_db()
    return outgoing.issue(staff["clerk"], document, register=registers["out"],
                          signer=staff["director"], signed_file=pdf("quyet-dinh.pdf"))


def test_R_LD_5_a_normative_document_issued_becomes_a_draft_of_the_library(
        staff, registers, bql, library):
    from plugins.legal_docs.models import LegalDocumentPage

    issued = _issued(staff, registers, bql, type_code="QĐ", is_normative=True,
                     subject="Quy định quản lý lao động trong các khu công nghiệp tỉnh")
    page = LegalDocumentPage.objects.child_of(library).get()
    assert not page.live and page.has_unpublished_changes  # the editors publish it
    assert page.number == issued.number_notation and page.doc_type.code == "QĐ"
    assert page.summary == "Quy định quản lý lao động trong các khu công nghiệp tỉnh"
    assert page.issue_date == issued.issue_date and page.issued_here
    assert page.issuing_body.name == bql.name
    assert [f.document.filename for f in page.files.all()] == ["quyet-dinh.pdf"]


def test_ordinary_and_secret_documents_are_not_offered(staff, registers, bql, library):
    from plugins.legal_docs.models import LegalDocumentPage

    _issued(staff, registers, bql, type_code="QĐ",
            subject="Quyết định thành lập tổ công tác xúc tiến đầu tư năm 2026")
    document = outgoing.create_draft(staff["specialist"], bql, type_code="QĐ",
                                     is_normative=True, secrecy=Secrecy.CONFIDENTIAL,
                                     subject="Quy định bảo vệ bí mật nhà nước tại Ban Quản lý")
    outgoing.submit(staff["specialist"], document)
    outgoing.forward(staff["leader"], document)
    outgoing.approve(staff["director"], document)
    outgoing.issue(staff["clerk"], document, register=registers["out_secret"],
                   signer=staff["director"])
    assert not LegalDocumentPage.objects.child_of(library).exists()


def test_a_failing_library_does_not_undo_the_issue(staff, registers, bql, monkeypatch,
                                                   caplog):
    """A broken receiver: the document is issued all the same, the failure logged."""
    from plugins.legal_docs import from_office

    def broken(document):
        raise RuntimeError("library unavailable")

    monkeypatch.setattr(from_office, "draft_from_issued", broken)
    issued = _issued(staff, registers, bql, type_code="QĐ", is_normative=True,
                     subject="Quy định quản lý lao động trong các khu công nghiệp tỉnh")
    issued.refresh_from_db()
    assert issued.state == "issued" and issued.number_notation.endswith("/QĐ-BQL")
    assert "library unavailable" in caplog.text
