"""Demo content: consultations on drafts for the demo agencies, made through the services —
in BQL one still open (one response in, others awaited) and one closed at its deadline with
a non-responder flagged; in SKH one open."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from plugins.core.models import Agency, Unit
from plugins.eoffice.consultations import services
from plugins.eoffice.consultations.models import Consultation, Verdict

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _user(username):
    return get_user_model().objects.filter(username=username, is_active=True).first()


def _pdf(name):
    return ContentFile(PDF, name=name)


def load_consultations_demo(context):
    bql = Agency.objects.filter(symbol="BQL").first()
    if bql is not None and not Consultation.objects.filter(agency=bql).exists():
        _bql(bql, context)
    skh = Agency.objects.filter(symbol="SKH").first()
    if skh is not None and not Consultation.objects.filter(agency=skh).exists():
        _skh(skh, context)


def _bql(agency, context):
    drafter = _user("chuyenvien")
    people = [_user(name) for name in ("chanhvanphong", "truongphongqldn", "photruongban")]
    unit = Unit.objects.filter(agency=agency, symbol="QLĐT").first()
    if drafter is None or None in people or unit is None:
        return
    now = timezone.now()
    # Closed at its deadline: two responded, the Office's head did not and is flagged.
    earlier = now - datetime.timedelta(days=10)
    closed = services.create(
        drafter, agency, title="Dự thảo Quy chế sử dụng hệ thống quản lý văn bản và điều hành",
        summary="Đề nghị góp ý dự thảo Quy chế, nhất là Chương II về trách nhiệm của các "
                "phòng, đơn vị.", working_days=3, people=people, units=[],
        files=[_pdf("du-thao-quy-che.pdf")])
    services.open_consultation(drafter, closed, now=earlier)
    invitees = {invitee.user.username: invitee for invitee in closed.invitees.all()}
    services.respond(people[1], invitees["truongphongqldn"], Verdict.AGREE, now=earlier)
    services.respond(people[2], invitees["photruongban"], Verdict.AGREE_WITH_COMMENTS,
                     "Bổ sung quy định về thời hạn xử lý văn bản điện tử tại Điều 8.",
                     now=earlier + datetime.timedelta(days=1))
    services.close_due(now)
    context.note(closed.invitees.filter(flagged_at__isnull=False).exists(),
                 "a closed consultation of BQL with a non-responder flagged")
    # Still open: one response in.
    current = services.create(
        drafter, agency, title="Dự thảo Kế hoạch chuyển đổi số năm tới",
        summary="Góp ý các chỉ tiêu và nhiệm vụ của Kế hoạch.", working_days=5,
        people=people[:2], units=[unit], files=[_pdf("du-thao-ke-hoach-cds.pdf")])
    services.open_consultation(drafter, current, now=now)
    first = current.invitees.get(user=people[1])
    services.respond(people[1], first, Verdict.DISAGREE,
                     "Chỉ tiêu 100% hồ sơ trực tuyến toàn trình chưa phù hợp thực tế.", now=now)
    context.note(True, "an open consultation of BQL")


def _skh(agency, context):
    drafter, head = _user("vanthu.skh"), _user("giamdoc.skh")
    if drafter is None or head is None:
        return
    consultation = services.create(
        drafter, agency, title="Dự thảo Nội quy phòng họp trực tuyến",
        working_days=3, people=[head], units=[], files=[_pdf("du-thao-noi-quy.pdf")])
    services.open_consultation(drafter, consultation)
    context.note(True, "an open consultation of SKH")
