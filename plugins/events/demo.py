"""Demo conferences, workshops and training courses of both demo agencies (R-SITE-4), at
/hoi-nghi-hoi-thao/, with their materials (an ODT agenda, a PDF/A report: open formats)
and links; the first agency's list and two of its events also in English (/en/events/).

Dates are counted from the day the demo is loaded, so that the list always has upcoming
and past events. Idempotent: pages are found by slug and left alone; one event stays a
draft, to show that a draft is never public.
"""

import datetime

from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from plugins.core.calendar import OFFICE_TZ
from plugins.core.demo import agency_home, translate_page
from plugins.core.demo_documents import demo_document
from plugins.core.text import slugify
from plugins.events.models import EventIndexPage, EventKind, EventLink, EventMaterial, EventPage

INDEX_SLUG = "hoi-nghi-hoi-thao"
INDEX_TITLE = "Hội nghị, hội thảo, tập huấn"
INDEX_INTRO = (
    "<p>Thông tin về các hội nghị, hội thảo và chương trình tập huấn của cơ quan: thời gian, "
    "địa điểm, đơn vị tổ chức; đọc trực tuyến hoặc tải về tài liệu, hoặc theo liên kết đến "
    "các trang thông tin khác. Tài liệu định dạng mở (ODF, PDF/A) được đánh dấu.</p>"
)
VANBAN = ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn/")
DVC = ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/")

