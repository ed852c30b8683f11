"""A module-level django-tasks job for the task-backend tests."""

from django_tasks import task

CALLS = []


@task()
def record_call(text, times=1):
    CALLS.append(text * times)
    return text * times
