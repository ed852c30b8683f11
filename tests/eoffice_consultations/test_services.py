"""The consultation's transitions (R-EO-12; seed 004 Đ7.5): draft → open → closed, the
deadline in working days of the agency's calendar, responses until the deadline, closing at
the deadline flags the non-responders once and tells the drafter and the leadership."""

import datetime

import pytest

from plugins.eoffice.consultations import notifications, services
from plugins.eoffice.consultations.models import Consultation, Response, State, Verdict
from tests.eoffice_consultations.conftest import FRIDAY, pdf

pytestmark = pytest.mark.django_db


def test_r_eo_12_opening_computes_the_deadline_in_working_days(make_consultation, staff):
    consultation = make_consultation("open", now=FRIDAY)
    assert consultation.state == State.OPEN
    # Friday + 3 working days: Monday, Tuesday, Wednesday.
    assert consultation.deadline == datetime.date(2026, 12, 9)
    assert consultation.history.first().history_user == staff["specialist"]


def test_r_eo_12_deadline_skips_an_agency_day_off(make_consultation, bql):
    from plugins.core.models import DayOverride

    DayOverride.objects.create(agency=bql, date=datetime.date(2026, 12, 8), kind="off",
                               reason="Nghỉ bù")
    consultation = make_consultation("open", now=FRIDAY)
    assert consultation.deadline == datetime.date(2026, 12, 10)


def test_r_eo_12_the_asked_are_told_when_it_opens(make_consultation, staff):
    from plugins.core.models import OutgoingMail

    make_consultation("open")
    recipients = {address for mail in OutgoingMail.objects.all() for address in mail.to}
    # The director and the colleague by name, the business unit through its leader.
    assert recipients == {"truongban@example.test", "chuyenvien2@example.test",
                          "truongphongqldn@example.test"}


def test_r_eo_12_only_the_agency_s_people_and_units_may_be_asked(bql, staff, units):
    with pytest.raises(services.TransitionError):
        services.create(staff["specialist"], bql, title="X", people=[staff["skh_clerk"]])
    with pytest.raises(services.TransitionError):
        services.create(staff["specialist"], bql, title="X", units=[units["skh_office"]])
    with pytest.raises(services.TransitionError):
        services.create(staff["skh_clerk"], bql, title="X", people=[staff["director"]])
    assert not Consultation.objects.exists()


def test_r_eo_12_opening_is_the_drafter_s_and_only_from_draft(make_consultation, staff):
    consultation = make_consultation("draft")
    for person in ("director", "leader", "colleague", "skh_clerk"):
        with pytest.raises(services.TransitionError):
            services.open_consultation(staff[person], consultation)
    consultation.refresh_from_db()
    assert consultation.state == State.DRAFT and consultation.deadline is None
    services.open_consultation(staff["specialist"], consultation, now=FRIDAY)
    with pytest.raises(services.TransitionError, match="Not possible"):
        services.open_consultation(staff["specialist"], consultation, now=FRIDAY)
    with pytest.raises(services.TransitionError):
        services.edit(staff["specialist"], consultation, title="Changed")


def test_r_eo_12_responses_by_those_asked_until_the_deadline(make_consultation, staff,
                                                             units, invitee_of):
    consultation = make_consultation("open")
    mine = invitee_of(consultation, staff["colleague"])
    unit = invitee_of(consultation, unit=units["business"])
    on_deadline = FRIDAY + datetime.timedelta(days=5)  # Wednesday 9
    services.respond(staff["colleague"], mine, Verdict.AGREE, now=on_deadline)
    # The unit's leader answers for it; a member who is not its leader may not.
    with pytest.raises(services.TransitionError):
        services.respond(staff["outsider"], unit, Verdict.AGREE, now=on_deadline)
    services.respond(staff["other_leader"], unit, Verdict.DISAGREE, "Không phù hợp",
                     pdf("y-kien.pdf"), now=on_deadline)
    # Comments are required unless one agrees.
    with pytest.raises(services.TransitionError, match="comments"):
        services.respond(staff["colleague"], mine, Verdict.AGREE_WITH_COMMENTS, "",
                         now=on_deadline)
    # Someone not asked cannot respond on another's behalf.
    with pytest.raises(services.TransitionError):
        services.respond(staff["leader"], mine, Verdict.DISAGREE, "x", now=on_deadline)
    # After the deadline nobody responds.
    with pytest.raises(services.TransitionError, match="deadline"):
        services.respond(staff["colleague"], mine, Verdict.DISAGREE, "x",
                         now=on_deadline + datetime.timedelta(days=1))
    assert {(r.invitee_id, r.verdict) for r in Response.objects.all()} == {
        (mine.pk, Verdict.AGREE), (unit.pk, Verdict.DISAGREE)}
    assert Response.objects.get(invitee=unit).file_name == "y-kien.pdf"


