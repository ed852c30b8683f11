"""Demo content: a week of the leaders' schedule around today for each demo agency, made
through the services (drafted by the clerk, approved by the head; one entry changed and one
cancelled after publication, next week's still waiting for approval), a unit's schedule,
work plans, and the work programme page under each agency's home."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from plugins.core.demo import agency_home
from plugins.core.models import Agency, Unit
from plugins.eoffice.schedules import services
from plugins.eoffice.schedules.models import PeriodKind, ScheduleEntry, WorkPlan
from plugins.eoffice.schedules.pages import WorkProgrammePage
from plugins.eoffice.schedules.weeks import monday_of

T = datetime.time

# (weekday, start, end, content, chair, participants, place, preparer)
BQL_WEEK = [
    (0, T(7, 30), T(9, 0), "Giao ban lãnh đạo Ban đầu tuần", "Trưởng ban Nguyễn Văn Thành",
     "Phó Trưởng ban; Chánh Văn phòng; Trưởng các phòng", "Phòng họp số 1",
     "Văn phòng"),
    (0, T(14, 0), T(16, 30), "Làm việc với Công ty TNHH Dệt may Mỹ Tho về tiến độ dự án nhà "
     "xưởng tại Khu công nghiệp Tân Hương", "Phó Trưởng ban Trần Thị Mỹ Hạnh",
     "Phòng Quản lý đầu tư; Phòng Quản lý quy hoạch và xây dựng", "Phòng họp số 2",
     "Phòng Quản lý đầu tư"),
    (1, T(8, 0), T(11, 0), "Dự họp UBND tỉnh về giải phóng mặt bằng Khu công nghiệp Long "
     "Giang giai đoạn 2", "Chủ tịch UBND tỉnh", "Trưởng ban Nguyễn Văn Thành",
     "Hội trường UBND tỉnh", "Phòng Quản lý quy hoạch và xây dựng"),
    (2, T(8, 0), T(11, 30), "Kiểm tra công tác bảo vệ môi trường tại Khu công nghiệp Mỹ Tho",
     "Phó Trưởng ban Trần Thị Mỹ Hạnh", "Phòng Quản lý môi trường; Công an tỉnh (PC03)",
     "Khu công nghiệp Mỹ Tho", "Phòng Quản lý môi trường"),
    (3, T(14, 0), T(17, 0), "Tiếp công dân định kỳ", "Trưởng ban Nguyễn Văn Thành",
     "Văn phòng; Phòng Quản lý doanh nghiệp", "Phòng tiếp công dân",
     "Văn phòng"),
    (4, T(8, 0), T(10, 0), "Họp Ban Biên tập Cổng thông tin điện tử", "Trưởng ban Nguyễn Văn Thành",
     "Thành viên Ban Biên tập", "Phòng họp số 1", "Văn phòng"),
]
BQL_NEXT_WEEK = [
    (0, T(7, 30), T(9, 0), "Giao ban lãnh đạo Ban đầu tuần", "Trưởng ban Nguyễn Văn Thành",
     "Phó Trưởng ban; Chánh Văn phòng; Trưởng các phòng", "Phòng họp số 1", "Văn phòng"),
]
SKH_WEEK = [
    (0, T(8, 0), T(9, 30), "Giao ban Ban Giám đốc Sở", "Giám đốc Hoàng Văn Bình",
     "Trưởng các phòng", "Phòng họp tầng 4", "Văn phòng Sở"),
    (2, T(14, 0), T(16, 0), "Thẩm định kế hoạch đầu tư công trung hạn", "Giám đốc Hoàng Văn Bình",
     "Phòng Tổng hợp, Quy hoạch", "Phòng họp tầng 4", "Phòng Tổng hợp, Quy hoạch"),
]
PEOPLE = {"BQL": ("vanthu", "truongban", ["truongban", "photruongban"]),
          "SKH": ("vanthu.skh", "giamdoc.skh", ["giamdoc.skh"])}


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def load_schedules_demo(context):
    for agency in Agency.objects.filter(symbol__in=PEOPLE).select_related("site"):
        _page(agency, context)
        clerk_name, head_name, leader_names = PEOPLE[agency.symbol]
        clerk, head = _user(clerk_name), _user(head_name)
        if clerk is None or head is None:
            continue
        if ScheduleEntry.objects.filter(agency=agency).exists():
            continue
        leaders = [user for user in map(_user, leader_names) if user]
        monday = monday_of(timezone.localdate())
        week = BQL_WEEK if agency.symbol == "BQL" else SKH_WEEK
        entries = _entries(clerk, agency, monday, week, leaders)
        services.submit_all(clerk, entries)
        services.approve_all(head, entries)
        context.note(True, f"a week of the leaders' schedule of {agency.symbol}")
        if agency.symbol == "BQL":
            services.change_published(
                clerk, entries[1], "Dời sang 15:00 theo đề nghị của doanh nghiệp",
                start_time=T(15, 0))
            services.cancel_published(head, entries[3], "Hoãn do trùng lịch họp của UBND tỉnh")
            upcoming = _entries(clerk, agency, monday + datetime.timedelta(days=7),
                                BQL_NEXT_WEEK, leaders)
            services.submit_all(clerk, upcoming)
            _unit_week(agency, monday, context)
        _plans(agency, clerk, head, context)


def _entries(user, agency, monday, rows, leaders, unit=None):
    made = []
    for weekday, start, end, content, chair, participants, place, preparer in rows:
        named = [leader for leader in leaders
                 if leader.get_full_name() and leader.get_full_name() in chair + participants]
        made.append(services.create_entry(
            user, agency, unit, leaders=named, date=monday + datetime.timedelta(days=weekday),
            start_time=start, end_time=end, content=content, chair=chair,
            participants=participants, place=place, preparer=preparer))
    return made


def _unit_week(agency, monday, context):
    unit = Unit.objects.filter(agency=agency, symbol="QLĐT").first()
    leader = _user("truongphongqldt")
    if unit is None or leader is None:
        return
    rows = [(1, T(8, 0), T(10, 0), "Thẩm định hồ sơ điều chỉnh giấy chứng nhận đăng ký đầu tư",
             "Trưởng phòng Bùi Quốc Việt", "Chuyên viên phòng", "Phòng Quản lý đầu tư",
             "Chuyên viên thụ lý")]
    entries = _entries(leader, agency, monday, rows, [], unit=unit)
    services.submit_all(leader, entries)
    services.approve_all(leader, entries)
    context.note(True, f"the week of {unit.name}")


def _plans(agency, clerk, head, context):
    today = timezone.localdate()
    plans = [
        services.create_plan(
            clerk, agency, period_kind=PeriodKind.MONTH, year=today.year, period=today.month,
            title=f"Kế hoạch công tác tháng {today.month}/{today.year}",
            text="1. Tổ chức giao ban định kỳ hằng tuần.\n2. Đôn đốc tiến độ các dự án trọng "
                 "điểm.\n3. Tổng hợp báo cáo tình hình thực hiện nhiệm vụ tháng."),
        services.create_plan(
            clerk, agency, period_kind=PeriodKind.YEAR, year=today.year, period=1,
            title=f"Chương trình công tác năm {today.year}",
            text="Thực hiện các nhiệm vụ trọng tâm về thu hút đầu tư, cải cách hành chính và "
                 "chuyển đổi số theo chỉ đạo của UBND tỉnh."),
    ]
    services.submit_all(clerk, plans)
    services.approve_all(head, plans)
    context.note(WorkPlan.objects.filter(agency=agency).exists(),
                 f"work plans of {agency.symbol}")


def _page(agency, context):
    if agency.site_id is None:
        return
    home = agency_home(agency, context)
    if WorkProgrammePage.objects.child_of(home).exists():
        return
    page = WorkProgrammePage(
        title="Lịch công tác", slug="lich-cong-tac", show_in_menus=True,
        intro="<p>Lịch công tác hằng tuần của lãnh đạo đã được phê duyệt; kế hoạch công tác "
              "tháng, quý, 6 tháng và năm. Nội dung thay đổi sau khi đăng được ghi rõ thời điểm "
              "thay đổi.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    context.note(True, f"work programme page /lich-cong-tac/ of {agency.symbol}")
