"""Demo procedures of an industrial-zone management board (Tiền Giang, seed 000 Đ7.3).

Names, steps, dossiers, times and fees follow the procedures such boards publish under the
Investment Law 2020, the Construction Law, the Environmental Protection Law 2020, the
Labour Code 2019 and Decree 31/2018/NĐ-CP on the origin of goods. The codes have the
national database's shape but were not checked against it; the announcing decisions and
officers are illustrative.
"""

import datetime

INVESTMENT = ("", "Đầu tư tại Việt Nam")
CONSTRUCTION = ("", "Hoạt động xây dựng")
PLANNING = ("", "Quy hoạch xây dựng, kiến trúc")
ENVIRONMENT = ("", "Môi trường")
FOREIGN_WORKERS = ("", "Việc làm (lao động nước ngoài)")
LABOUR = ("", "Lao động, tiền lương và quan hệ lao động")
TRADE = ("", "Xuất nhập khẩu")

DETAILED_BY_LAW = "TTHC được luật giao quy định chi tiết"
NOT_DETAILED = "TTHC không được luật giao quy định chi tiết"

ADDRESS = ("Bộ phận Một cửa Ban Quản lý các Khu công nghiệp Tiền Giang, Số 27 Nam Kỳ Khởi "
           "Nghĩa, Phường 1, thành phố Mỹ Tho, tỉnh Tiền Giang; hoặc Trung tâm Phục vụ hành "
           "chính công tỉnh Tiền Giang.")
BOARD = "Ban Quản lý các Khu công nghiệp Tiền Giang"
PORTAL = "https://dichvucong.tiengiang.gov.vn"
NATIONAL_PORTAL = "https://dichvucong.gov.vn"
ECOSYS = "https://ecosys.gov.vn"

ANNOUNCE_INVESTMENT = ("Quyết định số 2568/QĐ-UBND ngày 12/10/2023 của Chủ tịch Ủy ban nhân "
                       "dân tỉnh Tiền Giang công bố danh mục thủ tục hành chính lĩnh vực đầu tư "
                       "tại Việt Nam thuộc thẩm quyền giải quyết của Ban Quản lý các Khu công "
                       "nghiệp", datetime.date(2023, 10, 12))
ANNOUNCE_CONSTRUCTION = ("Quyết định số 1125/QĐ-UBND ngày 08/05/2024 của Chủ tịch Ủy ban nhân "
                         "dân tỉnh Tiền Giang công bố thủ tục hành chính lĩnh vực xây dựng",
                         datetime.date(2024, 5, 8))
ANNOUNCE_ENVIRONMENT = ("Quyết định số 3012/QĐ-UBND ngày 20/12/2022 của Chủ tịch Ủy ban nhân "
                        "dân tỉnh Tiền Giang công bố thủ tục hành chính lĩnh vực môi trường",
                        datetime.date(2022, 12, 20))
ANNOUNCE_LABOUR = ("Quyết định số 2140/QĐ-UBND ngày 15/09/2023 của Chủ tịch Ủy ban nhân dân "
                   "tỉnh Tiền Giang công bố thủ tục hành chính lĩnh vực việc làm, lao động",
                   datetime.date(2023, 9, 15))
ANNOUNCE_TRADE = ("Quyết định số 845/QĐ-UBND ngày 02/04/2025 của Chủ tịch Ủy ban nhân dân "
                  "tỉnh Tiền Giang công bố thủ tục hành chính lĩnh vực xuất nhập khẩu",
                  datetime.date(2025, 4, 2))

LAW_INVESTMENT = ("61/2020/QH14", "Luật Đầu tư")
DECREE_INVESTMENT = ("31/2021/NĐ-CP", "Nghị định quy định chi tiết và hướng dẫn thi hành một "
                     "số điều của Luật Đầu tư")
CIRCULAR_INVESTMENT = ("03/2021/TT-BKHĐT", "Thông tư quy định mẫu văn bản, báo cáo liên quan "
                       "đến hoạt động đầu tư tại Việt Nam, đầu tư từ Việt Nam ra nước ngoài và "
                       "xúc tiến đầu tư")
DECREE_ZONES = ("35/2022/NĐ-CP", "Nghị định quy định về quản lý khu công nghiệp và khu kinh tế")
LAW_CONSTRUCTION = ("50/2014/QH13", "Luật Xây dựng")
LAW_CONSTRUCTION_2020 = ("62/2020/QH14", "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng")
DECREE_CONSTRUCTION = ("175/2024/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp "
                       "thi hành Luật Xây dựng về quản lý hoạt động xây dựng")
LAW_ENVIRONMENT = ("72/2020/QH14", "Luật Bảo vệ môi trường")
DECREE_ENVIRONMENT = ("08/2022/NĐ-CP", "Nghị định quy định chi tiết một số điều của Luật Bảo vệ "
                      "môi trường")
LABOUR_CODE = ("45/2019/QH14", "Bộ luật Lao động")
DECREE_FOREIGN_WORKERS = ("152/2020/NĐ-CP", "Nghị định quy định về người lao động nước ngoài "
                          "làm việc tại Việt Nam và tuyển dụng, quản lý người lao động Việt Nam "
                          "làm việc cho tổ chức, cá nhân nước ngoài tại Việt Nam")
DECREE_FOREIGN_WORKERS_2023 = ("70/2023/NĐ-CP", "Nghị định sửa đổi, bổ sung một số điều của "
                               "Nghị định số 152/2020/NĐ-CP")
DECREE_LABOUR = ("145/2020/NĐ-CP", "Nghị định quy định chi tiết và hướng dẫn thi hành một số "
                 "điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động")
DECREE_ORIGIN = ("31/2018/NĐ-CP", "Nghị định quy định chi tiết Luật Quản lý ngoại thương về "
                 "xuất xứ hàng hóa")
CIRCULAR_ORIGIN = ("05/2018/TT-BCT", "Thông tư quy định về xuất xứ hàng hóa")