def test_r_eo_12_a_response_may_be_changed_before_the_deadline(make_consultation, staff,
                                                               invitee_of):
    consultation = make_consultation("open")
    mine = invitee_of(consultation, staff["colleague"])
    services.respond(staff["colleague"], mine, Verdict.AGREE, now=FRIDAY)
    services.respond(staff["colleague"], mine, Verdict.AGREE_WITH_COMMENTS, "Sửa Điều 3",
                     now=FRIDAY + datetime.timedelta(hours=2))
    response = Response.objects.get(invitee=mine)
    assert response.verdict == Verdict.AGREE_WITH_COMMENTS
    assert response.history.count() == 2


def test_r_eo_12_the_job_closes_at_the_deadline_and_flags_once(
        make_consultation, staff, units, invitee_of):
    from plugins.core.models import OutgoingMail

    consultation = make_consultation("open")
    services.respond(staff["colleague"], invitee_of(consultation, staff["colleague"]),
                     Verdict.AGREE, now=FRIDAY)
    OutgoingMail.objects.all().delete()
    # Not yet on the deadline day itself.
    assert services.close_due(FRIDAY + datetime.timedelta(days=5)) == {}
    after = FRIDAY + datetime.timedelta(days=6)  # Thursday 10
    assert services.close_due(after) == {consultation.pk: 2}
    consultation.refresh_from_db()
    assert consultation.state == State.CLOSED and consultation.closed_at == after
    flagged = {invitee.name for invitee in consultation.invitees.filter(
        flagged_at__isnull=False)}
    assert flagged == {staff["director"].get_full_name() or "truongban",
                       units["business"].name}
    drafter_mail = OutgoingMail.objects.get(subject__startswith="Consultation closed")
    assert drafter_mail.to == ["chuyenvien@example.test"]
    assert "Did not respond (flagged)" in drafter_mail.body
    # The agency's leader and the business unit's leader are told, one mail each.
    told = OutgoingMail.objects.filter(subject__startswith="No response by the deadline")
    assert sorted(address for mail in told for address in mail.to) == [
        "truongban@example.test", "truongphongqldn@example.test"]
    assert all(units["business"].name in mail.body for mail in told)
    # Twice: nothing more is flagged and nobody is told again.
    assert services.close_due(after + datetime.timedelta(hours=1)) == {}
    assert services.close(consultation, after) == []
    assert OutgoingMail.objects.count() == 3


def test_r_eo_12_leadership_recipients(make_consultation, staff, units, invitee_of):
    consultation = make_consultation("open", people=[staff["colleague"], staff["outsider"]],
                                     unit_list=[])
    flagged = [invitee_of(consultation, staff["outsider"])]
    # The agency's leader and the leader of the non-responder's unit (business).
    assert set(notifications.leadership_recipients(consultation, flagged)) == {
        staff["director"], staff["other_leader"]}
    flagged = [invitee_of(consultation, staff["colleague"])]
    assert set(notifications.leadership_recipients(consultation, flagged)) == {
        staff["director"], staff["leader"]}
    assert set(notifications.asked_recipients(consultation)) == {staff["colleague"],
                                                                 staff["outsider"]}
    assert notifications.drafter_recipients(consultation) == [staff["specialist"]]


def test_r_eo_12_history_of_every_transition(make_consultation, staff):
    consultation = make_consultation("closed")
    states = [version.state for version in consultation.history.order_by("history_date")]
    assert states == [State.DRAFT, State.OPEN, State.CLOSED]


def test_r_eo_12_delete_draft_only(make_consultation, staff):
    draft = make_consultation("draft")
    opened = make_consultation("open", title="Khác")
    with pytest.raises(services.TransitionError):
        services.delete_draft(staff["specialist"], opened)
    with pytest.raises(services.TransitionError):
        services.delete_draft(staff["director"], draft)
    services.delete_draft(staff["specialist"], draft)
    assert list(Consultation.objects.all()) == [opened]


def test_r_eo_12_the_deadline_job_is_scheduled():
    from django_q.models import Schedule

    from plugins.eoffice.consultations import deadlines

    deadlines.schedule_deadlines()
    deadlines.schedule_deadlines()
    assert Schedule.objects.filter(func=deadlines.RUN_FUNC).count() == 1


def test_r_eo_12_messages_are_written_in_the_site_s_language(make_consultation, settings):
    from plugins.core.models import OutgoingMail

    settings.LANGUAGE_CODE = "vi"
    make_consultation("open")
    subjects = set(OutgoingMail.objects.values_list("subject", flat=True))
    assert subjects == {"Đề nghị góp ý: Dự thảo Quy chế làm việc"}
    assert all("09/12/2026" in body for body in OutgoingMail.objects.values_list("body",
                                                                                  flat=True))
