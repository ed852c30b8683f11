"""Two agencies, A and B, each with one record of every kind every plugin keeps (R-SEC-2).

Every record's text carries its agency's marker (:data:`MARKERS`), so a screen that shows
another agency's record is found by its marker. Staff: one person per role in each agency,
each with a position in the agency's office. Built once per test module
(:func:`build_world`), inside a transaction the module rolls back.
"""

import datetime
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from plugins.core.models import (
    Agency,
    AgencyRole,
    AuditEvent,
    DayOverride,
    Notification,
    Position,
    Role,
    Unit,
)
from plugins.core.roles import agency_collection

MARKERS = {"A": "ALPHAMK", "B": "BRAVOMK"}
PASSWORD = "correct-horse-battery"


def _png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, "PNG")
    return buffer.getvalue()


def _user(username, **fields):
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.test",
        first_name="Nguyễn", last_name=username, **fields)


def build_world():
    """Both agencies with their content, and the people who do not belong to any."""
    root = Page.get_first_root_node()
    world = SimpleNamespace(agencies={}, no_role=_user("khongvaitro"),
                            superuser=_user("sieuquantri", is_superuser=True, is_staff=True))
    for key, symbol in (("A", "AAA"), ("B", "BBB")):
        world.agencies[key] = _agency(root, key, symbol)
    return world


def _agency(root, key, symbol):
    marker = MARKERS[key]
    home = root.add_child(instance=Page(title=f"Trang chủ {symbol}", slug=f"home-{key.lower()}"))
    site = Site.objects.create(hostname=f"{key.lower()}.example.test", port=80, root_page=home,
                               site_name=f"Cổng {symbol}")
    agency = Agency.objects.create(symbol=symbol, name=f"Cơ quan {symbol}", site=site)
    office = Unit.objects.create(agency=agency, name=f"Văn phòng {marker}", symbol="VP")
    people = {}
    for role in Role:
        user = _user(f"{key.lower()}_{role.value}")
        user.groups.add(AgencyRole.objects.get(agency=agency, role=role).group)
        Position.objects.create(user=user, unit=office, title=f"Chức vụ {marker}",
                                is_leader=role in (Role.AGENCY_LEADER, Role.UNIT_LEADER))
        people[role] = user
    ns = SimpleNamespace(key=key, marker=marker, agency=agency, site=site, home=home,
                         office=office, people=people, objects={}, pages={}, files={})
    ns.objects["core.Unit"] = office
    ns.objects["core.Position"] = Position.objects.get(user=people[Role.SPECIALIST])
    ns.objects["core.Agency"] = agency
    ns.objects["core.DayOverride"] = DayOverride.objects.create(
        agency=agency, date=datetime.date(2026, 9, 7), kind="off", reason=f"Nghỉ {marker}")
    ns.objects["auth.User"] = people[Role.SPECIALIST]
    ns.objects["core.AuditEvent"] = AuditEvent.objects.create(
        agency=agency, kind=AuditEvent.Kind.CONFIGURATION_CHANGE,
        description=f"Cấu hình {marker}")
    ns.objects["auth.Group"] = AgencyRole.objects.get(agency=agency, role=Role.CLERK).group
    ns.objects["core.Notification"] = Notification.objects.create(
        user=people[Role.SPECIALIST], agency=agency, kind="security.probe",
        subject=f"Thông báo {marker}", url="/admin/")
    ns.objects["wagtailcore.Site"] = site
    ns.objects["wagtailcore.Collection"] = agency_collection(agency)
    _site_records(ns)
    _files(ns)
    _legal_docs(ns)
    _procedures(ns)
    _editorial_board(ns)
    _questions(ns)
    _email_directory(ns)
    _eoffice(ns)
    _exchange(ns)
    _exchange_signing(ns)
    _schedules(ns)
    _tasks(ns)

    _consultations(ns)

    _notices(ns)
    _enterprises(ns)
    _public_consultation(ns)
    return ns


