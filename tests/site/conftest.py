import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The reference site's demo content, as `manage.py load_demo` makes it."""
    from io import StringIO

    call_command("load_demo", stdout=StringIO())
    from plugins.core.models import Agency

    return Agency.objects.get(symbol="BQL")
