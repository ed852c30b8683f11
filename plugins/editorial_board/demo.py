"""Demo of the editorial board: the reference agency's board, its workflow on the news
section, trusted sources, the published articles' records, and items at every step.

Idempotent: everything is found by name or slug and left alone when it exists.
"""

import datetime

from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page

from plugins.core.demo import agency_home
from plugins.core.models import Position
from plugins.editorial_board.models import (
    Board,
    BoardMember,
    BoardRole,
    ContentKind,
    DeadlineRule,
    DeadlineUnit,
    EditorialMetadataMixin,
    EditorialRecord,
    EditorialSettings,
    PageReview,
    ProhibitedExpression,
    Question,
    QuestionIndexPage,
    ReviewRule,
    RoyaltyItem,
    RoyaltyKind,
    RoyaltyRate,
    SubjectArea,
    TrustedSource,
)
from plugins.editorial_board.moderation import records, scope
from plugins.editorial_board.moderation.workflow import assign, ensure_agency_workflow
from plugins.editorial_board.royalties import services as royalties

BOARD = {
    "name": "Ban Biên tập Trang thông tin điện tử",
    "decision_number": "15/QĐ-BQL",
    "decision_date": datetime.date(2026, 1, 15),
    "members": [
        ("truongban", BoardRole.CHIEF, "Duyệt bài trước khi đăng tải"),
        ("photruongban", BoardRole.DEPUTY, "Thay mặt Trưởng Ban Biên tập khi được ủy quyền"),
        ("chanhvanphong", BoardRole.MEMBER, "Tổng hợp, biên tập tin bài"),
        ("quantri", BoardRole.MEMBER, "Quản trị kỹ thuật, đăng tải thông tin"),
    ],
}
TRUSTED_SOURCES = [
    ("Cổng Thông tin điện tử Chính phủ", "chinhphu.vn"),
    ("Báo điện tử Đảng Cộng sản Việt Nam", "dangcongsan.vn"),
    ("Cổng Thông tin điện tử tỉnh Tiền Giang", "tiengiang.gov.vn"),
    ("Báo Ấp Bắc", "baoapbac.vn"),
]
# (slug, title, author, steps done: approvers' usernames, rejected with this reason)
ITEMS = [
    ("dn-kien-nghi-thu-tuc-dat-dai", "Doanh nghiệp kiến nghị rút ngắn thủ tục đất đai",
     "chuyenvien", [], ""),
    ("tap-huan-an-toan-lao-dong-2026", "Tập huấn an toàn, vệ sinh lao động năm 2026",
     "chuyenvien", ["truongphongqldn"], ""),
    ("khao-sat-ha-tang-kcn-tan-huong", "Khảo sát hạ tầng Khu công nghiệp Tân Hương",
     "chuyenvien", ["truongphongqldn", "chanhvanphong"], ""),
    ("so-lieu-thu-hut-dau-tu-thang-10", "Số liệu thu hút đầu tư tháng 10",
     "chuyenvien", ["truongphongqldn"],
     "Bổ sung nguồn số liệu và đối chiếu với báo cáo của Phòng Quản lý đầu tư."),
]

# The agency's royalty rates from 1 January 2026, in đồng (kind, from words, up to words).
ROYALTY_RATES = [
    (RoyaltyKind.NEWS, 0, 300, 150_000),
    (RoyaltyKind.NEWS, 301, None, 250_000),
    (RoyaltyKind.ARTICLE, 0, 1500, 400_000),
    (RoyaltyKind.ARTICLE, 1501, None, 600_000),
    (RoyaltyKind.TRANSLATION, 0, None, 300_000),
    (RoyaltyKind.PHOTO, 0, None, 50_000),
    (RoyaltyKind.BOARD_EDITING, 0, None, 60_000),
    (RoyaltyKind.VERIFICATION, 0, None, 40_000),
]
ROYALTY_BASIS = "Quyết định số 16/2009/QĐ-UBND, sửa đổi bởi Quyết định số 30/2009/QĐ-UBND"
PROHIBITED = [
    ("lô đề", "Quảng cáo dịch vụ bị cấm (Điều 6 khoản 2 Quy chế)"),
    ("cá độ bóng đá", "Quảng cáo dịch vụ bị cấm (Điều 6 khoản 2 Quy chế)"),
    ("vay nóng không cần thế chấp", "Quảng cáo tín dụng đen"),
    ("tài liệu mật", "Tiết lộ bí mật nhà nước (Điều 6 khoản 1 điểm b Quy chế)"),
]


