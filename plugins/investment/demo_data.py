"""The demo's investment projects and procurement notices (R-SITE-3; seed 000 Đ7.5, seed
002 Đ3.7): a provincial industrial zones' board (Tiền Giang) and a department of planning
and investment (Lào Cai). Names of firms are made up."""

from plugins.investment.models import (
    NoticeKind,
    ProjectField,
    ProjectStatus,
    ProjectType,
    SelectionMethod,
)

BQL_CONTACT = ("Phòng Quản lý đầu tư, Ban Quản lý các Khu công nghiệp Tiền Giang\n"
               "Số 27 Nam Kỳ Khởi Nghĩa, thành phố Mỹ Tho\n"
               "Điện thoại: 0273 3 871 599 – Thư điện tử: bqlkcn@tiengiang.gov.vn")
SKH_CONTACT = ("Phòng Đầu tư, Sở Kế hoạch và Đầu tư tỉnh Lào Cai\n"
               "Đại lộ Trần Hưng Đạo, phường Nam Cường, thành phố Lào Cai\n"
               "Điện thoại: 0214 3840 070 – Thư điện tử: skhdt@laocai.gov.vn")

PROJECT_INDEX = {
    "slug": "du-an-dau-tu", "title": "Dự án đầu tư",
    "intro": "<p>Danh sách các dự án đang chuẩn bị đầu tư, các dự án kêu gọi đầu tư và các dự "
             "án đang triển khai: mục tiêu, lĩnh vực, loại dự án, địa điểm, quy mô, tổng vốn, "
             "thời gian thực hiện, nhà đầu tư và đầu mối liên hệ.</p>",
}
NOTICE_INDEX = {
    "slug": "thong-tin-dau-thau", "title": "Thông tin đấu thầu, mua sắm công",
    "intro": "<p>Thông báo mời thầu, mời quan tâm, mời chào giá của cơ quan; hồ sơ kèm theo và "
             "kết quả lựa chọn nhà thầu. Hồ sơ dự thầu qua mạng nộp trên Hệ thống mạng đấu "
             "thầu quốc gia (muasamcong.mpi.gov.vn).</p>",
}