# (days from today, start hour, days long, end hour, kind, title, place, organiser,
#  summary, body paragraphs, materials [(kind, title)], links, published)
EVENTS = {
    "bql": [
        (9, 8, 2, 16, EventKind.TRAINING,
         "Tập huấn pháp luật về bảo vệ môi trường cho doanh nghiệp khu công nghiệp",
         "Hội trường Ban Quản lý, Số 27 Nam Kỳ Khởi Nghĩa, thành phố Mỹ Tho",
         "Phòng Quản lý môi trường",
         "Hai ngày tập huấn về hồ sơ môi trường, quan trắc định kỳ và xử lý nước thải cho cán "
         "bộ phụ trách môi trường của các doanh nghiệp trong khu công nghiệp.",
         ["Ngày thứ nhất: các quy định mới về giấy phép môi trường và hồ sơ đánh giá tác động "
          "môi trường của dự án trong khu công nghiệp.",
          "Ngày thứ hai: quan trắc môi trường định kỳ, đấu nối nước thải vào hệ thống xử lý "
          "tập trung và báo cáo công tác bảo vệ môi trường hằng năm.",
          "Doanh nghiệp đăng ký danh sách học viên với Phòng Quản lý môi trường trước ngày tập "
          "huấn ba ngày làm việc."],
         [("odt", "Chương trình tập huấn"), ("pdf", "Tài liệu tập huấn về hồ sơ môi trường")],
         [VANBAN], True),
        (23, 8, 0, 11, EventKind.CONFERENCE,
         "Hội nghị tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027",
         "Hội trường Ban Quản lý, Số 27 Nam Kỳ Khởi Nghĩa, thành phố Mỹ Tho",
         "Văn phòng Ban Quản lý",
         "Đánh giá kết quả thu hút đầu tư, quản lý doanh nghiệp, môi trường và lao động năm "
         "2026; phát động thi đua và giao nhiệm vụ năm 2027.",
         ["Hội nghị nghe báo cáo tổng kết công tác năm, tham luận của các phòng và doanh "
          "nghiệp tiêu biểu, và khen thưởng tập thể, cá nhân có thành tích xuất sắc.",
          "Đại biểu đọc trước báo cáo tổng kết và dự thảo chương trình công tác năm 2027."],
         [("odt", "Chương trình hội nghị"), ("pdf", "Báo cáo tổng kết công tác năm 2026")],
         [], True),
        (-14, 14, 0, 17, EventKind.CONFERENCE,
         "Hội nghị đối thoại với doanh nghiệp các khu công nghiệp năm 2026",
         "Khu công nghiệp Long Giang, huyện Tân Phước",
         "Ban Quản lý các Khu công nghiệp Tiền Giang",
         "Lãnh đạo Ban Quản lý và các sở, ngành đối thoại, giải đáp 27 kiến nghị của doanh "
         "nghiệp về thủ tục đầu tư, lao động, phòng cháy chữa cháy và hạ tầng giao thông.",
         ["Các kiến nghị chưa trả lời tại hội nghị được các cơ quan chuyên môn trả lời bằng "
          "văn bản trong thời hạn 15 ngày làm việc."],
         [("pdf", "Tổng hợp kiến nghị và trả lời của các cơ quan")], [DVC], True),
        (-45, 8, 0, 11, EventKind.WORKSHOP,
         "Hội thảo chuyển đổi số trong quản lý khu công nghiệp",
         "Trung tâm Hội nghị tỉnh, thành phố Mỹ Tho",
         "Văn phòng Ban Quản lý",
         "Giới thiệu mô hình văn phòng điện tử liên thông, thư điện tử công vụ và cơ sở dữ "
         "liệu doanh nghiệp dùng chung giữa Ban Quản lý và các sở, ngành.",
         ["Các tham luận trình bày kinh nghiệm ứng dụng văn bản điện tử, chữ ký số và dịch vụ "
          "công trực tuyến toàn trình trong quản lý khu công nghiệp."],
         [("odt", "Kỷ yếu hội thảo")], [DVC], True),
        (-400, 8, 1, 16, EventKind.TRAINING,
         "Tập huấn nghiệp vụ cho biên tập viên Trang thông tin điện tử",
         "Phòng họp số 2, Ban Quản lý các Khu công nghiệp Tiền Giang",
         "Ban Biên tập Trang thông tin điện tử",
         "Kỹ năng viết tin, bài, chụp ảnh và đăng tải thông tin theo Quy chế quản lý, sử dụng "
         "Trang thông tin điện tử của Ban Quản lý.",
         ["Học viên thực hành viết tin theo thời hạn cung cấp thông tin: tin tức, sự kiện "
          "không quá 8 giờ hành chính kể từ khi diễn ra hoạt động."],
         [("odt", "Tài liệu tập huấn biên tập viên")], [], True),
        (40, 8, 0, 11, EventKind.WORKSHOP,
         "Hội thảo thu hút đầu tư công nghệ cao (dự kiến)",
         "Chưa xác định", "Phòng Quản lý đầu tư",
         "Bản nháp: chưa được duyệt đăng.", ["Nội dung đang soạn."], [], [], False),
    ],
    "skh": [
        (12, 8, 0, 17, EventKind.CONFERENCE,
         "Hội nghị xúc tiến đầu tư tỉnh Lào Cai năm 2027",
         "Trung tâm Hội nghị tỉnh, Đại lộ Trần Hưng Đạo, thành phố Lào Cai",
         "Sở Kế hoạch và Đầu tư tỉnh Lào Cai",
         "Giới thiệu danh mục dự án kêu gọi đầu tư, trao quyết định chủ trương đầu tư và ký "
         "kết biên bản ghi nhớ với các nhà đầu tư.",
         ["Nhà đầu tư quan tâm đăng ký tham dự với Phòng Đầu tư trước ngày hội nghị."],
         [("pdf", "Danh mục dự án kêu gọi đầu tư năm 2027"), ("odt", "Chương trình hội nghị")],
         [DVC], True),
        (-20, 8, 1, 16, EventKind.TRAINING,
         "Tập huấn đăng ký doanh nghiệp qua mạng điện tử",
         "Hội trường Sở Kế hoạch và Đầu tư, thành phố Lào Cai",
         "Phòng Đăng ký kinh doanh",
         "Hướng dẫn doanh nghiệp, hộ kinh doanh nộp hồ sơ đăng ký qua Cổng thông tin quốc gia "
         "về đăng ký doanh nghiệp, sử dụng chữ ký số và tài khoản định danh điện tử.",
         ["Học viên thực hành nộp hồ sơ thành lập doanh nghiệp và thay đổi nội dung đăng ký."],
         [("odt", "Tài liệu hướng dẫn đăng ký qua mạng")], [DVC], True),
        (-60, 8, 0, 11, EventKind.WORKSHOP,
         "Hội thảo cải thiện chỉ số năng lực cạnh tranh cấp tỉnh",
         "Khách sạn Sapa Jade Hill, thị xã Sa Pa", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai",
         "Phân tích các chỉ số thành phần PCI và đề xuất giải pháp cải thiện môi trường "
         "kinh doanh của tỉnh.",
         ["Các sở, ngành và hiệp hội doanh nghiệp thảo luận nhóm theo từng chỉ số thành phần."],
         [("pdf", "Báo cáo phân tích chỉ số PCI")], [], True),
    ],
}

