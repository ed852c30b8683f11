"""Demo content (R-EO-11, R-EO-13): announcements, messages and boards for the demo
agencies (the session's demo snapshot); loading again changes nothing."""

import pytest

from plugins.core.demo import DemoContext
from plugins.eoffice.notices.demo import load_notices_demo
from plugins.eoffice.notices.models import Announcement, Board, ExtensionRequest, Message, Post

pytestmark = pytest.mark.django_db


def test_R_EO_11_demo_has_notices_messages_and_boards(demo):
    bql = Announcement.objects.filter(agency__symbol="BQL")
    assert bql.filter(state="published").count() >= 3 and bql.filter(state="draft").exists()
    assert Announcement.objects.filter(agency__symbol="SKH", state="published").exists()
    assert ExtensionRequest.objects.filter(state="pending").exists()
    assert Message.objects.filter(agency__symbol="BQL").count() == 2
    assert Board.objects.filter(agency__symbol="BQL").count() == 3 and Post.objects.exists()
    counts = [model.objects.count() for model in (Announcement, Message, Board, Post)]
    load_notices_demo(DemoContext(log=lambda *args: None))
    assert [model.objects.count() for model in (Announcement, Message, Board, Post)] == counts
