"""How fast are the e-office's inboxes with a million incoming documents? Prints figures;
not a test (issue 17, R-EO-18).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/eo_bench \\
        .venv/bin/python tests/benchmarks/bench_eoffice_inbox.py

Options: ``--documents 1000000`` ``--requests 200`` ``--keep`` (keep the database for
another run; ``--reuse`` measures an existing one without loading it again), ``--jit off``
(PostgreSQL's JIT off for these connections, through PGOPTIONS; by default the server's
setting).
PostgreSQL only: the database named in DATABASE_URL (never ``test``) is dropped and made
again, migrated, and filled with COPY: 5 agencies of 8 units, 200 people (2 directors,
2 clerks, 7 unit leaders and 29 specialists an agency), 1,000,000 incoming documents over
six years in the agencies' registers (one in a hundred secret), almost all filed in
their unit's yearly dossier, the last few thousand open (registered, in processing,
result recorded, returned); each handled one has a main handler (a unit, which hands it to
one of its people seven times in ten, or a person), some co-handlers and people informed.
About five minutes to load on two cores, a few to measure.

It then measures p50/p95 over ``--requests`` requests of the admin views, through the
Django test client with the user logged in (middleware, templates and all):
a specialist's "My inbox" (``eoffice:inbox``), the same with a search, a unit leader's
progress (``eoffice:unit_progress``), the director's agency view (``eoffice:agency``),
the incoming list with an accent-free search (``eoffice_incoming:index?q=…``: a phrase
one document in sixteen contains, and a number) for the director, the clerk's first page
of the incoming list, and the admin's own account page as the floor every admin page
pays on the machine; then the inbox functions alone. Goal: p95 ≤ 100 ms. The load
average is printed before and after: other work on the machine shows in the figures.
``--explain`` prints EXPLAIN ANALYZE of each inbox function's list query.
"""

import argparse
import datetime
import functools
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

AGENCIES = 5
UNITS = ["Văn phòng", "Phòng Quản lý đầu tư", "Phòng Quản lý doanh nghiệp",
         "Phòng Quy hoạch, Xây dựng", "Phòng Tài nguyên và Môi trường",
         "Phòng Lao động", "Phòng Kế hoạch, Tài chính"]
SYMBOLS = ["VP", "QLĐT", "QLDN", "QHXD", "TNMT", "LĐ", "KHTC"]
SPECIALISTS = 29
YEARS = range(2021, 2027)
OPEN_PER_AGENCY = 1000
GOAL_MS = 100

SENDERS = ["UBND tỉnh Tiền Giang", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Xây dựng",
           "Sở Tài nguyên và Môi trường", "Sở Lao động - Thương binh và Xã hội",
           "Công an tỉnh", "Bộ Kế hoạch và Đầu tư", "Văn phòng Chính phủ", "Sở Nội vụ"]
SENDER_SYMBOLS = ["UBND", "SKHĐT", "STC", "SXD", "STNMT", "SLĐTBXH", "CAT", "BKHĐT",
                  "VPCP", "SNV"]
TYPES = [("GM", "mời họp về"), ("", "đề nghị báo cáo tình hình"), ("QĐ", "quyết định về"),
         ("KH", "kế hoạch triển khai"), ("TB", "thông báo kết luận về"),
         ("BC", "báo cáo kết quả"), ("", "đề nghị góp ý dự thảo về"), ("HD", "hướng dẫn")]
TOPICS = ["giải phóng mặt bằng Khu công nghiệp Long Giang", "thu hút đầu tư 6 tháng đầu năm",
          "lao động nước ngoài tại doanh nghiệp", "phòng cháy chữa cháy tại nhà xưởng",
          "xử lý nước thải tập trung", "chuyển đổi số trong quản lý khu công nghiệp",
          "cải cách thủ tục hành chính", "an toàn lao động", "quy hoạch xây dựng",
          "thực hành tiết kiệm chống lãng phí", "dịch vụ công trực tuyến",
          "đối thoại doanh nghiệp", "thi đua khen thưởng", "quản lý đất đai",
          "bảo vệ môi trường", "công tác văn thư lưu trữ"]
# The searches: words of a topic typed without accents (about one document in sixteen of
# those the user sees), and a number.
SEARCH = "giai phong mat bang"
NUMBER = "15/GM-UBND"


def setup_django(recreate):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database, e.g. "
                 "postgres://postgres@127.0.0.1:5432/eo_bench")
    if url.rsplit("/", 1)[1] == "test":
        sys.exit("Not the database named test: CI uses it.")
    if recreate:
        _recreate_postgres_database(url)
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"  # DEBUG off, no second factor
    import django

    django.setup()


