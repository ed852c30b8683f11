"""Wagtail's background jobs run on the django-q2 workers (docs/architecture.md, Tasks)."""

import pytest
from django.test import override_settings
from django_q.models import Success
from django_tasks import task_backends

from plugins.core.task_backend import DjangoQ2Backend
from tests.core import jobs

pytestmark = pytest.mark.django_db


@override_settings(TASKS={"default": {"BACKEND": "plugins.core.task_backend.DjangoQ2Backend"}})
def test_django_tasks_jobs_go_through_django_q2(settings):
    """A django-tasks job enqueued by Wagtail's API runs as a django-q2 task."""
    assert isinstance(task_backends["default"], DjangoQ2Backend)
    jobs.CALLS.clear()
    result = jobs.record_call.enqueue("hello", times=2)
    assert result.backend == "default"
    assert jobs.CALLS == ["hellohello"]
    assert Success.objects.filter(
        func="plugins.core.task_backend.run_task", name__startswith="record_call:"
    ).exists()


@override_settings(TASKS={"default": {"BACKEND": "plugins.core.task_backend.DjangoQ2Backend"}})
def test_wagtail_reference_index_job_runs_on_django_q2(django_capture_on_commit_callbacks):
    """Saving a page enqueues Wagtail's reference-index job; django-q2 runs it."""
    from wagtail.models import Page

    Success.objects.all().delete()
    root = Page.get_first_root_node()
    with django_capture_on_commit_callbacks(execute=True):
        root.add_child(instance=Page(title="Trang thử", slug="trang-thu"))
    assert Success.objects.filter(name__startswith="update_reference_index_task:").exists()