# Each project: its fields, "documents" [(kind, title)], "published".
PROJECTS = {
    "bql": [
        {"title": "Đầu tư xây dựng và kinh doanh kết cấu hạ tầng Khu công nghiệp Tân Phước 1",
         "status": ProjectStatus.CALLING, "field": ProjectField.INFRASTRUCTURE,
         "project_type": ProjectType.BUSINESS, "zone": "Khu công nghiệp Tân Phước 1",
         "objective": "Xây dựng hạ tầng kỹ thuật đồng bộ để thu hút các dự án công nghiệp cơ "
                      "khí, điện tử, chế biến nông sản; tạo việc làm cho khoảng 25.000 lao "
                      "động của huyện Tân Phước và vùng lân cận.",
         "location": "Xã Tân Lập 1 và xã Tân Hòa Thành, huyện Tân Phước, tỉnh Tiền Giang; "
                     "cách Quốc lộ 1 khoảng 12 km, cách Thành phố Hồ Chí Minh khoảng 70 km.",
         "scale": "Diện tích khoảng 470 ha, chia ba giai đoạn; nhà máy xử lý nước thải tập "
                  "trung công suất 12.000 m³/ngày đêm.",
         "total_capital": 4_500_000_000_000, "capital_note": "khoảng 180 triệu USD",
         "duration": "2027–2032, chia ba giai đoạn", "investor": "", "contact": BQL_CONTACT,
         "body": ["Dự án đã có trong quy hoạch tỉnh Tiền Giang thời kỳ 2021–2030. Nhà đầu tư "
                  "quan tâm gửi văn bản đăng ký (theo mẫu kèm theo) về Phòng Quản lý đầu tư.",
                  "Ban Quản lý hướng dẫn thủ tục chấp thuận chủ trương đầu tư và lựa chọn nhà "
                  "đầu tư theo quy định của Luật Đầu tư."],
         "documents": [("pdf", "Thông tin kêu gọi đầu tư Khu công nghiệp Tân Phước 1"),
                       ("odt", "Mẫu văn bản đăng ký quan tâm")], "published": True},
        {"title": "Nhà máy xử lý nước thải tập trung Khu công nghiệp Long Giang – giai đoạn 2",
         "status": ProjectStatus.UNDER_WAY, "field": ProjectField.ENVIRONMENT,
         "project_type": ProjectType.BUSINESS, "zone": "Khu công nghiệp Long Giang",
         "objective": "Nâng công suất xử lý nước thải tập trung của khu công nghiệp, bảo đảm "
                      "nước thải sau xử lý đạt cột A của quy chuẩn kỹ thuật quốc gia trước khi "
                      "xả ra kênh Nguyễn Tấn Thành.",
         "location": "Lô XL-02, Khu công nghiệp Long Giang, xã Tân Lập 1, huyện Tân Phước.",
         "scale": "Thêm 10.000 m³/ngày đêm (tổng công suất 15.000 m³/ngày đêm); trạm quan "
                  "trắc nước thải tự động truyền số liệu về Sở Tài nguyên và Môi trường.",
         "total_capital": 180_000_000_000, "capital_note": "",
         "duration": "Quý III/2025 – quý IV/2027",
         "investor": "Công ty TNHH Phát triển Hạ tầng Long Giang", "contact": BQL_CONTACT,
         "body": ["Đã hoàn thành phần móng và bể điều hòa; đang lắp đặt thiết bị xử lý sinh "
                  "học. Dự kiến vận hành thử nghiệm trong quý III/2027."],
         "documents": [("pdf", "Quyết định chấp thuận điều chỉnh chủ trương đầu tư")],
         "published": True},
        {"title": "Khu nhà ở công nhân Khu công nghiệp Tân Hương",
         "status": ProjectStatus.PREPARING, "field": ProjectField.URBAN,
         "project_type": ProjectType.BUSINESS, "zone": "Khu công nghiệp Tân Hương",
         "objective": "Bố trí chỗ ở ổn định với giá thuê phù hợp cho công nhân các doanh nghiệp "
                      "trong khu công nghiệp, kèm nhà trẻ, trạm y tế và khu sinh hoạt chung.",
         "location": "Phía Bắc Khu công nghiệp Tân Hương, xã Tân Hương, huyện Châu Thành.",
         "scale": "Khoảng 12 ha; 3.000 căn hộ cho khoảng 9.000 công nhân.",
         "total_capital": 1_350_000_000_000, "capital_note": "",
         "duration": "Dự kiến 2027–2030", "investor": "", "contact": BQL_CONTACT,
         "body": ["Đang lập quy hoạch chi tiết tỷ lệ 1/500 và hồ sơ đề xuất dự án nhà ở xã "
                  "hội. Nhà đầu tư được lựa chọn theo quy định về nhà ở xã hội."],
         "documents": [], "published": True},
        {"title": "Trung tâm dịch vụ logistics và kho ngoại quan Long Giang",
         "status": ProjectStatus.CALLING, "field": ProjectField.LOGISTICS,
         "project_type": ProjectType.BUSINESS, "zone": "Khu công nghiệp Long Giang",
         "objective": "Cung cấp dịch vụ kho bãi, kho ngoại quan, thông quan tại chỗ và vận tải "
                      "đa phương thức cho doanh nghiệp các khu công nghiệp phía Tây tỉnh.",
         "location": "Lô DV-05, Khu công nghiệp Long Giang, gần nút giao cao tốc Trung Lương – "
                     "Mỹ Thuận.",
         "scale": "Diện tích 18 ha; kho ngoại quan 60.000 m²; bãi container 5 ha.",
         "total_capital": 950_000_000_000, "capital_note": "khoảng 37 triệu USD",
         "duration": "36 tháng kể từ ngày được giao đất", "investor": "",
         "contact": BQL_CONTACT,
         "body": ["Nhà đầu tư được hưởng ưu đãi đầu tư theo địa bàn có điều kiện kinh tế – xã "
                  "hội khó khăn."],
         "documents": [("pdf", "Thông tin kêu gọi đầu tư trung tâm logistics")],
         "published": True},
        {"title": "Nâng cấp, mở rộng đường vào Khu công nghiệp Mỹ Tho",
         "status": ProjectStatus.FINISHED, "field": ProjectField.INFRASTRUCTURE,
         "project_type": ProjectType.PUBLIC, "zone": "Khu công nghiệp Mỹ Tho",
         "objective": "Giảm ùn tắc giờ tan ca và bảo đảm xe container ra vào khu công nghiệp "
                      "an toàn.",
         "location": "Đoạn từ Quốc lộ 1 vào cổng chính Khu công nghiệp Mỹ Tho, xã Trung An, "
                     "thành phố Mỹ Tho.",
         "scale": "Dài 2,1 km, mặt đường rộng 14 m, hệ thống chiếu sáng và thoát nước.",
         "total_capital": 68_500_000_000, "capital_note": "vốn ngân sách tỉnh",
         "duration": "2024–2025",
         "investor": "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Tiền Giang",
         "contact": BQL_CONTACT,
         "body": ["Công trình đã nghiệm thu, đưa vào sử dụng tháng 11/2025."],
         "documents": [], "published": True},
        {"title": "Điện mặt trời mái nhà các khu công nghiệp (dự thảo, chưa duyệt)",
         "status": ProjectStatus.PREPARING, "field": ProjectField.ENERGY,
         "project_type": ProjectType.BUSINESS, "zone": "Khu công nghiệp Long Giang",
         "objective": "Bản nháp: đang lấy ý kiến các phòng.",
         "location": "", "scale": "", "total_capital": None, "capital_note": "",
         "duration": "", "investor": "", "contact": BQL_CONTACT, "body": [],
         "documents": [("odt", "Dự thảo nội bộ danh mục mái nhà xưởng")], "published": False},
    ],
    "skh": [
        {"title": "Khu du lịch sinh thái nghỉ dưỡng Tả Van",
         "status": ProjectStatus.CALLING, "field": ProjectField.TOURISM,
         "project_type": ProjectType.BUSINESS, "zone": "Thị xã Sa Pa",
         "objective": "Phát triển du lịch sinh thái, nghỉ dưỡng gắn với bảo tồn cảnh quan ruộng "
                      "bậc thang và văn hóa của đồng bào Giáy, Mông ở thung lũng Mường Hoa.",
         "location": "Xã Tả Van, thị xã Sa Pa, tỉnh Lào Cai.",
         "scale": "Khoảng 85 ha; khách sạn, biệt thự nghỉ dưỡng, đường đi bộ sinh thái.",
         "total_capital": 2_200_000_000_000, "capital_note": "",
         "duration": "2027–2031", "investor": "", "contact": SKH_CONTACT,
         "body": ["Dự án thuộc danh mục dự án kêu gọi đầu tư của tỉnh Lào Cai."],
         "documents": [("pdf", "Thông tin dự án Khu du lịch sinh thái Tả Van")],
         "published": True},
        {"title": "Nhà máy chế biến nông sản xuất khẩu Bắc Hà",
         "status": ProjectStatus.CALLING, "field": ProjectField.AGRICULTURE,
         "project_type": ProjectType.BUSINESS, "zone": "Cụm công nghiệp Bắc Hà",
         "objective": "Chế biến mận, chè và dược liệu của vùng cao Bắc Hà, Si Ma Cai theo tiêu "
                      "chuẩn xuất khẩu; liên kết tiêu thụ với hợp tác xã.",
         "location": "Cụm công nghiệp Bắc Hà, thị trấn Bắc Hà, huyện Bắc Hà.",
         "scale": "5 ha; công suất 20.000 tấn nguyên liệu/năm.",
         "total_capital": 320_000_000_000, "capital_note": "",
         "duration": "24 tháng", "investor": "", "contact": SKH_CONTACT, "body": [],
         "documents": [("odt", "Mẫu văn bản đăng ký quan tâm")], "published": True},
        {"title": "Trung tâm logistics Kim Thành",
         "status": ProjectStatus.UNDER_WAY, "field": ProjectField.LOGISTICS,
         "project_type": ProjectType.PPP, "zone": "Khu kinh tế cửa khẩu Lào Cai",
         "objective": "Phục vụ hàng hóa xuất nhập khẩu qua cửa khẩu quốc tế đường bộ số II Kim "
                      "Thành.",
         "location": "Khu thương mại – công nghiệp Kim Thành, phường Duyên Hải, thành phố Lào "
                     "Cai.",
         "scale": "32 ha; bãi kiểm hóa, kho lạnh, khu dịch vụ.",
         "total_capital": 1_100_000_000_000, "capital_note": "",
         "duration": "2025–2028", "investor": "Công ty Cổ phần Logistics Biên giới Lào Cai",
         "contact": SKH_CONTACT, "body": [], "documents": [], "published": True},
    ],
}