def _recreate_postgres_database(url):
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database():
    import psycopg
    from django.db import connections

    connections.close_all()
    base, name = os.environ["DATABASE_URL"].rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed(call):
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


# --- People and places -----------------------------------------------------------------


def make_organisation():
    """5 agencies with their sites, units, role groups, registers, dossiers and people."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from wagtail.models import Page, Site

    from plugins.core.models import Agency, AgencyRole, Position, Role, Unit
    from plugins.eoffice.documents.models import Register, RegisterKind, WorkDossier

    User = get_user_model()
    root = Page.get_first_root_node()
    home = root.get_children().first() or root
    password = make_password("bench-only-not-secret")
    world = []
    for number in range(1, AGENCIES + 1):
        site = Site.objects.create(hostname=f"agency{number}.bench.test", port=80,
                                   root_page=home, site_name=f"Cơ quan {number}")
        agency = Agency.objects.create(symbol=f"CQ{number}", name=f"Ban Quản lý số {number}",
                                       site=site)
        leadership = Unit.objects.create(agency=agency, name="Lãnh đạo", kind="leadership")
        units = [Unit.objects.create(agency=agency, name=name, symbol=symbol)
                 for name, symbol in zip(UNITS, SYMBOLS, strict=True)]
        groups = {role: AgencyRole.objects.get(agency=agency, role=role).group
                  for role in Role.values}
        registers = {
            "in": Register.objects.create(agency=agency, kind=RegisterKind.INCOMING,
                                          name="Sổ văn bản đến", is_default=True),
            "secret": Register.objects.create(agency=agency, kind=RegisterKind.INCOMING,
                                              name="Sổ văn bản đến mật", is_secret=True),
        }
        dossiers = {(unit.pk, year): WorkDossier.objects.create(
            unit=unit, year=year, code=f"{unit.symbol}-{year}", title=f"Hồ sơ {unit.name}")
            for unit in units for year in YEARS}
        people = []  # (username, unit, is_leader, role)
        people += [(f"giamdoc{i}.cq{number}", leadership, True, Role.AGENCY_LEADER)
                   for i in (1, 2)]
        people += [(f"vanthu{i}.cq{number}", units[0], False, Role.CLERK) for i in (1, 2)]
        people += [(f"truongphong{i}.cq{number}", unit, True, Role.UNIT_LEADER)
                   for i, unit in enumerate(units)]
        people += [(f"chuyenvien{i}.cq{number}", units[i % len(units)], False,
                    Role.SPECIALIST) for i in range(SPECIALISTS)]
        users = User.objects.bulk_create([
            User(username=username, password=password, first_name="Nguyễn Văn",
                 last_name=username.split(".")[0].capitalize(), is_active=True)
            for username, *_rest in people])
        Position.objects.bulk_create([
            Position(user=user, unit=unit, title="Cán bộ", is_leader=leader)
            for user, (_name, unit, leader, _role) in zip(users, people, strict=True)])
        Membership = User.groups.through
        Membership.objects.bulk_create([
            Membership(user_id=user.pk, group_id=groups[role].pk)
            for user, (_name, _unit, _leader, role) in zip(users, people, strict=True)])
        by_role = {}
        for user, (_name, unit, _leader, role) in zip(users, people, strict=True):
            by_role.setdefault(role, []).append((user, unit))
        world.append({"agency": agency, "units": units, "registers": registers,
                      "dossiers": dossiers, "by_role": by_role,
                      "specialists_of": {unit.pk: [u.pk for u, un in by_role[Role.SPECIALIST]
                                                   if un.pk == unit.pk] for unit in units}})
    return world


# --- A million documents -----------------------------------------------------------------


def _copy(cursor, model, rows, columns):
    """COPY ``rows`` (dicts of attnames) into ``model``'s table; other columns get their
    field's default."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields}
    names = ["id", *[f.attname for f in fields]]
    unknown = set(columns) - set(names)
    assert not unknown, unknown
    quoted = ", ".join(f'"{name}"' for name in names)
    sql = f'COPY "{model._meta.db_table}" ({quoted}) FROM STDIN'

    with cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row([row.get(name, defaults.get(name)) for name in names])


