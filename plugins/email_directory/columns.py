"""The directory's table columns: one list for the import and the spreadsheet exports, so
an exported file imports back as it is."""

from django.utils.translation import gettext_lazy as _

from plugins.email_directory.models import MailboxKind

# key → accepted headers (the Vietnamese header first, as exported; then aliases).
COLUMNS = {
    "kind": ("Loại", "kind", "loai"),
    "full_name": ("Họ và tên", "full name", "name", "ho va ten", "họ tên"),
    "title": ("Chức vụ", "job title", "title", "chuc vu"),
    "unit": ("Đơn vị", "unit", "don vi", "phòng"),
    "leader": ("Lãnh đạo", "leader", "lanh dao"),
    "phone": ("Điện thoại", "phone", "dien thoai", "điện thoại cơ quan"),
    "mobile": ("Di động", "mobile", "di dong"),
    "email": ("Thư điện tử", "email", "thu dien tu", "địa chỉ thư điện tử"),
    "aliases": ("Bí danh", "aliases", "bi danh"),
    "birth_date": ("Ngày sinh", "birth date", "ngay sinh"),
    "duties": ("Nhiệm vụ", "duties", "nhiem vu"),
    "order": ("Thứ tự", "order", "thu tu"),
    "published": ("Công khai", "published", "cong khai"),
}
EXPORTED = ("kind", "full_name", "title", "unit", "leader", "phone", "mobile", "email",
            "aliases", "duties", "order", "published")

# What the "Loại" column says for each kind (and the words accepted on import).
KIND_WORDS = {
    "person": ("Cá nhân", "ca nhan", "person", "personal", ""),
    MailboxKind.UNIT.value: ("Đơn vị", "don vi", "unit"),
    MailboxKind.AGENCY.value: ("Cơ quan", "co quan", "agency"),
}
YES = ("Có", "co", "x", "yes", "1", "true")
NO = ("Không", "khong", "no", "0", "false")

KIND_LABELS = {"person": _("Person"), "unit": _("Unit mailbox"), "agency": _("Agency mailbox")}
