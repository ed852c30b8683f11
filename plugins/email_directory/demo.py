"""Demo directory of the two demo agencies (core): their staff, more people, mailboxes of
every kind made by each agency's scheme, a handover, and the page /danh-ba/.

* Tiền Giang industrial-zones board (BQL, seed 000): the province's shared domain
  tiengiang.gov.vn with the Gia Lai scheme (seed 004), whose collision rules are made for
  one domain shared by many agencies: Nguyễn Văn Thành → thanhnv; a second Nguyễn Văn
  Thành gets his birth date; Nguyễn Viết Thành gets the adjacent middle name
  (vietthanhn). The agency mailbox keeps its abbreviation (bqlkcn@, DOMAIN.md).
* Lào Cai planning and investment department (SKH, seed 001): the Lào Cai scheme with the
  suffix skhdt (Đặng Xuân Phong → dxphong-skhdt) and the agency mailbox of seed 001 Đ3.4a,
  contact-skhdt@laocai.gov.vn.

Idempotent: people are found by name in their agency, mailboxes by address.
"""

import datetime

from django.contrib.auth import get_user_model

from plugins.core.accounts import ensure_staff_user
from plugins.core.demo import agency_home
from plugins.core.models import AgencyRole, Position, Role
from plugins.email_directory.addresses import assign_personal_mailbox
from plugins.email_directory.models import (
    AddressPolicy,
    DirectoryEntry,
    DirectoryPage,
    Mailbox,
    MailboxHandover,
    MailboxKind,
)
from plugins.email_directory.staff import add_staff_positions

POLICIES = {
    "bql": {"scheme": "gialai", "domain": "tiengiang.gov.vn", "suffix": ""},
    "skh": {"scheme": "laocai", "domain": "laocai.gov.vn", "suffix": "skhdt"},
}

# Staff accounts the core demo lacks: the IT unit that keeps SKH's directory (R-EM-5).
ACCOUNTS = {
    "skh": [
        # (username, full name, unit key, title, leader, role, phone)
        ("quantri.skh", "Lò Văn Tuấn", "vp", "Chuyên viên công nghệ thông tin", False,
         Role.IT_ADMIN, "0214 3840 070"),
    ],
}

# People without an account in the portal: (unit key, full name, title, leader, office
# phone, mobile, birth date, duties, order).
PEOPLE = {
    "bql": [
        ("lanhdao", "Nguyễn Viết Thành", "Phó Trưởng ban", True, "0273 3871 567", "0913 700 106",
         None, "Phụ trách lĩnh vực quy hoạch, xây dựng, môi trường; Chủ tịch Công đoàn cơ sở.", 3),
        ("vp", "Trương Thị Ngọc Lan", "Phó Chánh Văn phòng", True, "0273 3871 569", "", None,
         "", 2),
        ("vp", "Lâm Thị Bích Vân", "Kế toán", False, "0273 3871 569", "", None, "", 5),
        ("vp", "Đỗ Minh Khoa", "Chuyên viên tổng hợp", False, "0273 3871 569", "", None, "", 6),
        ("qldn", "Hồ Văn Sang", "Phó Trưởng phòng", True, "0273 3871 570", "", None, "", 2),
        ("qldn", "Nguyễn Thị Kim Ngân", "Chuyên viên", False, "0273 3871 570", "", None, "", 5),
        ("qldt", "Phan Thanh Tùng", "Phó Trưởng phòng", True, "0273 3871 571", "", None, "", 2),
        ("qldt", "Nguyễn Văn Thành", "Chuyên viên", False, "0273 3871 571", "",
         datetime.date(1990, 5, 12), "", 5),
        ("qhxd", "Châu Văn Lợi", "Trưởng phòng", True, "0273 3871 572", "0913 700 107", None,
         "", 1),
        ("qhxd", "Mai Thị Thảo", "Chuyên viên", False, "0273 3871 572", "", None, "", 5),
        ("qlmt", "Tạ Quang Huy", "Trưởng phòng", True, "0273 3871 573", "0913 700 108", None,
         "", 1),
        ("qlmt", "Đinh Thị Yến", "Chuyên viên", False, "0273 3871 573", "", None, "", 5),
        ("ctpt", "Võ Thành Long", "Giám đốc", True, "0273 3853 101", "", None, "", 1),
        ("ctpt", "Lê Thị Hồng Nhung", "Phó Giám đốc", True, "0273 3853 101", "", None, "", 2),
    ],
    "skh": [
        ("bgd", "Đặng Xuân Phong", "Phó Giám đốc", True, "0214 3840 068", "0912 800 202", None,
         "Phụ trách công tác đăng ký kinh doanh, hỗ trợ doanh nghiệp và cải cách hành chính.", 2),
        ("bgd", "Nguyễn Thị Thanh Hà", "Phó Giám đốc", True, "0214 3840 068", "0912 800 203",
         None, "Phụ trách công tác tổng hợp, quy hoạch và kế hoạch đầu tư công.", 3),
        ("vp", "Vũ Đức Thắng", "Chánh Văn phòng", True, "0214 3840 070", "", None, "", 1),
        ("th", "Nguyễn Đức Hùng", "Trưởng phòng", True, "0214 3840 071", "", None, "", 1),
        ("th", "Hoàng Thị Thu Trang", "Chuyên viên", False, "0214 3840 071", "", None, "", 5),
        ("dkkd", "Sần Thị Hoa", "Trưởng phòng", True, "0214 3840 072", "", None, "", 1),
        ("dkkd", "Đỗ Xuân Phong", "Chuyên viên", False, "0214 3840 072", "", None, "", 5),
    ],
}

