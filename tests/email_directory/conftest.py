"""Two agencies with unit trees, naming policies, staff for each role, and a directory page."""

import pytest

from plugins.core.models import Role, Unit, UnitKind
from plugins.email_directory.addresses import assign_personal_mailbox
from plugins.email_directory.models import (
    AddressPolicy,
    DirectoryEntry,
    DirectoryPage,
    Mailbox,
    MailboxKind,
)


@pytest.fixture
def bql(make_agency):
    agency = make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang",
                         hostname="testserver", own_home=True, address="Số 27 Nam Kỳ Khởi Nghĩa",
                         phone="0273 3871 567", fax="0273 3871 568")
    AddressPolicy.objects.create(agency=agency, scheme="gialai", domain="tiengiang.gov.vn")
    return agency


@pytest.fixture
def skh(make_agency):
    agency = make_agency("SKH", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai", hostname="skh.testserver",
                         own_home=True)
    AddressPolicy.objects.create(agency=agency, scheme="laocai", domain="laocai.gov.vn",
                                 suffix="skhdt")
    return agency


@pytest.fixture
def units(bql, skh):
    """BQL: leadership ▸ (Văn phòng, Phòng Quản lý đầu tư ▸ Tổ Xúc tiến); SKH: Văn phòng Sở."""
    leadership = Unit.objects.create(agency=bql, name="Lãnh đạo Ban", kind=UnitKind.LEADERSHIP)
    office = Unit.objects.create(agency=bql, name="Văn phòng", parent=leadership, sort_order=1,
                                 symbol="VP", phone="0273 3871 569")
    investment = Unit.objects.create(agency=bql, name="Phòng Quản lý đầu tư", parent=leadership,
                                     sort_order=2, symbol="QLĐT")
    promotion = Unit.objects.create(agency=bql, name="Tổ Xúc tiến đầu tư", parent=investment)
    skh_office = Unit.objects.create(agency=skh, name="Văn phòng Sở", symbol="VP")
    return {"leadership": leadership, "office": office, "investment": investment,
            "promotion": promotion, "skh_office": skh_office}


@pytest.fixture
def make_person(db):
    def make(agency, name, unit=None, title="Chuyên viên", email=None, **fields):
        entry = DirectoryEntry.objects.create(agency=agency, full_name=name, title=title,
                                              unit=unit, **fields)
        if email is not False:
            assign_personal_mailbox(entry, email)
        entry.refresh_from_db()
        return entry

    return make


@pytest.fixture
def make_shared(db):
    def make(agency, address, unit=None, **fields):
        mailbox = Mailbox(agency=agency, address=address, unit=unit,
                          kind=MailboxKind.UNIT if unit else MailboxKind.AGENCY, **fields)
        mailbox.full_clean()
        mailbox.save()
        return mailbox

    return make


@pytest.fixture
def people(bql, units, make_person, make_shared):
    """A small BQL directory: two leaders, an office, an investment team."""
    leader = make_person(bql, "Nguyễn Văn Thành", units["leadership"], title="Trưởng ban",
                         is_leader=True, duties="Lãnh đạo, điều hành chung.", phone="0913 700 101")
    deputy = make_person(bql, "Trần Thị Mỹ Hạnh", units["leadership"], title="Phó Trưởng ban",
                         is_leader=True, duties="Phụ trách đầu tư.", sort_order=2)
    clerk = make_person(bql, "Phạm Thị Thu Hương", units["office"], title="Văn thư")
    chief = make_person(bql, "Lê Minh Đức", units["office"], title="Chánh Văn phòng",
                        is_leader=True)
    analyst = make_person(bql, "Đặng Xuân Phong", units["investment"])
    promoter = make_person(bql, "Đỗ Thị Đào", units["promotion"])
    agency_box = make_shared(bql, "bqlkcn@tiengiang.gov.vn", holder=clerk)
    office_box = make_shared(bql, "vp.bqlkcn@tiengiang.gov.vn", units["office"], holder=chief)
    return {"leader": leader, "deputy": deputy, "clerk": clerk, "chief": chief,
            "analyst": analyst, "promoter": promoter, "agency_box": agency_box,
            "office_box": office_box}


@pytest.fixture
def directory_page(bql):
    home = bql.site.root_page
    page = DirectoryPage(title="Danh bạ thư điện tử", slug="danh-ba")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def staff(bql, skh, units, make_staff):
    """it (BQL's IT unit), clerk (BQL), leader (head of BQL's Văn phòng), other_clerk (SKH's
    clerk), skh_it (SKH's IT unit), and both (BQL's IT unit and SKH's specialist)."""
    both = make_staff("both", bql, Role.IT_ADMIN)
    from plugins.core.models import AgencyRole

    both.groups.add(AgencyRole.objects.get(agency=skh, role=Role.SPECIALIST).group)
    return {
        "it": make_staff("quantri", bql, Role.IT_ADMIN),
        "clerk": make_staff("vanthu", bql, Role.CLERK),
        "leader": make_staff("chanhvanphong", bql, Role.UNIT_LEADER, unit=units["office"],
                             title="Chánh Văn phòng", is_leader=True),
        "other_clerk": make_staff("vanthu.skh", skh, Role.CLERK),
        "skh_it": make_staff("quantri.skh", skh, Role.IT_ADMIN),
        "both": both,
    }
