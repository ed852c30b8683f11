"""An agency with an editorial board, units and staff in every part of the process."""

from types import SimpleNamespace

import pytest

from plugins.core.models import Position, Role, Unit
from plugins.editorial_board.models import Board, BoardMember, BoardRole


@pytest.fixture
def agency(make_agency):
    return make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang",
                       hostname="testserver")


@pytest.fixture
def units(agency):
    return SimpleNamespace(
        leadership=Unit.objects.create(agency=agency, name="Lãnh đạo Ban", kind="leadership"),
        office=Unit.objects.create(agency=agency, name="Văn phòng", symbol="VP"),
        business=Unit.objects.create(agency=agency, name="Phòng Quản lý doanh nghiệp",
                                     symbol="QLDN"),
        investment=Unit.objects.create(agency=agency, name="Phòng Quản lý đầu tư",
                                       symbol="QLĐT"),
    )


@pytest.fixture
def staff(agency, units, make_staff):
    """The people of the demo agency: author, leaders, board (chief, deputy, members)."""
    people = SimpleNamespace(
        chief=make_staff("truongban", agency, Role.AGENCY_LEADER, units.leadership,
                         "Trưởng ban", is_leader=True),
        deputy=make_staff("photruongban", agency, Role.AGENCY_LEADER, units.leadership,
                          "Phó Trưởng ban", is_leader=True),
        member=make_staff("chanhvanphong", agency, Role.UNIT_LEADER, units.office,
                          "Chánh Văn phòng", is_leader=True),
        editor=make_staff("quantri", agency, Role.IT_ADMIN, units.office,
                          "Chuyên viên công nghệ thông tin"),
        leader=make_staff("truongphongqldn", agency, Role.UNIT_LEADER, units.business,
                          "Trưởng phòng", is_leader=True),
        author=make_staff("chuyenvien", agency, Role.SPECIALIST, units.business),
        other_leader=make_staff("truongphongqldt", agency, Role.UNIT_LEADER, units.investment,
                                "Trưởng phòng", is_leader=True),
    )
    for user in vars(people).values():
        user.email = f"{user.username}@tiengiang.gov.vn"
        user.save()
    return people


@pytest.fixture
def board(agency, staff):
    board = Board.objects.create(agency=agency, name="Ban Biên tập Trang thông tin điện tử",
                                 decision_number="15/QĐ-BQL")
    for user, role in ((staff.chief, BoardRole.CHIEF), (staff.deputy, BoardRole.DEPUTY),
                       (staff.member, BoardRole.MEMBER), (staff.editor, BoardRole.MEMBER)):
        BoardMember.objects.create(board=board, role=role,
                                   position=Position.objects.get(user=user))
    return board


@pytest.fixture
def news(agency, board):
    """A news section under the agency's home page, moderated by the board's workflow."""
    from wagtail.models import Page

    from plugins.editorial_board.moderation.workflow import assign, ensure_workflow

    home = agency.site.root_page
    section = home.add_child(instance=Page(title="Tin tức", slug="tin-tuc"))
    section.save_revision().publish()
    assign(ensure_workflow(), section)
    return section


@pytest.fixture
def make_item(news):
    """A draft page (plain Wagtail Page: any page type works) owned by ``author``."""
    from wagtail.models import Page

    def make(author, title="Khu công nghiệp Long Giang thu hút thêm hai dự án", submit=True):
        page = news.add_child(instance=Page(title=title, slug=f"tin-{Page.objects.count()}",
                                            owner=author, live=False))
        page.save_revision(user=author)
        if submit:
            page.get_workflow().start(page, author)
        page.refresh_from_db()
        return page

    return make


def act(page, user, action="approve", comment=""):
    """``user`` takes ``action`` on the page's current step, as the admin's action view does."""
    page.refresh_from_db()
    state = page.current_workflow_task_state
    kwargs = {"comment": comment} if comment or action == "reject" else {}
    state.task.specific.on_action(state, user, action, **kwargs)
    page.refresh_from_db()
    return state


def step_of(page):
    page.refresh_from_db()
    task = page.current_workflow_task
    return type(task).__name__ if task else None
