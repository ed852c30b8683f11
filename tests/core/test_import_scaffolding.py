"""The core's import scaffolding (issue 16): per-column checks, the upload form, the admin
import view and the import command base that every plugin's import is built on. An import
is all or nothing and says what is wrong, row by row, in Vietnamese and in English."""

import datetime
from io import StringIO

import pytest
import tablib
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import RequestFactory
from django.utils import translation

from plugins.core.imports import checks
from plugins.core.imports.commands import ImportCommand, in_both
from plugins.core.imports.forms import ImportUploadForm, Upload
from plugins.core.imports.views import ImportView
from plugins.core.models import Agency, Unit
from plugins.core.tabular import ImportRefused

COLUMNS = {"name": ("Tên", "name"), "born": ("Ngày sinh", "born"), "order": ("Thứ tự", "order"),
           "kind": ("Loại", "kind"), "tags": ("Nhãn", "tags"), "leader": ("Lãnh đạo", "leader"),
           "email": ("Thư điện tử", "email"), "number": ("Số ký hiệu", "number")}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def table(*rows, headers=("Tên", "Ngày sinh", "Thứ tự")):
    return tablib.Dataset(*rows, headers=list(headers))


def run(check, **values):
    row = checks.Row(2, dict(values), COLUMNS)
    check(row)
    return row


# --- the column checks ---------------------------------------------------------------


def test_required_names_the_empty_column_by_its_header():
    assert run(checks.required("name", "born"), name="", born="1/1/2000").problems == [
        "“Tên” is empty"]


def test_dates_read_cells_and_text_and_leave_empty_cells_none():
    row = run(checks.dates("born", "order"), born="02/09/1945", order=datetime.date(2020, 1, 1))
    assert row.values == {"born": datetime.date(1945, 9, 2), "order": datetime.date(2020, 1, 1)}
    assert run(checks.dates("born"), born="").values["born"] is None
    assert run(checks.dates("born"), born="31/02/2020").problems == [
        "“31/02/2020” is not a date (dd/mm/yyyy)"]


def test_whole_number_with_a_default_and_its_own_message():
    assert run(checks.whole_number("order"), order="").values["order"] == 0
    assert run(checks.whole_number("order"), order="12").values["order"] == 12
    assert run(checks.whole_number("order", message="bad %(value)s"), order="1.5").problems == [
        "bad 1.5"]


def test_choice_compares_without_case_and_refuses_an_unknown_value():
    options = {"cá nhân": "person", "": "person", "đơn vị": "unit"}
    check = checks.choice("kind", options, "unknown kind “%(value)s”", default="person")
    assert run(check, kind="ĐƠN VỊ").values["kind"] == "unit"
    assert run(check, kind="").values["kind"] == "person"
    assert run(check).values["kind"] == "person"  # the column is not in the table
    refused = run(check, kind="Tổ")
    assert refused.problems == ["unknown kind “Tổ”"] and refused.values["kind"] == "person"


def test_choice_may_compare_without_accents_and_store_elsewhere():
    check = checks.choice("kind", {"don vi": "unit"}, "%(value)s", compare=checks.words_key,
                          to="found")
    row = run(check, kind="  Đơn   vị ")
    assert row.values["found"] == "unit" and row.values["kind"] == "  Đơn   vị "


def test_choices_reports_each_unknown_value():
    check = checks.choices("tags", {"a": 1, "b": 2}, "unknown tag “%(value)s”")
    assert run(check, tags="A; b ;").values["tags"] == [1, 2]
    assert run(check, tags="a; c; d").problems == ["unknown tag “c”", "unknown tag “d”"]


def test_flag_reads_yes_and_no_words():
    check = checks.flag("leader", yes=("Có", "x"), no=("Không",), default=False)
    assert run(check, leader="co").values["leader"] is True
    assert run(check, leader="KHÔNG").values["leader"] is False
    assert run(check, leader="").values["leader"] is False
    assert run(check, leader="maybe").problems == [
        "“maybe” in “Lãnh đạo” should be Có or Không"]