def make_documents(world, total, rng):
    """Incoming documents and their assignments, by COPY, ``total`` in all."""
    from django.db import connection
    from django.utils import timezone

    from plugins.core.models import Role
    from plugins.core.text import fold
    from plugins.eoffice.documents.models import (
        Assignment,
        AssignmentRole,
        IncomingDocument,
        IncomingState,
        Secrecy,
        Source,
        Urgency,
    )
    from plugins.eoffice.documents.services import incoming

    now = timezone.now()
    start = datetime.datetime(YEARS[0], 1, 2, 8, tzinfo=datetime.UTC)
    span = (now - start).total_seconds()
    per_agency = total // len(world)
    subjects = [(code, f"{SENDERS[s]} {verb} {topic}", fold(f"{SENDERS[s]} {verb} {topic}"))
                for s in range(len(SENDERS)) for code, verb in TYPES for topic in TOPICS]
    number_key = functools.lru_cache(maxsize=None)(incoming._number_key)
    # The folded column: ``search_text`` (number, trích yếu, sender) once the lists search
    # through plugins.eoffice.documents.search, ``subject_folded`` before.
    searchable = {f.attname for f in IncomingDocument._meta.concrete_fields}
    if "search_text" in searchable:
        from plugins.eoffice.documents.search import folded_text

        search_text = functools.lru_cache(maxsize=None)(folded_text)
    open_states = ([IncomingState.REGISTERED] * 15 + [IncomingState.ASSIGNED] * 65
                   + [IncomingState.DONE] * 15 + [IncomingState.RETURNED] * 5)
    doc_id, assignment_id = 0, 0
    documents, assignments = [], []
    connection.ensure_connection()
    raw = connection.connection  # psycopg's own, for COPY; Django keeps it in autocommit
    for place in world:
        agency = place["agency"]
        directors = [u.pk for u, _ in place["by_role"][Role.AGENCY_LEADER]]
        clerks = [u.pk for u, _ in place["by_role"][Role.CLERK]]
        leaders = {unit.pk: u.pk for u, unit in place["by_role"][Role.UNIT_LEADER]}
        specialists = [u.pk for u, _ in place["by_role"][Role.SPECIALIST]]
        departments = place["units"]
        counters = {}
        first_open = per_agency - 3 * OPEN_PER_AGENCY  # open ones among the latest arrivals
        opened = set(rng.sample(range(first_open, per_agency), OPEN_PER_AGENCY))
        for index in range(per_agency):
            doc_id += 1
            arrived = start + datetime.timedelta(seconds=span * (index + 0.5) / per_agency)
            year = arrived.year
            secret = rng.random() < 0.01
            register = place["registers"]["secret" if secret else "in"]
            counters[register.pk, year] = number = counters.get((register.pk, year), 0) + 1
            sender = rng.randrange(len(SENDERS))
            code, subject, folded = rng.choice(subjects)
            notation = f"{number % 3000 + 1}/{code + '-' if code else ''}{SENDER_SYMBOLS[sender]}"
            state = rng.choice(open_states) if index in opened else IncomingState.FILED
            unit = rng.choice(departments)
            deadline = None
            row = {
                "id": doc_id, "agency_id": agency.pk, "register_id": register.pk,
                "year": year, "type_code": code, "subject": subject,
                "urgency": Urgency.URGENT if rng.random() < 0.05 else Urgency.NORMAL,
                "secrecy": Secrecy.CONFIDENTIAL if secret else Secrecy.NONE,
                "page_count": rng.randint(1, 12), "created_at": arrived,
                "arrival_number": number, "arrived_at": arrived,
                "sender_name": SENDERS[sender], "number_notation": notation,
                "number_key": number_key(notation), "issue_date": (arrived - datetime.timedelta(
                    days=rng.randint(1, 5))).date(), "source": Source.PAPER,
                "state": state, "registered_by_id": rng.choice(clerks),
            }
            if "search_text" in searchable:
                row["search_text"] = search_text(notation, subject, SENDERS[sender])
            else:
                row["subject_folded"] = folded
            if state in (IncomingState.ASSIGNED, IncomingState.DONE, IncomingState.FILED):
                deadline = (arrived + datetime.timedelta(days=rng.randint(3, 15))).date()
                row["deadline"] = deadline
                director = rng.choice(directors)
                base = {"document_id": doc_id, "deadline": deadline, "assigned_by_id": director,
                        "assigned_at": arrived + datetime.timedelta(hours=2),
                        "instruction": "Đề nghị xử lý theo quy định.", "is_active": True}
                if rng.random() < 0.5:  # a unit, handed to one of its people 7 times in 10
                    assignment_id += 1
                    main = {**base, "id": assignment_id, "role": AssignmentRole.MAIN,
                            "unit_id": unit.pk}
                    assignments.append(main)
                    people = place["specialists_of"][unit.pk]
                    if people and rng.random() < 0.7:
                        main["is_active"] = False
                        assignment_id += 1
                        assignments.append({**base, "id": assignment_id,
                                            "role": AssignmentRole.MAIN,
                                            "person_id": rng.choice(people),
                                            "parent_id": main["id"],
                                            "assigned_by_id": leaders[unit.pk]})
                else:
                    people = place["specialists_of"][unit.pk] or specialists
                    assignment_id += 1
                    assignments.append({**base, "id": assignment_id,
                                        "role": AssignmentRole.MAIN,
                                        "person_id": rng.choice(people)})
                if rng.random() < 0.15:
                    assignment_id += 1
                    assignments.append({**base, "id": assignment_id, "role": AssignmentRole.CO,
                                        "unit_id": rng.choice(departments).pk})
                if rng.random() < 0.2:
                    assignment_id += 1
                    unread = state != IncomingState.FILED and rng.random() < 0.5
                    assignments.append({**base, "id": assignment_id, "deadline": None,
                                        "role": AssignmentRole.INFO,
                                        "person_id": rng.choice(specialists),
                                        "read_at": None if unread else arrived
                                        + datetime.timedelta(days=1)})
            if state in (IncomingState.DONE, IncomingState.FILED):
                row["result"] = "Đã xử lý, báo cáo lãnh đạo."
            if state == IncomingState.FILED:
                row["dossier_id"] = place["dossiers"][unit.pk, year].pk
                row["filed_at"] = arrived + datetime.timedelta(days=rng.randint(2, 20))
            documents.append(row)
            if len(documents) >= 50_000:
                _flush(raw, IncomingDocument, Assignment, documents, assignments)
        _flush(raw, IncomingDocument, Assignment, documents, assignments)
        print(f"  {agency.symbol}: {per_agency} documents, {assignment_id} assignments so far",
              flush=True)
    with raw.cursor() as cursor:
        for model in (IncomingDocument, Assignment):
            table = model._meta.db_table
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"(SELECT MAX(id) FROM {table}))")
        cursor.execute("VACUUM ANALYZE")
    return doc_id, assignment_id


