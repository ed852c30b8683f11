"""R-SEC-2: only authorised people see and change each thing — the permission matrix.

Two agencies, A and B, each hold one record of every kind of every plugin (see
``world.py``; every record carries its agency's marker text). The people: nobody signed in,
a user without a role, and one person in each role of :class:`plugins.core.models.Role`
in each agency. Each person opens every admin URL (read from Django's resolver, so new
screens are probed too) with the other agency's records, by GET and by POST:

- a screen of one record of the other agency is refused (403, 404 or a redirect), and a
  POST to it changes none of the other agency's rows;
- every list (index, results, exports, reports, choosers, the admin API) that answers
  shows no record of the other agency (its marker text is not in the answer);
- on the public sites, secret and draft pages, their files, unpublished answers to
  citizens' questions and other sites' pages stay out of sight.

Who may see which list of their own agency is the explicit table :data:`OWN_LISTS`.
"""

import pytest
from django.conf import settings

if "portal" not in settings.INSTALLED_APPS:  # every plugin is probed: the full site only
    pytest.skip("the matrix needs every plugin", allow_module_level=True)
from django.test import Client, TestCase
from django.urls import reverse

from plugins.core.models import Role
from tests.admin_forms import form_data
from tests.security.snapshots import differences, snapshot
from tests.security.urls import probes
from tests.security.world import build_world

# Answers that refuse: not found, forbidden, a redirect (to the login or the dashboard),
# method not allowed, bad request.
REFUSED = {302, 400, 403, 404, 405}

# Screens that only show (a POST to them changes nothing even when allowed): GET only.
READ_ONLY = {"history", "history_results", "usage", "usage_results", "inspect",
             "revisions_index", "revisions_view", "workflow_history", "document_usage",
             "image_usage", "url_generator_output", "view_draft"}

PERSONAS = ["anonymous", "no_role", *(f"{key}:{role.value}" for key in "AB" for role in Role)]
STAFF = [persona for persona in PERSONAS if ":" in persona]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The two agencies, built once for this module inside a transaction rolled back at
    its end (each test runs in a savepoint of it)."""
    from django.core.cache import cache
    from django.db import transaction

    with django_db_blocker.unblock():
        with transaction.atomic():
            with TestCase.captureOnCommitCallbacks(execute=True):
                built = build_world()
            built.form_data, built.server_errors = {}, set()
            # The forms a superuser sees, fetched before any test takes its snapshots (opening
            # some screens makes a record, as the editorial information of a page does).
            for own, other in (("A", "B"), ("B", "A")):
                found, _ = probes(built.agencies[other], built.agencies[own])
                for probe in found:
                    if probe.kind == "record":
                        superuser_form(built, probe.url)
            yield built
            transaction.set_rollback(True)
        cache.clear()


def user_of(world, persona):
    if persona == "anonymous":
        return None
    if persona == "no_role":
        return world.no_role
    key, role = persona.split(":")
    return world.agencies[key].people[Role(role)]


def client_for(world, persona):
    client = Client(raise_request_exception=False)
    user = user_of(world, persona)
    if user is not None:
        client.force_login(user)
    return client


def sides(world, persona):
    """(own agency, other agency) of ``persona``; outsiders probe agency B from A's side."""
    key = persona.split(":")[0] if ":" in persona else "A"
    other = "B" if key == "A" else "A"
    return world.agencies[key], world.agencies[other]


def superuser_form(world, url):
    """The form a superuser sees at ``url`` (cached), with the other marker changed so that
    a POST that were let through would change the record."""
    if url not in world.form_data:
        if not hasattr(world, "superuser_client"):
            world.superuser_client = Client(raise_request_exception=False)
            world.superuser_client.force_login(world.superuser)
        response = world.superuser_client.get(url)
        data = {}
        world.server_errors.update({url} if response.status_code >= 500 else ())
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            try:
                data = form_data(response.content.decode())
            except AttributeError:  # no form on the page
                data = {}
        world.form_data[url] = data
    return world.form_data[url]


