"""The public enterprise directory (/doanh-nghiep/): zone, field and status facets through
the core listing, search without accents through the core search, a page per enterprise,
exports of the chosen list, the date of the last update; only this agency's published
records; a constant number of queries (seed 000 Đ4.2a; seed 001 Đ3.2c, Đ7.2g, Đ8.4;
R-ORG-3; R-SEC-2; R-LD-7)."""

import csv
import datetime
import io

import pytest
import tablib
from bs4 import BeautifulSoup
from django.utils import timezone

from plugins.enterprises.models import EnterpriseRegister

from .conftest import LIST, make_directory

pytestmark = pytest.mark.django_db


def _names(client, url=LIST, host="testserver", **params):
    response = client.get(url, params, HTTP_HOST=host)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(a.get_text().split())
            for a in soup.select(".enterprise-row .enterprise-title a")], soup


def test_the_directory_lists_the_published_enterprises(client, directory, listed):
    """Seed 000 Đ4.2a: the enterprises operating in the zones; one kept in the admin only
    is never listed."""
    names, soup = _names(client)
    assert sorted(names) == ["Công ty Cổ phần Chế biến Thủy sản Tiền Giang",
                             "Công ty TNHH Giày Da Tân Hương",
                             "Công ty TNHH May mặc Phương Nam Mỹ Tho"]
    assert soup.select_one("#results-title").get_text(strip=True) == "3 doanh nghiệp"
    assert soup.select_one("form[role=search]")
    row = soup.select(".enterprise-row")[names.index("Công ty TNHH Giày Da Tân Hương")]
    assert "Tạm ngừng kinh doanh" in row.get_text()


def test_search_without_accents_by_name_product_or_tax_code(client, directory, listed):
    """Seed 001 Đ7.2g: searching the enterprise data; a citizen types without accents."""
    names, soup = _names(client, q="may mac my tho")
    assert names == ["Công ty TNHH May mặc Phương Nam Mỹ Tho"]
    assert soup.select_one(".enterprise-title mark")
    assert _names(client, q="ca tra")[0] == ["Công ty Cổ phần Chế biến Thủy sản Tiền Giang"]
    assert _names(client, q=listed["footwear"].tax_code)[0] == ["Công ty TNHH Giày Da Tân Hương"]
    assert _names(client, q="phuong nam garment")[0] == [
        "Công ty TNHH May mặc Phương Nam Mỹ Tho"]
    assert _names(client, q="thuc pham xanh")[0] == []  # the unpublished one


def test_facets_by_zone_field_and_status(client, directory, listed, zones, industries):
    names, soup = _names(client, zone=zones["my_tho"].pk)
    assert sorted(names) == ["Công ty Cổ phần Chế biến Thủy sản Tiền Giang",
                             "Công ty TNHH May mặc Phương Nam Mỹ Tho"]
    zone_counts = [label.get_text(" ", strip=True)
                   for label in soup.select("fieldset.facet-zone label")]
    assert zone_counts == ["Khu công nghiệp Mỹ Tho (2)"]  # the counts of the selection
    statuses = [label.get_text(" ", strip=True)
                for label in soup.select("fieldset.facet-status label")]
    assert statuses == ["Đang hoạt động (2)"]  # the counts within the chosen zone
    _, soup = _names(client)
    zone_counts = [label.get_text(" ", strip=True)
                   for label in soup.select("fieldset.facet-zone label")]
    assert zone_counts == ["Khu công nghiệp Mỹ Tho (2)", "Khu công nghiệp Tân Hương (1)"]
    names, _ = _names(client, industry=industries["garment"].pk, status="suspended")
    assert names == ["Công ty TNHH Giày Da Tân Hương"]
    names, soup = _names(client, zone="999999", status="bankrupt")
    assert len(names) == 3 and soup.select_one(".notice")


def test_the_list_costs_the_same_queries_for_three_or_thirty(
        client, directory, listed, make_enterprise, zones, industries,
        django_assert_max_num_queries):
    """A constant number of SQL queries whatever the number of enterprises on the page."""
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST, {"zone": zones["my_tho"].pk}).status_code == 200
        return len(queries)

    count()  # the first request of the process loads the search snapshot
    few = count()
    for number in range(27):
        make_enterprise(f"Công ty số {number}", zone=zones["my_tho"],
                        industry=industries["food"])
    count()  # the index changed: this process reloads its snapshot once
    assert count() == few
    with django_assert_max_num_queries(few):
        names, _ = _names(client, zone=zones["my_tho"].pk)
    assert len(names) == 20  # a page