def test_emails_checks_one_address_or_a_list():
    assert run(checks.emails("email"), email="a@b.gov.vn").problems == []
    assert run(checks.emails("email"), email="a@").problems == ["“a@” is not an email address"]
    row = run(checks.emails("email", split=lambda text: text.split()), email="a@b.vn nope")
    assert row.problems == ["“nope” is not an email address"]
    assert row.values["email"] == ["a@b.vn", "nope"]


def test_document_number_is_normalised_and_unique_in_the_file_and_the_library():
    """R-LD-4: a number is written the normalised way; one already taken is refused."""
    taken = set()
    check = checks.document_number("number", taken=taken)
    first = run(check, number="36/2016/qd-ubnd")
    assert first.values["number"] == "36/2016/QĐ-UBND"
    assert first.values["number_key"] in taken
    again = run(check, number="36/2016/QĐ-UBND")
    assert again.problems == [
        "36/2016/QĐ-UBND is already in the library or earlier in this file"]
    assert run(check, number="không có số").problems  # a sentence of core.numbers


def test_document_number_accepts_the_type_of_an_earlier_column(monkeypatch):
    """A type the agency declared (its code) is read as the number's type."""
    from plugins.core import numbers

    class Type:
        code = "QCPH"

    seen, parse = [], numbers.parse
    monkeypatch.setattr(numbers, "parse", lambda text, extra_types=(): (
        seen.append(list(extra_types)), parse(text, extra_types))[1])
    check = checks.document_number("number", taken=set(), types_from="kind")
    assert run(check, number="12/QCPH-BQL", kind=Type()).values["number"] == "12/QCPH-BQL"
    run(check, number="13/QCPH-BQL", kind=None)
    assert seen == [["QCPH"], []]


def test_max_lengths_names_the_column_and_the_limit():
    row = run(checks.max_lengths(Unit, {"name": "name"}), name="x" * 300)
    assert row.problems == ["“Tên” is longer than 255 characters (300)"]


# --- check_table ---------------------------------------------------------------------


def test_a_table_without_a_required_column_is_refused_at_once():
    with pytest.raises(ImportRefused) as refused:
        checks.check_table(table(headers=("Ngày sinh",)), COLUMNS, [], required=("name",))
    assert refused.value.errors == ["Missing columns: Tên."]


def test_every_bad_row_is_reported_with_its_line_and_good_rows_come_back_parsed():
    dataset = table(["An", "01/02/2000", "1"], ["", "hôm qua", "x"], ["", "", ""],
                    ["Bình", "", "3"])
    row_checks = [checks.required("name"), checks.dates("born"), checks.whole_number("order")]
    with pytest.raises(ImportRefused) as refused:
        checks.check_table(dataset, COLUMNS, row_checks, required=("name",), skip_blank=True)
    assert refused.value.errors == [
        "Line 3: “Tên” is empty; “hôm qua” is not a date (dd/mm/yyyy); "
        "“x” is not a whole number."]
    rows = checks.check_table(table(["An", "01/02/2000", "1"], ["Bình", "", "3"]), COLUMNS,
                              row_checks, required=("name",))
    assert [(r.line, r.values) for r in rows] == [
        (2, {"name": "An", "born": datetime.date(2000, 2, 1), "order": 1}),
        (3, {"name": "Bình", "born": None, "order": 3})]


def test_the_problems_are_in_vietnamese_when_the_clerk_reads_vietnamese():
    with translation.override("vi"), pytest.raises(ImportRefused) as refused:
        checks.check_table(table(["", "hôm qua", "1"]), COLUMNS,
                           [checks.required("name"), checks.dates("born")])
    assert refused.value.errors == ["Dòng 2: “Tên” để trống; “hôm qua” không phải là ngày "
                                    "(dd/mm/yyyy)."]


def test_a_plugin_row_class_carries_what_its_checks_find():
    class Row(checks.Row):
        found = None

    def remember(row):
        row.found = row.values["name"].upper()

    rows = checks.check_table(table(["an", "", ""]), COLUMNS, [remember], row_class=Row)
    assert rows[0].found == "AN"