def _tampered(data, marker):
    def change(value):
        if isinstance(value, list):
            return [change(item) for item in value]
        return value.replace(marker, f"{marker}X") if marker in value else value

    return {name: change(value) for name, value in data.items()}


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def test_every_probed_screen_opens_for_a_superuser(world, db):
    """The matrix POSTs what a superuser's form holds: every screen must open for one."""
    assert not world.server_errors, f"server errors for a superuser: {world.server_errors}"


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_screen_of_another_agency_opens_and_no_post_changes_it(world, db, persona):
    """R-SEC-2: every admin screen of one of the other agency's records refuses ``persona``,
    and a POST to it (the form a superuser would send, with its texts changed) leaves every
    row of the other agency as it was."""
    own, other = sides(world, persona)
    found, unfillable = probes(other, own)
    assert not unfillable, f"admin URLs with arguments the matrix cannot fill: {unfillable}"
    client = client_for(world, persona)
    before = snapshot(other)
    leaks, suspects = [], []
    for probe in (p for p in found if p.kind == "record"):
        response = client.get(probe.url)
        if response.status_code not in REFUSED:
            leaks.append(f"GET {probe.url} ({probe.name}) → {response.status_code}")
        if probe.name.rsplit(":", 1)[-1] in READ_ONLY:
            continue
        data = _tampered(superuser_form(world, probe.url), other.marker)
        response = client.post(probe.url, data)
        if response.status_code >= 500:
            leaks.append(f"POST {probe.url} ({probe.name}) → {response.status_code}")
        elif response.status_code in (200, 302):
            suspects.append(f"POST {probe.url} ({probe.name}) → {response.status_code}")
    if changed := differences(before, snapshot(other)):
        leaks.append(f"the POSTs changed {changed}; the answers that were not plain "
                     "refusals:\n  " + "\n  ".join(suspects))
    assert not leaks, f"{persona} reached {other.key}'s records:\n" + "\n".join(leaks)


def _list_urls(found):
    for probe in found:
        if probe.kind != "list":
            continue
        yield probe.url
        if probe.name.endswith(":index") or probe.name.endswith("_results") is False and (
            "bao-cao" in probe.url
        ):
            yield f"{probe.url}?export=csv"
    yield "/admin/api/main/documents/"
    yield "/admin/api/main/images/"
    yield "/admin/api/main/pages/"
    yield "/admin/api/main/pages/?child_of=root"


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_list_shows_another_agencys_records(world, db, persona):
    """R-SEC-2: every admin list, report, export, chooser and admin API answer that opens
    for ``persona`` holds nothing of the other agency (its marker text)."""
    own, other = sides(world, persona)
    found, _ = probes(other, own)
    client = client_for(world, persona)
    leaks = []
    for url in _list_urls(found):
        response = client.get(url)
        if response.status_code >= 500:
            leaks.append(f"{url} → {response.status_code}")
        elif response.status_code == 200 and other.marker in _body(response):
            leaks.append(url)
    assert not leaks, (f"{persona} sees {other.key}'s records ({other.marker}) in:\n"
                       + "\n".join(leaks))


PUBLIC_PERSONAS = ["anonymous", "no_role", *(f"A:{role.value}" for role in Role)]


def _public(client, url, host):
    return client.get(url, HTTP_HOST=host)


def test_public_sites_keep_secret_and_draft_pages_and_their_files_hidden(world, db):
    """R-SEC-2, R-LD-6: on agency B's site, B's secret and draft pages and their files,
    and a document no live page shows, are not found for the public, for a user without a
    role and for every role of agency A; the published page and its file are."""
    other = world.agencies["B"]
    host = other.site.hostname
    hidden = [other.pages[name].relative_url(other.site)
              for name in ("legal_secret", "legal_draft", "news_draft")]
    hidden += [other.files[name].url for name in ("secret", "draft", "private")]
    shown = [other.pages["legal_public"].relative_url(other.site), other.files["public"].url]
    failures = []
    for persona in PUBLIC_PERSONAS:
        client = client_for(world, persona)
        failures += [f"{persona}: {url} → {status}" for url in hidden
                     if (status := _public(client, url, host).status_code) != 404]
        failures += [f"{persona}: {url} → {status}" for url in shown
                     if (status := _public(client, url, host).status_code) != 200]
    assert not failures, "\n".join(failures)


def test_citizens_questions_show_only_published_answers_of_the_site(world, db):
    """R-ED-15, R-SEC-2: a question answered but not published, and who asked, stay out of
    the public site; another agency's questions are not on this agency's page."""
    own, other = world.agencies["A"], world.agencies["B"]
    index = other.pages["questions"].relative_url(other.site)
    published, private = other.questions["published"], other.questions["private"]
    failures = []
    for persona in PUBLIC_PERSONAS:
        client = client_for(world, persona)
        listing = _body(_public(client, index, other.site.hostname))
        if private.title in listing or published.title not in listing:
            failures.append(f"{persona}: B's listing shows the wrong questions")
        detail = _public(client, f"{index}cau-hoi/{private.pk}/", other.site.hostname)
        if detail.status_code != 404:
            failures.append(f"{persona}: the unpublished answer → {detail.status_code}")
        detail = _body(_public(client, f"{index}cau-hoi/{published.pk}/", other.site.hostname))
        if published.answer not in detail or published.name in detail:
            failures.append(f"{persona}: the published answer or the questioner's name")
        own_listing = _body(_public(client, own.pages["questions"].relative_url(own.site),
                                    own.site.hostname))
        if other.marker in own_listing:
            failures.append(f"{persona}: A's questions page shows B's questions")
    assert not failures, "\n".join(failures)


