import pytest
from django.core.management import call_command


def _load_demo():
    from io import StringIO

    from plugins.core.models import Agency

    call_command("load_demo", stdout=StringIO())
    return Agency.objects.get(symbol="BQL").pk


@pytest.fixture
def demo(db):
    """The reference site's demo content, as `manage.py load_demo` makes it, fresh for this
    test."""
    from plugins.core.models import Agency

    return Agency.objects.get(pk=_load_demo())


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup, django_db_blocker):
    """The demo loaded once for a whole test module, inside a transaction that is rolled
    back after the module's last test; each test runs in a savepoint within it (what
    Django's ``setUpTestData`` does for a class)."""
    from django.core.cache import cache
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _load_demo()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail's site root paths and the like, cached from the demo


@pytest.fixture
def shared_demo(_demo_for_module, db):
    """The demo, loaded once per module: for modules whose every test reads the demo and
    none leaves a change another test would see (each test's own changes are rolled back)."""
    from plugins.core.models import Agency

    return Agency.objects.get(pk=_demo_for_module)