FORMS = {
    "A.I.1": {"label": "Mẫu A.I.1", "title": "Văn bản đề nghị thực hiện dự án đầu tư",
              "fields": ["1. Nhà đầu tư (tên tổ chức/cá nhân)", "2. Mã số doanh nghiệp/số giấy tờ "
                         "pháp lý", "3. Địa chỉ trụ sở", "4. Tên dự án đầu tư",
                         "5. Địa điểm thực hiện dự án (khu công nghiệp)",
                         "6. Diện tích đất sử dụng",
                         "7. Tổng vốn đầu tư", "8. Tiến độ thực hiện dự án"],
              "commitments": ["Nhà đầu tư cam kết chịu trách nhiệm trước pháp luật về tính hợp "
                              "pháp, chính xác, trung thực của hồ sơ."],
              "signer": "NHÀ ĐẦU TƯ"},
    "A.I.3": {"label": "Mẫu A.I.3", "title": "Đề xuất dự án đầu tư",
              "subtitle": "(Áp dụng đối với dự án không thuộc diện chấp thuận chủ trương đầu tư)",
              "fields": ["1. Tên dự án, mục tiêu và quy mô", "2. Địa điểm thực hiện dự án",
                         "3. Vốn đầu tư và phương án huy động vốn", "4. Thời hạn và tiến độ",
                         "5. Nhu cầu về lao động", "6. Đánh giá sơ bộ tác động môi trường",
                         "7. Đề xuất ưu đãi, hỗ trợ đầu tư (nếu có)"],
              "signer": "NHÀ ĐẦU TƯ"},
    "A.I.11": {"label": "Mẫu A.I.11", "title": "Văn bản đề nghị điều chỉnh dự án đầu tư",
               "fields": ["1. Tên dự án", "2. Số Giấy chứng nhận đăng ký đầu tư đã cấp",
                          "3. Nội dung điều chỉnh", "4. Lý do điều chỉnh",
                          "5. Nội dung sau khi điều chỉnh"], "signer": "NHÀ ĐẦU TƯ"},
    "A.I.12": {"label": "Mẫu A.I.12", "title": "Báo cáo tình hình triển khai dự án đầu tư",
               "fields": ["1. Tên dự án", "2. Tiến độ góp vốn, huy động vốn",
                          "3. Tiến độ xây dựng và đưa công trình vào hoạt động",
                          "4. Tình hình thực hiện các nghĩa vụ tài chính"], "signer": "NHÀ ĐẦU TƯ"},
    "A.I.16": {"label": "Mẫu A.I.16", "title": "Văn bản đề nghị cấp lại Giấy chứng nhận đăng ký "
               "đầu tư", "fields": ["1. Tên dự án", "2. Số Giấy chứng nhận đăng ký đầu tư",
                                    "3. Lý do đề nghị cấp lại (mất, hỏng)"],
               "signer": "NHÀ ĐẦU TƯ"},
    "A.I.14": {"label": "Mẫu A.I.14", "title": "Văn bản đề nghị giãn tiến độ thực hiện dự án "
               "đầu tư", "fields": ["1. Tên dự án", "2. Tiến độ đã đăng ký",
                                    "3. Tiến độ đề nghị giãn", "4. Lý do giãn tiến độ"],
               "signer": "NHÀ ĐẦU TƯ"},
    "A.I.15": {"label": "Mẫu A.I.15", "title": "Thông báo chấm dứt hoạt động dự án đầu tư",
               "fields": ["1. Tên dự án", "2. Số Giấy chứng nhận đăng ký đầu tư",
                          "3. Thời điểm chấm dứt", "4. Lý do chấm dứt",
                          "5. Phương án thanh lý tài sản, giải quyết quyền lợi người lao động"],
               "signer": "NHÀ ĐẦU TƯ"},
    "A.I.17": {"label": "Mẫu A.I.17", "title": "Văn bản đăng ký thành lập văn phòng điều hành",
               "fields": ["1. Tên nhà đầu tư nước ngoài", "2. Hợp đồng BCC số, ngày",
                          "3. Tên, địa chỉ văn phòng điều hành", "4. Nội dung, thời hạn hoạt động",
                          "5. Người đứng đầu văn phòng điều hành"], "signer": "NHÀ ĐẦU TƯ"},
    "XD-01": {"label": "Mẫu số 01", "title": "Đơn đề nghị cấp giấy phép xây dựng",
              "subtitle": "(Sử dụng cho công trình không theo tuyến)",
              "fields": ["1. Chủ đầu tư", "2. Địa điểm xây dựng (lô đất, khu công nghiệp)",
                         "3. Tên đơn vị thiết kế, chứng chỉ hành nghề", "4. Loại công trình, cấp "
                         "công trình", "5. Diện tích xây dựng, tổng diện tích sàn",
                         "6. Chiều cao công trình, số tầng", "7. Dự kiến thời gian hoàn thành"],
              "signer": "CHỦ ĐẦU TƯ"},
    "XD-02": {"label": "Mẫu số 02", "title": "Đơn đề nghị điều chỉnh, gia hạn giấy phép xây dựng",
              "fields": ["1. Chủ đầu tư", "2. Giấy phép xây dựng số, ngày cấp",
                         "3. Nội dung đề nghị điều chỉnh hoặc thời hạn đề nghị gia hạn",
                         "4. Lý do"], "signer": "CHỦ ĐẦU TƯ"},
    "QH-01": {"label": "Mẫu số 01", "title": "Tờ trình đề nghị thẩm định, phê duyệt đồ án quy "
              "hoạch chi tiết xây dựng", "fields": ["1. Tên đồ án", "2. Phạm vi, ranh giới, "
                                                    "quy mô lập quy hoạch", "3. Cơ quan tổ chức "
                                                    "lập", "4. Đơn vị tư vấn"],
              "signer": "ĐẠI DIỆN CHỦ ĐẦU TƯ"},
    "MT-GP": {"label": "Mẫu số 40", "title": "Văn bản đề nghị cấp giấy phép môi trường",
              "fields": ["1. Tên cơ sở, dự án", "2. Địa điểm", "3. Nội dung đề nghị cấp phép "
                         "(nước thải, khí thải, tiếng ồn, chất thải)",
                         "4. Lưu lượng xả thải tối đa", "5. Công trình xử lý chất thải"],
              "signer": "CHỦ DỰ ÁN, CƠ SỞ"},
    "MT-DTM": {"label": "Mẫu số 02", "title": "Văn bản đề nghị thẩm định báo cáo đánh giá tác "
               "động môi trường", "fields": ["1. Tên dự án", "2. Địa điểm thực hiện",
                                             "3. Quy mô, công suất", "4. Đơn vị tư vấn lập báo "
                                             "cáo"], "signer": "CHỦ DỰ ÁN"},
    "LD-01": {"label": "Mẫu số 01/PLI", "title": "Báo cáo giải trình nhu cầu sử dụng người lao "
              "động nước ngoài", "fields": ["1. Tên doanh nghiệp, tổ chức", "2. Vị trí công việc "
                                            "cần sử dụng", "3. Số lượng, chức danh",
                                            "4. Thời hạn làm việc", "5. Lý do không tuyển được "
                                            "người lao động Việt Nam"],
              "signer": "NGƯỜI ĐỨNG ĐẦU DOANH NGHIỆP"},
    "LD-11": {"label": "Mẫu số 11/PLI", "title": "Văn bản đề nghị cấp, cấp lại, gia hạn giấy phép "
              "lao động", "fields": ["1. Tên doanh nghiệp, tổ chức", "2. Họ và tên người lao "
                                     "động nước ngoài", "3. Quốc tịch, số hộ chiếu",
                                     "4. Vị trí công việc, chức danh", "5. Thời hạn làm việc",
                                     "6. Giấy phép lao động đã cấp (nếu có)"],
              "signer": "NGƯỜI ĐỨNG ĐẦU DOANH NGHIỆP"},
    "LD-09": {"label": "Mẫu số 09/PLI", "title": "Văn bản đề nghị xác nhận người lao động nước "
              "ngoài không thuộc diện cấp giấy phép lao động",
              "fields": ["1. Tên doanh nghiệp, tổ chức", "2. Họ và tên người lao động nước ngoài",
                         "3. Trường hợp không thuộc diện cấp giấy phép lao động",
                         "4. Thời gian làm việc"], "signer": "NGƯỜI ĐỨNG ĐẦU DOANH NGHIỆP"},
    "LD-NQ": {"label": "Mẫu", "title": "Văn bản đề nghị đăng ký nội quy lao động",
              "fields": ["1. Tên người sử dụng lao động", "2. Địa chỉ", "3. Số lao động",
                         "4. Ý kiến của tổ chức đại diện người lao động"],
              "signer": "NGƯỜI SỬ DỤNG LAO ĐỘNG"},
    "LD-TG": {"label": "Mẫu số 01/PLIV", "title": "Văn bản thông báo về việc tổ chức làm thêm giờ "
              "từ trên 200 giờ đến 300 giờ trong một năm",
              "fields": ["1. Tên người sử dụng lao động", "2. Ngành, nghề", "3. Số người lao "
                         "động làm thêm giờ", "4. Thời gian làm thêm giờ dự kiến",
                         "5. Biện pháp bảo đảm sức khỏe người lao động"],
              "signer": "NGƯỜI SỬ DỤNG LAO ĐỘNG"},
    "CO": {"label": "Mẫu", "title": "Đơn đề nghị cấp Giấy chứng nhận xuất xứ hàng hóa",
           "to": "Ban Quản lý các Khu công nghiệp Tiền Giang (tổ chức cấp C/O)",
           "fields": ["1. Thương nhân đề nghị", "2. Mẫu C/O đề nghị cấp (D, E, AK, EUR.1…)",
                      "3. Tờ khai hải quan xuất khẩu số", "4. Hóa đơn thương mại số, ngày",
                      "5. Tên hàng, mã HS, số lượng", "6. Nước nhập khẩu"],
           "signer": "NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT CỦA THƯƠNG NHÂN"},
}