# Agency and unit mailboxes: (unit key or None for the agency, address, holder's name,
# aliases).
SHARED = {
    "bql": [
        (None, "bqlkcn@tiengiang.gov.vn", "Phạm Thị Thu Hương", ""),
        ("vp", "vp.bqlkcn@tiengiang.gov.vn", "Trương Thị Ngọc Lan", ""),
        ("qldn", "qldn.bqlkcn@tiengiang.gov.vn", "Hồ Văn Sang", ""),
        ("qldt", "qldt.bqlkcn@tiengiang.gov.vn", "Phan Thanh Tùng", ""),
        ("qhxd", "qhxd.bqlkcn@tiengiang.gov.vn", "Mai Thị Thảo", ""),
        ("qlmt", "qlmt.bqlkcn@tiengiang.gov.vn", "Đinh Thị Yến", ""),
        ("ctpt", "ctpt.bqlkcn@tiengiang.gov.vn", "Lê Thị Hồng Nhung", ""),
    ],
    "skh": [
        # Seed 001 Đ3.4a: the agency mailbox; the address used before stays as an alias.
        (None, "contact-skhdt@laocai.gov.vn", "Lý Thị Mai", "skhdt@laocai.gov.vn"),
        ("vp", "vp-skhdt@laocai.gov.vn", "Lý Thị Mai", ""),
        ("th", "th-skhdt@laocai.gov.vn", "Hoàng Thị Thu Trang", ""),
        ("dkkd", "dkkd-skhdt@laocai.gov.vn", "Đỗ Xuân Phong", ""),
    ],
}

# A handover awaiting its new holder's confirmation: the Văn phòng mailbox of BQL goes
# from its deputy head to the clerk, who confirms from her own account (vanthu).
HANDOVERS = {
    "bql": [("vp.bqlkcn@tiengiang.gov.vn", "Phạm Thị Thu Hương", datetime.date(2026, 11, 16),
             "Bà Trương Thị Ngọc Lan chuyển công tác; bàn giao hộp thư, mật khẩu và toàn bộ "
             "dữ liệu theo Quy chế thư điện tử công vụ.")],
}


