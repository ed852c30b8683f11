"""Every document uploaded in the admin is checked by content and, when the site has a virus
scanner, scanned (R-SEC-2; seed 002 Đ15.6); the admin API shows each agency its own files."""

import socketserver
import struct
import threading

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from plugins.core.files import scanning
from plugins.core.models import Role
from plugins.core.roles import agency_collection

pytestmark = pytest.mark.django_db

Document = get_document_model()
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"This program"
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


@pytest.fixture
def clerk(make_agency, make_staff):
    agency = make_agency("BQL", hostname="testserver")
    return make_staff("vanthu", agency, Role.CLERK), agency


def _upload(client, agency, name, content):
    return client.post(reverse("wagtaildocs:add"), {
        "title": name, "collection": agency_collection(agency).pk,
        "file": SimpleUploadedFile(name, content),
    })


@pytest.mark.parametrize(("name", "content"), [("bao-cao.pdf", PROGRAM), ("trang.pdf", HTML),
                                                ("bang.xlsx", PDF), ("tep.zip", HTML)])
def test_a_file_whose_content_is_not_its_name_is_refused(client, clerk, name, content,
                                                         settings):
    """R-SEC-2: a program or a web page renamed .pdf is refused, and nothing is kept."""
    user, agency = clerk
    client.force_login(user)
    files_before = _stored_files(settings)
    response = _upload(client, agency, name, content)
    assert response.status_code == 200
    assert "nội dung tệp không khớp" in response.content.decode()
    assert not Document.objects.exists()
    assert _stored_files(settings) == files_before


def test_a_real_pdf_is_accepted(client, clerk):
    user, agency = clerk
    client.force_login(user)
    assert _upload(client, agency, "bao-cao.pdf", PDF).status_code == 302
    assert Document.objects.get().collection == agency_collection(agency)


def test_the_multiple_upload_screen_checks_too(client, clerk):
    """R-SEC-2: the drag-and-drop upload is the same form underneath."""
    user, agency = clerk
    client.force_login(user)
    response = client.post(reverse("wagtaildocs:add_multiple"), {
        "collection": agency_collection(agency).pk,
        "files[]": SimpleUploadedFile("bao-cao.pdf", PROGRAM),
    }, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.json()["success"] is False
    assert not Document.objects.exists()


def _stored_files(settings):
    from pathlib import Path

    folder = Path(settings.MEDIA_ROOT) / "documents"
    return sorted(path.name for path in folder.glob("*")) if folder.exists() else []


class FakeClamd(socketserver.BaseRequestHandler):
    """Answers clamd's INSTREAM command as the daemon does: FOUND for the EICAR test file."""

    def handle(self):
        command = b""
        while not command.endswith(b"\0"):
            command += self.request.recv(1)
        assert command == b"zINSTREAM\0"
        data = b""
        while True:
            (length,) = struct.unpack("!L", self._exactly(4))
            if length == 0:
                break
            data += self._exactly(length)
        found = b"stream: Eicar-Test-Signature FOUND\0" if EICAR in data else b"stream: OK\0"
        self.request.sendall(found)

    def _exactly(self, size):
        data = b""
        while len(data) < size:
            data += self.request.recv(size - len(data))
        return data


@pytest.fixture
def clamd(settings):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), FakeClamd)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.PORTAL_VIRUS_SCAN = {"CLAMD": f"tcp://127.0.0.1:{server.server_address[1]}"}
    yield server
    server.shutdown()
    server.server_close()


def test_a_virus_is_refused_and_named(client, clerk, clamd):
    """Seed 002 Đ15.6: the scan runs on upload; what it finds is named and nothing is kept."""
    user, agency = clerk
    client.force_login(user)
    infected = b"%PDF-1.4\n" + EICAR + b"\n%%EOF\n"
    response = _upload(client, agency, "nhiem.pdf", infected)
    assert "Eicar-Test-Signature" in response.content.decode()
    assert not Document.objects.exists()
    assert _upload(client, agency, "sach.pdf", PDF).status_code == 302


def test_an_unreachable_scanner_refuses_uploads_unless_told_otherwise(client, clerk, settings):
    from django.core.cache import cache

    cache.clear()  # no file is remembered as clean from another test
    user, agency = clerk
    client.force_login(user)
    settings.PORTAL_VIRUS_SCAN = {"CLAMD": "tcp://127.0.0.1:9", "TIMEOUT": 2}
    response = _upload(client, agency, "bao-cao.pdf", PDF)
    assert "không kiểm tra được virus" in response.content.decode()
    assert not Document.objects.exists()
    settings.PORTAL_VIRUS_SCAN = {**settings.PORTAL_VIRUS_SCAN, "FAIL_OPEN": True}
    assert _upload(client, agency, "bao-cao.pdf", PDF).status_code == 302


def test_a_large_file_streams_to_the_scanner_in_chunks(clamd, settings):
    content = b"%PDF-1.4\n" + b"x" * (3 * scanning.CHUNK + 17) + EICAR
    address = settings.PORTAL_VIRUS_SCAN["CLAMD"]
    assert scanning.clamd_scan(content, address) == "Eicar-Test-Signature"
    assert scanning.clamd_scan(PDF, address) is None


def test_the_admin_api_lists_only_the_users_agency_files(client, make_agency, make_staff):
    """R-SEC-2, R-ORG-3: /admin/api/main/documents/ and images/ are scoped like the admin's
    own listings: another agency's files are neither listed nor found."""
    first, second = make_agency("BQL"), make_agency("SKH", own_home=True)
    mine = Document.objects.create(title="Của BQL", collection=agency_collection(first),
                                   file=ContentFile(PDF, name="bql.pdf"))
    theirs = Document.objects.create(title="Của SKH", collection=agency_collection(second),
                                     file=ContentFile(PDF, name="skh.pdf"))
    client.force_login(make_staff("chuyenvien", first, Role.SPECIALIST))
    listed = client.get("/admin/api/main/documents/").json()
    assert [item["id"] for item in listed["items"]] == [mine.pk]
    assert client.get(f"/admin/api/main/documents/{theirs.pk}/").status_code == 404
    assert client.get("/admin/api/main/images/").status_code == 200
