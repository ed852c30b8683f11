"""Who may download a legal document's files (R-LD-6, R-SEC-2): the public only the files of
live, public, not secret documents; staff their own agency's; nobody another agency's."""

import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

from plugins.core.models import Role
from plugins.core.roles import agency_collection
from plugins.legal_docs.models import LegalDocumentFile

from .conftest import odt_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def file_of(agency, make_file):
    def make(name):
        document = make_file(name, odt_bytes(name))
        document.collection = agency_collection(agency)
        document.save()
        return document

    return make


def _status(client, document):
    return client.get(document.url).status_code


def test_only_a_live_public_document_serves_its_file_to_the_public(client, make_doc, file_of):
    """R-LD-6: a published document's file downloads; a draft's, a never-published import's
    and a secret one's are not found, whoever asks without an account."""
    public, draft, secret = file_of("cong-khai.odt"), file_of("du-thao.odt"), file_of("mat.odt")
    make_doc("01/QĐ-BQL", "Quyết định công khai", files=[public])
    make_doc("02/QĐ-BQL", "Quyết định chưa ban hành", files=[draft], publish=False)
    make_doc("03/QĐ-BQL", "Quyết định mật", files=[secret], publish=False, secrecy="mat")
    assert _status(client, public) == 200
    with public.file.open("rb") as stored:
        assert b"".join(client.get(public.url).streaming_content) == stored.read()
    assert _status(client, draft) == 404
    assert _status(client, secret) == 404


def test_a_secret_document_file_stays_hidden_even_when_a_public_page_links_it(
        client, make_doc, file_of):
    """R-LD-6: the secret mark wins over any other page using the same file."""
    shared = file_of("chung.odt")
    make_doc("04/QĐ-BQL", "Quyết định mật", files=[shared], publish=False, secrecy="mat")
    make_doc("05/QĐ-BQL", "Quyết định công khai dùng cùng tệp", files=[shared])
    assert _status(client, shared) == 404


def test_unpublishing_hides_the_file_and_a_draft_file_waits_for_publication(
        client, make_doc, file_of):
    """R-LD-6: the file follows the page's published state, not its draft."""
    first, added = file_of("ban-dau.odt"), file_of("bo-sung.odt")
    page = make_doc("06/QĐ-BQL", "Quyết định", files=[first])
    assert _status(client, first) == 200
    page.files.add(LegalDocumentFile(document=added, kind="appendix"))
    revision = page.save_revision()  # a draft: the page's published content is unchanged
    assert _status(client, added) == 404
    revision.publish()
    assert _status(client, added) == 200
    page.refresh_from_db()
    page.unpublish()
    assert _status(client, first) == 404 and _status(client, added) == 404


def test_staff_download_their_agency_drafts_and_never_another_agencys(
        client, agency, make_agency, make_staff, make_doc, file_of):
    """R-SEC-2: a specialist of the agency downloads a draft's file (their collection);
    the IT administrator of another agency does not."""
    draft = file_of("du-thao-noi-bo.odt")
    make_doc("07/QĐ-BQL", "Dự thảo", files=[draft], publish=False)
    other = make_agency("SKH", own_home=True)
    client.force_login(make_staff("chuyenvien", agency, Role.SPECIALIST))
    assert _status(client, draft) == 200
    client.force_login(make_staff("quantri-skh", other, Role.IT_ADMIN))
    assert _status(client, draft) == 404


def test_the_documents_api_lists_only_public_files_of_the_site(
        client, agency, make_agency, make_doc, file_of, make_file):
    """R-LD-6, R-ORG-3: /api/v2/documents/ is the public's view: neither drafts, nor secret
    documents, nor the files of another agency's pages."""
    public, draft, secret = file_of("cong-khai.odt"), file_of("du-thao.odt"), file_of("mat.odt")
    make_doc("08/QĐ-BQL", "Công khai", files=[public])
    make_doc("09/QĐ-BQL", "Dự thảo", files=[draft], publish=False)
    make_doc("10/QĐ-BQL", "Mật", files=[secret], publish=False, secrecy="mat")
    unused = make_file("chua-dung.odt", odt_bytes("x"))
    listed = client.get("/api/v2/documents/").json()
    assert [item["id"] for item in listed["items"]] == [public.pk]
    assert listed["meta"]["total_count"] == 1
    for hidden in (draft, secret, unused):
        assert client.get(f"/api/v2/documents/{hidden.pk}/").status_code == 404
    other = make_agency("SKH", own_home=True, hostname="skh.example.test")
    response = client.get("/api/v2/documents/", HTTP_HOST=other.site.hostname)
    assert response.json()["items"] == []


def _served_from_media(url):
    from django.urls import Resolver404, resolve

    try:
        return resolve(url).func.__module__ == "django.views.static"
    except Resolver404:
        return False


def test_the_development_server_never_serves_documents_from_the_media_folder(
        client, make_doc, file_of, settings):
    """R-SEC-2: with DEBUG the media folder's images are served, its documents are not (a
    document's only way out is the checked /documents/ URL)."""
    secret = file_of("mat-tren-dia.odt")
    make_doc("11/QĐ-BQL", "Mật", files=[secret], publish=False, secrecy="mat")
    import settings.urls as site_urls

    try:
        with override_settings(DEBUG=True):
            importlib.reload(site_urls)
            clear_url_caches()
            assert client.get(settings.MEDIA_URL + secret.file.name).status_code == 404
            assert _served_from_media(settings.MEDIA_URL + "images/x.png")
            assert not _served_from_media(settings.MEDIA_URL + secret.file.name)
    finally:
        importlib.reload(site_urls)
        clear_url_caches()
