"""The citizens' questions admin with hostile parameters: no 500, and its unit filter
offers only the user's agency's units (issue 14; R-SEC-2)."""

import pytest
from django.urls import reverse

from plugins.core.models import Role, Unit
from plugins.editorial_board.models import QuestionStatus
from tests.editorial_board.test_questions import ask

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("unit", ["abc", "", "9" * 40, "-1", "1\x00", "١"])
def test_routing_to_a_unit_that_is_not_a_number_says_why(client, agency, units, board, staff,
                                                         unit):
    question = ask(agency)
    url = reverse("editorial_board_question:edit", args=[question.pk])
    client.force_login(staff.member)
    client.raise_request_exception = False
    response = client.post(url, {"action": "assign", "unit": unit}, follow=True)
    assert response.status_code == 200
    assert "Chọn một đơn vị của cơ quan này" in response.content.decode()
    question.refresh_from_db()
    assert question.status == QuestionStatus.RECEIVED and question.unit is None


@pytest.mark.parametrize("query", ["unit=abc", "unit=" + "9" * 40, "status=zzz&unit=-1",
                                   "subject_area=abc", "p=abc", "p=" + "9" * 30])
def test_question_list_and_report_answer_hostile_filters(client, agency, units, board, staff,
                                                        query):
    ask(agency)
    client.force_login(staff.member)
    client.raise_request_exception = False
    for name in ("editorial_board_question:index", "editorial_board:question_deadlines"):
        assert client.get(f"{reverse(name)}?{query}").status_code < 500, name


def test_the_unit_filter_lists_only_the_users_agency(client, agency, units, board, staff,
                                                     make_agency, make_staff):
    """Another agency's unit names never appear in the list's filter or the report's, and
    filtering by one shows nothing of it."""
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư", own_home=True)
    foreign = Unit.objects.create(agency=other, name="Phòng Đăng ký kinh doanh Sở")
    ask(agency)
    client.force_login(staff.member)
    for name in ("editorial_board_question:index", "editorial_board:question_deadlines"):
        html = client.get(reverse(name)).content.decode()
        assert "Phòng Quản lý doanh nghiệp" in html, name
        assert "Phòng Đăng ký kinh doanh Sở" not in html, name
        response = client.get(f"{reverse(name)}?unit={foreign.pk}")
        assert "Phòng Đăng ký kinh doanh Sở" not in response.content.decode()
    stranger = make_staff("giamdocso", other, Role.AGENCY_LEADER)
    client.force_login(stranger)
    html = client.get(reverse("editorial_board_question:index")).content.decode()
    assert "Phòng Quản lý doanh nghiệp" not in html


@pytest.mark.parametrize("year", ["abc", "9" * 30, "-5", "0"])
def test_the_quota_screen_answers_a_hostile_year(client, agency, units, board, staff, year):
    client.force_login(staff.chief)
    client.raise_request_exception = False
    url = reverse("editorial_board:quotas")
    assert client.get(f"{url}?year={year}&period=h1").status_code == 200
