"""Demo pages of the reference site: home, introduction, news, party and union news,
regulations, weblinks, contact.

Idempotent: pages are found by slug under each agency's home page and left alone when
they exist. Text comes from the seed regulations (real documents) where content is needed.
"""

import datetime

from django.utils.html import escape
from wagtail.models import Page

from plugins.core.demo import seed_text
from plugins.core.text import slugify
from portal.models import (
    ArticleIndexPage,
    ArticleKind,
    ArticlePage,
    ContactPage,
    HomePage,
    OrganisationPage,
    StandardPage,
    Topic,
    Weblink,
    WeblinksPage,
)

TOPICS = [
    "Đầu tư", "Doanh nghiệp", "Môi trường", "Quy hoạch - Xây dựng", "Lao động",
    "Cải cách hành chính", "Chuyển đổi số",
]

SEED_PAGES = [
    # (seed file, page title, summary)
    ("seed_000.txt", "Quy chế quản lý, sử dụng Trang thông tin điện tử",
     "Quyết định số 29/QĐ-BQL ngày 20/3/2018 của Trưởng ban Ban Quản lý các Khu công "
     "nghiệp Tiền Giang."),
]

ARTICLES = [
    # (days before the reference date, kind, topic, title, summary, author, unit key)
    (1, ArticleKind.NEWS, "Đầu tư",
     "Khu công nghiệp Long Giang thu hút thêm hai dự án sản xuất linh kiện điện tử",
     "Hai dự án với tổng vốn đăng ký 45 triệu đô la Mỹ được cấp Giấy chứng nhận đăng ký đầu tư "
     "trong tháng, nâng tỷ lệ lấp đầy của khu công nghiệp lên 82%.",
     "Bùi Quốc Việt", "qldt"),
    (3, ArticleKind.NEWS, "Cải cách hành chính",
     "Tiếp nhận hồ sơ điều chỉnh dự án đầu tư qua dịch vụ công trực tuyến toàn trình",
     "Từ ngày 01 của tháng, nhà đầu tư nộp hồ sơ điều chỉnh dự án hoàn toàn trực tuyến và nhận "
     "kết quả điện tử; thời gian giải quyết rút ngắn còn 10 ngày làm việc.",
     "Lê Minh Đức", "vp"),
    (6, ArticleKind.EVENT, "Doanh nghiệp",
     "Hội nghị đối thoại với doanh nghiệp các khu công nghiệp năm 2026",
     "Ban Quản lý tổ chức đối thoại, giải đáp 27 kiến nghị của doanh nghiệp về thủ tục đầu tư, "
     "lao động, phòng cháy chữa cháy và hạ tầng giao thông kết nối.",
     "Trần Thị Mỹ Hạnh", "lanhdao"),
    (9, ArticleKind.NEWS, "Môi trường",
     "Kiểm tra công tác bảo vệ môi trường tại Khu công nghiệp Mỹ Tho",
     "Đoàn kiểm tra liên ngành đánh giá hệ thống xử lý nước thải tập trung đạt quy chuẩn; đề nghị "
     "03 doanh nghiệp hoàn thiện hồ sơ quan trắc định kỳ.",
     "Huỳnh Ngọc Diễm", "qlmt"),
    (12, ArticleKind.NEWS, "Lao động",
     "Phiên giao dịch việc làm cho người lao động tại Khu công nghiệp Tân Hương",
     "Gần 1.200 vị trí việc làm được 35 doanh nghiệp giới thiệu, ưu tiên lao động có tay nghề "
     "trong ngành may mặc, chế biến thủy sản và cơ khí.",
     "Đặng Xuân Phong", "qldn"),
    (15, ArticleKind.STAFF_ARTICLE, "Chuyển đổi số",
     "Ứng dụng văn bản điện tử trong xử lý công việc tại Ban Quản lý",
     "Bài viết trao đổi kinh nghiệm sử dụng văn bản điện tử thay văn bản giấy, tiết kiệm chi phí "
     "in ấn và rút ngắn thời gian luân chuyển hồ sơ giữa các phòng.",
     "Võ Hoàng Nam", "vp"),
    (20, ArticleKind.NEWS, "Quy hoạch - Xây dựng",
     "Công bố điều chỉnh quy hoạch chi tiết Khu công nghiệp Long Giang",
     "Điều chỉnh cục bộ quy hoạch chi tiết tỷ lệ 1/2000 bổ sung đất cây xanh và bãi đỗ xe tập "
     "trung; hồ sơ được niêm yết công khai tại trụ sở Ban Quản lý.",
     "Bùi Quốc Việt", "qhxd"),
    (26, ArticleKind.RESEARCH, "Đầu tư",
     "Giải pháp nâng cao hiệu quả thu hút đầu tư vào các khu công nghiệp của tỉnh",
     "Nghiên cứu phân tích cơ cấu ngành nghề, tỷ lệ lấp đầy và đề xuất các giải pháp thu hút "
     "dự án công nghệ cao, thân thiện môi trường.",
     "Trần Thị Mỹ Hạnh", "lanhdao"),
    (33, ArticleKind.NEWS, "Doanh nghiệp",
     "Tập huấn pháp luật về lao động cho doanh nghiệp khu công nghiệp",
     "Hơn 150 cán bộ phụ trách nhân sự được phổ biến các quy định mới về hợp đồng lao động, "
     "tiền lương và bảo hiểm xã hội.",
     "Đặng Xuân Phong", "qldn"),
    (41, ArticleKind.NEWS, "Cải cách hành chính",
     "Ban Quản lý công bố bộ thủ tục hành chính cập nhật năm 2026",
     "Bộ thủ tục gồm 42 thủ tục thuộc các lĩnh vực đầu tư, lao động, xây dựng và môi trường, kèm "
     "biểu mẫu điện tử tải về tại mục Thủ tục hành chính.",
     "Lê Minh Đức", "vp"),
    (48, ArticleKind.NEWS, "Môi trường",
     "Trồng 2.000 cây xanh hưởng ứng Tết trồng cây tại các khu công nghiệp",
     "Công đoàn cơ sở phối hợp doanh nghiệp trồng cây xanh dọc các tuyến đường nội bộ Khu công "
     "nghiệp Mỹ Tho và Tân Hương.",
     "Huỳnh Ngọc Diễm", "qlmt"),
    (57, ArticleKind.EVENT, "Chuyển đổi số",
     "Hội thảo chuyển đổi số trong quản lý khu công nghiệp",
     "Hội thảo giới thiệu mô hình văn phòng điện tử liên thông, thư điện tử công vụ và cơ sở dữ "
     "liệu doanh nghiệp dùng chung.",
     "Võ Hoàng Nam", "vp"),
]

