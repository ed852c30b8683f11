"""Archives and JSON from outside are read within one set of limits in core, and every
importer answers a hostile one with a sentence, never a traceback (issue 14, R-SEC-3)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from plugins.core.files import archives, check_file
from plugins.core.files.json_files import UnsafeJSON, load_json
from plugins.core.tabular import ImportRefused, read_table

from .hostile_files import bomb, deep_json, lying_zip, many_members, nested, zip_of


@pytest.fixture(autouse=True)
def english():
    """The messages are asserted in English; one test checks the Vietnamese."""
    from django.utils import translation

    with translation.override("en"):
        yield


def test_the_reasons_are_in_vietnamese():
    from django.utils import translation

    with translation.override("vi"), pytest.raises(archives.UnsafeArchive) as refused:
        archives.check_archive(bomb())
    assert "bom ZIP" in refused.value.message
    with translation.override("vi"), pytest.raises(UnsafeJSON) as refused:
        load_json(deep_json())
    assert "lồng nhau quá 32 cấp" in refused.value.message


@pytest.mark.parametrize("content, words", [
    (bomb(), "ZIP bomb"),
    (lying_zip(), "recorded size is false"),
    (many_members(), "more than 2000 files"),
    (nested(5), "nested more than 3 deep"),
    (b"PK\x03\x04 not really", "not a readable ZIP"),
])
def test_core_refuses_hostile_archives_with_a_reason(content, words):
    with pytest.raises(archives.UnsafeArchive) as refused:
        archives.check_archive(content)
    assert words in refused.value.message


def test_core_limits_the_total_and_each_member():
    import random

    noise = random.Random(14).randbytes
    honest = zip_of({"a.bin": noise(2 * 2**20), "b.bin": noise(2 * 2**20)})
    archives.check_archive(honest)  # 4 MB in all: fine
    with pytest.raises(archives.UnsafeArchive, match="more than 3 MB once unpacked"):
        archives.check_archive(honest, archives.DEFAULT_LIMITS.but(max_total_mb=3))
    with pytest.raises(archives.UnsafeArchive, match="in the archive would take more than 1 MB"):
        archives.check_archive(honest, archives.DEFAULT_LIMITS.but(max_member_mb=1))
    archives.check_archive(nested(3))  # a ZIP of forms holding a DOCX with an embedded sheet


def test_a_bomb_is_refused_without_inflating_it():
    """A 194 KB ZIP that inflates to 190 MB is refused after reading a few megabytes."""
    import tracemalloc

    content = bomb(190)
    assert len(content) < 200 * 1024
    tracemalloc.start()
    with pytest.raises(archives.UnsafeArchive):
        archives.check_archive(content)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 16 * 2**20


def test_core_json_loader_refuses_deep_nesting_and_bad_bytes():
    with pytest.raises(UnsafeJSON, match="nested more than 32 levels"):
        load_json(deep_json())
    with pytest.raises(UnsafeJSON, match="nested more than 32 levels"):
        load_json(b'{"a":' * 40 + b"1" + b"}" * 40)
    with pytest.raises(UnsafeJSON):
        load_json(b"\xff\xfe[")
    with pytest.raises(UnsafeJSON, match="line 1"):
        load_json(b"[1,")
    assert load_json(b"[[]]") == [[]]


@pytest.mark.parametrize("name, content", [("bang.xlsx", bomb()), ("bang.ods", lying_zip()),
                                           ("bang.xlsx", many_members(6000))])
def test_every_table_import_refuses_a_hostile_workbook(name, content):
    """core.tabular.read_table (legal documents, the directory) checks the workbook first."""
    with pytest.raises(ImportRefused) as refused:
        read_table(content, name)
    assert refused.value.errors and "Traceback" not in refused.value.errors[0]


def test_uploaded_office_files_are_checked_as_archives():
    """A DOCX that is a ZIP bomb is refused by the one file check every upload goes through."""
    content = zip_of({"word/document.xml": b"\0" * (20 * 2**20)})
    with pytest.raises(ValidationError, match="ZIP bomb"):
        check_file(ContentFile(content, name="to-trinh.docx"), "to-trinh.docx")


# --- through the admin import screens ---------------------------------------------------


def _upload(content, name):
    upload = io.BytesIO(content)
    upload.name = name
    return upload


@pytest.fixture
def superuser(client, django_user_model):
    from wagtail.users.models import UserProfile

    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "x-2026-pass")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"  # the messages are asserted in English
    profile.save()
    client.force_login(admin)
    client.raise_request_exception = False
    return admin


@pytest.mark.django_db
@pytest.mark.parametrize("table, forms_zip, words", [
    (("thu-tuc.json", deep_json()), None, "nested more than"),
    (("thu-tuc.json", b'{"MaTTHC": ' * 5000), None, "JSON"),
    (("thu-tuc.xlsx", bomb()), None, "ZIP bomb"),
    (("thu-tuc.ods", lying_zip()), None, "recorded size is false"),
    (("thu-tuc.json", b"[]"), ("bieu-mau.zip", lying_zip()), "recorded size is false"),
    (("thu-tuc.json", b"[]"), ("bieu-mau.zip", bomb(190)), "more than 50 MB once unpacked"),
    (("thu-tuc.json", b"[]"), ("bieu-mau.zip", bomb(40)), "ZIP bomb"),
    (("thu-tuc.json", b"[]"), ("bieu-mau.zip", nested(6)), "nested more than"),
])
def test_procedure_import_screen_answers_hostile_files(client, superuser, index_page, table,
                                                       forms_zip, words):
    from plugins.procedures.models import ProcedurePage

    data = {"index_page": index_page.pk, "table": _upload(table[1], table[0])}
    if forms_zip:
        data["forms_zip"] = _upload(forms_zip[1], forms_zip[0])
    response = client.post(reverse("procedures:import"), data)
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not ProcedurePage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name, content", [("van-ban.xlsx", bomb()),
                                           ("van-ban.xlsx", lying_zip())])
def test_legal_docs_import_screen_answers_hostile_files(client, superuser, library, name,
                                                        content):
    response = client.post(reverse("legal_docs:import"),
                           {"library": library.pk, "table": _upload(content, name)})
    assert response.status_code == 200
    assert "XLSX" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name, content", [("danh-ba.ods", bomb()),
                                           ("danh-ba.xlsx", lying_zip()),
                                           ("danh-ba.csv", b"\xff\xfe\x00bad")])
def test_directory_import_screen_answers_hostile_files(client, superuser, agency, name,
                                                       content):
    response = client.post(reverse("email_directory:import"),
                           {"agency": agency.pk, "table": _upload(content, name)})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode() or "error" in response.content.decode()


@pytest.mark.django_db
def test_directory_import_reports_values_longer_than_their_fields(agency):
    """The length check of the legal documents import (core.tabular.length_problems) also
    guards the directory: PostgreSQL would refuse a 300-character name with a traceback."""
    from plugins.email_directory.importer import validate
    from plugins.email_directory.models import DirectoryEntry

    table = read_table(("Họ và tên,Chức vụ,Điện thoại\n"
                        f"{'Nguyễn ' * 50},Chuyên viên,{'0' * 60}\n").encode(), "danh-ba.csv")
    with pytest.raises(ImportRefused) as refused:
        validate(table, agency)
    message = refused.value.errors[0]
    assert "Line 2" in message and "“Họ và tên” is longer than 150 characters" in message
    assert "“Điện thoại” is longer than 50 characters" in message
    assert not DirectoryEntry.objects.exists()
