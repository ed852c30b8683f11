"""A month of an agency's routine incoming mail for the demo: a few documents each working
day from the province's offices, handled at the pace real ones are — most of the older ones
filed, some late, the recent ones still being handled, today's waiting for assignment.

The documents go through the services; then their dates are set back to when they would
have happened (arrival, assignment, result, deadline), so the inbox, the registers and the
statistics show a month of work, not everything done this morning."""

import datetime

from django.utils import timezone

from plugins.core.calendar import WorkingCalendar
from plugins.eoffice.documents.models import (
    Assignment,
    IncomingDocument,
    ProcessingStep,
    StepAction,
    Urgency,
)

SENDERS = [
    # (sender, number suffix, type, subject)
    ("UBND tỉnh Tiền Giang", "UBND-KT", "",
     "UBND tỉnh giao rà soát tiến độ triển khai dự án {project} tại {zone}, báo cáo kết quả"),
    ("UBND tỉnh Tiền Giang", "GM-UBND", "GM",
     "UBND tỉnh mời họp về tháo gỡ vướng mắc đền bù giải phóng mặt bằng {zone}"),
    ("Sở Tài chính tỉnh Tiền Giang", "STC-QLGCS", "",
     "Sở Tài chính đề nghị cung cấp số liệu thu tiền thuê đất của doanh nghiệp tại {zone}"),
    ("Sở Tài nguyên và Môi trường tỉnh Tiền Giang", "STNMT-MT", "",
     "Sở Tài nguyên và Môi trường đề nghị phối hợp kiểm tra xả thải của {company} tại {zone}"),
    ("Sở Lao động - Thương binh và Xã hội tỉnh Tiền Giang", "SLĐTBXH-LĐVL", "",
     "Sở Lao động - Thương binh và Xã hội đề nghị báo cáo tình hình tuyển dụng lao động của "
     "{company}"),
    ("Cục Thuế tỉnh Tiền Giang", "CT-TTHT", "TB",
     "Cục Thuế thông báo danh sách doanh nghiệp nợ thuế tại {zone} để phối hợp đôn đốc"),
    ("Công an tỉnh Tiền Giang", "CAT-PC07", "",
     "Công an tỉnh đề nghị phối hợp kiểm tra an toàn phòng cháy, chữa cháy tại {company}"),
    ("Sở Xây dựng tỉnh Tiền Giang", "SXD-QLXD", "",
     "Sở Xây dựng đề nghị góp ý hồ sơ thiết kế nhà xưởng của {company} tại {zone}"),
    ("Bộ Kế hoạch và Đầu tư", "BKHĐT-QLKKT", "",
     "Bộ Kế hoạch và Đầu tư đề nghị báo cáo tình hình thực hiện quy hoạch {zone}"),
    ("Bảo hiểm xã hội tỉnh Tiền Giang", "BHXH-QLT", "",
     "Bảo hiểm xã hội tỉnh đề nghị phối hợp đôn đốc {company} nộp bảo hiểm xã hội cho người "
     "lao động"),
    ("Sở Công Thương tỉnh Tiền Giang", "SCT-QLCN", "KH",
     "Sở Công Thương gửi kế hoạch kiểm tra an toàn điện tại các doanh nghiệp {zone}"),
    ("Liên đoàn Lao động tỉnh Tiền Giang", "LĐLĐ-CSPL", "",
     "Liên đoàn Lao động tỉnh đề nghị phối hợp giải quyết kiến nghị của người lao động "
     "{company}"),
]
ZONES = ["Khu công nghiệp Mỹ Tho", "Khu công nghiệp Tân Hương", "Khu công nghiệp Long Giang",
         "Khu công nghiệp Bình Đông", "Khu công nghiệp Dịch vụ dầu khí Soài Rạp"]
COMPANIES = ["Công ty TNHH Dệt may Mỹ Tho", "Công ty CP Thực phẩm Tân Hương",
             "Công ty TNHH Điện tử Long Giang", "Công ty CP Bao bì Bình Đông",
             "Công ty TNHH Cơ khí chính xác Tiền Giang", "Công ty TNHH Giày da Phước Thạnh"]
WORKING_DAYS = 22  # about a month
PER_DAY = 3
DEADLINE_DAYS = 7


