"""The public directory at /danh-ba/ (R-EM-1, R-ORG-2): groups in the unit tree's order,
leaders first with their duties, accent-insensitive search, unit filter, vCards and JSON,
and no address a harvester could take from the HTML."""

import json
import re

import pytest
import vobject
from bs4 import BeautifulSoup

from plugins.email_directory.templatetags.email_directory_tags import encode

pytestmark = pytest.mark.django_db

ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def _groups(soup):
    return [section.find("h2").get_text(strip=True)
            for section in soup.select(".email-directory .directory-group")]


def _names(soup):
    return [th.get_text(strip=True) for th in soup.select(".directory-table tbody th")]


def test_groups_follow_the_unit_tree_with_leaders_on_top(client, people, directory_page):
    """R-EM-1, R-ORG-2: the agency first (contacts, mailbox, leaders with duties), then units
    parents before children; a unit's leaders before its staff."""
    soup = _soup(client.get("/danh-ba/"))
    assert _groups(soup) == ["Ban Quản lý các Khu công nghiệp Tiền Giang", "Văn phòng",
                             "Phòng Quản lý đầu tư", "Tổ Xúc tiến đầu tư"]
    agency = soup.select_one(".directory-group")
    assert "Số 27 Nam Kỳ Khởi Nghĩa" in agency.text and "0273 3871 568" in agency.text
    rows = agency.select("tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == ["Nguyễn Văn Thành",
                                                             "Trần Thị Mỹ Hạnh"]
    first = rows[0].get_text(" ", strip=True)
    assert "Trưởng ban" in first and "0913 700 101" in first
    assert "Lãnh đạo, điều hành chung." in first  # duties (R-ORG-2)
    assert "thanhnv" in first
    office = soup.select(".directory-group")[1]
    assert [th.get_text(strip=True) for th in office.select("tbody th")] == [
        "Lê Minh Đức", "Phạm Thị Thu Hương"]
    assert "vp.bqlkcn" in office.text
    team = soup.select(".directory-group")[3]
    assert "Phòng Quản lý đầu tư" in team.select_one(".group-meta").text


def test_no_address_a_harvester_can_take(client, people, directory_page):
    """R-EM-1: the directory's HTML carries no address and no mailto:, yet each address is
    there for the script (encoded) and for readers without JavaScript (spelt out)."""
    soup = _soup(client.get("/danh-ba/"))
    content = str(soup.select_one(".email-directory"))
    assert "mailto:" not in content
    assert not ADDRESS.search(content)
    span = soup.find("span", attrs={"data-email": encode("phongdx@tiengiang.gov.vn")})
    assert span is not None and span["data-name"] == "Đặng Xuân Phong"
    assert re.sub(r"\s+", " ", span.get_text()) == "phongdx (a còng) tiengiang.gov.vn"


def test_search_without_accents_and_filter_by_unit(client, people, directory_page):
    """R-EM-1: a citizen types without diacritics (đ too); a unit includes the units below."""
    assert _names(_soup(client.get("/danh-ba/", {"q": "dang xuan phong"}))) == ["Đặng Xuân Phong"]
    assert _names(_soup(client.get("/danh-ba/", {"q": "do thi dao"}))) == ["Đỗ Thị Đào"]
    assert _names(_soup(client.get("/danh-ba/", {"q": "van thu"}))) == ["Phạm Thị Thu Hương"]
    unit = people["analyst"].unit.pk
    soup = _soup(client.get("/danh-ba/", {"unit": unit}))
    assert _names(soup) == ["Đặng Xuân Phong", "Đỗ Thị Đào"]
    soup = _soup(client.get("/danh-ba/", {"unit": unit, "q": "dao"}))
    assert _names(soup) == ["Đỗ Thị Đào"]
    soup = _soup(client.get("/danh-ba/", {"q": "van phong"}))
    assert "vp.bqlkcn" in soup.select_one(".email-directory").text
    soup = _soup(client.get("/danh-ba/", {"q": "khong co ai"}))
    assert not soup.select(".directory-table")


