import io

import pytest

from plugins.stats_pages.models import StatisticsIndexPage, StatisticsPage
from plugins.stats_pages.tables import check_dataset

PCI = (["Năm", "Điểm PCI", "Xếp hạng"],
       [("2019", "65,03", "20"), ("2020", "64,76", "23"), ("2021", "", "25"),
        ("2022", "64,88", "21")])


@pytest.fixture
def agency(make_agency):
    return make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang", hostname="testserver")


def make_index(agency, slug="thong-ke"):
    page = StatisticsIndexPage(title="Thống kê – Chỉ số", slug=slug, per_page=20)
    agency.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def index_page(agency):
    return make_index(agency)


@pytest.fixture
def make_page(index_page, django_capture_on_commit_callbacks):
    """A statistics page under ``into`` (the index by default), published unless
    ``publish=False``."""

    def make(title, *, slug=None, table=PCI, publish=True, into=None, **fields):
        from django.utils.text import slugify

        values = {"topic": "investment", "year": 2022, "unit": "điểm",
                  "source": "VCCI", "chart_type": "line"}
        values.update(fields)
        page = StatisticsPage(title=title, slug=slug or slugify(title)[:50],
                              table=check_dataset(*table), live=publish, **values)
        with django_capture_on_commit_callbacks(execute=True):
            (into or index_page).add_child(instance=page)
            revision = page.save_revision()
            if publish:
                revision.publish()
        page.refresh_from_db()
        return page

    return make


def xlsx_bytes(rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods_bytes(rows):
    import tablib

    data = tablib.Dataset(*rows[1:], headers=rows[0])
    return data.export("ods")


def csv_bytes(rows):
    return "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows).encode("utf-8")