def month_of_mail(agency, people, dossiers):
    """A month of routine incoming documents of ``agency``: ``(arrived, fields, handle)``
    each, ``fields`` for :func:`..services.incoming.register` and ``handle(document)`` to
    take it as far as a document of its age gets."""
    from plugins.core.models import Unit

    calendar = WorkingCalendar(agency)
    days = _working_days(calendar, timezone.localdate(), WORKING_DAYS)
    units = {unit.symbol: unit for unit in Unit.objects.filter(agency=agency)}
    mail, number = [], 400
    for position, day in enumerate(days):
        age = len(days) - 1 - position  # working days ago
        for slot in range(PER_DAY):
            index = age * PER_DAY + slot
            sender, suffix, type_code, subject = SENDERS[index % len(SENDERS)]
            subject = subject.format(zone=ZONES[index % len(ZONES)],
                                     company=COMPANIES[index % len(COMPANIES)],
                                     project=COMPANIES[(index + 2) % len(COMPANIES)])
            number += 7 + index % 5
            arrived = timezone.make_aware(datetime.datetime.combine(
                day, datetime.time(7 + slot * 3, 30 + index % 20)))
            fields = {"sender_name": sender, "number_notation": f"{number}/{suffix}",
                      "type_code": type_code, "subject": subject,
                      "issue_date": day - datetime.timedelta(days=2 + index % 3),
                      "urgency": Urgency.URGENT if index % 9 == 0 else Urgency.NORMAL,
                      "page_count": 1 + index % 4}

            def handle(document, age=age, index=index, arrived=arrived):
                _handle(document, age, index, people, units, dossiers)
                _set_back(document, calendar, arrived, age, index)

            mail.append((arrived, fields, handle))
    return mail


def _working_days(calendar, today, count):
    days, day = [], today
    while len(days) < count:
        if calendar.is_working_day(day):
            days.append(day)
        day -= datetime.timedelta(days=1)
    return list(reversed(days))


def _handle(document, age, index, people, units, dossiers):
    """Take ``document`` as far as a document ``age`` working days old gets."""
    from plugins.eoffice.documents.services import incoming

    if age == 0 and index % 3:
        return  # today's: waiting for the director
    to_unit = index % 2 == 0
    unit = units["QLĐT"] if index % 4 == 0 else units["QLDN"]
    main = unit if to_unit else people["chuyenvien"]
    incoming.assign(people["truongban"], document, main=main, deadline_days=DEADLINE_DAYS,
                    instruction="Giao phòng chủ trì tham mưu, báo cáo kết quả."
                    if to_unit else "Đ/c Diễm nghiên cứu, tham mưu xử lý.")
    late = index % 7 == 3  # one in seven is handled late, or is overdue still
    if age < 4 or (late and age < DEADLINE_DAYS + 8):
        return  # still being handled (overdue if its deadline has passed)
    handler = (people["truongphongqldt"] if unit.symbol == "QLĐT" else
               people["truongphongqldn"]) if to_unit else people["chuyenvien"]
    incoming.record_result(handler, document, "Đã tham mưu, xử lý xong theo chỉ đạo.")
    dossier = dossiers.get(unit.symbol if to_unit else "QLDN")
    if age > 8 and dossier is not None:
        incoming.file_into(handler, document, dossier)


def _set_back(document, calendar, arrived, age, index):
    """Date the document's steps and deadline as if handled since ``arrived``."""
    if age == 0:
        return
    day = arrived.date()
    deadline = calendar.add_working_days(day, DEADLINE_DAYS)
    late = index % 7 == 3
    done_day = calendar.add_working_days(day, min(age, DEADLINE_DAYS + 2 if late else
                                                  2 + index % 4))
    moments = {
        StepAction.REGISTER: arrived,
        StepAction.ASSIGN: arrived + datetime.timedelta(hours=2),
        StepAction.RESULT: _at(done_day, 15),
        StepAction.FILE: _at(done_day, 16),
    }
    for action, moment in moments.items():
        ProcessingStep.objects.filter(incoming=document, action=action).update(at=moment)
    IncomingDocument.objects.filter(pk=document.pk, deadline__isnull=False).update(
        deadline=deadline)
    IncomingDocument.objects.filter(pk=document.pk, filed_at__isnull=False).update(
        filed_at=_at(done_day, 16))
    Assignment.objects.filter(document=document, deadline__isnull=False).update(
        deadline=deadline)
    Assignment.objects.filter(document=document).update(
        assigned_at=arrived + datetime.timedelta(hours=2))


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