def _site_records(ns):
    from wagtail.contrib.redirects.models import Redirect

    from plugins.legal_docs.models import LegalDocsSettings

    ns.objects["wagtailredirects.Redirect"] = Redirect.objects.create(
        old_path=f"/cu-{ns.marker.lower()}", site=ns.site, redirect_link="https://example.test/")
    LegalDocsSettings.objects.create(site=ns.site, publication_deadline_days=3)


def _files(ns):
    collection = agency_collection(ns.agency)
    for name in ("public", "secret", "draft", "private"):
        document = get_document_model()(title=f"Tệp {name} {ns.marker}", collection=collection)
        document.file.save(f"{name}-{ns.key}.pdf", ContentFile(b"%PDF-1.4 " + name.encode()),
                           save=False)
        document.save()
        ns.files[name] = document
    image = get_image_model().objects.create(
        title=f"Ảnh {ns.marker}", collection=collection,
        file=ContentFile(_png(), f"anh-{ns.key}.png"))
    ns.files["image"] = image
    ns.objects["wagtaildocs.Document"] = ns.files["private"]
    ns.objects["wagtailimages.Image"] = image


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _legal_docs(ns):
    from plugins.legal_docs.models import (
        DocumentType,
        IssuingBody,
        LegalDocumentFile,
        LegalDocumentIndexPage,
        LegalDocumentPage,
        LegalField,
    )
    from plugins.legal_docs.national_types import ensure_document_types

    types = ensure_document_types(DocumentType)
    issuer, _ = IssuingBody.objects.get_or_create(name="Ủy ban nhân dân tỉnh",
                                                  defaults={"abbreviation": "UBND"})
    # The agency's own entries of the shared lists (beside the national ones).
    ns.objects["legal_docs.DocumentType"] = DocumentType.objects.create(
        agency=ns.agency, code=f"L{ns.key}", name=f"Loại {ns.marker}")
    ns.objects["legal_docs.IssuingBody"] = IssuingBody.objects.create(
        agency=ns.agency, name=f"Cơ quan {ns.marker}", abbreviation=ns.key, level="agency")
    ns.objects["legal_docs.LegalField"] = LegalField.objects.create(
        agency=ns.agency, name=f"Lĩnh vực {ns.marker}")
    library = ns.home.add_child(instance=LegalDocumentIndexPage(
        title=f"Văn bản {ns.marker}", slug="van-ban"))
    _publish(library)
    ns.pages["library"] = library
    for number, name, secrecy, live in ((1, "public", "", True), (2, "secret", "mat", False),
                                        (3, "draft", "", False)):
        page = LegalDocumentPage(
            title=f"Văn bản {name} {ns.marker}", slug=f"vb-{name}",
            number=f"{number}/2026/QĐ-UBND", doc_type=types["QĐ"], issuing_body=issuer,
            issue_date=datetime.date(2026, 3, number), summary=f"Trích yếu {name} {ns.marker}",
            secrecy=secrecy, live=False)
        page.full_clean(exclude=["path", "depth", "slug"])
        page.files = [LegalDocumentFile(document=ns.files[name], kind="main")]
        library.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
        from plugins.core.files.access import refresh_references

        refresh_references(page)
        ns.pages[f"legal_{name}"] = page