# Each notice: its fields, "closing" (days from today, hour), "documents", "results",
# "result_documents", "published".
NOTICES = {
    "bql": [
        {"title": "Thông báo mời thầu gói thầu số 03: Mua sắm, lắp đặt trạm quan trắc nước "
                  "thải tự động", "kind": NoticeKind.INVITATION, "reference": "IB2600345678",
         "package_name": "Gói thầu số 03: Mua sắm, lắp đặt 02 trạm quan trắc nước thải tự động "
                         "tại Khu công nghiệp Tân Hương và Long Giang",
         "procuring_entity": "Ban Quản lý các Khu công nghiệp Tiền Giang",
         "selection_method": SelectionMethod.OPEN, "package_price": 4_850_000_000,
         "closing": (12, 9),
         "summary": "Đấu thầu rộng rãi trong nước, một giai đoạn một túi hồ sơ, qua mạng.",
         "body": ["Hồ sơ mời thầu được phát hành miễn phí trên Hệ thống mạng đấu thầu quốc gia. "
                  "Nhà thầu nộp hồ sơ dự thầu qua mạng trước thời điểm đóng thầu.",
                  "Bảo đảm dự thầu: 60.000.000 đồng; hiệu lực hồ sơ dự thầu: 90 ngày."],
         "documents": [("pdf", "Thông báo mời thầu"),
                       ("odt", "Yêu cầu kỹ thuật của trạm quan trắc")],
         "results": [], "result_documents": [], "published": True},
        {"title": "Thông báo mời chào giá: Mua sắm máy tính, máy in cho các phòng năm 2027",
         "kind": NoticeKind.QUOTATION, "reference": "",
         "package_name": "Mua sắm 12 máy tính để bàn và 4 máy in laser",
         "procuring_entity": "Văn phòng Ban Quản lý các Khu công nghiệp Tiền Giang",
         "selection_method": SelectionMethod.COMPETITIVE, "package_price": 265_000_000,
         "closing": (5, 10),
         "summary": "Nhà cung cấp gửi báo giá kèm thông số kỹ thuật về Văn phòng Ban Quản lý.",
         "body": ["Báo giá gửi trực tiếp hoặc qua bưu điện về Văn phòng Ban Quản lý, Số 27 Nam "
                  "Kỳ Khởi Nghĩa, thành phố Mỹ Tho."],
         "documents": [("odt", "Danh mục hàng hóa và yêu cầu kỹ thuật")],
         "results": [], "result_documents": [], "published": True},
        {"title": "Thông báo mời thầu gói thầu tư vấn lập quy hoạch chi tiết tỷ lệ 1/500 Khu "
                  "công nghiệp Tân Phước 1", "kind": NoticeKind.INVITATION,
         "reference": "IB2600112233",
         "package_name": "Tư vấn lập quy hoạch chi tiết xây dựng tỷ lệ 1/500 Khu công nghiệp "
                         "Tân Phước 1",
         "procuring_entity": "Ban Quản lý các Khu công nghiệp Tiền Giang",
         "selection_method": SelectionMethod.OPEN, "package_price": 2_400_000_000,
         "closing": (-40, 9),
         "summary": "Đấu thầu rộng rãi trong nước, qua mạng.",
         "body": ["Thời gian thực hiện hợp đồng: 180 ngày."],
         "documents": [("pdf", "Thông báo mời thầu")],
         "results": ["Nhà thầu trúng thầu: Công ty Cổ phần Tư vấn Quy hoạch Xây dựng Miền Nam.",
                     "Giá trúng thầu: 2.150.000.000 đồng (đã gồm thuế). Loại hợp đồng: trọn "
                     "gói. Thời gian thực hiện hợp đồng: 180 ngày."],
         "result_documents": [("pdf", "Quyết định phê duyệt kết quả lựa chọn nhà thầu")],
         "published": True},
        {"title": "Thông báo mời quan tâm gói thầu tư vấn đánh giá tác động môi trường "
                  "Khu nhà ở công nhân Tân Hương", "kind": NoticeKind.INTEREST,
         "reference": "IB2600223344",
         "package_name": "Tư vấn lập báo cáo đánh giá tác động môi trường Khu nhà ở công nhân "
                         "Khu công nghiệp Tân Hương",
         "procuring_entity": "Ban Quản lý các Khu công nghiệp Tiền Giang",
         "selection_method": SelectionMethod.OPEN, "package_price": None,
         "closing": (-3, 14),
         "summary": "Mời các nhà thầu tư vấn có đủ năng lực, kinh nghiệm nộp hồ sơ quan tâm.",
         "body": ["Danh sách ngắn sẽ được công bố trên Hệ thống mạng đấu thầu quốc gia."],
         "documents": [], "results": [], "result_documents": [], "published": True},
        {"title": "Thông báo mời thầu sửa chữa trụ sở (dự thảo, chưa duyệt)",
         "kind": NoticeKind.INVITATION, "reference": "",
         "package_name": "Sửa chữa, cải tạo trụ sở làm việc",
         "procuring_entity": "Văn phòng Ban Quản lý các Khu công nghiệp Tiền Giang",
         "selection_method": SelectionMethod.COMPETITIVE, "package_price": None,
         "closing": (30, 9), "summary": "Bản nháp.", "body": [],
         "documents": [("odt", "Dự toán sửa chữa trụ sở (nội bộ)")], "results": [],
         "result_documents": [], "published": False},
    ],
    "skh": [
        {"title": "Thông báo mời thầu gói thầu tư vấn xây dựng danh mục dự án kêu gọi đầu tư "
                  "giai đoạn 2027–2030", "kind": NoticeKind.INVITATION,
         "reference": "IB2600556677",
         "package_name": "Tư vấn xây dựng danh mục và thông tin dự án kêu gọi đầu tư tỉnh Lào "
                         "Cai giai đoạn 2027–2030",
         "procuring_entity": "Sở Kế hoạch và Đầu tư tỉnh Lào Cai",
         "selection_method": SelectionMethod.OPEN, "package_price": 1_200_000_000,
         "closing": (15, 9), "summary": "Đấu thầu rộng rãi trong nước, qua mạng.",
         "body": ["Hồ sơ mời thầu phát hành trên Hệ thống mạng đấu thầu quốc gia."],
         "documents": [("pdf", "Thông báo mời thầu")], "results": [], "result_documents": [],
         "published": True},
        {"title": "Thông báo mời chào giá in ấn tài liệu xúc tiến đầu tư năm 2026",
         "kind": NoticeKind.QUOTATION, "reference": "",
         "package_name": "In 2.000 cuốn tài liệu giới thiệu môi trường đầu tư tỉnh Lào Cai",
         "procuring_entity": "Sở Kế hoạch và Đầu tư tỉnh Lào Cai",
         "selection_method": SelectionMethod.COMPETITIVE, "package_price": 180_000_000,
         "closing": (-30, 10), "summary": "", "body": [],
         "documents": [("odt", "Yêu cầu báo giá")],
         "results": ["Đơn vị được lựa chọn: Công ty TNHH In và Quảng cáo Hoàng Liên; giá: "
                     "168.500.000 đồng; thời gian thực hiện: 30 ngày."],
         "result_documents": [], "published": True},
    ],
}

