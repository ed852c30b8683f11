"""The columns of the enterprise table: what an import reads and an export writes.

Each key maps to its accepted headers, the Vietnamese one first (the export writes it), then
the English one; headers are compared without case."""

COLUMNS = {
    "name": ("Tên doanh nghiệp", "Name"),
    "english_name": ("Tên tiếng Anh", "English name"),
    "short_name": ("Tên viết tắt", "Abbreviated name"),
    "tax_code": ("Mã số thuế", "Tax code"),
    "address": ("Địa chỉ trụ sở", "Address"),
    "zone": ("Khu, cụm công nghiệp", "Zone"),
    "industry": ("Ngành nghề", "Field of business"),
    "legal_representative": ("Người đại diện theo pháp luật", "Legal representative"),
    "phone": ("Điện thoại", "Phone"),
    "email": ("Thư điện tử", "Email"),
    "website": ("Trang thông tin điện tử", "Website"),
    "registered_on": ("Ngày đăng ký", "Registration date"),
    "status": ("Tình trạng", "Status"),
    "products": ("Sản phẩm, dịch vụ", "Products and services"),
}
REQUIRED = ("name", "tax_code")
