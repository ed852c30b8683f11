"""Demo library at /van-ban/: the five seed regulations as real documents, the documents
they cite (entered from their "Căn cứ" lines), and generated volume.

Idempotent: documents are found by number within the library and left alone.
"""

import datetime
import io
import random
import re

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model

from plugins.core import numbers
from plugins.core.demo import agency_home, seed_text
from plugins.core.roles import agency_collection
from plugins.core.text import slugify
from plugins.legal_docs.models import (
    DocumentType,
    IssuerLevel,
    IssuingBody,
    LegalDocumentFile,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalField,
    LegalRelation,
)
from plugins.legal_docs.national_types import ensure_document_types
from plugins.legal_docs.relations import RelationKind

ISSUERS = [
    # (abbreviation, name, level)
    ("QH", "Quốc hội", IssuerLevel.CENTRAL),
    ("CP", "Chính phủ", IssuerLevel.CENTRAL),
    ("TTg", "Thủ tướng Chính phủ", IssuerLevel.CENTRAL),
    ("BTTTT", "Bộ Thông tin và Truyền thông", IssuerLevel.CENTRAL),
    ("BNV", "Bộ Nội vụ", IssuerLevel.CENTRAL),
    ("UBND", "Ủy ban nhân dân tỉnh Tiền Giang", IssuerLevel.PROVINCIAL),
    ("UBND-BĐ", "Ủy ban nhân dân tỉnh Bình Định", IssuerLevel.PROVINCIAL),
    ("UBND-LC", "Ủy ban nhân dân tỉnh Lào Cai", IssuerLevel.PROVINCIAL),
    ("UBND-KT", "Ủy ban nhân dân tỉnh Kon Tum", IssuerLevel.PROVINCIAL),
    ("UBND-GL", "Ủy ban nhân dân tỉnh Gia Lai", IssuerLevel.PROVINCIAL),
    ("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang", IssuerLevel.AGENCY),
    ("BQL-BĐ", "Ban Quản lý Khu kinh tế tỉnh Bình Định", IssuerLevel.PROVINCIAL),
    ("SKH", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai", IssuerLevel.PROVINCIAL),
    ("STNMT", "Sở Tài nguyên và Môi trường tỉnh Kon Tum", IssuerLevel.PROVINCIAL),
    ("STTTT", "Sở Thông tin và Truyền thông tỉnh Gia Lai", IssuerLevel.PROVINCIAL),
]
FIELDS = ["Công nghệ thông tin", "Đầu tư", "Doanh nghiệp", "Môi trường", "Xây dựng",
          "Lao động", "Tổ chức bộ máy", "Văn thư, lưu trữ"]

# The five seed regulations (seeds 000-004): real numbers, dates and signers.
SEEDS = [
    # (seed, number, issuer, date, signer title, signer, title, fields, issued by BQL)
    (0, "29/QĐ-BQL", "BQL", datetime.date(2018, 3, 20), "TRƯỞNG BAN", "",
     "Ban hành Quy chế quản lý, sử dụng Trang thông tin điện tử của Ban Quản lý các Khu công "
     "nghiệp Tiền Giang trên mạng Internet", ["Công nghệ thông tin"], True),
    (1, "95/QĐ-SKH", "SKH", datetime.date(2013, 6, 19), "GIÁM ĐỐC", "Đặng Xuân Phong",
     "Ban hành Quy chế quản lý, sử dụng các Cổng thông tin điện tử, phần mềm và hệ thống thư "
     "điện tử Sở Kế hoạch và Đầu tư tỉnh Lào Cai", ["Công nghệ thông tin"], False),
    (2, "99/QĐ-STNMT", "STNMT", datetime.date(2011, 10, 4), "GIÁM ĐỐC", "La Xuân Khanh",
     "Về việc ban hành Quy chế hoạt động Trang thông tin điện tử Sở Tài nguyên và Môi trường "
     "Kon Tum", ["Công nghệ thông tin", "Môi trường"], False),
    (3, "647/QĐ-BQL", "BQL-BĐ", datetime.date(2017, 10, 6), "TRƯỞNG BAN", "Phan Cao Thắng",
     "Về việc ban hành Quy chế quản lý, sử dụng hệ thống Văn phòng điện tử liên thông và Thư "
     "điện tử công vụ tại Ban Quản lý Khu kinh tế tỉnh Bình Định",
     ["Công nghệ thông tin", "Văn thư, lưu trữ"], False),
    (4, "132/QĐ-STTTT", "STTTT", datetime.date(2011, 12, 28), "GIÁM ĐỐC", "",
     "Ban hành Quy chế Quản lý, sử dụng Hệ thống Quản lý văn bản và điều hành của Sở Thông tin "
     "và Truyền thông tỉnh Gia Lai", ["Công nghệ thông tin", "Văn thư, lưu trữ"], False),
]
# Issuers of the cited documents, by the issuer part of their number and the seed citing them.
CITED_ISSUER = {"CP": "CP", "TTg": "TTg", "BTTTT": "BTTTT", "BNV": "BNV", "BQL": "BQL"}
SEED_PROVINCE = {0: "UBND", 1: "UBND-LC", 2: "UBND-KT", 3: "UBND-BĐ", 4: "UBND-GL"}

_NUMBER = re.compile(r"\d{1,5}\s*/\s*(?:\d{4}\s*/\s*)?[A-Za-zĐđ]+(?:-[A-Za-zĐđ0-9&]+)+")
_DATE = re.compile(r"ngày\s+(\d{1,2})\s*(?:/|\s+tháng\s+)(\d{1,2})\s*(?:/|\s+năm\s+)(\d{4})")


def _taxonomy(context):
    types = {t.code: t for t in DocumentType.objects.all()}
    types.update(ensure_document_types(DocumentType))
    issuers = {}
    for order, (abbreviation, name, level) in enumerate(ISSUERS):
        issuers[abbreviation], created = IssuingBody.objects.get_or_create(
            name=name, defaults={"abbreviation": abbreviation.split("-")[0], "level": level,
                                 "sort_order": order},
        )
        context.note(created, f"issuing body {name}")
    fields = {}
    for name in FIELDS:
        fields[name], created = LegalField.objects.get_or_create(name=name)
        context.note(created, f"field {name}")
    return types, issuers, fields


def _html(text):
    paragraphs = [p.strip().strip("*#").strip() for p in text.split("\n") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)


def _odt_file(title, text, collection):
    """The document's text as an ODT file (an open format, R-LD-7), stored as a Document."""
    from odfdo import Document, Paragraph

    odt = Document("text")
    body = odt.body
    body.clear()
    for line in [title, *text.split("\n")]:
        if line.strip():
            body.append(Paragraph(line.strip().strip("*#").strip()))
    buffer = io.BytesIO()
    odt.save(buffer)
    Document_ = get_document_model()
    document = Document_(title=title[:255], collection=collection)
    document.file.save(f"{slugify(title, max_length=60)}.odt", ContentFile(buffer.getvalue()),
                       save=False)
    document.save()
    return document


def _citations(text):
    """(number, sentence, date) for each "Căn cứ" line of a seed that cites a numbered text."""
    found = []
    for line in text.split("\n"):
        line = line.strip()
        if not line.startswith("Căn cứ"):
            continue
        match = _NUMBER.search(line)
        if not match:
            continue
        try:
            number = numbers.normalize(match.group(0))
        except numbers.InvalidNumber:
            continue
        date = _DATE.search(line)
        day = datetime.date(int(date[3]), int(date[2]), int(date[1])) if date else None
        found.append((number, line.rstrip(";.").strip(), day))
    return found


def _publish(page):
    page.save_revision().publish()


def _ensure_document(library, context, **fields):
    number = fields["number"]
    existing = LegalDocumentPage.objects.child_of(library).filter(
        number_key=numbers.search_key(number)
    ).first()
    if existing is not None:
        return existing, False
    fields_list = fields.pop("legal_fields", [])
    files = fields.pop("files", [])
    relations = fields.pop("relations", [])
    page = LegalDocumentPage(slug=slugify(f"{number} {fields['title']}", max_length=80), **fields)
    page.number_key = numbers.search_key(number)
    page.legal_fields = fields_list
    page.files = [LegalDocumentFile(document=d, kind="main") for d in files]
    page.relations = [LegalRelation(**relation) for relation in relations]
    library.add_child(instance=page)
    _publish(page)
    context.note(True, f"legal document {number}")
    return page, True


def _library(agency, context):
    home = agency_home(agency, context)
    library = LegalDocumentIndexPage.objects.child_of(home).first()
    if library is None:
        library = LegalDocumentIndexPage(
            title="Văn bản", slug="van-ban", show_in_menus=True,
            intro="<p>Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành và văn bản của cơ "
                  "quan. Tìm theo số ký hiệu, trích yếu hoặc nội dung, có dấu hay không dấu.</p>",
        )
        home.add_child(instance=library)
        _publish(library)
        context.note(True, f"library /van-ban/ of {agency.symbol}")
    return library


def load_legal_docs_demo(context):
    types, issuers, fields = _taxonomy(context)
    agencies = context.objects.get("agencies", {})
    if "bql" not in agencies:
        return
    agency = agencies["bql"]
    library = _library(agency, context)
    collection = agency_collection(agency)
    for seed, number, issuer, date, signer_title, signer, title, field_names, here in SEEDS:
        text = seed_text(seed)
        cited = []
        for cited_number, sentence, day in _citations(text):
            parsed = numbers.parse(cited_number)
            issuer_key = CITED_ISSUER.get(parsed.issuer, SEED_PROVINCE[seed])
            if parsed.issuer == "BQL" and seed == 3:
                issuer_key = "BQL-BĐ"
            type_key = parsed.type_code if parsed.type_code in types else "QĐ"
            target, _ = _ensure_document(
                library, context, number=cited_number, title=_cited_title(sentence),
                doc_type=types[type_key], issuing_body=issuers[issuer_key],
                issue_date=day or datetime.date(parsed.year or date.year, 1, 1),
                summary=sentence, legal_fields=[fields["Công nghệ thông tin"]],
            )
            cited.append({"kind": RelationKind.BASIS, "target": target})
        document = _odt_file(title, text, collection) if not _exists(library, number) else None
        page, created = _ensure_document(
            library, context, number=number, title=title, doc_type=types["QĐ"],
            issuing_body=issuers[issuer], issue_date=date, effective_date=date,
            signer_title=signer_title, signer_name=signer, summary=title,
            body=_html(text), legal_fields=[fields[name] for name in field_names],
            issued_here=here,
            files=[document] if document else [], relations=cited,
        )
        if created and seed == 0:
            _replace_older_regulation(library, page, types, issuers, fields, context)
    _generated_volume(library, types, issuers, fields, context)


def _exists(library, number):
    return LegalDocumentPage.objects.child_of(library).filter(
        number_key=numbers.search_key(number)
    ).exists()


def _cited_title(sentence):
    title = re.sub(r"^Căn cứ\s+", "", sentence)
    return title[:250]


def _replace_older_regulation(library, page, types, issuers, fields, context):
    """Seed 000 Điều 2: it replaces Quyết định 05/QĐ-BQL of 20/11/2015."""
    older, _ = _ensure_document(
        library, context, number="05/QĐ-BQL",
        title="Ban hành Quy chế quản lý và sử dụng Trang thông tin điện tử của Ban Quản lý các "
              "Khu công nghiệp Tiền Giang trên mạng Internet",
        doc_type=types["QĐ"], issuing_body=issuers["BQL"], issue_date=datetime.date(2015, 11, 20),
        effective_date=datetime.date(2015, 11, 20), signer_title="TRƯỞNG BAN",
        summary="Quy chế quản lý và sử dụng Trang thông tin điện tử (đã được thay thế).",
        legal_fields=[fields["Công nghệ thông tin"]], issued_here=True,
    )
    if not page.relations.filter(target=older).exists():
        page.relations.add(LegalRelation(kind=RelationKind.REPLACES, target=older))
        _publish(page)


SUBJECTS = [
    "quản lý hoạt động đầu tư trong các khu công nghiệp", "bảo vệ môi trường khu công nghiệp",
    "cải cách hành chính năm {year}", "ứng dụng công nghệ thông tin trong hoạt động của cơ quan",
    "công tác văn thư, lưu trữ", "phòng cháy, chữa cháy tại doanh nghiệp",
    "tuyển dụng và sử dụng lao động nước ngoài", "quy hoạch chi tiết xây dựng khu công nghiệp",
    "đối thoại với doanh nghiệp", "thực hành tiết kiệm, chống lãng phí",
    "chuyển đổi số trong quản lý khu công nghiệp", "giải quyết thủ tục hành chính trực tuyến",
]
VERBS = {"QĐ": "Quyết định về việc", "KH": "Kế hoạch", "TB": "Thông báo về",
         "HD": "Hướng dẫn", "CT": "Chỉ thị về tăng cường", "QC": "Quy chế"}
GENERATED = 48  # settings.LEGAL_DOCS_DEMO_GENERATED overrides (the tests make fewer)
# Who signs the generated documents: the board's head and deputy of the core demo's staff
# list (plugins/core/demo_content.py), with the signing block their position gives.
SIGNERS = [("TRƯỞNG BAN", "Nguyễn Văn Thành"),
           ("KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN", "Trần Thị Mỹ Hạnh")]


def _not_in_future(day, today):
    """A published document was issued already: a date past ``today`` moves a year back."""
    while day > today:
        day = day.replace(year=day.year - 1)
    return day


def _generated_volume(library, types, issuers, fields, context):
    """Deterministic extra documents, so the library's facets and paging mean something."""
    rng = random.Random(2026)
    today = timezone.localdate()
    field_list = list(fields.values())
    for index in range(getattr(settings, "LEGAL_DOCS_DEMO_GENERATED", GENERATED)):
        code = rng.choice(list(VERBS))
        year = rng.choice([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026])
        subject = rng.choice(SUBJECTS).format(year=year)
        issue_date = _not_in_future(
            datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)), today)
        number = f"{100 + index:02d}/{code}-BQL"
        title = f"{VERBS[code]} {subject}"
        title = title[0].upper() + title[1:]
        signer_title, signer_name = rng.choice(SIGNERS)
        _ensure_document(
            library, context, number=number, title=title,
            doc_type=types[code], issuing_body=issuers["BQL"], issue_date=issue_date,
            effective_date=issue_date, signer_title=signer_title, signer_name=signer_name,
            summary=f"{title} của Ban Quản lý các Khu công nghiệp Tiền Giang.",
            legal_fields=rng.sample(field_list, k=rng.randint(1, 2)), issued_here=True,
        )
