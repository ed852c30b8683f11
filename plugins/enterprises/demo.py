"""Demo enterprise directories of both demo agencies (seed 000 Đ4.2a; seed 001 Đ7.2g, Đ8.4),
at /doanh-nghiep/, and the first agency's in English (/en/enterprises/).

The enterprises are made up (names, people, contacts; the tax codes have valid check digits
but belong to nobody known); the zones are the provinces' real industrial zones and
clusters. One enterprise of each agency is kept in the admin only, to show that it is never
public. The Lào Cai department's data is dated four months back, so that the editorial
board's periodic review shows its directory overdue. Idempotent: records are found by tax
code, pages by slug.
"""

import datetime

from django.utils import timezone
from stdnum.vn import mst
from wagtail.models import Locale

from plugins.core.demo import agency_home, translate_page
from plugins.enterprises.models import (
    Enterprise,
    EnterpriseDirectoryPage,
    EnterpriseRegister,
    EnterpriseStatus,
    Industry,
    Zone,
)

SLUG = "doanh-nghiep"
TITLE = "Doanh nghiệp"
INTRO = (
    "<p>Danh sách các doanh nghiệp đang hoạt động trong các khu, cụm công nghiệp: tên, mã số "
    "thuế, địa chỉ, ngành nghề, người đại diện theo pháp luật và thông tin liên hệ của doanh "
    "nghiệp. Tìm kiếm không cần gõ dấu; tải danh sách về dạng CSV, XLSX hoặc ODS.</p>"
)
ENGLISH = {
    "slug": "enterprises", "title": "Enterprises",
    "intro": "<p>The enterprises operating in the industrial zones and clusters: name, tax "
             "code, address, field of business, legal representative and the enterprise's "
             "contacts. Search without accents; download the list as CSV, XLSX or ODS.</p>",
}

INDUSTRIES = ["Dệt may, da giày", "Chế biến nông sản, thực phẩm", "Cơ khí, chế tạo",
              "Điện, điện tử", "Hóa chất, phân bón", "Vật liệu xây dựng",
              "Kho bãi, logistics", "Khai khoáng, luyện kim"]

ZONES = {
    "bql": ["Khu công nghiệp Mỹ Tho", "Khu công nghiệp Tân Hương", "Khu công nghiệp Long Giang",
            "Cụm công nghiệp Trung An"],
    "skh": ["Khu công nghiệp Đông Phố Mới", "Khu công nghiệp Bắc Duyên Hải",
            "Khu công nghiệp Tằng Loỏng"],
}

