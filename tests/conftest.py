"""Shared fixtures. Test folders of apps a settings variant does not install are skipped,
so ``DJANGO_SETTINGS_MODULE=settings.solo_core pytest`` runs the core alone."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.signals import setting_changed

# Test folder → the app it needs.
_FOLDER_APPS = {
    "site": "portal",
    "e2e": "portal",
    "security": "portal",  # sweeps every plugin's public pages and imports
    "email_directory": "plugins.email_directory",
    "legal_docs": "plugins.legal_docs",
    "procedures": "plugins.procedures",
    "editorial_board": "plugins.editorial_board",
    "eoffice": "plugins.eoffice.documents",
    "eoffice_schedules": "plugins.eoffice.schedules",
    "eoffice_tasks": "plugins.eoffice.tasks",
    "eoffice_consultations": "plugins.eoffice.consultations",
    "eoffice_notices": "plugins.eoffice.notices",
    "site_health": "plugins.site_health",
    "events": "plugins.events",
    "stats_pages": "plugins.stats_pages",
    "investment": "plugins.investment",
    "enterprises": "plugins.enterprises",
    "public_consultation": "plugins.public_consultation",
}
collect_ignore = [
    folder for folder, app in _FOLDER_APPS.items() if app not in settings.INSTALLED_APPS
]
# The folders whose tests also run alone with the core (a settings/solo_<folder>.py; the
# variants that group several plugins, solo_portal_sections and the like, name no folder).
_SOLO_FOLDERS = {path.stem.removeprefix("solo_")
                 for path in (Path(__file__).parent.parent / "settings").glob("solo_*.py")}


def pytest_addoption(parser):
    parser.addoption(
        "--leave-out-solo-tests", action="store_true",
        help="leave out the tests that run alone with their plugin (a folder with a "
             "settings/solo_<folder>.py) but those marked cross_plugin: .ci/run runs them "
             "in the solo variants on SQLite")


def pytest_collection_modifyitems(config, items):
    """A test marked ``cross_plugin(*apps)`` is skipped where one of ``apps`` is not
    installed; with ``--leave-out-solo-tests``, the tests the solo variants run are left out
    (those marked ``cross_plugin`` are kept: their point is the other plugins)."""
    from django.apps import apps

    tests = Path(__file__).parent
    kept, left_out = [], []
    for item in items:
        marker = item.get_closest_marker("cross_plugin")
        if marker is not None:
            missing = [app for app in marker.args if not apps.is_installed(app)]
            if missing:
                item.add_marker(pytest.mark.skip(reason=f"needs {', '.join(missing)}"))
        folder = Path(item.path).relative_to(tests).parts[0]
        solo = folder in _SOLO_FOLDERS and marker is None
        (left_out if solo and config.getoption("leave_out_solo_tests") else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def _root_page():
    """Wagtail's root page (the migrations made it; every test starts with their rows:
    see ``migrated_snapshot``)."""
    from wagtail.models import Page

    return Page.get_first_root_node()


@pytest.fixture(autouse=True)
def _fresh_process_state():
    """Each test starts in the site's language and with an empty cache (Wagtail keeps its
    sites' root paths there) and no rows kept in memory, whatever the test before it on this
    worker did."""
    from django.core.cache import cache
    from django.utils import translation

    from plugins.core.page_cache import shared

    translation.activate(settings.LANGUAGE_CODE)
    cache.clear()
    shared.forget()  # rows kept in memory: a rolled-back test reuses their tables' versions
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _forget_language_prefixes(setting, **kwargs):
    """A test that changes ``LANGUAGE_CODE`` (the e-office's and the e-mail directory's
    admin tests speak English) must not leave its URL prefixes behind.

    Django's resolver keeps one reverse table per active language, and the
    ``i18n_patterns`` prefix in it is the one of the moment it was built: none for the
    default language. Built while ``LANGUAGE_CODE`` was "en", the "en" table has no
    ``/en/`` prefix, and it outlives the test: an English page's URL reversed later on
    the same worker came out without ``/en/`` (R-ED-16). Django drops these tables when
    ``ROOT_URLCONF`` changes, not when the default language does. A running site never
    changes its ``LANGUAGE_CODE``; only tests do, so only tests need this."""
    if setting in {"LANGUAGE_CODE", "LANGUAGES"}:
        from django.urls import clear_url_caches

        clear_url_caches()


setting_changed.connect(_forget_language_prefixes, dispatch_uid="tests-forget-language-prefixes")


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker,
                    django_db_modify_db_settings, tmp_path_factory, worker_id):
    """pytest-django's, with the migrations applied once per run rather than once per
    worker (tests/migrated_db.py); a single process migrates as before."""
    from tests import migrated_db

    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the run's folder, above each worker's own
    with django_db_blocker.unblock():
        teardown = migrated_db.setup(shared, request.config.option.verbose)
    yield
    with django_db_blocker.unblock():
        try:
            teardown()
        except Exception as error:  # as pytest-django's: a warning, the tests have run
            request.node.warn(pytest.PytestWarning(
                f"Error when trying to teardown test databases: {error!r}"))


@pytest.fixture(scope="session", autouse=True)
def migrated_snapshot(django_db_setup, django_db_blocker):
    """The rows the migrations made (content types, permissions, Wagtail's root page,
    collection and locale, the core's own), as they are before any test runs.

    After a transactional test (a live server, threads, processes) Django empties every
    table and emits ``post_migrate``, which makes content types and permissions again under
    new ids, and the next test would have to find them again. Instead, these rows are put
    back as they were, ids included, in the same step (:func:`tests.demo_db.restore`:
    one DELETE round trip, no TRUNCATE and no signal), so that the next test, whichever a
    worker takes, finds the database as migrate left it."""
    from django.db import connection, connections
    from django.test import TransactionTestCase

    from tests import demo_db

    with django_db_blocker.unblock():
        snapshot = demo_db.take(connection)

    def put_back_migrated_rows(test_case):
        for alias in test_case._databases_names(include_mirrors=False):
            demo_db.restore(connections[alias], snapshot)

    with pytest.MonkeyPatch.context() as patch:
        # Only transactional tests flush: TestCase has its own teardown (a rollback).
        patch.setattr(TransactionTestCase, "_fixture_teardown", put_back_migrated_rows)
        yield snapshot


def _load_demo_snapshot():
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection, transaction

    from tests import demo_db

    with transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        snapshot = demo_db.take(connection)
        snapshot.output = out.getvalue()
        transaction.set_rollback(True)
    demo_db.forget_cached_state()
    return snapshot


def _media_files():
    """Every file under MEDIA_ROOT: {path relative to it: content}."""
    from pathlib import Path

    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)): path.read_bytes()
            for path in root.rglob("*") if path.is_file()}


def _write_media_files(files):
    from pathlib import Path

    root = Path(settings.MEDIA_ROOT)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory, worker_id):
    """The demo's rows, loaded once for the whole session (see tests/demo_db.py). The
    workers of one run (pytest-xdist) share them: the first to need them loads the demo,
    the others read its copy from the run's temporary folder instead of loading it again,
    with the files the demo wrote (documents, images) into its media folder, since each
    worker has its own."""
    import fcntl
    import pickle

    from django.db import connection

    with django_db_blocker.unblock():
        if worker_id == "master":
            return _load_demo_snapshot()
        shared = tmp_path_factory.getbasetemp().parent / f"demo-{connection.vendor}.pickle"
        with open(f"{shared}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if shared.exists():
                snapshot, media = pickle.loads(shared.read_bytes())
                _write_media_files(media)
                return snapshot
            snapshot = _load_demo_snapshot()
            shared.write_bytes(pickle.dumps((snapshot, _media_files()),
                                            protocol=pickle.HIGHEST_PROTOCOL))
            return snapshot


@pytest.fixture
def demo(demo_snapshot, migrated_snapshot, db):
    """The reference site's demo content, as `manage.py load_demo` makes it, fresh for this
    test; returns the first agency. In the test's transaction, or committed for a
    transactional test (``transactional_db``, a live server)."""
    from django.db import connection

    from plugins.core.models import Agency
    from tests import demo_db

    # Every test starts from the migrations' rows (its own changes are rolled back, or
    # replaced by them after a transactional test): the tables the demo did not change
    # need no copying.
    if not hasattr(demo_snapshot, "same_as_migrated"):
        demo_snapshot.same_as_migrated = demo_db.same_tables(demo_snapshot, migrated_snapshot)
    demo_db.restore(connection, demo_snapshot, unchanged=demo_snapshot.same_as_migrated)
    return Agency.objects.get(symbol="BQL")


@pytest.fixture
def make_agency(db):
    from wagtail.models import Page, Site

    from plugins.core.models import Agency

    def make(symbol, name=None, hostname=None, own_home=False, **fields):
        """An agency and its Site; ``own_home`` gives the site a home page of its own."""
        root = _root_page()
        home = root.get_children().first() or root
        if own_home:
            home = root.add_child(instance=Page(title=f"Trang chủ {symbol}",
                                                slug=f"home-{symbol.lower()}"))
        site = Site.objects.create(
            hostname=hostname or f"{symbol.lower()}.example.test",
            port=80,
            root_page=home,
            site_name=name or symbol,
        )
        return Agency.objects.create(
            symbol=symbol, name=name or f"Cơ quan {symbol}", site=site, **fields
        )

    return make


@pytest.fixture
def make_staff(db):
    """A staff member holding ``role`` in ``agency`` (and a position in ``unit`` if given)."""
    from django.contrib.auth import get_user_model

    from plugins.core.models import AgencyRole, Position

    def make(username, agency, role=None, unit=None, title="Chuyên viên", is_leader=False):
        user = get_user_model().objects.create_user(
            username=username, password="correct-horse-battery", first_name="Nguyễn Văn",
            last_name=username.capitalize(),
        )
        if role is not None:
            user.groups.add(AgencyRole.objects.get(agency=agency, role=role).group)
        if unit is not None:
            Position.objects.create(user=user, unit=unit, title=title, is_leader=is_leader)
        return user

    return make


@pytest.fixture
def two_sites(make_agency):
    """Two agencies, each with a site and a home page of its own (testserver is the first)."""
    return (make_agency("BQL", hostname="testserver", own_home=True),
            make_agency("SKH", hostname="skh.example.test", own_home=True))


@pytest.fixture
def two_agencies(make_agency):
    from plugins.core.models import Unit

    first = make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang")
    second = make_agency("SKH", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai")
    for agency, names in ((first, ["Văn phòng", "Phòng Quản lý đầu tư"]),
                          (second, ["Văn phòng Sở", "Phòng Đăng ký kinh doanh"])):
        for name in names:
            Unit.objects.create(agency=agency, name=name)
    return first, second


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Make the published English version of a page, as an editor's "Translate" does
    (R-ED-16)."""
    from wagtail.models import Locale

    def make(page, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            english = page.copy_for_translation(Locale.objects.get(language_code="en"))
            english = english.specific
            for name, value in fields.items():
                setattr(english, name, value)
            english.save_revision().publish()
        english.refresh_from_db()
        return english

    return make


@pytest.fixture
def delivered():
    """The mail people have received once the outbox is worked, as the every-minute task
    does (plugins.core.mail: mail is queued with the record and sent after commit)."""
    import datetime

    from django.core import mail
    from django.utils import timezone

    def deliver():
        from plugins.core.mail import deliver_due

        deliver_due(now=timezone.now() + datetime.timedelta(days=1))
        return mail.outbox

    return deliver


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as a committed transaction (its after-commit work done), as an editor's
    is: the page cache's table versions move after commit. The test's own transaction
    never commits: the bump the demo's rows scheduled is forgotten, so that the change
    schedules one of its own inside the captured block."""
    from django.db import connection

    def commit():
        connection._page_cache_bump = None
        return django_capture_on_commit_callbacks(execute=True)

    return commit
