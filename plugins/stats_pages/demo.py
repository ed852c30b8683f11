"""Demo statistics at /thong-ke/ for both demo agencies: a land price table (seed 002 Đ3.11)
and the provincial competitiveness index by year (seed 001 Đ3.3, Đ7.3), with English
versions where the agency's site has English (the first agency).

The figures are illustrative, laid out as the published tables are (the provincial land
price table; VCCI's PCI scores and ranks), and each page says so in its source: the demo
must not pass for official figures. The tables go through the same checks as an editor's
upload. Idempotent: an index or a page that exists (by slug) is left alone.
"""

from wagtail.models import Locale

from plugins.core.demo import agency_home, translate_page
from plugins.stats_pages.models import ChartType, StatisticsIndexPage, StatisticsPage, Topic
from plugins.stats_pages.tables import check_dataset

ILLUSTRATIVE_VI = "Số liệu minh họa cho bản trình diễn"
ILLUSTRATIVE_EN = "Illustrative figures for the demonstration"
PCI_NOTES_VI = (
    "<p>Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) do Liên đoàn Thương mại và Công nghiệp Việt "
    "Nam (VCCI) công bố hằng năm, đánh giá chất lượng điều hành kinh tế của chính quyền tỉnh "
    "qua 10 chỉ số thành phần. Số liệu trên trang này là số liệu minh họa; số liệu chính thức "
    "xem tại trang PCI của VCCI.</p>")
PCI_NOTES_EN = (
    "<p>The Provincial Competitiveness Index (PCI) is published every year by the Vietnam "
    "Chamber of Commerce and Industry (VCCI) and rates the economic governance of each "
    "province through ten sub-indices. The figures on this page are illustrative; see VCCI's "
    "PCI website for the official ones.</p>")
LAND_NOTES_VI = (
    "<p>Giá đất ở tại đô thị theo vị trí: vị trí 1 là thửa đất mặt tiền đường; vị trí 2, 3, 4 "
    "là thửa đất trong hẻm, theo độ rộng và khoảng cách tới đường chính. Số liệu trên trang "
    "này là số liệu minh họa, trình bày theo cấu trúc của bảng giá đất do Ủy ban nhân dân "
    "tỉnh ban hành.</p>")
LAND_NOTES_EN = (
    "<p>Urban residential land prices by position: position 1 is a plot on the street front; "
    "positions 2, 3 and 4 are plots in alleys, by their width and distance from the street. "
    "The figures on this page are illustrative, laid out as the land price table issued by "
    "the Provincial People's Committee.</p>")

PCI_HEADERS_VI = ["Năm", "Điểm PCI", "Xếp hạng"]
PCI_HEADERS_EN = ["Year", "PCI score", "Rank"]
LAND_HEADERS_VI = ["Tuyến đường", "Vị trí 1", "Vị trí 2", "Vị trí 3", "Vị trí 4"]
LAND_HEADERS_EN = ["Street", "Position 1", "Position 2", "Position 3", "Position 4"]

AGENCY_DATA = {
    "bql": {
        "province": "Tiền Giang",
        "province_en": "Tien Giang",
        "pci": [("2015", "59,21", "28"), ("2016", "60,05", "26"), ("2017", "62,47", "24"),
                ("2018", "63,12", "22"), ("2019", "65,03", "20"), ("2020", "64,76", "23"),
                ("2021", "63,90", "25"), ("2022", "64,88", "21"), ("2023", "66,02", "18"),
                ("2024", "66,85", "16")],
        "land_title": "Bảng giá đất ở tại thành phố Mỹ Tho (trích)",
        "land_title_en": "Residential land prices in My Tho City (extract)",
        "land_slug": "bang-gia-dat-o-thanh-pho-my-tho",
        "land_slug_en": "residential-land-prices-my-tho",
        "land": [("Ấp Bắc", "18.000", "9.000", "6.300", "4.500"),
                 ("Nam Kỳ Khởi Nghĩa", "22.000", "11.000", "7.700", "5.500"),
                 ("Lê Lợi", "20.000", "10.000", "7.000", "5.000"),
                 ("Hùng Vương", "19.500", "9.750", "6.830", "4.880"),
                 ("Trưng Trắc", "17.000", "8.500", "5.950", "4.250"),
                 ("Lý Thường Kiệt", "16.000", "8.000", "5.600", "4.000"),
                 ("Trần Hưng Đạo", "14.000", "7.000", "4.900", "3.500"),
                 ("Đinh Bộ Lĩnh", "12.000", "6.000", "4.200", "3.000")],
    },
    "skh": {
        "province": "Lào Cai",
        "province_en": "Lao Cai",
        "pci": [("2015", "61,43", "5"), ("2016", "62,15", "5"), ("2017", "65,41", "6"),
                ("2018", "66,15", "7"), ("2019", "68,13", "5"), ("2020", "68,64", "6"),
                ("2021", "66,34", "12"), ("2022", "67,02", "10"), ("2023", "68,20", "8"),
                ("2024", "69,05", "7")],
        "land_title": "Bảng giá đất ở tại thành phố Lào Cai (trích)",
        "land_title_en": "Residential land prices in Lao Cai City (extract)",
        "land_slug": "bang-gia-dat-o-thanh-pho-lao-cai",
        "land_slug_en": "residential-land-prices-lao-cai",
        "land": [("Hoàng Liên", "25.000", "12.500", "8.750", "6.250"),
                 ("Trần Hưng Đạo", "21.000", "10.500", "7.350", "5.250"),
                 ("Nguyễn Huệ", "23.500", "11.750", "8.230", "5.880"),
                 ("Hoàng Sào", "15.000", "7.500", "5.250", "3.750"),
                 ("Cốc Lếu", "18.500", "9.250", "6.480", "4.630"),
                 ("Võ Nguyên Giáp", "13.000", "6.500", "4.550", "3.250")],
    },
}