def load_directory_demo(context):
    agencies = context.objects.get("agencies", {})
    units = context.objects.get("units", {})
    for key, agency in agencies.items():
        if key not in POLICIES:
            continue
        _, created = AddressPolicy.objects.get_or_create(agency=agency, defaults=POLICIES[key])
        context.note(created, f"address naming policy of {agency.symbol}")
        for spec in ACCOUNTS.get(key, []):
            _ensure_account(agency, units[key], spec, context)
        outcome = add_staff_positions(agency)
        for entry, mailbox in outcome.created:
            context.note(True, f"directory entry {entry.name} <{mailbox}>")
        for problem in outcome.problems:
            context.log(f"  ! {problem}")
        for spec in PEOPLE.get(key, []):
            _ensure_person(agency, units[key], spec, context)
        for unit_key, address, holder, aliases in SHARED.get(key, []):
            _ensure_shared(agency, units[key].get(unit_key), address, holder, aliases, context)
        for address, to_name, date, note in HANDOVERS.get(key, []):
            _ensure_handover(agency, address, to_name, date, note, context)
        _ensure_page(agency, context)


def _ensure_account(agency, units, spec, context):
    username, full_name, unit_key, title, leader, role, phone = spec
    user, password = ensure_staff_user(username, full_name)
    if password:
        context.note(True, f"account {username} ({title}), one-time password: {password}")
    _, created = Position.objects.get_or_create(
        user=user, unit=units[unit_key],
        defaults={"title": title, "is_leader": leader, "phone": phone},
    )
    context.note(created, f"position {full_name}, {title}")
    group = AgencyRole.objects.get(agency=agency, role=role).group
    if not user.groups.filter(pk=group.pk).exists():
        user.groups.add(group)
        context.note(True, f"role {role.label} for {username}")


def _find_person(agency, name):
    for entry in DirectoryEntry.objects.for_agency(agency).select_related("position__user"):
        if entry.name == name:
            return entry
    return None


def _ensure_person(agency, units, spec, context):
    unit_key, name, title, leader, phone, mobile, birth_date, duties, order = spec
    if DirectoryEntry.objects.filter(agency=agency, full_name=name, unit=units[unit_key]).exists():
        return
    entry = DirectoryEntry.objects.create(
        agency=agency, full_name=name, title=title, unit=units[unit_key], is_leader=leader,
        phone=phone, mobile=mobile, birth_date=birth_date, duties=duties, sort_order=order,
    )
    mailbox, suggestion = assign_personal_mailbox(entry)
    context.note(True, f"directory entry {name} <{mailbox}> ({suggestion.rule})")


def _ensure_shared(agency, unit, address, holder_name, aliases, context):
    if Mailbox.objects.filter(address=address).exists():
        return
    mailbox = Mailbox(
        agency=agency, kind=MailboxKind.UNIT if unit else MailboxKind.AGENCY, unit=unit,
        address=address, holder=_find_person(agency, holder_name), aliases=aliases,
    )
    mailbox.full_clean()
    mailbox.save()
    context.note(True, f"{mailbox.get_kind_display()} {address}")


def _ensure_handover(agency, address, to_name, date, note, context):
    mailbox = Mailbox.objects.get(address=address)
    if MailboxHandover.objects.filter(mailbox=mailbox).exists():
        return
    recorder = (
        get_user_model().objects.filter(
            groups__agency_role__agency=agency, groups__agency_role__role=Role.IT_ADMIN
        ).first()
    )
    handover = MailboxHandover(
        mailbox=mailbox, from_holder=mailbox.holder, to_holder=_find_person(agency, to_name),
        handover_date=date, note=note, recorded_by=recorder,
    )
    handover.full_clean()
    handover.save()
    context.note(True, f"handover of {address} to {to_name}, awaiting confirmation")


def _ensure_page(agency, context):
    home = agency_home(agency, context)
    if DirectoryPage.objects.child_of(home).exists():
        return
    page = DirectoryPage(
        title="Danh bạ thư điện tử", slug="danh-ba", show_in_menus=True,
        intro="<p>Địa chỉ thư điện tử công vụ, chức vụ và số điện thoại của lãnh đạo, các "
              "phòng, đơn vị và từng cán bộ, công chức. Tìm theo tên có dấu hoặc không dấu.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    context.note(True, f"page /danh-ba/ of {agency.symbol}")