# English versions of the first agency's lists, two projects and two notices.
ENGLISH_PROJECT_INDEX = {
    "slug": "investment-projects", "title": "Investment projects",
    "intro": "<p>Projects being prepared, calling for investment or under way: objective, "
             "field, type, location, scale, capital, duration, investor and contact.</p>",
}
ENGLISH_NOTICE_INDEX = {
    "slug": "bidding-and-procurement", "title": "Bidding and public procurement",
    "intro": "<p>The agency's invitations to bid, for expressions of interest and for "
             "quotations, their documents and the results of the selection.</p>",
}
BQL_CONTACT_EN = ("Investment Management Division, Management Board of Tien Giang Industrial "
                  "Zones\n27 Nam Ky Khoi Nghia, My Tho City\n"
                  "Telephone: 0273 3 871 599 – E-mail: bqlkcn@tiengiang.gov.vn")
ENGLISH_PROJECTS = {
    PROJECTS["bql"][0]["title"]: {
        "slug": "tan-phuoc-1-industrial-park-infrastructure",
        "title": "Infrastructure of Tan Phuoc 1 Industrial Park",
        "objective": "Build the complete technical infrastructure of the park to attract "
                     "engineering, electronics and food processing projects, creating about "
                     "25,000 jobs.",
        "zone": "Tan Phuoc 1 Industrial Park",
        "location": "Tan Lap 1 and Tan Hoa Thanh communes, Tan Phuoc District, Tien Giang; "
                    "about 70 km from Ho Chi Minh City.",
        "scale": "About 470 ha in three phases; a central waste water plant of 12,000 m³/day.",
        "capital_note": "about 180 million USD", "duration": "2027–2032, in three phases",
        "contact": BQL_CONTACT_EN,
        "body": "<p>Investors interested send a registration (form attached) to the "
                "Investment Management Division.</p>",
    },
    PROJECTS["bql"][1]["title"]: {
        "slug": "long-giang-waste-water-plant-phase-2",
        "title": "Long Giang Industrial Park central waste water plant, phase 2",
        "objective": "Raise the park's central waste water treatment capacity, the treated "
                     "water meeting column A of the national technical standard.",
        "zone": "Long Giang Industrial Park",
        "location": "Lot XL-02, Long Giang Industrial Park, Tan Phuoc District.",
        "scale": "10,000 m³/day more (15,000 m³/day in all); automatic monitoring station.",
        "duration": "Q3 2025 – Q4 2027", "investor": "Long Giang Infrastructure Development "
                                                      "Co., Ltd.",
        "contact": BQL_CONTACT_EN,
        "body": "<p>Foundations and the equalisation tank are finished; the biological "
                "treatment equipment is being installed.</p>",
    },
}
ENGLISH_NOTICES = {
    NOTICES["bql"][0]["title"]: {
        "slug": "invitation-to-bid-automatic-waste-water-monitoring-stations",
        "title": "Invitation to bid, package 03: automatic waste water monitoring stations",
        "package_name": "Package 03: supply and installation of 2 automatic waste water "
                        "monitoring stations in Tan Huong and Long Giang industrial parks",
        "procuring_entity": "Management Board of Tien Giang Industrial Zones",
        "summary": "Open national bidding, single stage, one envelope, online.",
        "body": "<p>The bidding documents are issued free of charge on the national "
                "e-procurement system; bids are submitted online before the closing time.</p>",
    },
    NOTICES["bql"][2]["title"]: {
        "slug": "invitation-to-bid-detailed-plan-tan-phuoc-1",
        "title": "Invitation to bid: detailed 1/500 plan of Tan Phuoc 1 Industrial Park",
        "package_name": "Consultancy for the detailed 1/500 construction plan of Tan Phuoc 1 "
                        "Industrial Park",
        "procuring_entity": "Management Board of Tien Giang Industrial Zones",
        "summary": "Open national bidding, online.",
        "body": "<p>Contract duration: 180 days.</p>",
        "results": "<p>Winning bidder: Southern Construction Planning Consultants JSC, at "
                   "2,150,000,000 VND including tax; lump-sum contract of 180 days.</p>",
    },
}