def test_public_consultations_show_no_unapproved_comment_nor_contact(world, db):
    """R-SITE-6, R-SEC-2: on agency B's consultation page, a comment waiting for moderation
    and its sender's contacts stay out of sight of everyone, signed in or not."""
    from django.apps import apps

    if not apps.is_installed("plugins.public_consultation"):
        pytest.skip("no public consultation")
    other = world.agencies["B"]
    comment = other.objects["public_consultation.Comment"]
    url = other.pages["consultation"].relative_url(other.site)
    failures = []
    for persona in PUBLIC_PERSONAS:
        response = _public(client_for(world, persona), url, other.site.hostname)
        body = _body(response)
        if response.status_code != 200:
            failures.append(f"{persona}: {url} → {response.status_code}")
        elif any(text in body for text in (comment.text, comment.email, comment.phone)):
            failures.append(f"{persona}: the pending comment or its contacts")
    assert not failures, "\n".join(failures)


def test_the_public_api_and_pages_show_only_the_sites_published_content(world, db):
    """R-SEC-2: on agency A's site, the public API (pages, documents) and the public pages
    that list records (directory, questions, documents) hold nothing of agency B and none
    of A's secret or draft pages and files."""
    own, other = world.agencies["A"], world.agencies["B"]
    unpublished = [own.pages[name].title for name in ("legal_secret", "legal_draft",
                                                       "news_draft")]
    unpublished += [own.files[name].title for name in ("secret", "draft", "private")]
    unpublished.append(own.hidden_enterprise.name)
    urls = ["/api/v2/pages/", "/api/v2/pages/?type=legal_docs.LegalDocumentPage&fields=*",
            "/api/v2/documents/", "/api/v2/pages/?search=" + other.marker,
            own.pages["directory"].relative_url(own.site),
            own.pages["library"].relative_url(own.site),
            own.pages["procedure_index"].relative_url(own.site),
            own.pages["enterprises"].relative_url(own.site),
            own.pages["enterprises"].relative_url(own.site) + "xuat/csv/", "/sitemap.xml"]
    failures = []
    for persona in PUBLIC_PERSONAS:
        client = client_for(world, persona)
        for url in urls:
            response = _public(client, url, own.site.hostname)
            body = _body(response)
            if response.status_code != 200:
                failures.append(f"{persona}: {url} → {response.status_code}")
            elif other.marker in body or any(title in body for title in unpublished):
                failures.append(f"{persona}: {url} shows B's or unpublished content")
        other_page = other.pages["legal_public"].pk
        response = _public(client, f"/api/v2/pages/{other_page}/", own.site.hostname)
        if response.status_code != 404:
            failures.append(f"{persona}: B's page through A's API → {response.status_code}")
    assert not failures, "\n".join(failures)


# Who may open each admin list of their own agency: the viewset's index → the roles that
# may (every other role, a user without a role and the public are refused). Every
# registered viewset must be here, so a new screen gets a decision.
LEADER, UNIT, CLERK, SPEC, IT = (Role.AGENCY_LEADER, Role.UNIT_LEADER, Role.CLERK,
                                 Role.SPECIALIST, Role.IT_ADMIN)
