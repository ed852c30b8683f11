"""Demo content of the exchange (after the documents' demo, which issues a BQL document to
the Lào Cai department): that document accepted and assigned at SKH, so BQL sees its
status; a Government Office letter waiting for BQL's clerk; a package refused as invalid;
and an SKH document BQL accepted and SKH then recalled."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from plugins.core import outbox
from plugins.core.models import Agency, Unit
from plugins.eoffice.documents.models import IncomingState, Register, RegisterKind
from plugins.eoffice.documents.services import incoming
from plugins.eoffice.exchange import receiving, sending
from plugins.eoffice.exchange.compose import organ_of
from plugins.eoffice.exchange.edxml.build import build
from plugins.eoffice.exchange.edxml.package import (
    Attachment,
    BusinessType,
    Organ,
    Package,
    Signer,
)
from plugins.eoffice.exchange.models import Direction, Envelope, EnvelopeState
from plugins.eoffice.exchange.models import Organ as OrganEntry

GOVERNMENT_OFFICE = Organ("000.00.00.G22", "Văn phòng Chính phủ",
                          address="1 Hoàng Hoa Thám, Hà Nội")


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _work_the_outbox():
    """Send what is queued now (the demo loads in one transaction: the after-commit tasks
    would come too late for the next step)."""
    for pk in outbox.due(Envelope.objects.filter(direction=Direction.OUT)):
        sending.send(pk)


def _default_register(agency):
    return Register.objects.filter(agency=agency, kind=RegisterKind.INCOMING,
                                   is_default=True, is_secret=False).first()


def load_exchange_demo(context):
    agencies = {a.symbol: a for a in Agency.objects.filter(symbol__in=["BQL", "SKH"])}
    bql, skh = agencies.get("BQL"), agencies.get("SKH")
    if bql is None or skh is None or not (bql.organ_id and skh.organ_id):
        return
    _, created = OrganEntry.objects.get_or_create(
        organ_id=GOVERNMENT_OFFICE.organ_id,
        defaults={"name": GOVERNMENT_OFFICE.name, "transport": "folder"})
    context.note(created, "organ directory: Văn phòng Chính phủ")
    _work_the_outbox()
    _accepted_at_skh(context, skh)
    _waiting_at_bql(context, bql)
    _recalled_at_bql(context, bql, skh)
    _work_the_outbox()


def _accepted_at_skh(context, skh):
    clerk, director = _user("vanthu.skh"), _user("giamdoc.skh")
    office = Unit.objects.filter(agency=skh, symbol="VP").first() or Unit.objects.filter(
        agency=skh).first()
    waiting = Envelope.objects.filter(agency=skh, direction=Direction.IN,
                                      state=EnvelopeState.WAITING).first()
    if waiting is None or clerk is None or director is None or office is None:
        return
    document = receiving.accept(clerk, waiting, _default_register(skh)).document
    incoming.assign(director, document, main=office, deadline_days=5,
                    instruction="Văn phòng tổng hợp, tham mưu trả lời Ban Quản lý.")
    context.note(True, f"exchange: {document.number_notation} accepted and assigned at SKH")


def _package(sender, recipient, number, notation, subject, days_ago, **fields):
    return Package(
        sender=sender, recipients=(recipient,), code_number=number, code_notation=notation,
        promulgation_date=timezone.localdate() - datetime.timedelta(days=days_ago),
        subject=subject, type_name=fields.pop("type_name", "Công văn"),
        attachments=(Attachment(f"{number}-{notation}.pdf".lower(),
                                _pdf(sender.name, f"{number}/{notation}", subject)),),
        **fields)


def _pdf(sender, number, subject):
    """A one-page PDF of the letter (WeasyPrint, as the registers' reports)."""
    from django.utils.html import escape
    from weasyprint import HTML

    return HTML(string=(
        f"<html lang='vi'><body style='font-family: DejaVu Serif, serif'>"
        f"<p><b>{escape(sender.upper())}</b><br>Số: {escape(number)}</p>"
        f"<p><i>V/v {escape(subject)}</i></p></body></html>")).write_pdf()


def _known(agency, number_notation):
    return Envelope.objects.filter(agency=agency, direction=Direction.IN,
                                   number_notation=number_notation).exists()


def _waiting_at_bql(context, bql):
    if _known(bql, "8123/VPCP-KSTT"):
        return
    receiving.receive(bql, build(_package(
        GOVERNMENT_OFFICE, organ_of(bql), "8123", "VPCP-KSTT",
        "Văn phòng Chính phủ thông báo ý kiến chỉ đạo của Phó Thủ tướng về đẩy mạnh cắt giảm "
        "thủ tục hành chính trong lĩnh vực đầu tư tại các khu công nghiệp", 1,
        signer=Signer("Trần Văn Sơn", "Phó Chủ nhiệm", "KT. BỘ TRƯỞNG, CHỦ NHIỆM"))),
        "folder")
    context.note(True, "exchange: a Government Office letter waiting for BQL's clerk")
    receiving.receive(bql, b"<edXML><Header>thieu khong gian ten", "http")
    context.note(True, "exchange: a malformed package refused at BQL")


def _recalled_at_bql(context, bql, skh):
    number = "215/SKHĐT-ĐKKD"
    if _known(bql, number):
        return
    package = _package(
        organ_of(skh), organ_of(bql), "215", "SKHĐT-ĐKKD",
        "Sở Kế hoạch và Đầu tư tỉnh Lào Cai đề nghị cung cấp thông tin doanh nghiệp khu công "
        "nghiệp đăng ký đầu tư tại Lào Cai", 3)
    envelope = receiving.receive(bql, build(package), "direct")
    if envelope.state == EnvelopeState.WAITING and _user("vanthu") is not None:
        receiving.accept(_user("vanthu"), envelope, _default_register(bql))
    from dataclasses import replace

    receiving.receive(bql, build(replace(
        package, business_type=BusinessType.RECALL, attachments=(),
        business_reason="Văn bản gửi nhầm nơi nhận, Sở sẽ gửi lại.")), "direct")
    if Envelope.objects.filter(agency=bql, number_notation=number,
                               incoming__state=IncomingState.REVOKED).exists():
        context.note(True, f"exchange: {number} accepted at BQL, then recalled by SKH")