# --- the upload form -------------------------------------------------------------------


class UploadForm(ImportUploadForm):
    from django import forms

    table = forms.FileField()
    extra = forms.FileField(required=False)
    uploads = {"table": Upload(("csv", "xlsx"), 1, "Only CSV and XLSX."),
               "extra": Upload(("zip",), 1, "Give a ZIP archive.")}


def _form(name, content, **more):
    files = {"table": SimpleUploadedFile(name, content), **more}
    return UploadForm({}, files)


def test_the_upload_form_accepts_a_table_of_an_accepted_type():
    form = _form("bang.csv", "Tên\nAn\n".encode())
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("name, content, words", [
    ("bang.ods", b"PK\x03\x04", "Only CSV and XLSX."),
    ("bang.xlsx", b"%PDF-1.4 renamed", "is not really a XLSX file"),
    ("bang.csv", b"x" * (1024 * 1024 + 1), "larger than 1 MB"),
])
def test_the_upload_form_refuses_type_content_and_size(name, content, words):
    form = _form(name, content)
    assert not form.is_valid()
    assert words in " ".join(form.errors["table"])


def test_each_upload_is_checked_and_an_empty_optional_one_is_fine():
    assert _form("bang.csv", b"a\n").is_valid()
    form = _form("bang.csv", b"a\n", extra=SimpleUploadedFile("forms.rar", b"Rar!"))
    assert not form.is_valid() and form.errors["extra"] == ["Give a ZIP archive."]


def test_the_upload_form_runs_the_sites_virus_scan(settings):
    settings.PORTAL_VIRUS_SCAN = {"BACKEND": "tests.core.test_import_scaffolding.find_virus"}
    form = _form("bang.csv", b"EICAR\n")
    assert not form.is_valid()
    assert "the virus scan found Eicar-Test" in " ".join(form.errors["table"])


def find_virus(content, name):
    return "Eicar-Test" if b"EICAR" in content else None


# --- the admin view ----------------------------------------------------------------------


IMPORTED = []


def record_import(content, filename, *, user=None, progress=None, suffix=""):
    """The importer the test view queues (run at once by the tests' task settings)."""
    names = content.decode().split()[1:]
    for done, name in enumerate(names, start=1):
        IMPORTED.append((user.username, name + suffix))
        progress(done, len(names))
    return f"{len(names)} imported"


class NamesForm(ImportUploadForm):
    from django import forms

    table = forms.FileField()
    uploads = {"table": Upload(("csv",), 1, "CSV only.")}


class NamesView(ImportView):
    title = "Import names"
    url_name = "wagtailadmin_home"
    importer = "tests.core.test_import_scaffolding.record_import"
    form_class = NamesForm

    def allowed(self):
        return self.request.user.is_superuser

    def check(self, form, content, filename):
        names = content.decode().split()[1:]
        if "" in names or any(not name.isalpha() for name in names):
            raise ImportRefused(["Line 2: not a name."])
        return len(names), {"suffix": "!"}


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "x")


def _request(user, content=None):
    factory = RequestFactory()
    if content is None:
        request = factory.get("/")
    else:
        request = factory.post("/", {"table": SimpleUploadedFile("ten.csv", content)})
    request.user = user
    request.session = {}
    return request


@pytest.mark.django_db
def test_the_import_view_refuses_whoever_may_not_import():
    nobody = get_user_model().objects.create_user("khach", password="x")
    with pytest.raises(PermissionDenied):
        NamesView.as_view()(_request(nobody))


@pytest.mark.django_db
def test_the_import_view_shows_every_problem_and_writes_nothing(superuser):
    response = NamesView.as_view()(_request(superuser, b"Name\nAn\n42\n"))
    assert response.status_code == 200
    assert response.context_data["errors"] == ["Line 2: not a name."]
    assert response.context_data["page_title"] == "Import names"
    assert not Agency.objects.exists()