def _procedures(ns):
    from plugins.procedures.importer import Plan, write
    from plugins.procedures.models import ProcedureField, ProcedureIndexPage, ProcedurePage
    from plugins.procedures.records import Paper, ProcedureData

    ns.objects["procedures.ProcedureField"] = ProcedureField.objects.create(
        agency=ns.agency, name=f"Lĩnh vực thủ tục {ns.marker}")

    index = ns.home.add_child(instance=ProcedureIndexPage(title=f"Thủ tục {ns.marker}",
                                                          slug="thu-tuc"))
    _publish(index)
    code = f"1.0000{ord(ns.key)}"
    data = ProcedureData(
        code=code, title=f"Thủ tục {ns.marker}", levels=["province"],
        fields=[("", "Đầu tư tại Việt Nam")],
        steps=[{"case": "", "steps": ["Bước 1: Nộp hồ sơ."]}],
        channels=[{"channel": 1, "times": [{"value": 15, "unit": "working_days",
                                             "description": "", "fees": []}]}],
        dossier=[{"case": "", "papers": [Paper(name="Văn bản đề nghị", originals=1)]}],
        implementing_body=ns.agency.name, receiving_address="Số 1")
    write(Plan(records=[data]), index, publish=True)
    ns.pages["procedure_index"] = index
    ns.pages["procedure"] = ProcedurePage.objects.get(code=code)


def _editorial_board(ns):
    from plugins.editorial_board import models as eb

    agency, marker, people = ns.agency, ns.marker, ns.people
    news = ns.home.add_child(instance=Page(title=f"Tin tức {marker}", slug="tin-tuc"))
    _publish(news)
    item = news.add_child(instance=Page(title=f"Tin nháp {marker}", slug="tin-nhap", live=False,
                                        owner=people[Role.SPECIALIST]))
    item.save_revision(user=people[Role.SPECIALIST])
    ns.pages["news"] = news
    ns.pages["news_draft"] = item
    board = eb.Board.objects.create(agency=agency, name=f"Ban biên tập {marker}")
    eb.BoardMember.objects.create(board=board, role=eb.BoardRole.CHIEF,
                                  position=Position.objects.get(user=people[Role.AGENCY_LEADER]))
    now = timezone.now()
    ns.objects["editorial_board.Board"] = board
    ns.objects["editorial_board.Delegation"] = eb.Delegation.objects.create(
        board=board, deputy=people[Role.UNIT_LEADER], starts_at=now,
        ends_at=now + datetime.timedelta(days=3), reason=f"Công tác {marker}")
    ns.objects["editorial_board.TrustedSource"] = eb.TrustedSource.objects.create(
        agency=agency, name=f"Nguồn {marker}", domain=f"{marker.lower()}.gov.vn")
    ns.objects["editorial_board.DeadlineRule"] = eb.DeadlineRule.objects.create(
        agency=agency, kind="news", amount=2, unit="working_days")
    ns.objects["editorial_board.EditorialSettings"] = eb.EditorialSettings.objects.create(
        agency=agency)
    ns.objects["editorial_board.EditorialRecord"] = eb.EditorialRecord.objects.update_or_create(
        page=item, defaults={"agency": agency, "unit": ns.office, "source": f"Nguồn {marker}"})[0]
    ns.objects["editorial_board.RoyaltyRate"] = eb.RoyaltyRate.objects.create(
        agency=agency, kind="news", amount=123457, valid_from=datetime.date(2026, 1, 1))
    royalty = eb.RoyaltyItem.objects.create(
        agency=agency, title=f"Nhuận bút {marker}", published_at=now,
        month=datetime.date(2026, 1, 1))
    ns.objects["editorial_board.RoyaltyShare"] = eb.RoyaltyShare.objects.create(
        item=royalty, person=people[Role.SPECIALIST])
    ns.objects["editorial_board.ProhibitedExpression"] = (
        eb.ProhibitedExpression.objects.create(agency=agency, expression=f"cấm {marker}"))
    ns.objects["editorial_board.SubjectArea"] = eb.SubjectArea.objects.create(
        agency=agency, name=f"Lĩnh vực hỏi đáp {marker}")
    ns.objects["editorial_board.QuestionSettings"] = eb.QuestionSettings.objects.create(
        agency=agency)
    from plugins.legal_docs.models import LegalDocumentPage

    ns.objects["editorial_board.ReviewRule"] = eb.ReviewRule.objects.create(
        agency=agency, page_type=ContentType.objects.get_for_model(LegalDocumentPage))