REFERENCE_DATE = datetime.date(2026, 11, 20)

# Party and union news (tin Đảng, đoàn thể; R-SITE-7, seed 002 Đ3.10, seed 000 Đ7.1):
# a section of the news, another article list, per agency.
PARTY_NEWS_SLUG = "tin-dang-doan-the"
PARTY_NEWS = {
    # agency key → [(days before the reference date, title, summary, author, unit key)]
    "bql": [
        (4, "Chi bộ Ban Quản lý sinh hoạt chuyên đề học tập và làm theo tư tưởng, đạo đức, "
            "phong cách Hồ Chí Minh",
         "Đảng viên Chi bộ thảo luận chuyên đề về trách nhiệm nêu gương của cán bộ, đảng viên "
         "trong cải cách thủ tục hành chính và phục vụ doanh nghiệp.",
         "Lê Minh Đức", "vp"),
        (10, "Công đoàn cơ sở Ban Quản lý thăm hỏi, tặng quà công nhân có hoàn cảnh khó khăn",
         "120 suất quà được trao cho công nhân lao động các khu công nghiệp có hoàn cảnh khó "
         "khăn, với tổng giá trị 60 triệu đồng do đoàn viên và doanh nghiệp đóng góp.",
         "Đặng Xuân Phong", "qldn"),
        (18, "Đoàn Thanh niên ra quân Ngày Chủ nhật xanh tại Khu công nghiệp Mỹ Tho",
         "Đoàn viên thanh niên Ban Quản lý và các doanh nghiệp dọn vệ sinh, trồng cây xanh dọc "
         "tuyến đường nội bộ khu công nghiệp.",
         "Võ Hoàng Nam", "vp"),
    ],
    "skh": [
        (5, "Đảng bộ Sở triển khai nghị quyết chuyên đề về cải thiện môi trường đầu tư",
         "Hội nghị quán triệt nghị quyết và giao nhiệm vụ cho từng chi bộ trong việc rút ngắn "
         "thời gian giải quyết thủ tục đầu tư, đăng ký doanh nghiệp.",
         "Hoàng Văn Bình", "bgd"),
        (30, "Công đoàn Sở tổ chức giải bóng chuyền chào mừng ngày thành lập Công đoàn Việt Nam",
         "Sáu đội bóng của các phòng, đơn vị tham gia giải, góp phần nâng cao đời sống tinh "
         "thần của đoàn viên công đoàn.",
         "Lý Thị Mai", "vp"),
    ],
}

# The weblinks directory (danh bạ weblinks; R-SITE-7, seed 002 Đ3.8): (group, title, URL).
WEBLINKS_SLUG = "lien-ket-website"
WEBLINKS = [
    ("Cơ quan Trung ương", "Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn/", ""),
    ("Cơ quan Trung ương", "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/",
     "Nộp hồ sơ, tra cứu thủ tục hành chính trực tuyến"),
    ("Cơ quan Trung ương", "Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn/",
     ""),
    ("Cơ quan Trung ương", "Bộ Tài chính", "https://mof.gov.vn/", ""),
    ("Đảng, đoàn thể", "Báo Điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn/", ""),
    ("Đảng, đoàn thể", "Tổng Liên đoàn Lao động Việt Nam", "https://congdoan.vn/", ""),
    ("Đảng, đoàn thể", "Trung ương Đoàn TNCS Hồ Chí Minh", "https://doanthanhnien.vn/", ""),
]
LOCAL_WEBLINKS = {
    "bql": ("Cổng Thông tin điện tử tỉnh Tiền Giang", "https://tiengiang.gov.vn/"),
    "skh": ("Cổng Thông tin điện tử tỉnh Lào Cai", "https://laocai.gov.vn/"),
}


