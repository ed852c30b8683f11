"""Demo organisation: two agencies of a province, their unit trees and staff for each role.

The first is the Tiền Giang industrial-zones board of seed regulation 000; the second,
the Lào Cai planning and investment department of seed 001, shows that one installation
serves several agencies (R-ORG-3).
"""

import datetime

from wagtail.models import Page, Site

from plugins.core.accounts import ensure_staff_user
from plugins.core.models import Agency, AgencyRole, DayKind, DayOverride, Position, Role, Unit

AGENCIES = [
    {
        "key": "bql",
        "hostname": "localhost",
        "is_default_site": True,
        "fields": {
            "name": "Ban Quản lý các Khu công nghiệp Tiền Giang",
            "symbol": "BQL",
            "organ_id": "000.35.31.H60",
            "email_domain": "tiengiang.gov.vn",
            "address": "Số 27 Nam Kỳ Khởi Nghĩa, Phường 1, thành phố Mỹ Tho, tỉnh Tiền Giang",
            "phone": "0273 3871 567",
            "fax": "0273 3871 568",
            "email": "bqlkcn@tiengiang.gov.vn",
        },
        "units": [
            # (key, parent key, name, symbol, kind, phone)
            ("lanhdao", None, "Lãnh đạo Ban", "", "leadership", "0273 3871 567"),
            ("vp", "lanhdao", "Văn phòng", "VP", "department", "0273 3871 569"),
            ("qldn", "lanhdao", "Phòng Quản lý doanh nghiệp", "QLDN", "department",
             "0273 3871 570"),
            ("qldt", "lanhdao", "Phòng Quản lý đầu tư", "QLĐT", "department", "0273 3871 571"),
            ("qhxd", "lanhdao", "Phòng Quản lý quy hoạch và xây dựng", "QHXD", "department",
             "0273 3871 572"),
            ("qlmt", "lanhdao", "Phòng Quản lý môi trường", "QLMT", "department", "0273 3871 573"),
            ("ctpt", "lanhdao", "Công ty Phát triển hạ tầng các khu công nghiệp", "CTPT",
             "affiliated", "0273 3853 101"),
            ("chibo", None, "Chi bộ Ban Quản lý", "", "party_union", ""),
            ("congdoan", "chibo", "Công đoàn cơ sở", "", "party_union", ""),
        ],
        "staff": [
            # (username, full name, unit key, title, leader, roles, phone, duties)
            ("truongban", "Nguyễn Văn Thành", "lanhdao", "Trưởng ban", True,
             [Role.AGENCY_LEADER], "0913 700 101",
             "Lãnh đạo, điều hành chung mọi hoạt động của Ban; Trưởng Ban Biên tập."),
            ("photruongban", "Trần Thị Mỹ Hạnh", "lanhdao", "Phó Trưởng ban", True,
             [Role.AGENCY_LEADER], "0913 700 102",
             "Phụ trách lĩnh vực đầu tư, doanh nghiệp; Phó Trưởng Ban Biên tập."),
            ("chanhvanphong", "Lê Minh Đức", "vp", "Chánh Văn phòng", True,
             [Role.UNIT_LEADER], "0913 700 103", "Phụ trách Văn phòng, công tác hành chính."),
            ("vanthu", "Phạm Thị Thu Hương", "vp", "Văn thư", False, [Role.CLERK],
             "0273 3871 569", ""),
            ("quantri", "Võ Hoàng Nam", "vp", "Chuyên viên công nghệ thông tin", False,
             [Role.IT_ADMIN], "0273 3871 569", ""),
            ("truongphongqldn", "Đặng Xuân Phong", "qldn", "Trưởng phòng", True,
             [Role.UNIT_LEADER], "0913 700 104", "Phụ trách Phòng Quản lý doanh nghiệp."),
            ("chuyenvien", "Huỳnh Ngọc Diễm", "qldn", "Chuyên viên", False, [Role.SPECIALIST],
             "0273 3871 570", ""),
            ("truongphongqldt", "Bùi Quốc Việt", "qldt", "Trưởng phòng", True,
             [Role.UNIT_LEADER], "0913 700 105", "Phụ trách Phòng Quản lý đầu tư."),
        ],
    },
    {
        "key": "skh",
        "hostname": "skh.localhost",
        "is_default_site": False,
        "fields": {
            "name": "Sở Kế hoạch và Đầu tư tỉnh Lào Cai",
            "symbol": "SKH",
            "organ_id": "000.11.31.H29",
            "email_domain": "laocai.gov.vn",
            "address": "Tầng 4, Khối 4, Đại lộ Trần Hưng Đạo, thành phố Lào Cai, tỉnh Lào Cai",
            "phone": "0214 3840 068",
            "fax": "0214 3840 069",
            "email": "skhdt@laocai.gov.vn",
        },
        "units": [
            ("bgd", None, "Ban Giám đốc", "", "leadership", "0214 3840 068"),
            ("vp", "bgd", "Văn phòng Sở", "VP", "department", "0214 3840 070"),
            ("th", "bgd", "Phòng Tổng hợp, Quy hoạch", "TH", "department", "0214 3840 071"),
            ("dkkd", "bgd", "Phòng Đăng ký kinh doanh", "ĐKKD", "department", "0214 3840 072"),
        ],
        "staff": [
            ("giamdoc.skh", "Hoàng Văn Bình", "bgd", "Giám đốc", True, [Role.AGENCY_LEADER],
             "0912 800 201", "Lãnh đạo, điều hành chung các hoạt động của Sở."),
            ("vanthu.skh", "Lý Thị Mai", "vp", "Văn thư", False, [Role.CLERK], "0214 3840 070", ""),
        ],
    },
]