def _questions(ns):
    from plugins.editorial_board.models import Question, QuestionIndexPage, QuestionStatus

    page = ns.home.add_child(instance=QuestionIndexPage(title=f"Hỏi đáp {ns.marker}",
                                                        slug="hoi-dap"))
    _publish(page)
    ns.pages["questions"] = page
    now = timezone.now()
    common = {"agency": ns.agency, "name": f"Người hỏi {ns.marker}",
              "email": f"nguoihoi{ns.key}@example.test", "received_at": now,
              "unit": ns.office}
    ns.questions = {
        "published": Question.objects.create(
            reference=f"HD-{ns.key}-1", title=f"Câu hỏi công khai {ns.marker}",
            text=f"Nội dung {ns.marker}", answer=f"Trả lời công khai {ns.marker}",
            status=QuestionStatus.PUBLISHED, published_at=now, answered_at=now, **common),
        "private": Question.objects.create(
            reference=f"HD-{ns.key}-2", title=f"Câu hỏi riêng {ns.marker}",
            text=f"Nội dung riêng {ns.marker}", answer=f"Trả lời riêng {ns.marker}",
            status=QuestionStatus.CLOSED, answered_at=now, **common),
    }
    ns.objects["editorial_board.Question"] = ns.questions["private"]


def _email_directory(ns):
    from plugins.email_directory.models import (
        AddressPolicy,
        DirectoryEntry,
        DirectoryPage,
        Mailbox,
        MailboxHandover,
        MailboxKind,
    )

    page = ns.home.add_child(instance=DirectoryPage(title=f"Danh bạ {ns.marker}", slug="danh-ba"))
    _publish(page)
    ns.pages["directory"] = page
    policy = AddressPolicy.objects.create(agency=ns.agency, scheme="gialai",
                                          domain=f"{ns.key.lower()}.gov.vn")
    entry = DirectoryEntry.objects.create(agency=ns.agency, full_name=f"Cán bộ {ns.marker}",
                                          title="Chuyên viên", unit=ns.office)
    mailbox = Mailbox.objects.create(agency=ns.agency, kind=MailboxKind.AGENCY,
                                     address=f"{ns.marker.lower()}@{ns.key.lower()}.gov.vn",
                                     holder=entry)
    handover = MailboxHandover.objects.create(mailbox=mailbox, to_holder=entry,
                                              handover_date=datetime.date(2026, 5, 4),
                                              note=f"Bàn giao {ns.marker}")
    ns.objects.update({"email_directory.AddressPolicy": policy,
                       "email_directory.DirectoryEntry": entry,
                       "email_directory.Mailbox": mailbox,
                       "email_directory.MailboxHandover": handover})