def _flush(raw, documents_model, assignments_model, documents, assignments):
    with raw.cursor() as cursor:
        _copy(cursor, documents_model, documents, documents[0] if documents else {})
        if assignments:
            columns = set().union(*(row.keys() for row in assignments))
            _copy(cursor, assignments_model, assignments, columns)
    documents.clear()
    assignments.clear()


# --- Measures ----------------------------------------------------------------------------


def people(world):
    """The measured users of the first agency: the specialist with the most open work, the
    leader of that unit, a director, a clerk."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count, Q

    from plugins.core.models import Role
    from plugins.eoffice.documents.models import Assignment

    place = world[0]
    specialists = [u.pk for u, _ in place["by_role"][Role.SPECIALIST]]
    busiest = (Assignment.objects.filter(person_id__in=specialists, is_active=True,
                                         role="main")
               .values("person_id").annotate(open=Count("pk", filter=Q(
                   document__state="assigned"))).order_by("-open").first())
    User = get_user_model()
    specialist = User.objects.get(pk=busiest["person_id"])
    unit = specialist.positions.get().unit
    leader = User.objects.get(positions__unit=unit, positions__is_leader=True)
    director = place["by_role"][Role.AGENCY_LEADER][0][0]
    clerk = place["by_role"][Role.CLERK][0][0]
    return {"specialist": specialist, "leader": leader, "director": director, "clerk": clerk}


def measure_views(users, requests):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from plugins.eoffice.documents import access, inbox

    cases = [
        ("floor: the admin's account page", "specialist", reverse("wagtailadmin_account")),
        ("specialist: My inbox", "specialist", reverse("eoffice:inbox")),
        ("specialist: My inbox, search", "specialist",
         reverse("eoffice:inbox") + f"?q={SEARCH.replace(' ', '+')}"),
        ("unit leader: unit's progress", "leader", reverse("eoffice:unit_progress")),
        ("director: agency's open documents", "director", reverse("eoffice:agency")),
        ("director: My inbox", "director", reverse("eoffice:inbox")),
        ("director: incoming list, search", "director",
         reverse("eoffice_incoming:index") + f"?q={SEARCH.replace(' ', '+')}"),
        ("director: incoming list, number", "director",
         reverse("eoffice_incoming:index") + "?q=" + NUMBER.replace("/", "%2F")),
        ("clerk: incoming list, first page", "clerk", reverse("eoffice_incoming:index")),
    ]
    clients = {}
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        clients[role] = client
    results = []
    print(f"Admin views, {requests} requests each (test client, logged in):")
    for label, role, url in cases:
        client = clients[role]
        response = client.get(url)  # warm: templates, caches, the plan
        assert response.status_code == 200, (label, response.status_code)
        times, sql, queries = [], [], 0
        for _ in range(requests):
            with CaptureQueriesContext(connection) as captured:
                elapsed, response = timed(lambda url=url, client=client: client.get(url))
            times.append(elapsed)
            sql.append(sum(float(query["time"]) for query in captured.captured_queries) * 1000)
            queries = len(captured.captured_queries)
        results.append(_report(label, times, sql, queries))
    print("Inbox functions alone (the list's first 50 rows, and the five counts):")
    for label, role, call in [
        ("specialist: to_handle[:50]", "specialist",
         lambda u: list(inbox.to_handle(u).order_by("deadline", "-arrived_at")[:50])),
        ("specialist: counts", "specialist", inbox.counts),
        ("director: counts", "director", inbox.counts),
        ("unit leader: unit_progress[:200]", "leader",
         lambda u: list(inbox.unit_progress(u, u.positions.get().unit)[:200])),
    ]:
        user = users[role]
        times = []
        for _ in range(requests):
            access.forget(user)
            times.append(timed(lambda call=call, user=user: call(user))[0])
        results.append(_report(label, times))
    return results


def _report(label, times, sql=None, queries=0):
    p50, p95 = statistics.median(times), percentile(times, 0.95)
    verdict = "ok" if p95 <= GOAL_MS else "OVER GOAL"
    line = f"  {label:<38} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {verdict:<9}"
    if sql:
        line += (f"  SQL p50 {statistics.median(sql):6.1f} ms  p95 {percentile(sql, 0.95):6.1f} ms"
                 f"  ({queries} queries)")
    print(line, flush=True)
    return label, p50, p95


def explain(users):
    from django.db import connection

    from plugins.eoffice.documents import inbox

    try:
        from plugins.eoffice.documents.search import search
    except ImportError:  # before the lists searched through core's query language
        from plugins.eoffice.documents.admin.views import search

    director = users["director"]
    agency = director.groups.first().agency_role.agency
    queries = {
        "to_handle (specialist)": inbox.to_handle(users["specialist"]).order_by(
            "deadline", "-arrived_at")[:50],
        "counts.unread (specialist)": inbox.unread_for_information(users["specialist"]),
        "unit_progress (leader)": inbox.unit_progress(
            users["leader"], users["leader"].positions.get().unit)[:200],
        "agency_open (director)": inbox.agency_open(director, agency)[:200],
        "to_handle (director)": inbox.to_handle(director).order_by("deadline",
                                                                   "-arrived_at")[:50],
        "search (director)": search(inbox.access.incoming_visible_to(director), SEARCH)
        .order_by("-arrived_at", "-arrival_number")[:20],
    }
    for label, queryset in queries.items():
        sql, params = queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"\n--- {label}\n{plan}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure the kept database")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--jit", choices=["server", "on", "off"], default="server")
    args = parser.parse_args()
    if args.jit != "server":
        os.environ["PGOPTIONS"] = f"-c jit={args.jit}"
    setup_django(recreate=not args.reuse)
    from django.core.management import call_command
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        jit = cursor.fetchone()[0]
    print(f"database: {connection.vendor} ({os.environ['DATABASE_URL'].split('@')[-1]}), "
          f"jit {jit}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}",
          flush=True)
    begin = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrated in {time.perf_counter() - begin:.0f} s", flush=True)
    rng = random.Random(17)
    if args.reuse:
        world = reuse_world()
    else:
        begin = time.perf_counter()
        world = make_organisation()
        documents, assignments = make_documents(world, args.documents, rng)
        print(f"loaded {documents} documents, {assignments} assignments in "
              f"{time.perf_counter() - begin:.0f} s", flush=True)
    try:
        users = people(world)
        print("measured users: " + ", ".join(f"{k} {u.username}" for k, u in users.items()))
        if args.explain:
            explain(users)
        measure_views(users, args.requests)
        print(f"load average {os.getloadavg()[0]:.1f}")
    finally:
        if not args.keep:
            drop_database()


def reuse_world():
    """The organisation of a database a run with ``--keep`` left."""
    from plugins.core.models import Agency, Position, Role

    world = []
    for agency in Agency.objects.filter(symbol__startswith="CQ").order_by("symbol"):
        by_role = {}
        for position in Position.objects.filter(unit__agency=agency).select_related(
                "user", "unit"):
            role = position.user.groups.get().agency_role.role
            by_role.setdefault(Role(role), []).append((position.user, position.unit))
        world.append({"agency": agency, "by_role": by_role})
    return world


if __name__ == "__main__":
    main()
