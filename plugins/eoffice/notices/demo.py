"""Demo content for the demo agencies, made through the services: announcements of the
office, the head and a unit's leader (one still a draft, one with an extension request
waiting), internal messages (one already read), and the trade union's, party cell's and
youth union's boards with their committees, members and posts. Loading twice changes
nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from plugins.core.models import Agency, Unit
from plugins.eoffice.notices import services
from plugins.eoffice.notices.models import Announcement, Board, Message

PEOPLE = {
    "BQL": {"clerk": "vanthu", "head": "truongban", "unit_leader": "truongphongqldt",
            "unit": "QLĐT", "office_head": "chanhvanphong", "staff": "chuyenvien",
            "other_leader": "truongphongqldn", "deputy": "photruongban"},
    "SKH": {"clerk": "vanthu.skh", "head": "giamdoc.skh"},
}


def _user(username):
    return get_user_model().objects.filter(username=username).first() if username else None


def load_notices_demo(context):
    for agency in Agency.objects.filter(symbol__in=PEOPLE):
        people = {key: (_user(value) if key != "unit" else value)
                  for key, value in PEOPLE[agency.symbol].items()}
        if people["clerk"] is None or people["head"] is None:
            continue
        if not Announcement.objects.filter(agency=agency).exists():
            _announcements(agency, people, context)
        if not Message.objects.filter(agency=agency).exists():
            _messages(agency, people, context)
        if not Board.objects.filter(agency=agency).exists():
            _boards(agency, people, context)


def _announcements(agency, people, context):
    clerk, head = people["clerk"], people["head"]
    year = timezone.localdate().year
    holiday = services.create_announcement(
        clerk, agency, title=f"Thông báo lịch nghỉ Tết Nguyên đán năm {year + 1}",
        body="Thực hiện thông báo của UBND tỉnh, cán bộ, công chức, viên chức và người lao "
             "động được nghỉ Tết Nguyên đán theo lịch chung. Các phòng, đơn vị bố trí trực "
             "cơ quan, bảo đảm an toàn tài sản trong những ngày nghỉ.")
    services.publish(clerk, holiday)
    meeting = services.create_announcement(
        head, agency, title="Triệu tập họp sơ kết công tác 6 tháng đầu năm",
        body="Kính mời lãnh đạo các phòng, đơn vị dự họp sơ kết vào 8 giờ sáng thứ Hai tuần "
             "sau tại phòng họp số 1. Các phòng chuẩn bị báo cáo ngắn gọn kết quả thực hiện "
             "nhiệm vụ và đề xuất, kiến nghị.")
    services.publish(head, meeting)
    context.note(True, f"announcements of {agency.symbol}")
    if people.get("staff") and people.get("unit_leader"):
        request = services.request_extension(
            people["staff"], holiday, (holiday.expires_at + datetime.timedelta(days=90)).date(),
            "Thông báo còn dùng để đối chiếu khi bố trí lịch trực cơ quan.")
        context.note(bool(request), f"an extension request in {agency.symbol}")
        unit = Unit.objects.filter(agency=agency, symbol=people["unit"]).first()
        leader = people["unit_leader"]
        if unit is not None:
            unit_notice = services.create_announcement(
                leader, agency, unit=unit, to_everyone=False, units=[unit],
                title="Phân công thụ lý hồ sơ dự án tháng này",
                body="Chuyên viên của phòng xem bảng phân công thụ lý hồ sơ điều chỉnh dự án "
                     "đầu tư và báo cáo tiến độ vào chiều thứ Sáu hằng tuần.")
            services.publish(leader, unit_notice)
        services.create_announcement(
            clerk, agency, title="Kế hoạch kiểm tra phòng cháy chữa cháy (dự thảo)",
            body="Dự thảo kế hoạch kiểm tra công tác phòng cháy chữa cháy tại trụ sở cơ quan.")


def _messages(agency, people, context):
    head, clerk = people["head"], people["clerk"]
    recipients = [person for person in (people.get("unit_leader"), people.get("other_leader"))
                  if person]
    if not recipients:
        recipients = [clerk]
    message = services.send_message(
        head, agency, subject="Đề nghị báo cáo tiến độ các dự án trọng điểm",
        body="Đề nghị các phòng tổng hợp tiến độ các dự án trọng điểm, gửi Văn phòng trước "
             "16 giờ thứ Năm để tổng hợp báo cáo UBND tỉnh.", people=recipients)
    services.mark_read(recipients[0], message)
    services.send_message(
        clerk, agency, subject="Nhận văn phòng phẩm quý này",
        body="Các phòng cử người đến Văn phòng nhận văn phòng phẩm trong tuần này.",
        people=[head])
    context.note(True, f"internal messages of {agency.symbol}")


def _boards(agency, people, context):
    staff = [person for person in people.values() if hasattr(person, "pk")]
    head = people["head"]
    union_committee = [p for p in (people.get("office_head"), people["clerk"]) if p]
    union = services.set_board(head, agency, "trade_union", name="Công đoàn cơ sở",
                               committee=union_committee, members=staff)
    services.create_post(union_committee[0], union,
                         title="Tổ chức thăm hỏi đoàn viên có hoàn cảnh khó khăn",
                         body="Ban Chấp hành Công đoàn tổ chức thăm hỏi, tặng quà đoàn viên có "
                              "hoàn cảnh khó khăn nhân dịp cuối năm; các tổ công đoàn gửi danh "
                              "sách đề xuất trước ngày 20.")
    cell_committee = [p for p in (head, people.get("deputy")) if p]
    cell_members = [p for p in (people.get("unit_leader"), people.get("office_head")) if p]
    cell = services.set_board(head, agency, "party_cell", name="Chi bộ",
                              committee=cell_committee, members=cell_members)
    services.create_post(head, cell, title="Sinh hoạt chi bộ định kỳ tháng này",
                         body="Chi ủy thông báo lịch sinh hoạt chi bộ định kỳ vào 16 giờ thứ "
                              "Tư tuần đầu tháng; đảng viên chuẩn bị báo cáo kiểm điểm.")
    if people.get("staff"):
        youth = services.set_board(head, agency, "youth_union", name="Chi đoàn",
                                   committee=[people["staff"]], members=[people["clerk"]])
        services.create_post(people["staff"], youth, title="Ra quân chiến dịch Thanh niên "
                             "tình nguyện hè", body="Chi đoàn tổ chức ra quân dọn vệ sinh "
                             "khu dân cư quanh trụ sở vào sáng Chủ nhật.")
    context.note(True, f"union boards of {agency.symbol}")