def _eoffice(ns):
    from plugins.eoffice.documents.models import (
        Delegation,
        OutageEntry,
        OutgoingFile,
        Register,
        RegisterKind,
        WorkDossier,
    )
    from plugins.eoffice.documents.services import incoming, outgoing

    register = Register.objects.create(agency=ns.agency, kind=RegisterKind.INCOMING,
                                       name=f"Sổ đến {ns.marker}", is_default=True)
    Register.objects.create(agency=ns.agency, kind=RegisterKind.OUTGOING,
                            name=f"Sổ đi {ns.marker}", is_default=True)
    document = incoming.register(
        ns.people[Role.CLERK], register, arrived_at=timezone.now(),
        sender_name=f"Nơi gửi {ns.marker}", number_notation="12/UBND-VP",
        issue_date=datetime.date(2026, 3, 2),
        subject=f"UBND tỉnh đề nghị báo cáo tình hình {ns.marker} trong quý I năm 2026",
        files=[ContentFile(b"%PDF-1.4 den", name=f"den-{ns.key}.pdf")]).document
    draft = outgoing.create_draft(
        ns.people[Role.SPECIALIST], ns.agency, body_text=f"Nội dung {ns.marker}",
        subject=f"Báo cáo tình hình {ns.marker} trong quý I năm 2026 của cơ quan")
    OutgoingFile.objects.create(document=draft, kind="annex", name=f"phu-luc-{ns.key}.pdf",
                                file=ContentFile(b"%PDF-1.4 di", name=f"di-{ns.key}.pdf"))
    dossier = WorkDossier.objects.create(unit=ns.office, year=2026, code="01",
                                         title=f"Hồ sơ {ns.marker}")
    delegation = Delegation.objects.create(
        agency=ns.agency, delegator=ns.people[Role.AGENCY_LEADER],
        delegate=ns.people[Role.UNIT_LEADER], reason=f"Đi công tác {ns.marker}",
        # Coming, not in force: the lists show it, nobody's powers change.
        starts_at=timezone.now() + datetime.timedelta(days=1),
        ends_at=timezone.now() + datetime.timedelta(days=2))
    outage = OutageEntry.objects.create(
        agency=ns.agency, reason=f"Mất điện {ns.marker}", entered_by=ns.people[Role.CLERK],
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=2))
    ns.objects.update({"eoffice_documents.Delegation": delegation,
                       "eoffice_documents.OutageEntry": outage})
    ns.objects.update({"eoffice_documents.Register": register,
                       "eoffice_documents.IncomingDocument": document,
                       "eoffice_documents.IncomingFile": document.files.get(),
                       "eoffice_documents.OutgoingDocument": draft,
                       "eoffice_documents.OutgoingFile": draft.files.get(),
                       "eoffice_documents.WorkDossier": dossier})


def _exchange(ns):
    """A document received through exchange, waiting for the clerk, and an exchange key."""
    from django.apps import apps

    if not apps.is_installed("plugins.eoffice.exchange"):
        return
    from plugins.eoffice.exchange.edxml.build import build
    from plugins.eoffice.exchange.edxml.package import Attachment, Organ, Package
    from plugins.eoffice.exchange.models import Envelope, ExchangeKey

    subject = f"Văn phòng Chính phủ đôn đốc {ns.marker} thực hiện Đề án 06 năm 2026"
    package = Package(
        sender=Organ("000.00.00.G22", "Văn phòng Chính phủ"),
        recipients=(Organ(f"000.00.0{ns.key}.H01", ns.agency.name),), code_number="7",
        code_notation="VPCP-KSTT", promulgation_date=datetime.date(2026, 11, 2),
        subject=subject, type_name="Công văn",
        attachments=(Attachment(f"lien-thong-{ns.key}.pdf", b"%PDF-1.4 lien thong"),))
    envelope = Envelope(agency=ns.agency, direction="in", kind="document",
                        dedup_key=f"world:{ns.key}", document_id=package.make_document_id(),
                        state="waiting", transport="http", number_notation="7/VPCP-KSTT",
                        subject=subject, peer_organ_id="000.00.00.G22",
                        peer_name="Văn phòng Chính phủ")
    envelope.package.save("package.xml", ContentFile(build(package)), save=False)
    envelope.save()
    key, _secret = ExchangeKey.make(ns.agency, f"Trục liên thông {ns.marker}")
    ns.objects.update({"eoffice_exchange.Envelope": envelope,
                       "eoffice_exchange.ExchangeKey": key})
def _exchange_signing(ns):
    """The agency's signing certificate (its key file is not needed to open the screens)."""
    from plugins.eoffice.exchange.signing.models import AgencySigningCertificate

    now = timezone.now()
    ns.objects["eoffice_exchange.AgencySigningCertificate"] = (
        AgencySigningCertificate.objects.create(
            agency=ns.agency, pkcs12_file=f"chu-ky-so/{ns.key}/world.p12",
            passphrase_token="-", subject=f"Chứng thư {ns.marker}", issuer="CA thử",
            serial="01", not_valid_before=now, not_valid_after=now + datetime.timedelta(days=30)))