def load_editorial_demo(context):
    agencies = context.objects.get("agencies", {})
    agency = agencies.get("bql")
    if agency is None:
        return
    board = _ensure_board(agency, context)
    for source_name, domain in TRUSTED_SOURCES:
        _, created = TrustedSource.objects.get_or_create(agency=agency, name=source_name,
                                                         defaults={"domain": domain})
        context.note(created, f"trusted source {source_name}")
    _, created = EditorialSettings.objects.get_or_create(agency=agency)
    context.note(created, "quotas of the editorial board")
    _, created = DeadlineRule.objects.get_or_create(
        agency=agency, kind=ContentKind.CONFERENCE,
        defaults={"amount": 2, "unit": DeadlineUnit.WORKING_DAYS})
    context.note(created, "deadline rule for conference reports")
    for other in agencies.values():
        section = _news_section(other)
        if section is not None and not scope.has_editorial_workflow(section):
            assign(ensure_agency_workflow(other), section)
            context.note(True, f"editorial workflow on /{section.slug}/ of {other.symbol}")
    _ensure_royalty_rates(agency, context)
    for expression, reason in PROHIBITED:
        _, created = ProhibitedExpression.objects.get_or_create(
            agency=agency, expression=expression, defaults={"reason": reason})
        context.note(created, f"prohibited expression {expression}")
    section = _news_section(agency)
    if section is None:
        return
    _record_published_articles(agency, section, board, context)
    _record_royalties(section, context)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        _ensure_items(agency, section, context)


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def _ensure_board(agency, context):
    board, created = Board.objects.get_or_create(agency=agency, defaults={
        key: BOARD[key] for key in ("name", "decision_number", "decision_date")})
    context.note(created, f"editorial board of {agency.symbol}")
    for username, role, duties in BOARD["members"]:
        position = Position.objects.filter(user__username=username,
                                           unit__agency=agency).first()
        if position is None:
            continue
        _, created = BoardMember.objects.get_or_create(
            board=board, position=position, defaults={"role": role, "duties": duties})
        context.note(created, f"board member {username} ({role})")
    return board


def _news_section(agency):
    if agency.site_id is None:
        return None
    return Page.objects.descendant_of(agency.site.root_page).filter(slug="tin-tuc").first()


def _record_published_articles(agency, section, board, context):
    chief = board.members.filter(role=BoardRole.CHIEF).select_related("position__user").first()
    for page in section.get_children().live().specific():
        if EditorialRecord.objects.filter(page=page, published_at__isnull=False).exists():
            continue
        record = records.sync(page)
        day = getattr(page, "date", None) or timezone.localdate(page.first_published_at)
        record.published_at = datetime.datetime.combine(
            day, datetime.time(9, 0), tzinfo=timezone.get_current_timezone())
        record.published_by = chief.position.user if chief else None
        record.save(update_fields=["published_at", "published_by"])
        context.note(True, f"editorial record of “{page.title}”")


def _ensure_royalty_rates(agency, context):
    for kind, low, high, amount in ROYALTY_RATES:
        _, created = RoyaltyRate.objects.get_or_create(
            agency=agency, kind=kind, valid_from=datetime.date(2026, 1, 1), min_words=low,
            defaults={"max_words": high, "amount": amount, "basis": ROYALTY_BASIS})
        context.note(created, f"royalty rate {kind} from {low} words")


def _record_royalties(section, context):
    """The published articles' royalties, entered in the month they were published."""
    for page in section.get_children().live().specific():
        record = EditorialRecord.objects.filter(page=page).first()
        if record is None or RoyaltyItem.objects.filter(page=page).exists():
            continue
        item = royalties.record_publication(page, record, at=record.published_at)
        context.note(item is not None, f"royalties of “{page.title}”")


