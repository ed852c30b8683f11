"""Consultations for the two agencies of tests/eoffice_people.py: the investment
specialist drafts, asking the director and a colleague by name and the business unit (its
leader answers for it)."""

import datetime

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.eoffice_people import *  # noqa: F403 - the shared people of the e-office

if "plugins.eoffice.consultations" not in settings.INSTALLED_APPS:
    collect_ignore_glob = ["test_*.py"]

PDF = b"%PDF-1.4\n%%EOF\n"


def pdf(name="du-thao.pdf"):
    return ContentFile(PDF, name=name)


# Friday 4 December 2026, 9:00 in Hà Nội: 3 working days later is Wednesday 9 December.
FRIDAY = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=datetime.timezone(
    datetime.timedelta(hours=7)))


@pytest.fixture
def make_consultation(bql, staff, units):
    from plugins.eoffice.consultations import services

    def make(state="open", drafter=None, people=None, unit_list=None, now=FRIDAY,
             agency=None, **fields):
        drafter = drafter or staff["specialist"]
        agency = agency or bql
        if people is None:
            people = [staff["director"], staff["colleague"]]
        if unit_list is None:
            unit_list = [units["business"]]
        fields.setdefault("title", "Dự thảo Quy chế làm việc")
        fields.setdefault("working_days", 3)
        consultation = services.create(drafter, agency, people=people, units=unit_list,
                                       files=[pdf()], **fields)
        if state in ("open", "closed"):
            services.open_consultation(drafter, consultation, now=now)
        if state == "closed":
            services.close(consultation, now=now + datetime.timedelta(days=10))
        consultation.refresh_from_db()
        return consultation

    return make


@pytest.fixture
def invitee_of():
    def find(consultation, user=None, unit=None):
        if user is not None:
            return consultation.invitees.get(user=user)
        return consultation.invitees.get(unit=unit)

    return find


@pytest.fixture
def now():
    return timezone.now()
