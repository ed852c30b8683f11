"""The demo content of the tasks (R-EO-14) loads for the demo agencies, once."""

import pytest

from plugins.core.demo import DemoContext
from plugins.eoffice.tasks.demo import load_tasks_demo
from plugins.eoffice.tasks.models import State, Task

pytestmark = pytest.mark.django_db


def test_R_EO_14_demo_tasks(demo):
    assert Task.objects.filter(agency__symbol="BQL").count() == 4
    assert Task.objects.filter(agency__symbol="SKH").count() == 4
    assert Task.objects.filter(state=State.DONE).count() == 2
    assert sum(task.is_overdue() for task in Task.objects.all()) == 2
    load_tasks_demo(DemoContext(log=lambda *args: None))
    assert Task.objects.count() == 8