def _ensure_items(agency, section, context):
    model = section.specific_class.allowed_subpage_models()[0] if (
        section.specific_class.allowed_subpage_models()) else Page
    now = timezone.now()
    for slug, title, author_name, approvers, rejection in ITEMS:
        if Page.objects.child_of(section).filter(slug=slug).exists():
            continue
        author = _user(author_name)
        page = model(title=title, slug=slug, owner=author, live=False)
        if isinstance(page, EditorialMetadataMixin):
            page.author_name = author.get_full_name()
            page.unit = Position.objects.filter(user=author).first().unit
            page.event_date = now - datetime.timedelta(hours=3)
            page.content_kind = ContentKind.NEWS
        section.add_child(instance=page)
        if isinstance(page, EditorialMetadataMixin):
            page.authors.set([author])
        page.save_revision(user=author)
        page.get_workflow().start(page, author)
        for username in approvers:
            _act(page, _user(username), "approve")
        if rejection:
            _act(page, _user("chanhvanphong"), "reject", comment=rejection)
        context.note(True, f"item “{title}” in moderation")


def _act(page, user, action, **kwargs):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, user, action, **kwargs)


# --- Citizens' questions (R-ED-15) and periodic review (R-ED-8) ----------------------------

SUBJECT_AREAS = [
    # (name, unit key)
    ("Đầu tư", "qldt"),
    ("Doanh nghiệp và lao động", "qldn"),
    ("Môi trường", "qlmt"),
    ("Quy hoạch - Xây dựng", "qhxd"),
    ("Khác", None),
]
# (title, question, subject, days ago, answerer, answer, decided by / "reject:" reason)
QUESTIONS = [
    ("Thủ tục cấp giấy phép lao động cho người nước ngoài",
     "Công ty chúng tôi tại Khu công nghiệp Long Giang cần tuyển 02 kỹ sư người Hàn Quốc. "
     "Xin hỏi hồ sơ đề nghị cấp giấy phép lao động gồm những gì và nộp ở đâu?",
     "Doanh nghiệp và lao động", 20, "truongphongqldn",
     "Hồ sơ gồm: văn bản đề nghị, giấy chứng nhận sức khỏe, phiếu lý lịch tư pháp, văn bản "
     "chứng minh là chuyên gia hoặc lao động kỹ thuật, 02 ảnh màu và bản sao hộ chiếu. Doanh "
     "nghiệp nộp trực tuyến trên Cổng dịch vụ công hoặc tại Bộ phận một cửa của Ban Quản lý; "
     "thời hạn giải quyết 05 ngày làm việc.", "truongban"),
    ("Điều chỉnh dự án đầu tư khi thay đổi nhà đầu tư",
     "Nhà đầu tư chuyển nhượng toàn bộ dự án trong khu công nghiệp cho công ty khác thì có phải "
     "điều chỉnh Giấy chứng nhận đăng ký đầu tư không?",
     "Đầu tư", 15, "truongphongqldt",
     "Có. Nhà đầu tư nhận chuyển nhượng nộp hồ sơ điều chỉnh dự án đầu tư tại Ban Quản lý "
     "theo Điều 46 Luật Đầu tư; thời hạn giải quyết 10 ngày làm việc.", "truongban"),
    ("Đăng ký nội quy lao động cho doanh nghiệp dưới 10 lao động",
     "Doanh nghiệp có 8 lao động có bắt buộc đăng ký nội quy lao động không?",
     "Doanh nghiệp và lao động", 2, None, "", ""),
    ("Ưu đãi đầu tư cho dự án công nghệ cao",
     "Dự án sản xuất linh kiện điện tử được hưởng những ưu đãi nào về thuế?",
     "Đầu tư", 4, "truongphongqldt",
     "Dự án thuộc danh mục công nghệ cao được miễn, giảm thuế thu nhập doanh nghiệp theo quy "
     "định; đề nghị nhà đầu tư liên hệ Phòng Quản lý đầu tư để được hướng dẫn cụ thể.", ""),
    ("Lắp đặt biển quảng cáo trước cổng nhà máy",
     "Chúng tôi muốn lắp biển quảng cáo tấm lớn trước cổng nhà máy thì xin phép ở đâu?",
     None, 1, None, "", ""),
    ("Vay vốn lãi suất 0% cho mọi doanh nghiệp",
     "Liên hệ ngay để được vay vốn không cần thế chấp!!!", "Khác", 3, None, "",
     "reject:Thư quảng cáo, không phải câu hỏi."),
]
# (app label, model) of page types whose content goes out of date, and months between reviews
REVIEW_RULES = [
    ("portal", "organisationpage", 12),
    ("portal", "contactpage", 6),
    ("email_directory", "directorypage", 3),
    ("procedures", "procedureindexpage", 6),
    ("procedures", "procedurepage", 12),
]


