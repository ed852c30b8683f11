"""import_legal_docs with hostile rows: too-long values, paths outside the folder of files,
an import that dies half-way; the documents' files land in the agency's collection
(issue 14; R-SEC-2, R-SEC-3)."""

import os
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.documents import get_document_model

from plugins.legal_docs import importer
from plugins.legal_docs.models import LegalDocumentPage
from tests.legal_docs.conftest import odt_bytes

pytestmark = pytest.mark.django_db

HEADER = "Số ký hiệu,Tiêu đề,Loại văn bản,Cơ quan ban hành,Ngày ban hành,Người ký,Tệp\n"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _import(tmp_path, rows, files_dir=None):
    table = tmp_path / "van-ban.csv"
    table.write_text(HEADER + "".join(rows), encoding="utf-8")
    err = StringIO()
    args = [str(table)] + (["--files", str(files_dir)] if files_dir else [])
    with pytest.raises(CommandError):
        call_command("import_legal_docs", *args, "--publish", stdout=StringIO(), stderr=err)
    return err.getvalue()


def _stored_documents():
    folder = os.path.join(settings.MEDIA_ROOT, "documents")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def test_a_title_too_long_is_reported_by_line_and_column(tmp_path, library, taxonomy):
    """A 300-character title (or signer) is a line's problem, not a traceback."""
    message = _import(tmp_path, [
        "29/QĐ-BQL,Đúng,QĐ,BQL,20/03/2018,,\n",
        f"30/QĐ-BQL,{'T' * 300},QĐ,BQL,20/03/2018,,\n",
        f"31/QĐ-BQL,Đúng,QĐ,BQL,20/03/2018,{'Nguyễn ' * 30},\n",
    ])
    assert "Line 3: “Tiêu đề” is longer than 255 characters (300)" in message
    assert "Line 4: “Người ký” is longer than 150 characters" in message
    assert "Traceback" not in message
    assert not LegalDocumentPage.objects.exists()  # atomic: the good row is not written


def test_the_length_message_is_in_vietnamese(tmp_path, library, taxonomy):
    with translation.override("vi"):
        message = _import(tmp_path, [f"30/QĐ-BQL,{'T' * 300},QĐ,BQL,20/03/2018,,\n"])
    assert "dài quá 255 ký tự" in message


@pytest.mark.parametrize("name", ["/etc/passwd", "../secret.odt", "sub/../../secret.odt",
                                  "..\\secret.odt", "C:\\Windows\\win.ini", "link.odt"])
def test_a_file_outside_the_folder_of_files_is_refused(tmp_path, library, taxonomy, name):
    """The file column reads only inside --files: an absolute path, “..” or a link out of
    the folder is refused with a clear message and nothing is read or written."""
    files = tmp_path / "tep"
    files.mkdir()
    (tmp_path / "secret.odt").write_bytes(odt_bytes("Bí mật"))
    (files / "link.odt").symlink_to(tmp_path / "secret.odt")
    message = _import(tmp_path, [f"29/QĐ-BQL,Quy chế,QĐ,BQL,20/03/2018,,{name}\n"], files)
    assert "folder of files" in message
    assert not LegalDocumentPage.objects.exists()
    assert not get_document_model().objects.exists()


def test_a_file_inside_a_subfolder_is_fine_and_lands_in_the_agency_collection(
        tmp_path, library, taxonomy, agency):
    """R-SEC-2: imported files are in the agency's collection, so its collection
    permissions apply."""
    files = tmp_path / "tep"
    (files / "2018").mkdir(parents=True)
    (files / "2018" / "quy-che.odt").write_bytes(odt_bytes("Quy chế"))
    table = tmp_path / "van-ban.csv"
    table.write_text(HEADER + "29/QĐ-BQL,Quy chế,QĐ,BQL,20/03/2018,,2018/quy-che.odt\n",
                     encoding="utf-8")
    call_command("import_legal_docs", str(table), "--files", str(files), stdout=StringIO())
    document = get_document_model().objects.get()
    agency.refresh_from_db()
    assert agency.collection_id and document.collection_id == agency.collection_id


def test_an_import_that_dies_half_way_leaves_no_files(tmp_path, library, taxonomy,
                                                      monkeypatch):
    """Interrupted after the first document's file was stored (Ctrl-C, a crash): the
    transaction rolls back and the stored files are deleted too."""
    files = tmp_path / "tep"
    files.mkdir()
    for name in ("a.odt", "b.odt"):
        (files / name).write_bytes(odt_bytes(name))
    table = tmp_path / "van-ban.csv"
    table.write_text(HEADER + "29/QĐ-BQL,Một,QĐ,BQL,20/03/2018,,a.odt\n"
                     "30/QĐ-BQL,Hai,QĐ,BQL,20/03/2018,,b.odt\n", encoding="utf-8")
    before = _stored_documents()
    calls = []
    original = LegalDocumentPage.save_revision

    def dying(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)

    monkeypatch.setattr(LegalDocumentPage, "save_revision", dying)
    with pytest.raises(KeyboardInterrupt):
        importer.import_file(table.read_bytes(), table.name, library, files_dir=str(files))
    assert len(calls) == 2
    assert _stored_documents() == before
    assert not get_document_model().objects.exists()
    assert not LegalDocumentPage.objects.exists()