def _schedules(ns):
    """A published entry of the leaders' schedule and a draft plan (plugins.eoffice.schedules)."""
    from django.apps import apps

    if not apps.is_installed("plugins.eoffice.schedules"):
        return
    from plugins.eoffice.schedules import services

    entry = services.create_entry(
        ns.people[Role.CLERK], ns.agency, None, date=datetime.date(2026, 3, 2),
        start_time=datetime.time(8, 0), content=f"Giao ban {ns.marker}")
    services.submit(ns.people[Role.CLERK], entry)
    services.approve(ns.people[Role.AGENCY_LEADER], entry)
    plan = services.create_plan(ns.people[Role.CLERK], ns.agency, period_kind="month",
                                year=2026, period=3, title=f"Kế hoạch {ns.marker}")
    ns.objects.update({"eoffice_schedules.ScheduleEntry": entry,
                       "eoffice_schedules.WorkPlan": plan})


def _tasks(ns):
    """A task assigned by the agency leader to the office's specialist, with a progress
    report and its file (plugins.eoffice.tasks)."""
    from django.apps import apps

    if not apps.is_installed("plugins.eoffice.tasks"):
        return
    from plugins.core.calendar import WorkingCalendar
    from plugins.eoffice.tasks import services

    task = services.assign(
        ns.people[Role.AGENCY_LEADER], ns.agency, title=f"Nhiệm vụ {ns.marker}",
        content=f"Nội dung {ns.marker}", main_unit=ns.office,
        main_person=ns.people[Role.SPECIALIST],
        deadline=WorkingCalendar(ns.agency).add_working_days(timezone.localdate(), 5))
    report = services.report_progress(ns.people[Role.SPECIALIST], task, 30,
                                      f"Báo cáo {ns.marker}",
                                      ContentFile(b"%PDF-1.4 world", name="bao-cao.pdf"))
    ns.objects.update({"eoffice_tasks.Task": task, "eoffice_tasks.ProgressReport": report})

def _consultations(ns):
    """An open consultation with a response and its file, and a draft one
    (plugins.eoffice.consultations): the specialist asks the leader and the office."""
    from django.apps import apps

    if not apps.is_installed("plugins.eoffice.consultations"):
        return
    from plugins.eoffice.consultations import services

    drafter, leader = ns.people[Role.SPECIALIST], ns.people[Role.AGENCY_LEADER]
    pdf = b"%PDF-1.4\n%%EOF\n"
    opened = services.create(drafter, ns.agency, title=f"Lấy ý kiến {ns.marker}",
                             people=[leader], units=[ns.office],
                             files=[ContentFile(pdf, name="du-thao.pdf")])
    services.open_consultation(drafter, opened)
    response = services.respond(leader, opened.invitees.get(user=leader), "disagree",
                                f"Ý kiến {ns.marker}", ContentFile(pdf, name="y-kien.pdf"))
    draft = services.create(drafter, ns.agency, title=f"Nháp lấy ý kiến {ns.marker}",
                            people=[leader], files=[ContentFile(pdf, name="nhap.pdf")])
    ns.objects.update({"eoffice_consultations.Consultation": opened,
                       "eoffice_consultations.Consultation:draft": draft,
                       "eoffice_consultations.DraftFile": opened.files.get(),
                       "eoffice_consultations.Invitee": response.invitee,
                       "eoffice_consultations.Response": response})