def load_questions_and_reviews_demo(context):
    agency = context.objects.get("agencies", {}).get("bql")
    if agency is None:
        return
    units = context.objects.get("units", {}).get("bql", {})
    areas = {}
    for order, (name, unit_key) in enumerate(SUBJECT_AREAS):
        areas[name], created = SubjectArea.objects.get_or_create(
            agency=agency, name=name,
            defaults={"default_unit": units.get(unit_key), "sort_order": order})
        context.note(created, f"subject area of questions {name}")
    _ensure_question_page(agency, context)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for item in QUESTIONS:
            _ensure_question(agency, areas, item, context)
    _ensure_review_rules(agency, context)


def _ensure_question_page(agency, context):
    if agency.site_id is None:
        return
    home = agency_home(agency, context)
    if QuestionIndexPage.objects.child_of(home).exists():
        return
    page = QuestionIndexPage(
        title="Hỏi đáp", slug="hoi-dap", show_in_menus=True,
        intro="<p>Tổ chức, công dân gửi câu hỏi về các lĩnh vực do Ban Quản lý phụ trách; "
              "phòng chuyên môn trả lời và Ban Biên tập công bố các câu trả lời dưới đây.</p>",
        privacy_note="<p>Họ tên, địa chỉ, thư điện tử và số điện thoại của người hỏi chỉ dùng "
                     "để trả lời, không được công bố.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    context.note(True, f"page /hoi-dap/ of {agency.symbol}")


def _ensure_question(agency, areas, item, context):
    from plugins.editorial_board.questions import services as questions

    title, text, area, days, answerer, answer, decision = item
    if Question.objects.filter(agency=agency, title=title).exists():
        return
    now = timezone.now()
    received = now - datetime.timedelta(days=days)
    question = questions.receive(
        agency, name="Nguyễn Thị Lan", email="lan.nguyen@example.vn", phone="0912 345 678",
        title=title, text=text, subject_area=areas.get(area), now=received)
    if decision.startswith("reject:"):
        questions.reject(question, decision.removeprefix("reject:"), _user("chanhvanphong"),
                         now=received + datetime.timedelta(hours=2))
    elif answerer:
        questions.answer(question, answer, _user(answerer),
                         now=received + datetime.timedelta(days=min(days, 3)))
        if decision:
            questions.decide(question, _user(decision), publish=True,
                             now=received + datetime.timedelta(days=min(days, 4)))
    context.note(True, f"citizen's question “{title}”")


def _ensure_review_rules(agency, context):
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    for app_label, model_name, months in REVIEW_RULES:
        if not apps.is_installed(f"plugins.{app_label}") and app_label != "portal":
            continue
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        _, created = ReviewRule.objects.get_or_create(
            agency=agency, page_type=ContentType.objects.get_for_model(model),
            defaults={"months": months})
        context.note(created, f"periodic review of {model._meta.verbose_name}")
    organisation = Page.objects.descendant_of(agency.site.root_page).filter(
        slug="gioi-thieu").first() if agency.site_id else None
    if organisation is not None and not PageReview.objects.filter(page=organisation).exists():
        PageReview.objects.create(page=organisation, reviewed_by=_user("chanhvanphong"),
                                  reviewed_at=timezone.now(),
                                  note="Đã đối chiếu với quyết định kiện toàn tổ chức bộ máy.")
        context.note(True, "review of the organisation page")