@pytest.mark.django_db
def test_the_import_view_refuses_a_wrong_upload_beside_its_field(superuser):
    request = RequestFactory().post("/", {"table": SimpleUploadedFile("ten.txt", b"x")})
    request.user = superuser
    response = NamesView.as_view()(request)
    assert response.context_data["form"].errors["table"] == ["CSV only."]


@pytest.mark.django_db
def test_a_clean_file_is_imported_by_the_task_with_its_progress(superuser):
    from plugins.core.import_jobs import get_progress

    IMPORTED.clear()
    response = NamesView.as_view()(_request(superuser, b"Name\nAn\nBinh\n"))
    assert response.status_code == 302
    job = response.url.rstrip("/").rsplit("/", 1)[-1]
    state = get_progress(job)
    assert state["status"] == "done", state.get("errors")
    assert state["message"] == "2 imported"
    assert (state["done"], state["total"]) == (2, 2)
    assert IMPORTED == [("admin", "An!"), ("admin", "Binh!")]


# --- the command -------------------------------------------------------------------------


class NamesCommand(ImportCommand):
    file_help = "a CSV of names"

    def add_target_arguments(self, parser):
        parser.add_argument("--prefix", default="T")

    def target(self, *, prefix, **options):
        if prefix == "none":
            raise CommandError(in_both(lambda: translation.gettext("Import")))
        return prefix

    def run_import(self, content, filename, target, *, progress, **options):
        names = content.decode().split()[1:]
        with transaction.atomic():
            for done, name in enumerate(names, start=1):
                Agency.objects.create(symbol=f"{target}{done}", name=name)
                progress(done, len(names))
            bad = [f"Line {line}: “{name}” is not a name." for line, name in
                   enumerate(names, start=2) if not name.isalpha()]
            if bad:
                raise ImportRefused(bad)
        return len(names)

    def describe(self, outcome):
        return translation.ngettext("%(counter)s document imported.",
                                    "%(counter)s documents imported.", outcome) % {
            "counter": outcome}


@pytest.mark.django_db
def test_the_command_imports_and_says_so(tmp_path):
    path = tmp_path / "ten.csv"
    path.write_text("Name\nAn\nBinh\n")
    out = StringIO()
    call_command(NamesCommand(), str(path), "--prefix", "X", stdout=out)
    assert "  2/2" in out.getvalue()
    assert "X: 2 documents imported." in out.getvalue()
    assert set(Agency.objects.values_list("symbol", flat=True)) == {"X1", "X2"}


@pytest.mark.django_db
def test_the_command_refuses_a_bad_file_in_vietnamese_and_english(tmp_path):
    """All or nothing: each problem on stderr, nothing written, a non-zero exit."""
    path = tmp_path / "ten.csv"
    path.write_text("Name\nAn\n42\nx1\n")
    err = StringIO()
    with translation.override("vi"), pytest.raises(CommandError) as refused:
        call_command(NamesCommand(), str(path), stdout=StringIO(), stderr=err)
    assert err.getvalue().splitlines() == ["Line 3: “42” is not a name.",
                                           "Line 4: “x1” is not a name."]
    assert str(refused.value) == ("2 lỗi: không nhập gì. "
                                  "(2 problems: nothing was imported.)")
    assert not Agency.objects.exists()


@pytest.mark.django_db
def test_the_command_refuses_a_missing_file_and_a_missing_target(tmp_path):
    with pytest.raises(CommandError, match="nope.csv: no such file"):
        call_command(NamesCommand(), str(tmp_path / "nope.csv"))
    path = tmp_path / "ten.csv"
    path.write_text("Name\n")
    with pytest.raises(CommandError):
        call_command(NamesCommand(), str(path), "--prefix", "none")


def test_a_sentence_in_both_languages_only_when_they_differ():
    with translation.override("vi"):
        assert in_both(lambda: translation.gettext("Import")) == "Nhập (Import)"
    assert in_both(lambda: translation.gettext("Import")) == "Import"