def _pages(key):
    data = AGENCY_DATA[key]
    province, province_en = data["province"], data["province_en"]
    return [
        {
            "slug": "chi-so-nang-luc-canh-tranh-cap-tinh-pci",
            "title": f"Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh {province} "
                     "2015–2024",
            "summary": f"Điểm số và thứ hạng PCI của tỉnh {province} qua các năm, trên 63 "
                       "tỉnh, thành phố.",
            "topic": Topic.INVESTMENT, "year": 2024, "unit": "điểm",
            "source": f"{ILLUSTRATIVE_VI} (theo cấu trúc công bố PCI của VCCI)",
            "chart_type": ChartType.LINE, "chart_columns": "Điểm PCI", "notes": PCI_NOTES_VI,
            "headers": PCI_HEADERS_VI, "rows": data["pci"],
            "en": {
                "slug": "provincial-competitiveness-index-pci",
                "title": f"Provincial Competitiveness Index (PCI) of {province_en}, 2015–2024",
                "summary": f"{province_en}'s PCI scores and ranks among the 63 provinces and "
                           "cities, year by year.",
                "unit": "points", "source": f"{ILLUSTRATIVE_EN} (laid out as VCCI's PCI)",
                "chart_columns": "PCI score", "notes": PCI_NOTES_EN,
                "headers": PCI_HEADERS_EN,
            },
        },
        {
            "slug": data["land_slug"],
            "title": data["land_title"],
            "summary": "Giá đất ở tại đô thị theo tuyến đường và vị trí thửa đất, áp dụng từ "
                       "ngày 01/01/2025.",
            "topic": Topic.LAND, "year": 2025, "unit": "nghìn đồng/m²",
            "source": f"{ILLUSTRATIVE_VI} (theo cấu trúc bảng giá đất của UBND tỉnh)",
            "chart_type": ChartType.BAR, "chart_columns": "Vị trí 1; Vị trí 2",
            "notes": LAND_NOTES_VI, "headers": LAND_HEADERS_VI, "rows": data["land"],
            "en": {
                "slug": data["land_slug_en"],
                "title": data["land_title_en"],
                "summary": "Urban residential land prices by street and plot position, in "
                           "force from 1 January 2025.",
                "unit": "thousand đồng/m²",
                "source": f"{ILLUSTRATIVE_EN} (laid out as the provincial land price table)",
                "chart_columns": "Position 1; Position 2", "notes": LAND_NOTES_EN,
                "headers": LAND_HEADERS_EN,
            },
        },
    ]


def _index_page(home, context, agency):
    index_page = StatisticsIndexPage.objects.child_of(home).first()
    if index_page is None:
        index_page = StatisticsIndexPage(
            title="Thống kê – Chỉ số", slug="thong-ke", show_in_menus=True,
            intro="<p>Số liệu thống kê, bảng giá đất và chỉ số năng lực cạnh tranh cấp tỉnh: "
                  "xem bảng số liệu, biểu đồ và tải dữ liệu về dưới dạng CSV, XLSX hoặc ODS.</p>",
        )
        home.add_child(instance=index_page)
        index_page.save_revision().publish()
        context.note(True, f"statistics list /thong-ke/ of {agency.symbol}")
    return index_page


def _ensure_page(index_page, spec, context):
    page = StatisticsPage.objects.child_of(index_page).filter(slug=spec["slug"]).first()
    if page is not None:
        return page
    page = StatisticsPage(
        title=spec["title"], slug=spec["slug"], summary=spec["summary"], topic=spec["topic"],
        year=spec["year"], unit=spec["unit"], source=spec["source"],
        chart_type=spec["chart_type"], chart_columns=spec["chart_columns"],
        notes=spec["notes"], table=check_dataset(spec["headers"], spec["rows"]),
        source_filename=f"{spec['slug']}.xlsx",
    )
    index_page.add_child(instance=page)
    page.save_revision().publish()
    context.note(True, f"statistics page {spec['title'][:60]}")
    return page


def _english(index_page, pages, specs, context):
    """English versions, made as an editor makes them (Wagtail's copy for translation),
    where the site has an English home page."""
    english = Locale.objects.filter(language_code="en").first()
    if english is None or index_page.get_parent().get_translation_or_none(english) is None:
        return
    translate_page(index_page, english, context, title="Statistics and indices",
                   slug="statistics",
                   intro=("<p>Statistics, land prices and the provincial competitiveness "
                          "index: read the tables and charts, and download the data as CSV, "
                          "XLSX or ODS.</p>"))
    for page, spec in zip(pages, specs, strict=True):
        en = spec["en"]
        fields = {name: en[name] for name in ("slug", "title", "summary", "unit", "source",
                                               "chart_columns", "notes")}
        translate_page(page, english, context,
                       table={"headers": en["headers"], "rows": page.table["rows"]}, **fields)


def load_statistics_demo(context):
    for key, agency in context.objects.get("agencies", {}).items():
        if key not in AGENCY_DATA or agency.site is None:
            continue
        home = agency_home(agency, context)
        index_page = _index_page(home, context, agency)
        specs = _pages(key)
        pages = [_ensure_page(index_page, spec, context) for spec in specs]
        _english(index_page, pages, specs, context)