def _notices(ns):
    """An announcement with a file and an extension request, a message with a file, and the
    trade union's board with a post (plugins.eoffice.notices)."""
    from django.apps import apps

    if not apps.is_installed("plugins.eoffice.notices"):
        return
    from django.core.files.uploadedfile import SimpleUploadedFile

    from plugins.eoffice.notices import services

    def pdf():
        return SimpleUploadedFile(f"tep-{ns.key}.pdf", b"%PDF-1.4\n%%EOF\n",
                                  content_type="application/pdf")

    clerk, leader = ns.people[Role.CLERK], ns.people[Role.AGENCY_LEADER]
    specialist = ns.people[Role.SPECIALIST]
    announcement = services.create_announcement(
        clerk, ns.agency, title=f"Thông báo {ns.marker}", body=f"Nội dung {ns.marker}",
        files=[pdf()])
    services.publish(clerk, announcement)
    request = services.request_extension(
        specialist, announcement, (announcement.expires_at + datetime.timedelta(days=30)).date(),
        f"Gia hạn {ns.marker}")
    message = services.send_message(leader, ns.agency, subject=f"Thư {ns.marker}",
                                    body=f"Nội dung thư {ns.marker}", people=[specialist],
                                    files=[pdf()])
    board = services.set_board(leader, ns.agency, "trade_union", name=f"Công đoàn {ns.marker}",
                               committee=[clerk], members=list(ns.people.values()))
    post = services.create_post(clerk, board, title=f"Tin {ns.marker}",
                                body=f"Nội dung tin {ns.marker}")
    ns.objects.update({
        "eoffice_notices.Announcement": announcement,
        "eoffice_notices.AnnouncementFile": announcement.files.get(),
        "eoffice_notices.ExtensionRequest": request,
        "eoffice_notices.Message": message,
        "eoffice_notices.MessageFile": message.files.get(),
        "eoffice_notices.Board": board,
        "eoffice_notices.Post": post,
    })


def _enterprises(ns):
    from plugins.enterprises.demo import tax_code
    from plugins.enterprises.models import Enterprise, EnterpriseDirectoryPage, Industry, Zone

    zone = Zone.objects.create(agency=ns.agency, name=f"Khu công nghiệp {ns.marker}")
    industry = Industry.objects.create(agency=ns.agency, name=f"Ngành nghề {ns.marker}")
    codes = []
    for serial in range(100, 200):
        try:
            codes.append(tax_code(f"1207{ord(ns.key):02d}{serial:03d}"))
        except ValueError:
            continue
    common = {"agency": ns.agency, "zone": zone, "industry": industry}
    ns.objects["enterprises.Zone"] = zone
    ns.objects["enterprises.Industry"] = industry
    ns.objects["enterprises.Enterprise"] = Enterprise.objects.create(
        name=f"Công ty {ns.marker}", tax_code=codes[0], products=f"Sản phẩm {ns.marker}",
        **common)
    ns.hidden_enterprise = Enterprise.objects.create(
        name=f"Công ty chưa công bố {ns.key}", tax_code=codes[1], is_published=False, **common)
    page = ns.home.add_child(instance=EnterpriseDirectoryPage(title=f"Doanh nghiệp {ns.marker}",
                                                              slug="doanh-nghiep"))
    ns.pages["enterprises"] = _publish(page)
def _public_consultation(ns):
    """A public consultation on a draft with a citizen's comment waiting for moderation
    (plugins.public_consultation): the comment holds the sender's contacts."""
    from django.apps import apps

    if not apps.is_installed("plugins.public_consultation"):
        return
    from plugins.public_consultation.models import (
        Comment,
        ConsultationIndexPage,
        ConsultationPage,
    )

    index = ns.home.add_child(instance=ConsultationIndexPage(
        title=f"Lấy ý kiến dự thảo {ns.marker}", slug="lay-y-kien-du-thao"))
    _publish(index)
    now = timezone.now()
    page = index.add_child(instance=ConsultationPage(
        title=f"Dự thảo quy chế {ns.marker}", slug="du-thao-quy-che",
        email=f"gopy{ns.key}@example.test", opens=now - datetime.timedelta(days=1),
        closes=now + datetime.timedelta(days=10)))
    ns.pages["consultation"] = _publish(page)
    ns.objects["public_consultation.Comment"] = Comment.objects.create(
        agency=ns.agency, page=page, name=f"Người góp ý {ns.marker}",
        email=f"gopy-cong-dan{ns.key}@example.test", phone="0912 000 111",
        text=f"Ý kiến chờ duyệt {ns.marker}")
