"""Demo content of the e-office: registers for the demo agencies, their work dossiers, and
a few weeks of incoming and outgoing documents in every state, made through the services
(so arrival numbers, processing slips and versions are what real use makes).

Among the incoming documents are the seeds' regulations (seed 002, 003, 004) as other
agencies sent them; one outgoing document of the Tiền Giang board is issued to the Lào Cai
department and arrives there as an incoming document."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from plugins.core.calendar import WorkingCalendar
from plugins.core.demo import seed_text
from plugins.core.models import Agency, Unit
from plugins.eoffice.documents.demo_month import month_of_mail
from plugins.eoffice.documents.models import (
    IncomingDocument,
    Register,
    RegisterKind,
    Secrecy,
    SigningPrefix,
    Source,
    Urgency,
    WorkDossier,
)

REGISTERS = [
    # (name, kind, secret, default)
    ("Sổ văn bản đến", RegisterKind.INCOMING, False, True),
    ("Sổ văn bản đến mật", RegisterKind.INCOMING, True, False),
    ("Sổ văn bản đi", RegisterKind.OUTGOING, False, True),
    ("Sổ văn bản đi mật", RegisterKind.OUTGOING, True, False),
]

DOSSIERS = {
    "BQL": [
        ("QLĐT", "QLĐT-01", "Hồ sơ cấp, điều chỉnh giấy chứng nhận đăng ký đầu tư"),
        ("QLDN", "QLDN-01", "Hồ sơ quản lý lao động tại doanh nghiệp khu công nghiệp"),
        ("VP", "VP-01", "Hồ sơ văn bản chỉ đạo, điều hành của UBND tỉnh"),
    ],
    "SKH": [("VP", "VP-01", "Hồ sơ văn bản đến của các sở, ngành")],
}

# (days ago, sender, number, issue date offset, type, subject, urgency, secrecy, fate)
# fate: "registered", "unit" (assigned to a unit), "person", "done", "filed", "returned"
INCOMING = [
    (20, "Ban Quản lý Khu kinh tế tỉnh Bình Định", "647/QĐ-BQL", "2017-10-06", "QĐ",
     "Ban Quản lý Khu kinh tế tỉnh Bình Định gửi Quyết định số 647/QĐ-BQL ban hành Quy chế "
     "quản lý, sử dụng hệ thống Văn phòng điện tử liên thông và Thư điện tử công vụ để tham "
     "khảo", Urgency.NORMAL, Secrecy.NONE, "filed"),
    (18, "Sở Thông tin và Truyền thông tỉnh Gia Lai", "132/QĐ-STTTT", "2011-12-28", "QĐ",
     "Sở Thông tin và Truyền thông Gia Lai gửi Quy chế quản lý, sử dụng Hệ thống Quản lý văn "
     "bản và điều hành để các cơ quan tham khảo khi xây dựng quy chế", Urgency.NORMAL,
     Secrecy.NONE, "done"),
    (16, "Sở Tài nguyên và Môi trường tỉnh Kon Tum", "99/QĐ-STNMT", "2011-10-04", "QĐ",
     "Sở Tài nguyên và Môi trường Kon Tum chia sẻ Quy chế quản lý Trang thông tin điện tử "
     "của Sở phục vụ trao đổi kinh nghiệm", Urgency.NORMAL, Secrecy.NONE, "person"),
    (12, "UBND tỉnh Tiền Giang", "1250/UBND-KT", -2, "",
     "UBND tỉnh đề nghị báo cáo tình hình thu hút đầu tư vào các khu công nghiệp 6 tháng "
     "đầu năm, gửi trước ngày 20", Urgency.URGENT, Secrecy.NONE, "unit"),
    (9, "Sở Lao động - Thương binh và Xã hội tỉnh Tiền Giang", "512/SLĐTBXH-LĐVL", -3, "",
     "Sở Lao động - Thương binh và Xã hội đề nghị cung cấp số liệu lao động nước ngoài làm "
     "việc tại các doanh nghiệp khu công nghiệp", Urgency.NORMAL, Secrecy.NONE, "person"),
    (7, "UBND tỉnh Tiền Giang", "87/GM-UBND", -1, "GM",
     "UBND tỉnh mời họp ngày 25 về việc giải phóng mặt bằng Khu công nghiệp Long Giang giai "
     "đoạn 2", Urgency.VERY_URGENT, Secrecy.NONE, "unit"),
    (5, "Công an tỉnh Tiền Giang", "45/BC-CAT-PA03", -2, "BC",
     "Công an tỉnh thông báo tình hình an ninh trật tự tại các khu công nghiệp quý II",
     Urgency.NORMAL, Secrecy.CONFIDENTIAL, "person"),
    (3, "Sở Xây dựng tỉnh Tiền Giang", "233/SXD-QLXD", -2, "",
     "Sở Xây dựng đề nghị góp ý hồ sơ thiết kế cơ sở dự án nhà xưởng Công ty TNHH Dệt may "
     "Mỹ Tho tại Khu công nghiệp Tân Hương", Urgency.NORMAL, Secrecy.NONE, "returned"),
    (1, "Sở Kế hoạch và Đầu tư tỉnh Tiền Giang", "1802/SKHĐT-ĐKKD", -1, "",
     "Sở Kế hoạch và Đầu tư đề nghị phối hợp rà soát doanh nghiệp khu công nghiệp ngừng "
     "hoạt động nhưng chưa làm thủ tục giải thể", Urgency.NORMAL, Secrecy.NONE, "registered"),
    (0, "Ban Quản lý Khu kinh tế tỉnh Bình Định", "1195/BQL-VP", 0, "",
     "Ban Quản lý Khu kinh tế tỉnh Bình Định mời dự hội thảo về chuyển đổi số trong quản lý "
     "khu công nghiệp, khu kinh tế", Urgency.NORMAL, Secrecy.NONE, "registered"),
]


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def load_eoffice_demo(context):
    agencies = {agency.symbol: agency for agency in Agency.objects.filter(
        symbol__in=["BQL", "SKH"])}
    for agency in agencies.values():
        for name, kind, secret, default in REGISTERS:
            _, created = Register.objects.get_or_create(
                agency=agency, kind=kind, name=name,
                defaults={"is_secret": secret, "is_default": default})
            context.note(created, f"register {name} of {agency.symbol}")
        for unit_symbol, code, title in DOSSIERS.get(agency.symbol, []):
            unit = Unit.objects.filter(agency=agency, symbol=unit_symbol).first()
            if unit is None:
                continue
            year = timezone.localdate().year
            _, created = WorkDossier.objects.get_or_create(
                unit=unit, year=year, code=code, defaults={"title": title})
            context.note(created, f"dossier {code} of {agency.symbol}")
    bql = agencies.get("BQL")
    if bql is None or IncomingDocument.objects.filter(agency=bql).exists():
        return
    people = {name: _user(name) for name in (
        "vanthu", "truongban", "photruongban", "truongphongqldt", "truongphongqldn",
        "chuyenvien", "chanhvanphong")}
    if not all(people.values()):
        return
    _incoming(context, bql, people)
    _outgoing(context, bql, agencies.get("SKH"), people)


def _past(calendar, days_ago, hour=8):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    while not calendar.is_working_day(day) and days_ago > 0:
        day -= datetime.timedelta(days=1)
    moment = datetime.datetime.combine(day, datetime.time(hour, 15))
    return timezone.make_aware(moment)


def _issue_date(arrived, value):
    if isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return (arrived + datetime.timedelta(days=value)).date()


def _incoming(context, agency, people):
    from plugins.eoffice.documents.services import incoming

    calendar = WorkingCalendar(agency)
    units = {unit.symbol: unit for unit in Unit.objects.filter(agency=agency)}
    ordinary = Register.objects.get(agency=agency, kind=RegisterKind.INCOMING, is_secret=False,
                                    is_default=True)
    secret_register = Register.objects.get(agency=agency, kind=RegisterKind.INCOMING,
                                           is_secret=True)
    dossiers = {d.unit.symbol: d for d in WorkDossier.objects.filter(
        unit__agency=agency).select_related("unit")}
    clerk = people["vanthu"]
    mail = [(_past(calendar, spec[0]), spec, None) for spec in INCOMING]
    mail += [(arrived, fields, handle) for arrived, fields, handle
             in month_of_mail(agency, people, dossiers)]
    mail.sort(key=lambda item: item[0])  # arrival numbers follow arrival times
    for arrived, spec, handle in mail:
        if handle is not None:
            document = incoming.register(clerk, ordinary, arrived_at=arrived, **spec).document
            context.note(True, f"incoming {document.number_notation}")
            handle(document)
            continue
        (days_ago, sender, number, issued, type_code, subject, urgency, secrecy, fate) = spec
        register = secret_register if secrecy != Secrecy.NONE else ordinary
        document = incoming.register(
            clerk, register, arrived_at=arrived, sender_name=sender, number_notation=number,
            issue_date=_issue_date(arrived, issued), type_code=type_code, subject=subject,
            urgency=urgency, secrecy=secrecy, page_count=2,
            source=Source.ELECTRONIC if days_ago > 15 else Source.PAPER).document
        context.note(True, f"incoming {number}")
        _handle_fixed(incoming, document, fate, people, units, dossiers)


def _handle_fixed(incoming, document, fate, people, units, dossiers):
    director = people["truongban"]
    if fate == "registered":
        return
    if fate == "returned":
        incoming.return_to_clerk(director, document, "Văn bản gửi nhầm cơ quan, đề nghị "
                                 "văn thư chuyển trả Sở Xây dựng.")
        return
    if fate == "unit":
        incoming.assign(director, document, main=units.get("QLĐT"), co=[units["VP"]],
                        info=[people["photruongban"]], deadline_days=5,
                        instruction="Phòng Quản lý đầu tư chủ trì, tham mưu báo cáo.")
        return
    incoming.assign(director, document, main=people["chuyenvien"], deadline_days=7,
                    info=[people["truongphongqldn"]],
                    instruction="Đ/c Diễm nghiên cứu, tham mưu.")
    if fate in ("done", "filed"):
        incoming.record_result(people["chuyenvien"], document,
                               "Đã nghiên cứu, lưu tham khảo khi xây dựng quy chế của Ban.")
    if fate == "filed" and "QLDN" in dossiers:
        incoming.file_into(people["chuyenvien"], document, dossiers["QLDN"])


BODY = ("Thực hiện Công văn số 1250/UBND-KT của UBND tỉnh, Ban Quản lý các Khu công nghiệp "
        "Tiền Giang báo cáo tình hình thu hút đầu tư vào các khu công nghiệp 6 tháng đầu năm "
        "như sau: các khu công nghiệp thu hút 12 dự án mới, tổng vốn đăng ký 310 triệu USD.")


def _outgoing(context, agency, other, people):
    from plugins.eoffice.documents.services import incoming, outgoing

    author, leader = people["chuyenvien"], people["truongphongqldn"]
    director, clerk = people["truongban"], people["vanthu"]
    out = Register.objects.get(agency=agency, kind=RegisterKind.OUTGOING, is_default=True)

    def draft(subject, **fields):
        document = outgoing.create_draft(author, agency, subject=subject, **fields)
        context.note(True, f"outgoing draft {subject[:40]}")
        return document

    # Issued to the Lào Cai department: it arrives there as an incoming document.
    issued = draft("Đề nghị Sở Kế hoạch và Đầu tư tỉnh Lào Cai chia sẻ kinh nghiệm xây dựng "
                   "quy chế cung cấp thông tin trên Cổng thông tin điện tử",
                   body_text=seed_text(0)[:1500], recipient_agencies=[other] if other else [])
    outgoing.submit(author, issued)
    outgoing.edit(leader, issued, body_text=issued.body_text.replace(
        "Trang thông tin điện tử", "Cổng thông tin điện tử", 1))
    outgoing.forward(leader, issued)
    outgoing.approve(director, issued)
    outgoing.issue(clerk, issued, register=out, signer=people["photruongban"],
                   signing_prefix=SigningPrefix.KT, copies=3)
    # With the director, edited by the unit leader on the way.
    report = draft("Báo cáo tình hình thu hút đầu tư vào các khu công nghiệp 6 tháng đầu năm",
                   type_code="BC", body_text=BODY, urgency=Urgency.URGENT)
    outgoing.submit(author, report)
    outgoing.edit(leader, report, body_text=BODY.replace("12 dự án mới", "12 dự án mới và "
                                                         "5 dự án điều chỉnh tăng vốn"))
    outgoing.comment(leader, report, "Bổ sung số liệu vốn điều chỉnh.")
    outgoing.forward(leader, report)
    # With the unit leader.
    outgoing.submit(author, draft("Kế hoạch kiểm tra việc chấp hành pháp luật lao động tại "
                                  "doanh nghiệp khu công nghiệp năm nay", type_code="KH"))
    # Approved, waiting for the clerk's number.
    notice = draft("Thông báo kết luận của Trưởng ban tại cuộc họp giao ban tháng với các "
                   "doanh nghiệp khu công nghiệp", type_code="TB")
    outgoing.submit(author, notice)
    outgoing.forward(leader, notice)
    outgoing.approve(director, notice)
    # A reply to an incoming document, still a draft.
    asked = IncomingDocument.objects.filter(agency=agency, number_notation="512/SLĐTBXH-LĐVL"
                                            ).first()
    if asked is not None:
        incoming.reply(author, asked, body_text="Ban Quản lý cung cấp số liệu lao động nước "
                       "ngoài tại các doanh nghiệp khu công nghiệp như phụ lục kèm theo.")
