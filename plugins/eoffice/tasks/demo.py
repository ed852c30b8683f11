"""Demo content: tasks assigned by the head of each demo agency through the services — one
in progress with a progress report, one reported done and accepted, one extended, and one
overdue (its deadline moved into the past, the only thing not done through the services)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from plugins.core.calendar import WorkingCalendar
from plugins.core.models import Agency, Unit
from plugins.eoffice.tasks import services
from plugins.eoffice.tasks.models import Task

PEOPLE = {"BQL": ("truongban", "chuyenvien", "qldn", "qldt"),
          "SKH": ("giamdoc.skh", "vanthu.skh", "vp", "th")}
SYMBOLS = {"qldn": "QLDN", "qldt": "QLĐT", "vp": "VP", "th": "TH"}


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def load_tasks_demo(context):
    for agency in Agency.objects.filter(symbol__in=PEOPLE):
        if Task.objects.filter(agency=agency).exists():
            continue
        head_name, person_name, main_key, co_key = PEOPLE[agency.symbol]
        head, person = _user(head_name), _user(person_name)
        main_unit = Unit.objects.filter(agency=agency, symbol=SYMBOLS[main_key]).first()
        co_unit = Unit.objects.filter(agency=agency, symbol=SYMBOLS[co_key]).first()
        if head is None or person is None or main_unit is None:
            continue
        if not person.positions.filter(unit=main_unit).exists():
            person = None
        co = [co_unit] if co_unit else []
        first = services.assign(
            head, agency, title="Rà soát tiến độ các dự án chậm triển khai",
            content="Rà soát, tổng hợp danh sách các dự án chậm tiến độ trên 12 tháng; đề xuất "
                    "biện pháp xử lý theo quy định.",
            source="Kết luận giao ban lãnh đạo đầu tuần", main_unit=main_unit,
            main_person=person, co_units=co, working_days=10)
        reporter = person or head
        services.report_progress(reporter, first, 40,
                                 "Đã tổng hợp 12/30 dự án; đang làm việc với chủ đầu tư.")
        done = services.assign(
            head, agency, title="Báo cáo tình hình thu hút đầu tư quý",
            content="Xây dựng báo cáo tình hình thu hút đầu tư quý gửi UBND tỉnh.",
            source="Công văn của UBND tỉnh", main_unit=main_unit, main_person=person,
            working_days=3)
        services.report_completion(reporter, done, "Đã hoàn thành báo cáo, trình lãnh đạo.")
        services.accept(head, done)
        extended = services.assign(
            head, agency, title="Góp ý dự thảo quy chế phối hợp",
            content="Nghiên cứu, góp ý dự thảo quy chế phối hợp quản lý nhà nước.",
            source="Phiếu chuyển của Văn phòng", main_unit=main_unit, working_days=5)
        calendar = WorkingCalendar(agency)
        services.extend(head, extended, calendar.add_working_days(extended.deadline, 5),
                        "Chờ ý kiến của các sở, ngành liên quan")
        late = services.assign(
            head, agency, title="Tổng hợp kiến nghị của doanh nghiệp",
            content="Tổng hợp các kiến nghị của doanh nghiệp tại hội nghị đối thoại.",
            source="Hội nghị đối thoại doanh nghiệp", main_unit=main_unit, main_person=person,
            working_days=1)
        past = timezone.localdate() - datetime.timedelta(days=3)
        while not calendar.is_working_day(past):
            past -= datetime.timedelta(days=1)
        Task.objects.filter(pk=late.pk).update(
            deadline=past, assigned_at=timezone.now() - datetime.timedelta(days=10))
        context.note(True, f"four assigned tasks of {agency.symbol}")