# (tax code's first 9 digits, branch, name, English name, short name, zone, industry,
#  representative, phone, registered (y, m, d), status, products, published)
ENTERPRISES = {
    "bql": [
        ("120100101", "", "Công ty TNHH May mặc Phương Nam Mỹ Tho",
         "Phuong Nam My Tho Garment Co., Ltd.", "PHUONGNAM GARMENT", 0, 0, "Trần Thị Mỹ Hạnh",
         "0273 3851 201", (2012, 3, 15), EnterpriseStatus.OPERATING,
         "Áo sơ mi, quần âu và đồng phục xuất khẩu sang Nhật Bản và châu Âu.", True),
        ("120100112", "", "Công ty Cổ phần Chế biến Thủy sản Tiền Giang",
         "Tien Giang Seafood Processing JSC", "TG SEAFOOD", 0, 1, "Lê Văn Phước",
         "0273 3851 305", (2009, 7, 1), EnterpriseStatus.OPERATING,
         "Cá tra phi lê đông lạnh, tôm chế biến; kho lạnh 5.000 tấn.", True),
        ("120100103", "", "Công ty TNHH Cơ khí Chính xác Đồng Tâm",
         "Dong Tam Precision Engineering Co., Ltd.", "", 1, 2, "Nguyễn Hữu Đức",
         "0273 3953 118", (2016, 11, 20), EnterpriseStatus.OPERATING,
         "Khuôn mẫu, chi tiết máy gia công CNC, kết cấu thép.", True),
        ("120100104", "", "Công ty TNHH Giày Da Tân Hương", "Tan Huong Footwear Co., Ltd.",
         "TANHUONG FOOTWEAR", 1, 0, "Phạm Quốc Bảo", "0273 3953 240", (2014, 5, 6),
         EnterpriseStatus.OPERATING, "Giày thể thao, giày da xuất khẩu.", True),
        ("120100105", "", "Công ty Cổ phần Phân bón Hữu cơ Mê Kông",
         "Mekong Organic Fertilizer JSC", "MEKONG FERT", 1, 4, "Võ Thị Thu Trang",
         "0273 3953 377", (2018, 2, 12), EnterpriseStatus.SUSPENDED,
         "Phân bón hữu cơ vi sinh từ phụ phẩm nông nghiệp.", True),
        ("120100106", "", "Công ty TNHH Điện tử Long Giang Việt Nam",
         "Long Giang Electronics Vietnam Co., Ltd.", "LGE VIETNAM", 2, 3, "Hoàng Minh Tuấn",
         "0273 3600 512", (2019, 9, 9), EnterpriseStatus.OPERATING,
         "Bảng mạch điện tử, dây dẫn điện cho ô tô và xe máy.", True),
        ("120100107", "", "Công ty TNHH Vật liệu Xây dựng Tân Phước",
         "Tan Phuoc Building Materials Co., Ltd.", "", 2, 5, "Đặng Văn Lộc", "0273 3600 618",
         (2015, 4, 22), EnterpriseStatus.OPERATING, "Gạch không nung, bê tông tươi.", True),
        ("120100108", "", "Công ty Cổ phần Kho vận Sông Tiền",
         "Song Tien Logistics JSC", "STL", 2, 6, "Bùi Thanh Sơn", "0273 3600 733",
         (2020, 1, 17), EnterpriseStatus.OPERATING,
         "Kho ngoại quan, vận tải container đường bộ và đường thủy.", True),
        ("120100109", "", "Công ty TNHH Chế biến Trái cây Trung An",
         "Trung An Fruit Processing Co., Ltd.", "", 3, 1, "Huỳnh Thị Ngọc Lan",
         "0273 3877 045", (2011, 8, 30), EnterpriseStatus.DISSOLVED,
         "Nước ép, trái cây sấy (đã giải thể năm 2024).", True),
        ("120100110", "", "Công ty TNHH Thực phẩm Xanh Mỹ Tho",
         "My Tho Green Foods Co., Ltd.", "", 0, 1, "Lý Thanh Hà", "0273 3851 490",
         (2026, 10, 5), EnterpriseStatus.OPERATING,
         "Hồ sơ đang đối chiếu với đăng ký kinh doanh, chưa công bố.", False),
    ],
    "skh": [
        ("530100201", "", "Công ty Cổ phần Phân lân Nung chảy Lào Cai",
         "Lao Cai Fused Phosphate Fertilizer JSC", "LAPHOFE", 1, 4, "Nguyễn Văn Khánh",
         "0214 3852 101", (2008, 6, 10), EnterpriseStatus.OPERATING,
         "Phân lân nung chảy, phân NPK.", True),
        ("530100202", "", "Công ty TNHH Luyện kim Tằng Loỏng",
         "Tang Loong Metallurgy Co., Ltd.", "", 2, 7, "Lương Đức Thịnh", "0214 3860 220",
         (2013, 12, 2), EnterpriseStatus.OPERATING, "Phôi đồng, axit sunfuric.", True),
        ("530100203", "", "Công ty TNHH Nông sản Sạch Bắc Hà",
         "Bac Ha Clean Produce Co., Ltd.", "", 0, 1, "Vàng Thị Mai", "0214 3830 315",
         (2021, 3, 25), EnterpriseStatus.OPERATING,
         "Mận, rau ôn đới và dược liệu sơ chế, đóng gói.", True),
        ("530100204", "", "Công ty Cổ phần Logistics Cửa khẩu Kim Thành",
         "Kim Thanh Border Gate Logistics JSC", "KTL", 1, 6, "Phan Anh Tú", "0214 3770 404",
         (2017, 10, 18), EnterpriseStatus.OPERATING,
         "Kho bãi, thủ tục hải quan và vận tải hàng hóa qua cửa khẩu.", True),
        ("530100205", "", "Công ty TNHH Gạch Tuynel Đông Phố Mới",
         "Dong Pho Moi Tunnel Brick Co., Ltd.", "", 0, 5, "Đỗ Văn Hùng", "0214 3840 512",
         (2010, 5, 5), EnterpriseStatus.SUSPENDED, "Gạch nung tuynel.", True),
        ("530100206", "", "Công ty TNHH Dệt may Sa Pa", "Sa Pa Textile Co., Ltd.", "", 1, 0,
         "Lù Thị Sâm", "0214 3871 620", (2026, 9, 1), EnterpriseStatus.OPERATING,
         "Thổ cẩm, hàng may mặc thủ công (chưa công bố).", False),
    ],
}
STALE_DAYS = {"skh": 120}  # the board shows this directory overdue (3 months)


