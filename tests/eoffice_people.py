"""The people of the e-office tests, shared by every e-office app's test folder: two
agencies of one installation (BQL, with its own site at ``testserver``, and SKH at
``skh.testserver``), their units, and staff in every role.

A test folder's conftest takes them all::

    from tests.eoffice_people import *  # noqa: F403
"""

import pytest
from django.utils import translation

from plugins.core.models import Role, Unit

__all__ = ["english", "bql", "skh", "units", "staff"]


@pytest.fixture(autouse=True)
def english(settings):
    """The tests read the English messages (the admin's requests follow LANGUAGE_CODE)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def bql(make_agency):
    return make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang", hostname="testserver",
                       organ_id="000.35.31.H60", own_home=True)


@pytest.fixture
def skh(make_agency):
    return make_agency("SKH", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai", hostname="skh.testserver",
                       organ_id="000.11.31.H29", own_home=True)


@pytest.fixture
def units(bql, skh):
    return {
        "leadership": Unit.objects.create(agency=bql, name="Lãnh đạo Ban", kind="leadership"),
        "office": Unit.objects.create(agency=bql, name="Văn phòng", symbol="VP"),
        "investment": Unit.objects.create(agency=bql, name="Phòng Quản lý đầu tư",
                                          symbol="QLĐT"),
        "business": Unit.objects.create(agency=bql, name="Phòng Quản lý doanh nghiệp",
                                        symbol="QLDN"),
        "skh_office": Unit.objects.create(agency=skh, name="Văn phòng Sở", symbol="VP"),
    }


@pytest.fixture
def staff(bql, skh, units, make_staff):
    def person(username, agency, role, unit, title, is_leader=False):
        user = make_staff(username, agency, role, unit, title=title, is_leader=is_leader)
        user.email = f"{username}@example.test"
        user.save()
        return user

    return {
        "director": person("truongban", bql, Role.AGENCY_LEADER, units["leadership"],
                           "Trưởng ban", True),
        "clerk": person("vanthu", bql, Role.CLERK, units["office"], "Văn thư"),
        "office_head": person("chanhvanphong", bql, Role.UNIT_LEADER, units["office"],
                              "Chánh Văn phòng", True),
        "leader": person("truongphong", bql, Role.UNIT_LEADER, units["investment"],
                         "Trưởng phòng", True),
        "specialist": person("chuyenvien", bql, Role.SPECIALIST, units["investment"],
                             "Chuyên viên"),
        "colleague": person("chuyenvien2", bql, Role.SPECIALIST, units["investment"],
                            "Chuyên viên"),
        "outsider": person("chuyenvienqldn", bql, Role.SPECIALIST, units["business"],
                           "Chuyên viên"),
        "other_leader": person("truongphongqldn", bql, Role.UNIT_LEADER, units["business"],
                               "Trưởng phòng", True),
        "it_admin": person("quantri", bql, Role.IT_ADMIN, None, "Quản trị"),
        "skh_clerk": person("vanthu.skh", skh, Role.CLERK, units["skh_office"], "Văn thư"),
        "skh_director": person("giamdoc.skh", skh, Role.AGENCY_LEADER, units["skh_office"],
                               "Giám đốc", True),
    }