EVERYONE = frozenset(Role)
NOBODY = frozenset()
ALL_BUT_CLERK = EVERYONE - {CLERK}
OWN_LISTS = {
    # Organisation (core): everyone reads the units and positions; leaders and IT the rest.
    "core_agency:index": {LEADER, IT},
    "core_unit:index": EVERYONE,
    "core_position:index": EVERYONE,
    "core_dayoverride:index": {LEADER, IT},
    # Staff accounts: the IT administrator (of their own agency's users only).
    "wagtailusers_users:index": {IT},
    # The system log (R-EO-19): the IT administrator, of their own agency.
    "core_audit:index": {IT},
    # The installation's own lists: superusers only.
    "wagtailusers_groups:index": NOBODY,
    "wagtailsites:index": NOBODY,
    "wagtaillocales:index": NOBODY,
    # Shared lists (national entries and the agency's own): read by all, IT keeps its own.
    "legal_docs_type:index": EVERYONE,
    "legal_docs_issuer:index": EVERYONE,
    "legal_docs_field:index": EVERYONE,
    "procedures_field:index": EVERYONE,
    # Everyone of the agency reads the published schedules and plans (R-EO-10).
    "eoffice_schedule_entry:index": EVERYONE,
    "eoffice_work_plan:index": EVERYONE,
    # Everyone of the agency lists the tasks that concern them (R-EO-14).
    "eoffice_task:index": EVERYONE,
    # The official e-mail directory: read by everyone of the agency (IT writes).
    "email_directory_entry:index": EVERYONE,
    "email_directory_mailbox:index": EVERYONE,
    "email_directory_handover:index": EVERYONE,
    "email_directory_policy:index": EVERYONE,
    # The editorial board.
    "editorial_board_board:index": EVERYONE,
    "editorial_board_delegation:index": {LEADER, IT},
    "editorial_board_trusted_source:index": {LEADER, IT},
    "editorial_board_deadline_rule:index": {LEADER},
    "editorial_board_settings:index": {LEADER},
    "editorial_board_record:index": ALL_BUT_CLERK,
    "editorial_board_royalty_rate:index": {LEADER},
    "editorial_board_royalty_line:index": {LEADER},
    "editorial_board_prohibited_expression:index": {LEADER, IT},
    "editorial_board_question:index": EVERYONE,
    "editorial_board_subject_area:index": {LEADER, IT},
    "editorial_board_question_settings:index": {LEADER, IT},
    "editorial_board_review_rule:index": {LEADER, IT},
    # The e-office: everyone lists what access.py lets them see (their own documents, the
    # whole agency's for its clerks and director); registers are read by all, kept by the
    # clerks and IT; dossiers are opened by the units.
    "eoffice_incoming:index": EVERYONE,
    "eoffice_outgoing:index": EVERYONE,
    "eoffice_dossier:index": EVERYONE,
    "eoffice_register:index": EVERYONE,
    # The organ directory serves the whole installation: superusers keep it.
    "eoffice_exchange_organ:index": NOBODY,
    # Signed PDFs (R-EO-16): the agency's signing certificate is its IT administrator's;
    # the trusted certificate authorities are the installation's (superusers only).
    "eoffice_signing_certificate:index": {IT},
    "eoffice_trusted_ca:index": NOBODY,
    # The enterprise directory: read by everyone of the agency, kept by its writers.
    "enterprises_enterprise:index": EVERYONE,
    "enterprises_zone:index": EVERYONE,
    "enterprises_industry:index": EVERYONE,
    # Citizens' comments on drafts (R-SITE-6): those who draft and answer moderate them; the
    # clerk and IT do not read the citizens' contacts.
    "public_consultation_comment:index": {LEADER, UNIT, SPEC},
}


def _index_names():
    from wagtail.admin.viewsets import viewsets

    for viewset in viewsets.viewsets:
        if getattr(viewset, "name", None) and hasattr(viewset, "get_url_name"):
            try:
                yield viewset.get_url_name("index")
            except AttributeError:
                continue


def test_who_opens_each_list_of_their_own_agency(world, db):
    """R-SEC-2: the table OWN_LISTS says which roles open each admin list; the people of
    agency A get exactly that, and nobody without a role does."""
    from django.urls import NoReverseMatch

    actual = {}
    names = []
    for name in _index_names():
        try:
            names.append((name, reverse(name)))
        except NoReverseMatch:
            continue
    clients = {role: client_for(world, f"A:{role.value}") for role in Role}
    outsider = client_for(world, "no_role")
    failures = []
    for name, url in names:
        actual[name] = frozenset(role for role, client in clients.items()
                                 if client.get(url).status_code == 200)
        if outsider.get(url).status_code == 200:
            failures.append(f"a user without a role opens {name}")
    table = "\n".join(f"    {name!r}: {{{', '.join(sorted(r.name for r in roles))}}},"
                      for name, roles in sorted(actual.items()))
    failures += [f"{name}: expected {sorted(r.name for r in OWN_LISTS.get(name, ()))}, "
                 f"got {sorted(r.name for r in roles)}"
                 for name, roles in actual.items() if OWN_LISTS.get(name) != roles]
    assert not failures, "\n".join(failures) + "\nactual table:\n" + table
