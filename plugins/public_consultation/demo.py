"""Demo consultations on drafts of both demo agencies (R-SITE-6), at /lay-y-kien-du-thao/:
one open, one not open yet and one closed with its summary and the agency's answers for the
first agency (its draft website regulation, seed 000 Đ7.9), one open and one closed for the
second (its enterprise support portal's consultation section, seed 001 Đ7.2h). Each has
its draft as an ODT (open format) and, for some, a Word copy (not open: marked so).
Comments: approved ones (shown without contacts), one waiting for moderation and one
refused (never shown). The first agency's list and two of its consultations also in
English (/en/public-consultation/).

Dates are counted from the day the demo is loaded, so that the list always holds every
state. Idempotent: pages are found by slug and left alone; one consultation stays a draft,
to show that a draft is never public.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from plugins.core.calendar import OFFICE_TZ
from plugins.core.demo import agency_home, translate_page
from plugins.core.text import slugify
from plugins.public_consultation.models import (
    Comment,
    CommentStatus,
    ConsultationIndexPage,
    ConsultationPage,
    DraftFile,
)

INDEX_SLUG = "lay-y-kien-du-thao"
INDEX_TITLE = "Lấy ý kiến dự thảo văn bản"
INDEX_INTRO = (
    "<p>Cơ quan lấy ý kiến góp ý của tổ chức, cá nhân đối với các dự thảo văn bản. Mỗi dự "
    "thảo nêu rõ nội dung xin ý kiến, địa chỉ thư điện tử tiếp nhận và thời gian tiếp nhận "
    "góp ý. Quý vị góp ý trực tiếp trên trang hoặc gửi thư điện tử; sau khi hết thời hạn, cơ "
    "quan công bố tổng hợp ý kiến và nội dung tiếp thu, giải trình.</p>"
)

# (days from today it opens, days long, subject area, drafting unit, title, intro,
#  body paragraphs, files [(kind, title)], comments [(name, section, text, status, answer)],
#  outcome paragraphs, published)
CONSULTATIONS = {
    "bql": [
        (-10, 30, "Thông tin điện tử", "Văn phòng Ban Quản lý",
         "Dự thảo Quy chế quản lý, sử dụng Trang thông tin điện tử của Ban Quản lý",
         "Quy định trách nhiệm cung cấp, biên tập, đăng tải thông tin và thời hạn cung cấp "
         "thông tin của các phòng, đơn vị.",
         ["Dự thảo gồm 4 chương, 18 điều: quy định chung; nội dung thông tin; trách nhiệm "
          "cung cấp, biên tập và đăng tải thông tin; điều khoản thi hành.",
          "Ban Quản lý đề nghị tổ chức, cá nhân góp ý nhất là về thời hạn cung cấp thông tin "
          "(Điều 9) và mục lấy ý kiến góp ý trên Trang thông tin điện tử (Điều 7)."],
         [("odt", "Dự thảo Quy chế"), ("docx", "Dự thảo Quy chế (bản Word)")],
         [("Công ty TNHH Điện tử Việt Hàn", "Điều 9",
           "Đề nghị quy định thời hạn đăng tin tức, sự kiện là 8 giờ làm việc thay vì 1 ngày, "
           "để doanh nghiệp nắm thông tin kịp thời.", CommentStatus.APPROVED, ""),
          ("Trần Minh Tâm", "Điều 7, khoản 2",
           "Nên công bố cả ý kiến góp ý và nội dung giải trình của cơ quan sau khi hết hạn "
           "lấy ý kiến.", CommentStatus.APPROVED, ""),
          ("Nguyễn Văn Hùng", "",
           "Tôi đề nghị bổ sung mục hỏi đáp về thủ tục lao động.", CommentStatus.PENDING, ""),
          ("Khách", "", "Quảng cáo dịch vụ không liên quan.", CommentStatus.REFUSED, "")],
         [], True),
        (15, 20, "Đầu tư", "Phòng Quản lý đầu tư",
         "Dự thảo Quy định trình tự tiếp nhận hồ sơ dự án đầu tư vào khu công nghiệp",
         "Trình tự tiếp nhận, thẩm định hồ sơ đề nghị chấp thuận chủ trương đầu tư của dự án "
         "trong khu công nghiệp.",
         ["Dự thảo quy định trình tự phối hợp giữa Ban Quản lý và các sở, ngành trong tiếp "
          "nhận, thẩm định hồ sơ dự án đầu tư vào khu công nghiệp."],
         [("odt", "Dự thảo Quy định")], [], [], True),
        (-60, 30, "Môi trường", "Phòng Quản lý môi trường",
         "Dự thảo Kế hoạch bảo vệ môi trường các khu công nghiệp giai đoạn 2026–2030",
         "Mục tiêu, nhiệm vụ và giải pháp bảo vệ môi trường các khu công nghiệp giai đoạn "
         "2026–2030.",
         ["Kế hoạch đặt mục tiêu 100% khu công nghiệp đang hoạt động có hệ thống xử lý nước "
          "thải tập trung đạt chuẩn và quan trắc tự động, liên tục."],
         [("odt", "Dự thảo Kế hoạch")],
         [("Hiệp hội Doanh nghiệp tỉnh", "Mục III",
           "Đề nghị có lộ trình hỗ trợ doanh nghiệp nhỏ lắp đặt thiết bị quan trắc.",
           CommentStatus.APPROVED,
           "Tiếp thu: bổ sung lộ trình đến năm 2028 và hướng dẫn tiếp cận nguồn vốn ưu đãi "
           "của Quỹ Bảo vệ môi trường."),
          ("Lê Thị Hoa", "",
           "Cần công khai kết quả quan trắc trên Trang thông tin điện tử.",
           CommentStatus.APPROVED,
           "Tiếp thu: kết quả quan trắc định kỳ được công bố hằng quý.")],
         ["Ban Quản lý nhận được 5 ý kiến góp ý (2 ý kiến qua Trang thông tin điện tử, 3 ý "
          "kiến bằng thư điện tử). Các ý kiến đều thống nhất với mục tiêu của Kế hoạch.",
          "Ban Quản lý tiếp thu 4 ý kiến, giải trình 1 ý kiến về thời hạn hoàn thành hệ thống "
          "quan trắc tự động (theo quy định của pháp luật về bảo vệ môi trường)."], True),
        (5, 20, "Lao động", "Phòng Quản lý lao động",
         "Dự thảo Quy định về nhà ở cho công nhân (bản nháp nội bộ)",
         "Bản nháp: chưa được duyệt đăng.", ["Nội dung đang soạn."], [], [], [], False),
    ],
    "skh": [
        (-5, 25, "Hỗ trợ doanh nghiệp", "Phòng Đăng ký kinh doanh",
         "Dự thảo Kế hoạch hỗ trợ doanh nghiệp nhỏ và vừa tỉnh Lào Cai năm 2027",
         "Các nội dung hỗ trợ tư vấn, đào tạo, chuyển đổi số và tiếp cận tín dụng cho doanh "
         "nghiệp nhỏ và vừa.",
         ["Sở Kế hoạch và Đầu tư đề nghị doanh nghiệp, hiệp hội góp ý về đối tượng, mức hỗ "
          "trợ và trình tự đề nghị hỗ trợ."],
         [("odt", "Dự thảo Kế hoạch")],
         [("Hội Doanh nhân trẻ tỉnh Lào Cai", "Mục II.2",
           "Đề nghị ưu tiên hỗ trợ chuyển đổi số cho doanh nghiệp siêu nhỏ.",
           CommentStatus.APPROVED, "")],
         [], True),
        (-90, 30, "Đầu tư", "Phòng Đầu tư",
         "Dự thảo Danh mục dự án kêu gọi đầu tư tỉnh Lào Cai năm 2027",
         "Danh mục dự án kêu gọi đầu tư trong các lĩnh vực du lịch, nông nghiệp công nghệ "
         "cao và hạ tầng.",
         ["Danh mục gồm 42 dự án với tổng vốn dự kiến hơn 60.000 tỷ đồng."],
         [("odt", "Dự thảo Danh mục")], [],
         ["Sở nhận được 12 ý kiến; bổ sung 3 dự án du lịch sinh thái theo đề nghị của các "
          "huyện."], True),
    ],
}

ENGLISH_INDEX = {
    "slug": "public-consultation", "title": "Public consultation on drafts",
    "intro": "<p>The agency asks organisations and citizens for comments on its draft "
             "documents. Each draft says what is asked, the address receiving comments and "
             "the time window. Comment on the page or by email; after the close the agency "
             "publishes a summary of the comments and its answers.</p>",
}
ENGLISH = {
    CONSULTATIONS["bql"][0][4]: {
        "slug": "draft-regulation-on-the-boards-website",
        "title": "Draft regulation on the management and use of the Board's website",
        "subject_area": "Electronic information",
        "drafting_unit": "Office of the Management Board",
        "intro": "Who provides, edits and publishes information, and the deadlines for "
                 "providing it.",
        "body": "<p>The Board asks especially for comments on the deadlines for providing "
                "information (Article 9) and on the website's consultation section "
                "(Article 7).</p>",
    },
    CONSULTATIONS["bql"][2][4]: {
        "slug": "draft-environmental-protection-plan-2026-2030",
        "title": "Draft environmental protection plan of the industrial parks 2026–2030",
        "subject_area": "Environment",
        "drafting_unit": "Environmental Management Division",
        "intro": "Objectives, tasks and measures to protect the environment of the "
                 "industrial parks from 2026 to 2030.",
        "body": "<p>Every industrial park in operation to have a central waste water "
                "treatment plant meeting the standards, with continuous automatic "
                "monitoring.</p>",
        "outcome": "<p>The Board received 5 comments (2 through the website, 3 by email) and "
                   "took 4 of them into account.</p>",
    },
}


def load_consultation_demo(context):
    agencies = context.objects.get("agencies", {})
    today = timezone.localtime(timezone.now(), OFFICE_TZ).date()
    for key, consultations in CONSULTATIONS.items():
        agency = agencies.get(key)
        if agency is None or agency.site is None:
            continue
        index_page = _index_page(agency, context)
        for spec in consultations:
            _consultation(index_page, spec, today, agency, context)
        if key == "bql":
            _english(index_page, context)



def _index_page(agency, context):
    home = agency_home(agency, context)
    index_page = ConsultationIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if index_page is None:
        # Not in the main menu, which is full at 1280 px (one row): the home page's quick
        # links (plugins.core.areas) and the site search lead here.
        index_page = ConsultationIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG,
                                           intro=INDEX_INTRO, show_in_menus=False)
        home.add_child(instance=index_page)
        index_page.save_revision().publish()
        context.note(True, f"consultation list /{INDEX_SLUG}/ of {agency.symbol}")
    return index_page


def _moment(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=OFFICE_TZ)


def _paragraphs(texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def _consultation(index_page, spec, today, agency, context):
    (days, length, area, unit, title, intro, paragraphs, files, comments, outcome,
     published) = spec
    slug = slugify(title, max_length=80)
    if ConsultationPage.objects.child_of(index_page).filter(slug=slug).exists():
        return
    first_day = today + datetime.timedelta(days=days)
    page = ConsultationPage(
        title=title, slug=slug, subject_area=area, drafting_unit=unit, intro=intro,
        body=_paragraphs(paragraphs), email=agency.email or "gopy@example.gov.vn",
        opens=_moment(first_day, 8),
        closes=_moment(first_day + datetime.timedelta(days=length), 17),
        outcome=_paragraphs(outcome), publish_answers=bool(outcome), live=False,
    )
    for kind, file_title in files:
        page.draft_files.add(DraftFile(
            title=file_title,
            document=_document(file_title, title, [intro, *paragraphs], kind, agency)))
    index_page.add_child(instance=page)
    revision = page.save_revision()
    if published:
        revision.publish()
    received = _moment(first_day + datetime.timedelta(days=1), 9)
    for number, (name, section, text, status, answer) in enumerate(comments):
        Comment.objects.create(
            agency=agency, page=page, name=name, section=section, text=text, status=status,
            answer=answer, email=f"gopy{number + 1}@example.com",
            phone=f"0912 000 00{number}", received_at=received + datetime.timedelta(hours=number),
            moderated_at=None if status == CommentStatus.PENDING else received)
    context.note(True, f"consultation {title[:60]}{'' if published else ' (draft)'}")


def _document(title, consultation_title, paragraphs, kind, agency):
    """A real ODT (odfdo) or Word file (python-docx) of the draft, stored as a Document."""
    content = (_odt if kind == "odt" else _docx)([title.upper(), consultation_title,
                                                  *paragraphs])
    Document = get_document_model()
    document = Document(title=f"{title} – {consultation_title}"[:255],
                        collection=Collection.get_first_root_node())
    name = slugify(f"{agency.symbol} {title} {consultation_title}", max_length=70)
    document.file.save(f"{name}.{kind}", ContentFile(content), save=False)
    document.save()
    return document


def _odt(paragraphs):
    from odfdo import Document, Paragraph

    odt = Document("text")
    odt.body.clear()
    for text in paragraphs:
        odt.body.append(Paragraph(text))
    buffer = io.BytesIO()
    odt.save(buffer)
    return buffer.getvalue()


def _docx(paragraphs):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _english(index_page, context):
    english, _created = Locale.objects.get_or_create(language_code="en")
    home = index_page.get_parent().specific
    if home.get_translation_or_none(english) is None:
        translate_page(home, english, context)
    english_index = translate_page(index_page.specific, english, context, **ENGLISH_INDEX)
    for page in ConsultationPage.objects.child_of(index_page).live().filter(title__in=ENGLISH):
        translate_page(page, english, context, **ENGLISH[page.title])
    return english_index
