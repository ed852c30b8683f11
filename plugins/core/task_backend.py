"""A django-tasks backend that hands Wagtail's jobs to the django-q2 workers.

Wagtail 8 queues its own background jobs (search and reference index updates) through
django-tasks. With this backend they run on the same django-q2 cluster as the plugins'
reminders and reports, so a deployment runs one kind of worker, not two::

    TASKS = {"default": {"BACKEND": "plugins.core.task_backend.DjangoQ2Backend"}}
"""

from django.utils import timezone
from django.utils.module_loading import import_string
from django_q.tasks import async_task
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id


class DjangoQ2Backend(BaseTaskBackend):
    supports_defer = False
    supports_async_task = False
    supports_get_result = False

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        async_task(
            run_task,
            task.module_path,
            list(args),
            dict(kwargs),
            task_name=f"{task.name}:{result.id}",
            group=task.queue_name,
        )
        task_enqueued.send(type(self), task_result=result)
        return result


def run_task(module_path, args, kwargs):
    """Run on a django-q2 worker: call the task function by its dotted path."""
    return import_string(module_path).call(*args, **kwargs)
