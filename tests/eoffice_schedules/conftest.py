"""Two agencies with an office, a unit and staff in every role; a work programme page on
the first agency's site."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone, translation

from plugins.core.models import Role, Unit

if "plugins.eoffice.schedules" not in settings.INSTALLED_APPS:
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def bql(make_agency):
    return make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang", hostname="testserver",
                       own_home=True)


@pytest.fixture
def skh(make_agency):
    return make_agency("SKH", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai", hostname="skh.testserver",
                       own_home=True)


@pytest.fixture
def units(bql, skh):
    return {
        "leadership": Unit.objects.create(agency=bql, name="Lãnh đạo Ban", kind="leadership"),
        "office": Unit.objects.create(agency=bql, name="Văn phòng", symbol="VP"),
        "investment": Unit.objects.create(agency=bql, name="Phòng Quản lý đầu tư",
                                          symbol="QLĐT"),
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
        "it_admin": person("quantri", bql, Role.IT_ADMIN, None, "Quản trị"),
        "skh_clerk": person("vanthu.skh", skh, Role.CLERK, units["skh_office"], "Văn thư"),
        "skh_director": person("giamdoc.skh", skh, Role.AGENCY_LEADER, units["skh_office"],
                               "Giám đốc", True),
    }


@pytest.fixture
def monday():
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def entry_fields(day, **overrides):
    fields = {"date": day, "start_time": datetime.time(8, 0), "end_time": datetime.time(10, 0),
              "content": "Giao ban lãnh đạo Ban đầu tuần", "chair": "Trưởng ban",
              "participants": "Trưởng các phòng", "place": "Phòng họp số 1",
              "preparer": "Văn phòng"}
    fields.update(overrides)
    return fields


@pytest.fixture
def make_entry(bql, staff, monday):
    from plugins.eoffice.schedules import services

    def make(state="published", unit=None, day=None, agency=None, **overrides):
        agency = agency or bql
        clerk = staff["clerk"] if agency == bql else staff["skh_clerk"]
        head = staff["director"] if agency == bql else staff["skh_director"]
        entry = services.create_entry(clerk, agency, unit, **entry_fields(day or monday,
                                                                           **overrides))
        if state in ("submitted", "published", "returned"):
            services.submit(clerk, entry)
        if state == "published":
            services.approve(head, entry)
        if state == "returned":
            services.send_back(head, entry, "Thiếu thành phần tham dự")
        return entry

    return make


@pytest.fixture
def programme(bql):
    from plugins.eoffice.schedules.models import WorkProgrammePage

    home = bql.site.root_page
    programme_page = WorkProgrammePage(title="Lịch công tác", slug="lich-cong-tac")
    home.add_child(instance=programme_page)
    programme_page.save_revision().publish()
    return programme_page
