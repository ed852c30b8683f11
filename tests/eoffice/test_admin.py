"""Admin screens (R-EO-2…R-EO-8, R-EO-18): registering, actions as buttons, inboxes, and the
permissions: another agency's clerk sees nothing of ours; a secret document is seen only
by the people it is assigned to; refused POSTs change nothing."""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from plugins.eoffice.documents.models import (
    IncomingDocument,
    IncomingState,
    OutgoingDocument,
    OutgoingState,
    Register,
    Secrecy,
)
from plugins.eoffice.documents.services import incoming, outgoing
from tests.eoffice.conftest import SUBJECT, incoming_fields, pdf

pytestmark = pytest.mark.django_db


def _form(register, **values):
    # Arrived now: normal registration refuses an arrival before the previous working day.
    arrived = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    data = {"register": register.pk, "arrived_at": arrived,
            "sender_name": "UBND tỉnh Tiền Giang", "number_notation": "125/GM-UBND",
            "issue_date": "06/03/2026", "type_code": "GM", "subject": SUBJECT,
            "urgency": "normal", "secrecy": "none", "page_count": "2", "source": "paper",
            "signer_name": "", "sender_agency": ""}
    data.update(values)
    return data


def test_R_EO_2_clerk_registers_through_the_admin(client, staff, registers):
    client.force_login(staff["clerk"])
    page = client.get(reverse("eoffice:register_incoming"))
    assert page.status_code == 200
    assert "Sổ văn bản đến" in page.content.decode()
    # the agency's everyday register is chosen already, never the secret one
    assert page.context["form"]["register"].value() == registers["in"].pk
    response = client.post(reverse("eoffice:register_incoming"),
                           {**_form(registers["in"]), "files": [pdf()]})
    document = IncomingDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("eoffice_incoming:inspect", args=[document.pk])
    assert document.arrival_number == 1 and document.files.count() == 1
    shown = client.get(response["Location"]).content.decode()
    assert "125/GM-UBND" in shown and "Registered" in shown


def test_R_EO_2_a_generic_summary_needs_confirming_and_a_duplicate_is_linked(
        client, staff, registers, registered):
    client.force_login(staff["clerk"])
    response = client.post(reverse("eoffice:register_incoming"),
                           _form(registers["in"], subject="V/v mời họp",
                                 number_notation="7/GM-SXD"))
    assert response.status_code == 200 and "too general" in response.content.decode()
    assert IncomingDocument.objects.count() == 1
    response = client.post(reverse("eoffice:register_incoming"),
                           _form(registers["in"], issue_date="09/03/2026"))
    body = response.content.decode()
    assert "already registered" in body
    assert reverse("eoffice_incoming:inspect", args=[registered.pk]) in body
    assert IncomingDocument.objects.count() == 1


def test_another_agencys_clerk_sees_none_of_our_registers_or_documents(
        client, staff, registers, registered):
    client.force_login(staff["skh_clerk"])
    listing = client.get(reverse("eoffice_register:index")).content.decode()
    assert "Sổ văn bản đến mật" not in listing
    assert client.get(reverse("eoffice_register:edit", args=[registers["in"].pk])
                      ).status_code == 404
    documents = client.get(reverse("eoffice_incoming:index")).content.decode()
    assert "125/GM-UBND" not in documents
    assert client.get(reverse("eoffice_incoming:inspect", args=[registered.pk])
                      ).status_code == 404
    assert client.get(reverse("eoffice:slip", args=["incoming", registered.pk])
                      ).status_code == 404
    file = registered.files.get()
    assert client.get(reverse("eoffice:download", args=["incoming", file.pk])
                      ).status_code == 404
    # Registering into our register is refused: it is not a choice.
    response = client.post(reverse("eoffice:register_incoming"),
                           _form(registers["in"], number_notation="9/UBND-VP"))
    assert response.status_code == 200
    assert IncomingDocument.objects.count() == 1


