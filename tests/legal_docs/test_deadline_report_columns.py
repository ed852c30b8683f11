"""The publication deadline report shows dates as dates (R-LD-5; issue 15 item 8).

Wagtail's DateColumn renders a date relative to now, so a deadline next month read
"0 phút trước"; the report writes 19/11/2026, and its columns fit the table.
"""

import datetime
import re

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from plugins.core.admin.columns import CalendarDateColumn
from plugins.legal_docs.models import LegalDocsSettings, LegalDocumentPage

RELATIVE = re.compile(r"trước|\bsau\b|phút|giờ|tuần|\bago\b|minute|hour|week|day", re.I)


def test_calendar_date_column_writes_day_month_year():
    """A date, an aware datetime (in the site's time zone) and an empty value."""
    column = CalendarDateColumn("when")
    row = type("Row", (), {})()
    row.when = datetime.date(2026, 11, 19)
    assert column.get_value(row) == "19/11/2026"
    # 18:30 UTC is already the next day in Hà Nội (UTC+7).
    row.when = datetime.datetime(2026, 11, 19, 18, 30, tzinfo=datetime.UTC)
    assert column.get_value(row) == "20/11/2026"
    row.when = None
    assert column.get_value(row) is None


def test_deadline_report_shows_dates_not_relative_times(client, django_user_model, make_doc,
                                                        agency):
    """R-LD-5: issue date, deadline and publication date as dd/mm/yyyy, also for a date
    in the future (a document signed today whose deadline is next week)."""
    LegalDocsSettings.objects.update_or_create(site=agency.site,
                                               defaults={"publication_deadline_days": 1})
    # Signed Friday 2026-03-06: the deadline is Monday 09/03, published Tuesday 10/03.
    late = make_doc("41/QĐ-BQL", "Đăng chậm", issue_date=datetime.date(2026, 3, 6),
                    issued_here=True)
    tz = timezone.get_current_timezone()
    LegalDocumentPage.objects.filter(pk=late.pk).update(
        first_published_at=datetime.datetime(2026, 3, 10, 8, 0, tzinfo=tz))
    future = timezone.localdate() + datetime.timedelta(days=30)
    make_doc("50/QĐ-BQL", "Ký sau", issue_date=future, issued_here=True, publish=False)
    admin = django_user_model.objects.create_superuser("it", "it@example.vn", "x-2026-pass")
    client.force_login(admin)

    soup = BeautifulSoup(client.get(reverse("legal_docs:deadlines")).content, "html.parser")
    rows = {
        row.find("td").get_text(strip=True): [td.get_text(" ", strip=True)
                                              for td in row.find_all("td")]
        for row in soup.select("tbody tr")
    }
    assert rows["41/QĐ-BQL"][2:5] == ["06/03/2026", "09/03/2026", "10/03/2026"]
    assert rows["50/QĐ-BQL"][2] == future.strftime("%d/%m/%Y")
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", rows["50/QĐ-BQL"][3])
    assert rows["50/QĐ-BQL"][4] == ""
    for cells in rows.values():
        assert not RELATIVE.search(" ".join(cells[2:])), cells


def test_deadline_report_columns_fit_the_table(client, django_user_model, make_doc, agency):
    """The last column ("Đúng hạn?") stays on screen: every column has a width, and the
    widths add up to the table's."""
    make_doc("41/QĐ-BQL", "Đăng chậm", issue_date=datetime.date(2026, 3, 6), issued_here=True)
    admin = django_user_model.objects.create_superuser("it", "it@example.vn", "x-2026-pass")
    client.force_login(admin)
    soup = BeautifulSoup(client.get(reverse("legal_docs:deadlines")).content, "html.parser")
    widths = [col.get("width") for col in soup.select("table col")]
    assert len(widths) == len(soup.select("thead th")) == 6
    assert sum(int(width.rstrip("%")) for width in widths) == 100