INVESTOR_STEPS_RECEIVE = ("Bước 1: Nhà đầu tư nộp hồ sơ tại Bộ phận Một cửa của Ban Quản lý "
                          "các Khu công nghiệp hoặc nộp trực tuyến trên Hệ thống thông tin quốc "
                          "gia về đầu tư.")
CHECK_STEP = ("Bước 2: Bộ phận Một cửa kiểm tra tính hợp lệ của hồ sơ; hồ sơ chưa hợp lệ thì "
              "hướng dẫn bổ sung một lần bằng văn bản.")


def procedure(code, title, field, *, steps, dossier, time, legal, announce, results,
              applicants="Nhà đầu tư trong nước, nhà đầu tư nước ngoài, tổ chức kinh tế có vốn "
              "đầu tư nước ngoài.", kind=DETAILED_BY_LAW, fee=None, channels=(1, 2, 3),
              online=2, online_url="", requirements="Không.", officer="qldt",
              competent=BOARD, related=(), status="in_force", status_note="", cases=None,
              time_note=""):
    """One demo procedure in the national record's structure (see records.ProcedureData)."""
    value, unit = time
    fees = [{"amount": fee[0], "unit": "Đồng", "description": fee[1]}] if fee else \
        [{"amount": 0, "unit": "Đồng", "description": "Không thu phí, lệ phí."}]
    return {
        "code": code, "title": title, "field": field, "kind": kind, "steps": steps,
        "dossier": cases or [("", dossier)], "legal": legal, "announce": announce,
        "results": results, "applicants": applicants,
        "channels": [{"channel": channel, "times": [
            {"value": value, "unit": unit, "description": time_note, "fees": fees}]}
            for channel in channels],
        "online": online, "online_url": online_url, "requirements": requirements,
        "officer": officer, "competent": competent, "related": list(related),
        "status": status, "status_note": status_note,
    }