def test_one_enterprise_page_shows_its_business_contacts(client, directory, listed):
    garment = listed["garment"]
    response = client.get(f"{LIST}{garment.pk}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == garment.name
    facts = soup.select_one(".enterprise-facts").get_text(" ", strip=True)
    for text in (garment.tax_code_display, "Khu công nghiệp Mỹ Tho", "Dệt may, da giày",
                 "0273 3851 201", "lienhe@phuongnam.example.vn", "15/03/2012"):
        assert text in facts
    assert "Phuong Nam Garment Co., Ltd." in soup.select_one(".enterprise-names").get_text()


def test_an_unpublished_or_another_agencys_enterprise_has_no_page(
        client, directory, listed, other_agency, make_enterprise):
    """R-SEC-2, R-ORG-3: a record kept in the admin only, and another agency's, are not
    found by their address."""
    assert client.get(f"{LIST}{listed['hidden'].pk}/").status_code == 404
    theirs = make_enterprise("Công ty TNHH Luyện kim Tằng Loỏng", into=other_agency)
    assert client.get(f"{LIST}{theirs.pk}/").status_code == 404
    make_directory(other_agency)
    names, _ = _names(client, host="skh.test")
    assert names == ["Công ty TNHH Luyện kim Tằng Loỏng"]
    assert "Tằng Loỏng" not in " ".join(_names(client)[0])


def test_the_chosen_list_downloads_as_csv_xlsx_and_ods(client, directory, listed, zones):
    """Seed 001 Đ3.2c: search and export the enterprise data; R-LD-7: ODS, the open
    format, beside XLSX and CSV. The export keeps the visitor's words and facets, every page
    of them, and never the unpublished record."""
    response = client.get(f"{LIST}xuat/csv/", {"zone": zones["my_tho"].pk, "page": "2"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="doanh-nghiep.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Tên doanh nghiệp", "Tên tiếng Anh", "Tên viết tắt", "Mã số thuế"]
    assert sorted(row[0] for row in rows[1:]) == [
        "Công ty Cổ phần Chế biến Thủy sản Tiền Giang", "Công ty TNHH May mặc Phương Nam Mỹ Tho"]
    for fmt in ("xlsx", "ods"):
        response = client.get(f"{LIST}xuat/{fmt}/", {"q": "tan huong"})
        data = tablib.Dataset().load(io.BytesIO(response.content), format=fmt)
        assert [row[0] for row in data] == ["Công ty TNHH Giày Da Tân Hương"]
        assert data[0][12] == "Tạm ngừng kinh doanh"
    assert client.get(f"{LIST}xuat/pdf/").status_code == 404


def test_the_page_says_when_the_data_was_last_brought_up_to_date(client, directory, listed,
                                                                 agency):
    """Seed 001 Đ8.4: the enterprise data is brought up to date every 3 months; every change
    dates it, and the directory shows the date."""
    register = EnterpriseRegister.objects.get(agency=agency)
    assert timezone.now() - register.updated_at < datetime.timedelta(minutes=5)
    EnterpriseRegister.objects.filter(agency=agency).update(
        updated_at=datetime.datetime(2026, 9, 1, 3, tzinfo=datetime.UTC))
    _, soup = _names(client)
    assert "01/09/2026" in soup.select_one(".enterprise-updated").get_text()
    listed["seafood"].products += ", tôm"
    listed["seafood"].save()
    _, soup = _names(client)
    assert timezone.localdate().strftime("%d/%m/%Y") in soup.select_one(
        ".enterprise-updated").get_text()


def test_the_english_directory_lists_the_same_enterprises(client, directory, listed,
                                                          translate):
    """R-ED-16: the English page lists the agency's enterprises (records have no language)."""
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="en")
    translate(directory.get_parent().specific)
    english = translate(directory, title="Enterprises", slug="enterprises")
    names, _ = _names(client, url=english.url)
    assert len(names) == 3


def test_a_deleted_zone_leaves_the_facets_of_its_enterprises(client, directory, listed, zones):
    zones["tan_huong"].delete()
    _, soup = _names(client)
    labels = [label.get_text(" ", strip=True) for label in soup.select("fieldset.facet-zone label")]
    assert labels == ["Khu công nghiệp Mỹ Tho (2)"]
    assert len(_names(client)[0]) == 3