def load_portal_demo(context):
    topics = {}
    for name in TOPICS:
        topics[name], created = Topic.objects.get_or_create(
            slug=slugify(name), defaults={"name": name}
        )
        context.note(created, f"topic {name}")
    for key, agency in context.objects.get("agencies", {}).items():
        home = _ensure_home(agency, context)
        _ensure_child(home, OrganisationPage, "gioi-thieu", context, title="Giới thiệu",
                      show_in_menus=True, intro=_organisation_intro(agency))
        news = _ensure_child(home, ArticleIndexPage, "tin-tuc", context, title="Tin tức - Sự kiện",
                             show_in_menus=True)
        if key == "bql":
            _ensure_articles(news, topics, context.objects["units"][key], context)
            for seed, title, summary in SEED_PAGES:
                _ensure_child(home, StandardPage, slugify(title), context, title=title,
                              summary=summary, body=_seed_html(seed), show_in_menus=True)
        party_news = _ensure_child(home, ArticleIndexPage, PARTY_NEWS_SLUG, context,
                                   title="Tin Đảng, đoàn thể", show_in_menus=True)
        _ensure_party_news(party_news, PARTY_NEWS.get(key, []), context.objects["units"][key],
                           agency, context)
        _ensure_child(home, WeblinksPage, WEBLINKS_SLUG, context, title="Liên kết website",
                      intro="<p>Danh bạ trang thông tin điện tử của các cơ quan nhà nước, "
                            "tổ chức Đảng và đoàn thể.</p>",
                      weblinks=_weblinks(key))
        _ensure_child(home, ContactPage, "lien-he", context, title="Liên hệ", show_in_menus=True,
                      intro="<p>Mọi ý kiến, kiến nghị xin gửi về địa chỉ dưới đây.</p>")


def _ensure_home(agency, context):
    site = agency.site
    root = site.root_page.specific
    if isinstance(root, HomePage):
        return root
    slug = f"trang-chu-{agency.symbol.lower()}"
    home = HomePage.objects.filter(slug=slug).first()
    if home is None:
        home = HomePage(
            title=agency.name, slug=slug,
            intro=f"<p>Chào mừng bạn đến với Cổng thông tin điện tử của {escape(agency.name)}.</p>",
        )
        Page.get_first_root_node().add_child(instance=home)
        context.note(True, f"home page of {agency.symbol}")
    site.root_page = home
    site.save()
    return home


def _ensure_child(parent, model, slug, context, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        context.note(True, f"page /{slug}/ ({model._meta.verbose_name})")
    return page


def _ensure_articles(index_page, topics, units, context):
    for days, kind, topic, title, summary, author, unit_key in ARTICLES:
        body = "".join(f"<p>{escape(part)}</p>" for part in [summary, _ARTICLE_BODY])
        _ensure_child(
            index_page, ArticlePage, slugify(title), context,
            title=title, kind=kind, topic=topics[topic], summary=summary, body=body,
            author_name=author, unit=units[unit_key],
            date=REFERENCE_DATE - datetime.timedelta(days=days),
            source="Ban Quản lý các Khu công nghiệp Tiền Giang",
        )


def _ensure_party_news(index_page, articles, units, agency, context):
    for days, title, summary, author, unit_key in articles:
        _ensure_child(
            index_page, ArticlePage, slugify(title), context,
            title=title, kind=ArticleKind.NEWS, summary=summary,
            body=f"<p>{escape(summary)}</p>", author_name=author, unit=units.get(unit_key),
            date=REFERENCE_DATE - datetime.timedelta(days=days), source=agency.name,
        )


def _weblinks(key):
    local_title, local_url = LOCAL_WEBLINKS.get(key, LOCAL_WEBLINKS["bql"])
    rows = [*WEBLINKS[:4], ("Địa phương", local_title, local_url, ""), *WEBLINKS[4:]]
    return [Weblink(category=group, title=title, url=url, description=description)
            for group, title, url, description in rows]


_ARTICLE_BODY = (
    "Ban Quản lý các Khu công nghiệp Tiền Giang đề nghị các doanh nghiệp, nhà đầu tư theo dõi "
    "thông tin trên Trang thông tin điện tử và liên hệ Văn phòng Ban để được hướng dẫn cụ thể."
)


def _organisation_intro(agency):
    return (
        f"<p>{escape(agency.name)} là cơ quan trực thuộc Ủy ban nhân dân tỉnh, thực hiện chức "
        "năng quản lý nhà nước trực tiếp đối với các khu công nghiệp trên địa bàn tỉnh theo quy "
        "định của pháp luật.</p>"
    )


def _seed_html(filename):
    text = seed_text(int(filename.removeprefix("seed_").removesuffix(".txt")))
    paragraphs = [p.strip().strip("*#").strip() for p in text.split("\n") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