def tax_code(first_nine, branch=""):
    """``first_nine`` digits completed with their check digit (and a branch); ValueError for
    the one prefix in eleven that no check digit completes."""
    for digit in "0123456789":
        if mst.is_valid(first_nine + digit):
            return first_nine + digit + branch
    raise ValueError(first_nine)


def _slug(text):
    from plugins.core.text import slugify

    return slugify(text, max_length=40)


def load_enterprises_demo(context):
    agencies = context.objects.get("agencies", {})
    industries = [_entry(Industry, None, name, index, context)
                  for index, name in enumerate(INDUSTRIES)]
    for key, rows in ENTERPRISES.items():
        agency = agencies.get(key)
        if agency is None or agency.site is None:
            continue
        zones = [_entry(Zone, agency, name, index, context)
                 for index, name in enumerate(ZONES[key])]
        for row in rows:
            _enterprise(agency, row, zones, industries, context)
        if key in STALE_DAYS:
            EnterpriseRegister.objects.filter(agency=agency).update(
                updated_at=timezone.now() - datetime.timedelta(days=STALE_DAYS[key]))
        page = _page(agency, context)
        if key == "bql":
            english, _created = Locale.objects.get_or_create(language_code="en")
            home = page.get_parent().specific
            if home.get_translation_or_none(english) is None:
                translate_page(home, english, context)
            translate_page(page, english, context, **ENGLISH)


def _entry(model, agency, name, index, context):
    entry, created = model.objects.get_or_create(agency=agency, name=name,
                                                 defaults={"sort_order": (index + 1) * 10})
    context.note(created, f"{model._meta.verbose_name} {name}")
    return entry


def _enterprise(agency, row, zones, industries, context):
    (first_nine, branch, name, english_name, short_name, zone, industry, representative,
     phone, registered, status, products, published) = row
    code = tax_code(first_nine, branch)
    if Enterprise.objects.filter(agency=agency, tax_code=code).exists():
        return
    domain = f"{_slug(english_name.split(' Co.,')[0].split(' JSC')[0]).replace('-', '')}"
    enterprise = Enterprise(
        agency=agency, name=name, english_name=english_name, short_name=short_name,
        tax_code=code, zone=zones[zone], industry=industries[industry],
        address=f"Lô {first_nine[-2:]}, {zones[zone].name}",
        legal_representative=representative, phone=phone,
        email=f"lienhe@{domain}.example.vn", website=f"https://{domain}.example.vn",
        registered_on=datetime.date(*registered), status=status, products=products,
        is_published=published,
    )
    enterprise.full_clean()
    enterprise.save()
    context.note(True, f"enterprise {name}{'' if published else ' (admin only)'}")



def _page(agency, context):
    home = agency_home(agency, context)
    page = EnterpriseDirectoryPage.objects.child_of(home).filter(slug=SLUG).first()
    if page is None:
        page = EnterpriseDirectoryPage(title=TITLE, slug=SLUG, intro=INTRO)
        home.add_child(instance=page)
        page.save_revision().publish()
        context.note(True, f"enterprise directory /{SLUG}/ of {agency.symbol}")
    return page