# English versions of the first agency's list and two of its events (title → fields).
ENGLISH_INDEX = {
    "slug": "events", "title": "Conferences, workshops and training",
    "intro": "<p>The agency's conferences, workshops and training courses: when, where and "
             "who organises them; their materials to read online or download, or links to "
             "other websites. Materials in open formats (ODF, PDF/A) are marked.</p>",
}
ENGLISH_EVENTS = {
    EVENTS["bql"][0][5]: {
        "slug": "environmental-law-training-for-industrial-park-enterprises",
        "title": "Environmental law training for industrial park enterprises",
        "summary": "Two days of training on environmental permits, periodic monitoring and "
                   "waste water treatment for the environmental officers of the enterprises "
                   "of the industrial parks.",
        "place": "Hall of the Management Board, 27 Nam Ky Khoi Nghia, My Tho City",
        "organiser": "Environmental Management Division",
        "body": "<p>Enterprises register their participants with the Environmental Management "
                "Division three working days before the course.</p>",
    },
    EVENTS["bql"][2][5]: {
        "slug": "dialogue-with-industrial-park-enterprises-2026",
        "title": "Dialogue conference with industrial park enterprises 2026",
        "summary": "The Board's leaders and the provincial departments answered 27 questions "
                   "of enterprises on investment procedures, labour, fire safety and roads.",
        "place": "Long Giang Industrial Park, Tan Phuoc District",
        "organiser": "Management Board of Tien Giang Industrial Zones",
        "body": "<p>Questions not answered at the conference are answered in writing within "
                "15 working days.</p>",
    },
}


def load_events_demo(context):
    agencies = context.objects.get("agencies", {})
    today = timezone.localtime(timezone.now(), OFFICE_TZ).date()
    for key, events in EVENTS.items():
        agency = agencies.get(key)
        if agency is None or agency.site is None:
            continue
        index_page = _index_page(agency, context)
        for spec in events:
            _event(index_page, spec, today, agency, context)
        if key == "bql":
            _english(index_page, context)



def _index_page(agency, context):
    home = agency_home(agency, context)
    index_page = EventIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if index_page is None:
        index_page = EventIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO,
                                    show_in_menus=True)
        home.add_child(instance=index_page)
        index_page.save_revision().publish()
        context.note(True, f"event list /{INDEX_SLUG}/ of {agency.symbol}")
    return index_page


def _moment(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=OFFICE_TZ)


def _event(index_page, spec, today, agency, context):
    (days, start_hour, length, end_hour, kind, title, place, organiser, summary, paragraphs,
     materials, links, published) = spec
    slug = slugify(title, max_length=80)
    if EventPage.objects.child_of(index_page).filter(slug=slug).exists():
        return
    first_day = today + datetime.timedelta(days=days)
    page = EventPage(
        title=title, slug=slug, kind=kind, place=place, organiser=organiser, summary=summary,
        start=_moment(first_day, start_hour),
        end=_moment(first_day + datetime.timedelta(days=length), end_hour),
        body="".join(f"<p>{escape(text)}</p>" for text in paragraphs), live=False,
    )
    for material_kind, material_title in materials:
        page.materials.add(EventMaterial(
            title=material_title,
            document=_document(material_title, title, [summary, *paragraphs], material_kind,
                               agency)))
    for link_title, url in links:
        page.links.add(EventLink(title=link_title, url=url))
    index_page.add_child(instance=page)
    revision = page.save_revision()
    if published:
        revision.publish()
    context.note(True, f"event {title[:60]}{'' if published else ' (draft)'}")


def _document(title, event_title, paragraphs, kind, agency):
    """A real ODT or PDF/A of the material (core's demo documents)."""
    return demo_document(f"{title} – {event_title}", [event_title, *paragraphs], kind,
                         name=f"{agency.symbol} {title} {event_title}")


def _english(index_page, context):
    english, _created = Locale.objects.get_or_create(language_code="en")
    home = index_page.get_parent().specific
    if home.get_translation_or_none(english) is None:
        translate_page(home, english, context)
    english_index = translate_page(index_page.specific, english, context, **ENGLISH_INDEX)
    for event in EventPage.objects.child_of(index_page).live().filter(title__in=ENGLISH_EVENTS):
        translate_page(event, english, context, **ENGLISH_EVENTS[event.title])
    return english_index