PROCEDURES = [
    procedure(
        "1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án đầu tư không thuộc diện "
        "chấp thuận chủ trương đầu tư", INVESTMENT,
        steps=[INVESTOR_STEPS_RECEIVE, CHECK_STEP,
               "Bước 3: Trong thời hạn 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, Ban Quản "
               "lý cấp Giấy chứng nhận đăng ký đầu tư; trường hợp từ chối phải thông báo bằng văn "
               "bản và nêu rõ lý do.",
               "Bước 4: Nhà đầu tư nhận kết quả tại Bộ phận Một cửa, qua dịch vụ bưu chính hoặc "
               "trực tuyến."],
        dossier=[("Văn bản đề nghị thực hiện dự án đầu tư", 1, 0, "A.I.1"),
                 ("Tài liệu về tư cách pháp lý của nhà đầu tư", 0, 1, None),
                 ("Đề xuất dự án đầu tư", 1, 0, "A.I.3"),
                 ("Tài liệu chứng minh năng lực tài chính của nhà đầu tư (báo cáo tài chính 02 năm "
                  "gần nhất, cam kết hỗ trợ tài chính của công ty mẹ hoặc tổ chức tài chính)", 1, 0,
                  None),
                 ("Hợp đồng thuê lại đất, nhà xưởng trong khu công nghiệp hoặc tài liệu xác định "
                  "quyền sử dụng địa điểm", 0, 1, None)],
        time=(15, "working_days"), legal=[LAW_INVESTMENT, DECREE_INVESTMENT, CIRCULAR_INVESTMENT,
                                          DECREE_ZONES],
        announce=ANNOUNCE_INVESTMENT, results=["Giấy chứng nhận đăng ký đầu tư"],
        online=4, online_url=NATIONAL_PORTAL,
        requirements="Dự án không thuộc ngành, nghề cấm đầu tư kinh doanh; có địa điểm thực hiện "
                     "trong khu công nghiệp; phù hợp với quy hoạch; đáp ứng điều kiện tiếp cận "
                     "thị trường đối với nhà đầu tư nước ngoài.",
        related=["1.009648", "1.009653"],
    ),
    procedure(
        "1.009648", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư đối với dự án đầu tư không thuộc "
        "diện chấp thuận chủ trương đầu tư", INVESTMENT,
        steps=[INVESTOR_STEPS_RECEIVE, CHECK_STEP,
               "Bước 3: Trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, Ban Quản "
               "lý điều chỉnh Giấy chứng nhận đăng ký đầu tư.",
               "Bước 4: Nhà đầu tư nhận kết quả."],
        dossier=[("Văn bản đề nghị điều chỉnh dự án đầu tư", 1, 0, "A.I.11"),
                 ("Báo cáo tình hình triển khai dự án đầu tư đến thời điểm điều chỉnh", 1, 0,
                  "A.I.12"),
                 ("Quyết định của nhà đầu tư về việc điều chỉnh dự án đầu tư", 1, 0, None),
                 ("Tài liệu giải trình nội dung điều chỉnh", 1, 0, None)],
        time=(10, "working_days"), legal=[LAW_INVESTMENT, DECREE_INVESTMENT, CIRCULAR_INVESTMENT],
        announce=ANNOUNCE_INVESTMENT, results=["Giấy chứng nhận đăng ký đầu tư điều chỉnh"],
        online=4, online_url=NATIONAL_PORTAL, related=["1.009645"],
    ),
    procedure(
        "1.009653", "Cấp lại Giấy chứng nhận đăng ký đầu tư", INVESTMENT,
        steps=[INVESTOR_STEPS_RECEIVE,
               "Bước 2: Trong thời hạn 05 ngày làm việc kể từ ngày nhận văn bản đề nghị, Ban Quản "
               "lý cấp lại Giấy chứng nhận đăng ký đầu tư.",
               "Bước 3: Nhà đầu tư nhận kết quả."],
        dossier=[("Văn bản đề nghị cấp lại Giấy chứng nhận đăng ký đầu tư", 1, 0, "A.I.16")],
        time=(5, "working_days"), legal=[LAW_INVESTMENT, DECREE_INVESTMENT],
        announce=ANNOUNCE_INVESTMENT, results=["Giấy chứng nhận đăng ký đầu tư (cấp lại)"],
        online=4, online_url=NATIONAL_PORTAL, requirements="Giấy chứng nhận đăng ký đầu tư bị "
        "mất hoặc bị hỏng.",
    ),
    procedure(
        "1.009640", "Chấp thuận chủ trương đầu tư của Ban Quản lý khu công nghiệp", INVESTMENT,
        steps=[INVESTOR_STEPS_RECEIVE, CHECK_STEP,
               "Bước 3: Ban Quản lý gửi hồ sơ lấy ý kiến thẩm định của cơ quan nhà nước có liên "
               "quan trong thời hạn 03 ngày làm việc; các cơ quan có ý kiến trong 15 ngày.",
               "Bước 4: Ban Quản lý lập báo cáo thẩm định và quyết định chấp thuận chủ trương đầu "
               "tư đồng thời với chấp thuận nhà đầu tư.",
               "Bước 5: Nhà đầu tư nhận kết quả."],
        dossier=[("Văn bản đề nghị thực hiện dự án đầu tư", 1, 0, "A.I.1"),
                 ("Đề xuất dự án đầu tư", 1, 0, "A.I.3"),
                 ("Tài liệu về tư cách pháp lý của nhà đầu tư", 0, 1, None),
                 ("Tài liệu chứng minh năng lực tài chính của nhà đầu tư", 1, 0, None),
                 ("Đề xuất nhu cầu sử dụng đất hoặc tài liệu về quyền sử dụng địa điểm", 1, 0,
                  None)],
        time=(35, "days"), time_note="Kể từ ngày nhận đủ hồ sơ hợp lệ.",
        legal=[LAW_INVESTMENT, DECREE_INVESTMENT, DECREE_ZONES], announce=ANNOUNCE_INVESTMENT,
        results=["Quyết định chấp thuận chủ trương đầu tư"], online=3, online_url=PORTAL,
        requirements="Dự án thuộc thẩm quyền chấp thuận chủ trương đầu tư của Ban Quản lý theo "
                     "khoản 7 Điều 33 Nghị định số 31/2021/NĐ-CP.",
    ),
    procedure(
        "1.009660", "Giãn tiến độ thực hiện dự án đầu tư", INVESTMENT,
        steps=[INVESTOR_STEPS_RECEIVE,
               "Bước 2: Ban Quản lý có ý kiến về việc giãn tiến độ trong thời hạn 15 ngày kể từ "
               "ngày nhận văn bản đề nghị.", "Bước 3: Nhà đầu tư nhận kết quả."],
        dossier=[("Văn bản đề nghị giãn tiến độ thực hiện dự án đầu tư", 1, 0, "A.I.14"),
                 ("Báo cáo tình hình triển khai dự án đầu tư", 1, 0, "A.I.12"),
                 ("Quyết định của nhà đầu tư về việc giãn tiến độ", 1, 0, None)],
        time=(15, "days"), legal=[LAW_INVESTMENT, DECREE_INVESTMENT], announce=ANNOUNCE_INVESTMENT,
        results=["Văn bản chấp thuận giãn tiến độ thực hiện dự án đầu tư"], online=3,
        online_url=PORTAL, requirements="Tổng thời gian giãn tiến độ không quá 24 tháng.",
    ),
    procedure(
        "1.009664", "Chấm dứt hoạt động của dự án đầu tư", INVESTMENT,
        steps=["Bước 1: Nhà đầu tư gửi thông báo chấm dứt hoạt động kèm quyết định chấm dứt "
               "trong thời hạn 15 ngày kể từ ngày quyết định.",
               "Bước 2: Ban Quản lý thu hồi Giấy chứng nhận đăng ký đầu tư trong 15 ngày kể từ "
               "ngày nhận thông báo."],
        dossier=[("Thông báo chấm dứt hoạt động dự án đầu tư", 1, 0, "A.I.15"),
                 ("Quyết định chấm dứt hoạt động dự án đầu tư của nhà đầu tư", 0, 1, None),
                 ("Bản gốc Giấy chứng nhận đăng ký đầu tư", 1, 0, None)],
        time=(15, "days"), legal=[LAW_INVESTMENT, DECREE_INVESTMENT], announce=ANNOUNCE_INVESTMENT,
        results=["Quyết định thu hồi Giấy chứng nhận đăng ký đầu tư"], online=3,
        online_url=PORTAL,
    ),
    procedure(
        "1.009669", "Thành lập văn phòng điều hành của nhà đầu tư nước ngoài trong hợp đồng BCC",
        INVESTMENT,
        steps=[INVESTOR_STEPS_RECEIVE,
               "Bước 2: Ban Quản lý cấp Giấy chứng nhận đăng ký hoạt động văn phòng điều hành "
               "trong 15 ngày kể từ ngày nhận đủ hồ sơ.", "Bước 3: Nhà đầu tư nhận kết quả."],
        dossier=[("Văn bản đăng ký thành lập văn phòng điều hành", 1, 0, "A.I.17"),
                 ("Quyết định bổ nhiệm người đứng đầu văn phòng điều hành", 0, 1, None),
                 ("Hợp đồng BCC", 0, 1, None)],
        time=(15, "days"), legal=[LAW_INVESTMENT, DECREE_INVESTMENT], announce=ANNOUNCE_INVESTMENT,
        results=["Giấy chứng nhận đăng ký hoạt động văn phòng điều hành"],
        applicants="Nhà đầu tư nước ngoài tham gia hợp đồng hợp tác kinh doanh (BCC).",
    ),
    procedure(
        "1.009972", "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II "
        "(công trình không theo tuyến) trong khu công nghiệp", CONSTRUCTION,
        steps=["Bước 1: Chủ đầu tư nộp hồ sơ tại Bộ phận Một cửa của Ban Quản lý.",
               "Bước 2: Trong 07 ngày làm việc, Ban Quản lý kiểm tra thực địa và thẩm định hồ sơ; "
               "thông báo bằng văn bản nếu phải bổ sung.",
               "Bước 3: Ban Quản lý cấp giấy phép xây dựng trong 20 ngày kể từ ngày nhận đủ hồ sơ "
               "hợp lệ.", "Bước 4: Chủ đầu tư nhận giấy phép và nộp lệ phí."],
        dossier=[("Đơn đề nghị cấp giấy phép xây dựng", 1, 0, "XD-01"),
                 ("Giấy tờ hợp pháp về quyền sử dụng đất hoặc hợp đồng thuê lại đất trong khu "
                  "công nghiệp", 0, 1, None),
                 ("Quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định thiết kế xây "
                  "dựng của cơ quan chuyên môn", 0, 1, None),
                 ("Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng "
                  "kỹ thuật)", 2, 0, None),
                 ("Văn bản thẩm duyệt thiết kế về phòng cháy và chữa cháy", 0, 1, None)],
        time=(20, "days"), fee=(150000, "Lệ phí cấp giấy phép xây dựng công trình."),
        legal=[LAW_CONSTRUCTION, LAW_CONSTRUCTION_2020, DECREE_CONSTRUCTION],
        announce=ANNOUNCE_CONSTRUCTION, results=["Giấy phép xây dựng"], kind=NOT_DETAILED,
        applicants="Chủ đầu tư xây dựng công trình trong khu công nghiệp.", online=3,
        online_url=PORTAL, officer="qhxd", competent="Ban Quản lý các Khu công nghiệp Tiền Giang "
        "(được Ủy ban nhân dân tỉnh ủy quyền)", related=["1.009973", "1.009974"],
    ),
    procedure(
        "1.009973", "Điều chỉnh giấy phép xây dựng đối với công trình trong khu công nghiệp",
        CONSTRUCTION,
        steps=["Bước 1: Chủ đầu tư nộp hồ sơ tại Bộ phận Một cửa.",
               "Bước 2: Ban Quản lý thẩm định hồ sơ, kiểm tra thực địa.",
               "Bước 3: Ban Quản lý cấp giấy phép xây dựng điều chỉnh trong 20 ngày kể từ ngày "
               "nhận đủ hồ sơ hợp lệ."],
        dossier=[("Đơn đề nghị điều chỉnh giấy phép xây dựng", 1, 0, "XD-02"),
                 ("Bản chính giấy phép xây dựng đã được cấp", 1, 0, None),
                 ("Bản vẽ thiết kế xây dựng điều chỉnh", 2, 0, None)],
        time=(20, "days"), fee=(100000, "Lệ phí điều chỉnh giấy phép xây dựng."),
        legal=[LAW_CONSTRUCTION, LAW_CONSTRUCTION_2020, DECREE_CONSTRUCTION],
        announce=ANNOUNCE_CONSTRUCTION, results=["Giấy phép xây dựng điều chỉnh"],
        kind=NOT_DETAILED, applicants="Chủ đầu tư xây dựng công trình trong khu công nghiệp.",
        online=3, online_url=PORTAL, officer="qhxd",
    ),
    procedure(
        "1.009974", "Gia hạn giấy phép xây dựng đối với công trình trong khu công nghiệp",
        CONSTRUCTION,
        steps=["Bước 1: Chủ đầu tư nộp đơn đề nghị gia hạn trước thời điểm giấy phép hết hiệu "
               "lực khởi công 30 ngày.",
               "Bước 2: Ban Quản lý xem xét gia hạn trong 05 ngày làm việc."],
        dossier=[("Đơn đề nghị gia hạn giấy phép xây dựng", 1, 0, "XD-02"),
                 ("Bản chính giấy phép xây dựng đã được cấp", 1, 0, None)],
        time=(5, "working_days"), legal=[LAW_CONSTRUCTION, DECREE_CONSTRUCTION],
        announce=ANNOUNCE_CONSTRUCTION, results=["Giấy phép xây dựng được gia hạn"],
        kind=NOT_DETAILED, applicants="Chủ đầu tư xây dựng công trình trong khu công nghiệp.",
        officer="qhxd", requirements="Mỗi giấy phép chỉ được gia hạn tối đa 02 lần, mỗi lần 12 "
        "tháng.",
    ),
    procedure(
        "1.008432", "Thẩm định, phê duyệt nhiệm vụ và đồ án quy hoạch chi tiết xây dựng tỷ lệ "
        "1/500 trong khu công nghiệp", PLANNING,
        steps=["Bước 1: Chủ đầu tư nộp tờ trình và hồ sơ đồ án quy hoạch.",
               "Bước 2: Ban Quản lý lấy ý kiến cơ quan, tổ chức liên quan và thẩm định trong 15 "
               "ngày làm việc.", "Bước 3: Ban Quản lý phê duyệt trong 15 ngày làm việc kể từ "
               "ngày nhận báo cáo thẩm định."],
        dossier=[("Tờ trình đề nghị thẩm định, phê duyệt", 1, 0, "QH-01"),
                 ("Thuyết minh đồ án quy hoạch chi tiết", 1, 0, None),
                 ("Bản vẽ đồ án quy hoạch tỷ lệ 1/500", 2, 0, None),
                 ("Dự thảo quyết định phê duyệt", 1, 0, None)],
        time=(30, "working_days"), legal=[("21/2017/QH14", "Luật Quy hoạch"), LAW_CONSTRUCTION],
        announce=ANNOUNCE_CONSTRUCTION, results=["Quyết định phê duyệt đồ án quy hoạch chi tiết"],
        kind=NOT_DETAILED, applicants="Doanh nghiệp kinh doanh kết cấu hạ tầng khu công nghiệp.",
        officer="qhxd",
    ),
    procedure(
        "1.010727", "Cấp giấy phép môi trường đối với dự án đầu tư, cơ sở trong khu công nghiệp "
        "thuộc thẩm quyền của Ủy ban nhân dân tỉnh", ENVIRONMENT,
        steps=["Bước 1: Chủ dự án, cơ sở nộp hồ sơ đề nghị cấp giấy phép môi trường.",
               "Bước 2: Ban Quản lý kiểm tra hồ sơ, thành lập hội đồng thẩm định hoặc đoàn kiểm "
               "tra và kiểm tra thực tế.",
               "Bước 3: Cấp giấy phép môi trường trong 30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
               "Bước 4: Chủ dự án nhận kết quả và nộp phí thẩm định."],
        dossier=[("Văn bản đề nghị cấp giấy phép môi trường", 1, 0, "MT-GP"),
                 ("Báo cáo đề xuất cấp giấy phép môi trường", 1, 0, None),
                 ("Bản sao báo cáo nghiên cứu khả thi hoặc tài liệu tương đương", 0, 1, None)],
        time=(30, "days"), fee=(14000000, "Phí thẩm định cấp giấy phép môi trường (dự án nhóm "
                                          "II) theo Nghị quyết của Hội đồng nhân dân tỉnh."),
        legal=[LAW_ENVIRONMENT, DECREE_ENVIRONMENT], announce=ANNOUNCE_ENVIRONMENT,
        results=["Giấy phép môi trường"], applicants="Chủ dự án đầu tư, chủ cơ sở trong khu công "
        "nghiệp.", online=3, online_url=PORTAL, officer="qlmt",
    ),
    procedure(
        "1.010733", "Thẩm định báo cáo đánh giá tác động môi trường", ENVIRONMENT,
        steps=["Bước 1: Chủ dự án nộp hồ sơ đề nghị thẩm định.",
               "Bước 2: Ban Quản lý thành lập hội đồng thẩm định, tổ chức khảo sát thực tế.",
               "Bước 3: Thông báo kết quả thẩm định trong 25 ngày; phê duyệt kết quả thẩm định "
               "trong 20 ngày kể từ ngày nhận báo cáo đã hoàn thiện."],
        dossier=[("Văn bản đề nghị thẩm định báo cáo đánh giá tác động môi trường", 1, 0,
                  "MT-DTM"),
                 ("Báo cáo đánh giá tác động môi trường", 1, 0, None),
                 ("Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương", 1, 0, None)],
        time=(25, "days"), fee=(20000000, "Phí thẩm định báo cáo đánh giá tác động môi trường "
                                          "(dự án có tổng vốn từ 100 đến dưới 500 tỷ đồng)."),
        legal=[LAW_ENVIRONMENT, DECREE_ENVIRONMENT], announce=ANNOUNCE_ENVIRONMENT,
        results=["Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường"],
        applicants="Chủ dự án đầu tư trong khu công nghiệp.", online=3, online_url=PORTAL,
        officer="qlmt",
    ),
    procedure(
        "2.000205", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        FOREIGN_WORKERS,
        steps=["Bước 1: Trước ít nhất 15 ngày kể từ ngày người lao động nước ngoài dự kiến bắt đầu "
               "làm việc, người sử dụng lao động nộp hồ sơ.",
               "Bước 2: Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, Ban Quản lý cấp giấy "
               "phép lao động; trường hợp không cấp có văn bản nêu rõ lý do.",
               "Bước 3: Người sử dụng lao động nhận giấy phép, ký hợp đồng lao động và gửi bản "
               "sao hợp đồng cho Ban Quản lý."],
        dossier=[("Văn bản đề nghị cấp giấy phép lao động", 1, 0, "LD-11"),
                 ("Giấy chứng nhận sức khỏe hoặc giấy khám sức khỏe (trong 12 tháng)", 1, 0, None),
                 ("Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải là người phạm tội (trong "
                  "6 tháng)", 1, 0, None),
                 ("Văn bản, giấy tờ chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia, lao "
                  "động kỹ thuật", 0, 1, None),
                 ("02 ảnh màu (4 cm x 6 cm, phông nền trắng)", 2, 0, None),
                 ("Bản sao hộ chiếu còn giá trị", 0, 1, None),
                 ("Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài", 0, 1, None)],
        time=(5, "working_days"), fee=(600000, "Lệ phí cấp giấy phép lao động theo Nghị quyết "
                                                "của Hội đồng nhân dân tỉnh."),
        legal=[LABOUR_CODE, DECREE_FOREIGN_WORKERS, DECREE_FOREIGN_WORKERS_2023],
        announce=ANNOUNCE_LABOUR, results=["Giấy phép lao động"],
        applicants="Doanh nghiệp, tổ chức trong khu công nghiệp sử dụng người lao động nước "
                   "ngoài.", online=4, online_url=NATIONAL_PORTAL, officer="chuyenvien",
        competent="Ban Quản lý các Khu công nghiệp Tiền Giang (được Ủy ban nhân dân tỉnh ủy "
        "quyền)", related=["2.000192", "1.000459", "2.000219"],
        requirements="Đủ 18 tuổi trở lên, có năng lực hành vi dân sự đầy đủ; có trình độ chuyên "
                     "môn, kỹ thuật, tay nghề, kinh nghiệm làm việc; có đủ sức khỏe; không phải "
                     "là người đang chấp hành hình phạt; có văn bản chấp thuận nhu cầu sử dụng "
                     "người lao động nước ngoài.",
    ),
    procedure(
        "2.000192",
        "Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        FOREIGN_WORKERS,
        steps=["Bước 1: Người sử dụng lao động nộp hồ sơ đề nghị cấp lại.",
               "Bước 2: Trong 03 ngày làm việc kể từ ngày nhận đủ hồ sơ, Ban Quản lý cấp lại "
               "giấy phép lao động."],
        dossier=[("Văn bản đề nghị cấp lại giấy phép lao động", 1, 0, "LD-11"),
                 ("02 ảnh màu (4 cm x 6 cm)", 2, 0, None),
                 ("Giấy phép lao động còn thời hạn đã được cấp (trừ trường hợp bị mất)", 1, 0,
                  None)],
        time=(3, "working_days"), fee=(450000, "Lệ phí cấp lại giấy phép lao động."),
        legal=[LABOUR_CODE, DECREE_FOREIGN_WORKERS, DECREE_FOREIGN_WORKERS_2023],
        announce=ANNOUNCE_LABOUR, results=["Giấy phép lao động (cấp lại)"],
        applicants="Doanh nghiệp, tổ chức trong khu công nghiệp sử dụng người lao động nước "
                   "ngoài.", online=4, online_url=NATIONAL_PORTAL, officer="chuyenvien",
        related=["2.000205"],
    ),
    procedure(
        "1.000459",
        "Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        FOREIGN_WORKERS,
        steps=["Bước 1: Trước ít nhất 05 ngày nhưng không quá 45 ngày trước ngày giấy phép hết "
               "hạn, người sử dụng lao động nộp hồ sơ.",
               "Bước 2: Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, Ban Quản lý gia hạn giấy "
               "phép lao động."],
        dossier=[("Văn bản đề nghị gia hạn giấy phép lao động", 1, 0, "LD-11"),
                 ("Giấy phép lao động còn thời hạn đã được cấp", 1, 0, None),
                 ("Giấy chứng nhận sức khỏe (trong 12 tháng)", 1, 0, None),
                 ("Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài", 0, 1, None)],
        time=(5, "working_days"), fee=(450000, "Lệ phí gia hạn giấy phép lao động."),
        legal=[LABOUR_CODE, DECREE_FOREIGN_WORKERS, DECREE_FOREIGN_WORKERS_2023],
        announce=ANNOUNCE_LABOUR, results=["Giấy phép lao động được gia hạn"],
        applicants="Doanh nghiệp, tổ chức trong khu công nghiệp sử dụng người lao động nước "
                   "ngoài.", online=4, online_url=NATIONAL_PORTAL, officer="chuyenvien",
        requirements="Chỉ được gia hạn một lần, thời hạn tối đa 02 năm.",
    ),
    procedure(
        "2.000219", "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động",
        FOREIGN_WORKERS,
        steps=["Bước 1: Trước ít nhất 10 ngày kể từ ngày người lao động nước ngoài bắt đầu làm "
               "việc, người sử dụng lao động đề nghị xác nhận.",
               "Bước 2: Ban Quản lý xác nhận trong 03 ngày làm việc kể từ ngày nhận đủ hồ sơ."],
        dossier=[("Văn bản đề nghị xác nhận không thuộc diện cấp giấy phép lao động", 1, 0,
                  "LD-09"),
                 ("Giấy chứng nhận sức khỏe", 1, 0, None),
                 ("Bản sao hộ chiếu", 0, 1, None),
                 ("Giấy tờ chứng minh không thuộc diện cấp giấy phép lao động", 0, 1, None)],
        time=(3, "working_days"), legal=[LABOUR_CODE, DECREE_FOREIGN_WORKERS,
                                         DECREE_FOREIGN_WORKERS_2023],
        announce=ANNOUNCE_LABOUR, results=["Văn bản xác nhận không thuộc diện cấp giấy phép lao "
                                           "động"],
        applicants="Doanh nghiệp, tổ chức trong khu công nghiệp sử dụng người lao động nước "
                   "ngoài.", online=3, online_url=PORTAL, officer="chuyenvien",
    ),
    procedure(
        "2.000108", "Chấp thuận nhu cầu sử dụng người lao động nước ngoài", FOREIGN_WORKERS,
        steps=["Bước 1: Trước ít nhất 15 ngày kể từ ngày dự kiến sử dụng, người sử dụng lao động "
               "báo cáo giải trình nhu cầu.",
               "Bước 2: Ban Quản lý có văn bản chấp thuận hoặc không chấp thuận trong 10 ngày "
               "làm việc kể từ ngày nhận báo cáo."],
        dossier=[("Báo cáo giải trình nhu cầu sử dụng người lao động nước ngoài", 1, 0, "LD-01"),
                 ("Văn bản thông báo tuyển dụng người lao động Việt Nam vào vị trí dự kiến", 0, 1,
                  None)],
        time=(10, "working_days"), legal=[DECREE_FOREIGN_WORKERS, DECREE_FOREIGN_WORKERS_2023],
        announce=ANNOUNCE_LABOUR, results=["Văn bản chấp thuận nhu cầu sử dụng người lao động "
                                           "nước ngoài"],
        applicants="Doanh nghiệp, tổ chức trong khu công nghiệp.", online=3, online_url=PORTAL,
        officer="chuyenvien", related=["2.000205"],
    ),
    procedure(
        "1.009466", "Đăng ký nội quy lao động", LABOUR,
        steps=["Bước 1: Trong 10 ngày kể từ ngày ban hành nội quy, người sử dụng lao động nộp hồ "
               "sơ đăng ký.",
               "Bước 2: Trong 07 ngày làm việc, nếu nội quy có nội dung trái pháp luật, Ban Quản "
               "lý thông báo, hướng dẫn sửa đổi và đăng ký lại."],
        dossier=[("Văn bản đề nghị đăng ký nội quy lao động", 1, 0, "LD-NQ"),
                 ("Nội quy lao động", 1, 0, None),
                 ("Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có)", 0, 1,
                  None),
                 ("Các văn bản quy định liên quan đến kỷ luật lao động, trách nhiệm vật chất", 0, 1,
                  None)],
        time=(7, "working_days"), legal=[LABOUR_CODE, DECREE_LABOUR], announce=ANNOUNCE_LABOUR,
        results=["Thông báo đăng ký nội quy lao động"],
        applicants="Người sử dụng lao động trong khu công nghiệp sử dụng từ 10 người lao động "
                   "trở lên.", officer="chuyenvien", channels=(1, 3),
    ),
    procedure(
        "1.009467", "Thông báo về việc tổ chức làm thêm giờ từ trên 200 giờ đến 300 giờ trong một "
        "năm", LABOUR,
        steps=["Bước 1: Người sử dụng lao động gửi thông báo bằng văn bản chậm nhất 15 ngày kể "
               "từ ngày thực hiện làm thêm giờ.", "Bước 2: Ban Quản lý tiếp nhận, theo dõi."],
        dossier=[("Văn bản thông báo về việc tổ chức làm thêm giờ", 1, 0, "LD-TG")],
        time=(1, "working_days"), time_note="Tiếp nhận và vào sổ theo dõi.",
        legal=[LABOUR_CODE, DECREE_LABOUR], announce=ANNOUNCE_LABOUR,
        results=["Tiếp nhận thông báo (không trả kết quả bằng văn bản)"],
        applicants="Người sử dụng lao động trong khu công nghiệp.", officer="chuyenvien",
        channels=(1, 2, 3), kind=NOT_DETAILED, online=3, online_url=PORTAL,
    ),
    procedure(
        "2.000575", "Cấp Giấy chứng nhận xuất xứ hàng hóa ưu đãi (C/O ưu đãi)", TRADE,
        steps=["Bước 1: Thương nhân đăng ký hồ sơ thương nhân (lần đầu) và khai báo hồ sơ đề "
               "nghị cấp C/O trên Hệ thống eCoSys.",
               "Bước 2: Ban Quản lý kiểm tra hồ sơ; cấp C/O trong 06 giờ làm việc đối với hồ sơ "
               "điện tử, 08 giờ làm việc đối với hồ sơ giấy.",
               "Bước 3: Thương nhân nhận C/O tại Ban Quản lý hoặc qua dịch vụ bưu chính."],
        cases=[
            ("Hồ sơ đề nghị cấp C/O lần đầu", [
                ("Đơn đề nghị cấp C/O", 1, 0, "CO"),
                ("Mẫu C/O tương ứng đã được khai hoàn chỉnh", 1, 0, None),
                ("Tờ khai hải quan xuất khẩu", 0, 1, None),
                ("Hóa đơn thương mại", 0, 1, None),
                ("Bảng kê khai chi tiết hàng hóa xuất khẩu đạt tiêu chí xuất xứ", 1, 0, None)]),
            ("Hồ sơ đăng ký thương nhân (chỉ nộp lần đầu)", [
                ("Đăng ký mẫu chữ ký của người được ủy quyền ký Đơn đề nghị cấp C/O và con dấu",
                 1, 0, None),
                ("Giấy chứng nhận đăng ký doanh nghiệp", 0, 1, None),
                ("Danh mục các cơ sở sản xuất của thương nhân", 1, 0, None)]),
        ],
        dossier=[], time=(8, "hours"), time_note="06 giờ làm việc với hồ sơ điện tử đầy đủ.",
        legal=[DECREE_ORIGIN, CIRCULAR_ORIGIN], announce=ANNOUNCE_TRADE,
        results=["Giấy chứng nhận xuất xứ hàng hóa (C/O) mẫu D, E, AK, AJ, VK, CPTPP, EUR.1"],
        applicants="Thương nhân xuất khẩu hàng hóa sản xuất trong khu công nghiệp.", online=4,
        online_url=ECOSYS, officer=None, kind=NOT_DETAILED,
        competent="Bộ Công Thương (ủy quyền cho Ban Quản lý các Khu công nghiệp Tiền Giang)",
    ),
    procedure(
        "1.004975", "Cấp Giấy chứng nhận đầu tư theo Luật Đầu tư năm 2005", INVESTMENT,
        steps=["Bước 1: Nhà đầu tư nộp hồ sơ tại Ban Quản lý.",
               "Bước 2: Ban Quản lý cấp Giấy chứng nhận đầu tư."],
        dossier=[("Bản đăng ký/đề nghị cấp Giấy chứng nhận đầu tư", 1, 0, None)],
        time=(15, "working_days"), legal=[("59/2005/QH11", "Luật Đầu tư năm 2005")],
        announce=ANNOUNCE_INVESTMENT, results=["Giấy chứng nhận đầu tư"], status="abolished",
        status_note="Bãi bỏ từ khi Luật Đầu tư năm 2014 có hiệu lực; thay bằng thủ tục 1.009645.",
        related=["1.009645"],
    ),
]

# Officers written by hand where the board names its one-stop desk staff.
ONE_STOP_OFFICER = {
    "receiving_name": "Nguyễn Thị Kim Ngân",
    "receiving_title": "Chuyên viên Bộ phận Một cửa",
    "receiving_phone": "0273 3871 571",
    "receiving_email": "motcua.bqlkcn@tiengiang.gov.vn",
}