def test_refused_posts_change_nothing(client, staff, units, registered):
    url = reverse("eoffice:incoming_action", args=[registered.pk, "assign"])
    data = {"main_unit": units["investment"].pk, "deadline_days": "5"}
    client.force_login(staff["skh_director"])
    assert client.post(url, data).status_code == 404
    client.force_login(staff["specialist"])
    assert client.post(url, data).status_code == 404  # not assigned: not even seen
    client.force_login(staff["clerk"])
    response = client.post(url, data, follow=True)
    assert "Only the director" in response.content.decode()
    registered.refresh_from_db()
    assert registered.state == IncomingState.REGISTERED
    assert registered.assignments.count() == 0 and registered.steps.count() == 1


def test_R_EO_3_director_assigns_with_the_button_and_the_handler_sees_it(
        client, staff, units, registered):
    client.force_login(staff["director"])
    inspect = client.get(reverse("eoffice_incoming:inspect", args=[registered.pk]))
    assert "Assign" in inspect.content.decode()
    response = client.post(reverse("eoffice:incoming_action", args=[registered.pk, "assign"]),
                           {"main_person": staff["specialist"].pk, "deadline_days": "3",
                            "instruction": "Đ/c Diễm tham mưu."})
    assert response.status_code == 302
    registered.refresh_from_db()
    assert registered.state == IncomingState.ASSIGNED
    client.force_login(staff["specialist"])
    inbox_page = client.get(reverse("eoffice:inbox")).content.decode()
    assert "125/GM-UBND" in inbox_page
    inspect = client.get(reverse("eoffice_incoming:inspect", args=[registered.pk])).content
    assert "Record the result" in inspect.decode() and "Đ/c Diễm tham mưu." in inspect.decode()
    client.force_login(staff["outsider"])
    assert "125/GM-UBND" not in client.get(reverse("eoffice:inbox")).content.decode()


def test_a_secret_document_is_seen_only_by_its_assignees(client, staff, units, registers):
    document = incoming.register(staff["clerk"], registers["in_secret"], **incoming_fields(
        secrecy=Secrecy.SECRET, number_notation="03/BC-CA")).document
    incoming.assign(staff["director"], document, main=staff["specialist"])
    inspect = reverse("eoffice_incoming:inspect", args=[document.pk])
    for name, seen in (("specialist", True), ("director", True), ("clerk", True),
                       ("colleague", False), ("leader", False), ("outsider", False),
                       ("skh_clerk", False)):
        client.force_login(staff[name])
        assert (client.get(inspect).status_code == 200) is seen, name
        listing = client.get(reverse("eoffice_incoming:index")).content.decode()
        assert ("03/BC-CA" in listing) is seen, name


def test_files_are_served_only_through_the_checked_view(client, staff, registered):
    file = registered.files.get()
    with pytest.raises(ValueError):
        file.file.url  # noqa: B018 - no public URL at all
    url = reverse("eoffice:download", args=["incoming", file.pk])
    client.force_login(staff["outsider"])
    assert client.get(url).status_code == 404
    client.force_login(staff["clerk"])
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_R_EO_8_author_sees_each_reviewers_changes(client, staff, bql):
    draft = outgoing.create_draft(staff["specialist"], bql, body_text="Đề nghị Sở cho ý kiến.",
                                  subject="Đề nghị góp ý dự án đầu tư nhà máy may Việt Tiến")
    outgoing.submit(staff["specialist"], draft)
    client.force_login(staff["leader"])
    url = reverse("eoffice:outgoing_action", args=[draft.pk, "edit"])
    client.post(url, {"subject": draft.subject, "body_text": "Đề nghị Sở góp ý.",
                      "external_recipients": ""})
    client.force_login(staff["specialist"])
    page = client.get(reverse("eoffice_outgoing:inspect", args=[draft.pk])).content.decode()
    assert "Reviewers&#x27; changes" in page or "Reviewers' changes" in page
    assert "Nguyễn Văn Truongphong" in page
    assert '<del class="eoffice-del">cho</del>' in page
    # The author may not edit while it is with the reviewer: refused, nothing changed.
    response = client.post(url, {"subject": "x" * 30, "body_text": "", "external_recipients": ""},
                           follow=True)
    assert "Only the author of a draft" in response.content.decode()
    draft.refresh_from_db()
    assert draft.body_text == "Đề nghị Sở góp ý." and draft.state == OutgoingState.UNIT_REVIEW


