"""An import that is stopped half-way leaves no stray files: not the uploaded table, not
the form files it had stored (issue 14; R-SEC-3)."""

import os

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model

from plugins.core import import_jobs
from plugins.procedures import importer
from plugins.procedures.models import ProcedurePage
from tests.procedures.conftest import docx_bytes, national_json, national_record

pytestmark = pytest.mark.django_db


def _files(folder):
    path = os.path.join(settings.MEDIA_ROOT, folder)
    return sorted(os.listdir(path)) if os.path.isdir(path) else []


def stopped_importer(content, filename, **kwargs):
    raise KeyboardInterrupt  # the worker is stopped


def test_a_stopped_import_task_deletes_the_uploaded_table(django_user_model):
    user = django_user_model.objects.create_user("vanthu")
    stored = default_storage.save("imports/job-van-ban.csv", ContentFile(b"a,b\n"))
    with pytest.raises(KeyboardInterrupt):
        import_jobs.run("job", f"{__name__}.stopped_importer", stored, "van-ban.csv", "vi",
                        user.pk, {})
    assert not default_storage.exists(stored)


def test_a_procedure_import_stopped_half_way_deletes_its_form_files(tmp_path, index_page,
                                                                    monkeypatch):
    folder = tmp_path / "bieu-mau"
    folder.mkdir()
    (folder / "Mau A.I.1.docx").write_bytes(docx_bytes("Văn bản đề nghị"))
    (folder / "de-xuat.docx").write_bytes(docx_bytes("Đề xuất dự án"))
    content = national_json(national_record(), national_record("1.009648", "Điều chỉnh"))
    before = _files("documents")
    calls = []
    original = ProcedurePage.save_revision

    def dying(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ProcedurePage, "save_revision", dying)
    with pytest.raises(KeyboardInterrupt):
        importer.import_file(content, "thu-tuc.json", index_page,
                             form_files=importer.FormFiles.from_folder(folder), publish=True)
    assert len(calls) == 2
    assert _files("documents") == before
    assert not get_document_model().objects.exists()
    assert not ProcedurePage.objects.exists()


def test_forms_folder_ignores_links_that_lead_outside(tmp_path):
    folder = tmp_path / "bieu-mau"
    folder.mkdir()
    (tmp_path / "secret.docx").write_bytes(b"secret")
    (folder / "Mau A.I.1.docx").symlink_to(tmp_path / "secret.docx")
    (folder / "de-xuat.docx").write_bytes(docx_bytes("Đề xuất"))
    files = importer.FormFiles.from_folder(folder)
    assert files.exact("Mau A.I.1.docx") == []
    assert files.exact("de-xuat.docx")