def test_hidden_people_and_other_agencies_never_show(client, people, skh, units, make_person,
                                                     directory_page):
    """R-EM-1, R-ORG-3: unpublished entries and another agency's people are not listed,
    searched or downloadable."""
    people["clerk"].is_published = False
    people["clerk"].save()
    make_person(skh, "Lý Thị Mai", units["skh_office"])
    soup = _soup(client.get("/danh-ba/"))
    assert "Phạm Thị Thu Hương" not in soup.text and "Lý Thị Mai" not in soup.text
    assert _names(_soup(client.get("/danh-ba/", {"q": "huong"}))) == []
    assert client.get(f"/danh-ba/vcard/{people['clerk'].pk}/").status_code == 404
    soup = _soup(client.get("/danh-ba/", {"unit": units["skh_office"].pk}))
    assert soup.select(".notice")
    assert "Nguyễn Văn Thành" in soup.text


def test_vcards_per_person_unit_and_agency_parse(client, people, directory_page):
    """R-EM-1: vCards read back with vobject: name parts, title, organisation, address."""
    response = client.get(f"/danh-ba/vcard/{people['analyst'].pk}/")
    assert response["Content-Type"].startswith("text/vcard")
    assert "attachment" in response["Content-Disposition"]
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Đặng Xuân Phong"
    assert (card.n.value.family, card.n.value.additional, card.n.value.given) == (
        "Đặng", "Xuân", "Phong")
    assert card.email.value == "phongdx@tiengiang.gov.vn"
    assert card.org.value == ["Ban Quản lý các Khu công nghiệp Tiền Giang",
                              "Phòng Quản lý đầu tư"]
    unit = people["analyst"].unit
    cards = list(vobject.readComponents(
        client.get(f"/danh-ba/don-vi/{unit.pk}/vcard/").content.decode()))
    assert sorted(card.fn.value for card in cards) == ["Đặng Xuân Phong", "Đỗ Thị Đào"]
    cards = list(vobject.readComponents(client.get("/danh-ba/vcard/").content.decode()))
    emails = {card.email.value for card in cards}
    assert {"bqlkcn@tiengiang.gov.vn", "vp.bqlkcn@tiengiang.gov.vn",
            "thanhnv@tiengiang.gov.vn"} <= emails
    assert len(cards) == 8


def test_json_endpoint(client, people, directory_page):
    """R-EM-1: the same groups as data, filtered the same way."""
    response = client.get("/danh-ba/json/", {"q": "xuan phong"})
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["agency"]["name"] == "Ban Quản lý các Khu công nghiệp Tiền Giang"
    found = [person for group in data["groups"] for person in group["people"]]
    assert [(p["name"], p["email"], p["unit"]) for p in found] == [
        ("Đặng Xuân Phong", "phongdx@tiengiang.gov.vn", "Phòng Quản lý đầu tư")]
    assert found[0]["vcard"].endswith(f"/danh-ba/vcard/{people['analyst'].pk}/")
    everyone = json.loads(client.get("/danh-ba/json/").content)
    leaders = everyone["groups"][0]["people"]
    assert leaders[0]["duties"] == "Lãnh đạo, điều hành chung."
    assert everyone["groups"][0]["mailboxes"][0]["address"] == "bqlkcn@tiengiang.gov.vn"


@pytest.mark.parametrize("query", [{}, {"q": "nguyen"}])
def test_query_count_does_not_grow_with_the_directory(client, people, units, make_person,
                                                      directory_page,
                                                      django_assert_max_num_queries, query):
    """R-EM-1: the page costs the same number of queries with 6 people or with 36."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/danh-ba/", query)
    with CaptureQueriesContext(connection) as small:
        client.get("/danh-ba/", query)
    small = len(small)  # now: the next request empties the connection's query log
    for number in range(30):
        unit = [units["office"], units["investment"], units["promotion"]][number % 3]
        make_person(people["leader"].agency, f"Nguyễn Văn Số {number}", unit)
    client.get("/danh-ba/", query)  # the search snapshot reloads once after a change
    with django_assert_max_num_queries(small):
        response = client.get("/danh-ba/", query)
    assert len(_names(_soup(response))) >= 30