# Days the government moved for the whole country in 2026 (civil servants' Tết break
# ran Saturday 14 to Sunday 22 February 2026).
NATIONAL_DAYS = [
    (datetime.date(2026, 2, 16), DayKind.OFF, "Nghỉ Tết Nguyên đán Bính Ngọ 2026"),
    (datetime.date(2026, 2, 20), DayKind.OFF, "Nghỉ Tết Nguyên đán Bính Ngọ 2026"),
]


def _ensure_tree_roots():
    """The page and collection roots Wagtail's migrations make (gone after a DB flush)."""
    from django.conf import settings
    from wagtail.models import Collection, Locale

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def load_core_demo(context):
    default_root = _ensure_tree_roots()
    for spec in AGENCIES:
        agency, created = Agency.objects.get_or_create(
            symbol=spec["fields"]["symbol"], defaults=spec["fields"]
        )
        context.note(created, f"agency {agency.name}")
        _ensure_site(agency, spec, default_root, context)
        units = _ensure_units(agency, spec["units"], context)
        _ensure_staff(agency, units, spec["staff"], context)
        context.objects.setdefault("agencies", {})[spec["key"]] = agency
        context.objects.setdefault("units", {})[spec["key"]] = units
    for date, kind, reason in NATIONAL_DAYS:
        _, created = DayOverride.objects.get_or_create(
            agency=None, date=date, defaults={"kind": kind, "reason": reason}
        )
        context.note(created, f"national day {date}")
    _name_wagtail_defaults_in_vietnamese(context)


# Records Wagtail's own migrations create with English names: data, not messages, so no
# catalogue translates them. The demo names them as an agency would.
WAGTAIL_DEFAULT_NAMES = {
    "group": {"Moderators": "Kiểm duyệt viên", "Editors": "Biên tập viên"},
    "workflow": {"Moderators approval": "Quy trình duyệt mặc định"},
    "task": {"Moderators approval": "Kiểm duyệt viên phê duyệt"},
}


def _name_wagtail_defaults_in_vietnamese(context):
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow

    models = {"group": Group, "workflow": Workflow, "task": Task}
    for kind, names in WAGTAIL_DEFAULT_NAMES.items():
        for english, vietnamese in names.items():
            renamed = models[kind].objects.filter(name=english).update(name=vietnamese)
            context.note(renamed, f"{kind} “{english}” named “{vietnamese}”")


def _ensure_site(agency, spec, default_root, context):
    if agency.site_id:
        return
    site = Site.objects.filter(hostname=spec["hostname"], port=80).first()
    if site is None and spec["is_default_site"]:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=spec["hostname"], port=80, root_page=default_root,
            is_default_site=spec["is_default_site"], site_name=agency.name,
        )
    site.hostname, site.site_name = spec["hostname"], agency.name
    site.save()
    agency.site = site
    agency.save()
    context.note(True, f"site {site.hostname} for {agency.symbol}")


def _ensure_units(agency, rows, context):
    units = {}
    for order, (key, parent_key, name, symbol, kind, phone) in enumerate(rows):
        unit, created = Unit.objects.get_or_create(
            agency=agency,
            name=name,
            defaults={
                "parent": units.get(parent_key),
                "symbol": symbol,
                "kind": kind,
                "phone": phone,
                "sort_order": order,
            },
        )
        context.note(created, f"unit {name}")
        units[key] = unit
    return units


def _ensure_staff(agency, units, rows, context):
    for username, full_name, unit_key, title, leader, roles, phone, duties in rows:
        email = f"{username.split('.')[0]}@{agency.email_domain}"
        user, password = ensure_staff_user(username, full_name, email=email)
        if password:
            context.note(True, f"account {username} ({title}), one-time password: {password}")
        _, created = Position.objects.get_or_create(
            user=user,
            unit=units[unit_key],
            defaults={"title": title, "is_leader": leader, "phone": phone, "duties": duties,
                      "email": email},
        )
        context.note(created, f"position {full_name}, {title}")
        for role in roles:
            group = AgencyRole.objects.get(agency=agency, role=role).group
            if not user.groups.filter(pk=group.pk).exists():
                user.groups.add(group)
                context.note(True, f"role {role.label} for {username}")
