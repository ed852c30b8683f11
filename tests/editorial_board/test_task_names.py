"""The task names django-q2 stores (Schedule.func) still reach the board's functions after
the features moved into subpackages: its worker finds them with pydoc.locate."""

import pydoc

from plugins.editorial_board.apps import SCHEDULES
from plugins.editorial_board.moderation import deadlines, digests, monthly
from plugins.editorial_board.questions import services as questions
from plugins.editorial_board.reviews import services as reviews


def test_every_stored_task_name_resolves_to_its_function():
    assert pydoc.locate(deadlines.REMINDER_FUNC) is deadlines.send_reminder
    assert pydoc.locate(questions.REMINDER_FUNC) is questions.send_reminder
    assert [pydoc.locate(func) for func, _type, _name in SCHEDULES] == [
        digests.send_weekly_digests, monthly.send_monthly_reports, reviews.send_review_reminders]