@pytest.mark.cross_plugin()  # its assertions follow the plugins installed
def test_R_EO_6_draft_from_the_admin_and_issue_with_the_button(
        client, staff, bql, skh, registers, django_capture_on_commit_callbacks):
    client.force_login(staff["specialist"])
    response = client.post(reverse("eoffice:new_draft"), {
        "drafting_unit": staff["specialist"].positions.get().unit_id, "type_code": "",
        "subject": "Đề nghị góp ý dự án đầu tư nhà máy may Việt Tiến", "body_text": "Nội dung",
        "urgency": "normal", "secrecy": "none", "recipient_agencies": [skh.pk],
        "external_recipients": ""})
    assert response.status_code == 302
    draft = OutgoingDocument.objects.get(agency=bql)
    outgoing.submit(staff["specialist"], draft)
    outgoing.forward(staff["leader"], draft)
    outgoing.approve(staff["director"], draft)
    client.force_login(staff["clerk"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("eoffice:outgoing_action", args=[draft.pk, "issue"]), {
            "register": registers["out"].pk, "signing_prefix": "KT.",
            "signer": staff["director"].pk, "issue_date": "10/03/2026", "copies": "3"})
    draft.refresh_from_db()
    assert draft.state == OutgoingState.ISSUED and draft.number_notation == "01/BQL-QLĐT"
    client.force_login(staff["skh_clerk"])
    # It arrives through the exchange when installed (waiting for the clerk, R-EO-16), else
    # straight in the register.
    url = (reverse("eoffice_exchange:received") if apps.is_installed("plugins.eoffice.exchange")
           else reverse("eoffice_incoming:index"))
    assert "01/BQL-QLĐT" in client.get(url).content.decode()


def test_R_EO_18_unit_leader_sees_the_units_progress_and_others_do_not(
        client, staff, units, registered):
    incoming.assign(staff["director"], registered, main=units["investment"])
    incoming.reassign(staff["leader"], registered, staff["specialist"])
    client.force_login(staff["leader"])
    page = client.get(reverse("eoffice:unit_progress")).content.decode()
    assert "125/GM-UBND" in page
    client.force_login(staff["other_leader"])
    assert "125/GM-UBND" not in client.get(reverse("eoffice:unit_progress")).content.decode()
    client.force_login(staff["specialist"])
    assert client.get(reverse("eoffice:unit_progress")).status_code in (302, 403)
    client.force_login(staff["director"])
    assert "125/GM-UBND" in client.get(reverse("eoffice:agency")).content.decode()


def test_inbox_search_ignores_accents(client, staff, units, registered):
    incoming.assign(staff["director"], registered, main=staff["specialist"])
    client.force_login(staff["specialist"])
    found = client.get(reverse("eoffice:inbox"), {"q": "giai phong mat bang"}).content.decode()
    assert "125/GM-UBND" in found
    missing = client.get(reverse("eoffice:inbox"), {"q": "xay dung"}).content.decode()
    assert "125/GM-UBND" not in missing
    by_number = client.get(reverse("eoffice:inbox"), {"q": "125/gm-ubnd"}).content.decode()
    assert "125/GM-UBND" in by_number


def test_lists_keep_a_constant_number_of_queries(client, staff, units, registers,
                                                django_assert_max_num_queries):
    for number in range(1, 4):
        document = incoming.register(staff["clerk"], registers["in"], **incoming_fields(
            number_notation=f"{number}/UBND-VP")).document
        incoming.assign(staff["director"], document, main=staff["specialist"])
    client.force_login(staff["specialist"])

    def count(url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = {url: count(url) for url in (reverse("eoffice:inbox"),
                                       reverse("eoffice_incoming:index"))}
    for number in range(4, 12):
        document = incoming.register(staff["clerk"], registers["in"], **incoming_fields(
            number_notation=f"{number}/UBND-VP")).document
        incoming.assign(staff["director"], document, main=staff["specialist"])
    for url, queries in few.items():
        with django_assert_max_num_queries(queries):
            client.get(url)


def test_dashboard_shows_the_inbox_counts(client, staff, units, registered):
    client.force_login(staff["director"])
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "To handle: 1" in page


def test_registers_are_kept_by_the_clerks(client, staff, bql, registers):
    client.force_login(staff["specialist"])
    assert client.get(reverse("eoffice_register:edit", args=[registers["in"].pk])
                      ).status_code in (302, 403)
    client.force_login(staff["clerk"])
    response = client.post(reverse("eoffice_register:add"), {
        "agency": bql.pk, "kind": "outgoing", "name": "Sổ văn bản đi của Chi bộ",
        "sort_order": "0", "is_active": "on"})
    assert response.status_code == 302
    assert Register.objects.filter(name="Sổ văn bản đi của Chi bộ").exists()
    assert client.get(reverse("eoffice_register:delete", args=[registers["in"].pk])
                      ).status_code in (302, 403, 404)


def test_R_EO_7_the_agency_view_lists_drafts_past_their_review_time(client, staff, bql):
    import datetime

    from django.utils import timezone

    draft = outgoing.create_draft(staff["specialist"], bql, subject="Báo cáo công tác cải "
                                  "cách hành chính quý I của Ban Quản lý")
    outgoing.submit(staff["specialist"], draft)
    OutgoingDocument.objects.filter(pk=draft.pk).update(
        review_due_at=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(staff["director"])
    page = client.get(reverse("eoffice:agency")).content.decode()
    assert "Drafts past their review time" in page and "cải cách hành chính" in page


def test_the_register_links_each_document_and_its_page_reads_as_words(
        client, staff, units, registered):
    """R-EO-2: from the register's list the clerk opens a document by its number; its page
    shows people by name, yes/no and a dash, never "None" or "False"."""
    client.force_login(staff["clerk"])
    listing = client.get(reverse("eoffice_incoming:index")).content.decode()
    url = reverse("eoffice_incoming:inspect", args=[registered.pk])
    assert f'href="{url}"' in listing
    draft = outgoing.create_draft(staff["specialist"], registered.agency,
                                  subject="Báo cáo tình hình thu hút đầu tư quý III năm 2026",
                                  proposed_signer=staff["director"])
    client.force_login(staff["specialist"])
    page = client.get(reverse("eoffice_outgoing:inspect", args=[draft.pk])).content.decode()
    assert staff["director"].get_full_name() in page
    assert ">None<" not in page and ">False<" not in page
    outgoing.submit(staff["specialist"], draft)
    outgoing.forward(staff["leader"], draft)
    outgoing.approve(staff["director"], draft)
    draft.refresh_from_db()
    assert str(draft).startswith("Approved, to be numbered: ")  # no longer "draft:"


def test_an_action_says_what_was_done_and_the_inbox_offers_only_what_opens(
        client, staff, units, registered):
    """R-EO-3, R-EO-18: after assigning, the director reads which action was done; the
    inbox's tabs show their counts; a specialist is not offered the unit's or the agency's
    views (they would be refused)."""
    client.force_login(staff["director"])
    response = client.post(reverse("eoffice:incoming_action", args=[registered.pk, "assign"]),
                           {"main_person": staff["specialist"].pk, "deadline_days": 5},
                           follow=True)
    assert "Done: Assign." in response.content.decode()
    client.force_login(staff["specialist"])
    page = client.get(reverse("eoffice:inbox")).content.decode()
    assert "To handle (1)" in page
    assert reverse("eoffice:unit_progress") not in page
    assert reverse("eoffice:agency") not in page
    client.force_login(staff["leader"])
    assert reverse("eoffice:unit_progress") in client.get(reverse("eoffice:inbox")).content.decode()
