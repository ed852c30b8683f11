"""Imports started from the admin run as django-q2 tasks, with a progress page.

A plugin's admin screen validates the uploaded table (so bad rows are shown at once),
then calls :func:`start` with the dotted path of its importer; the clerk is sent to the
progress page (:func:`status_view`, ``core_import_status``) which refreshes itself until
the task has finished. The importer is called as
``importer(content, filename, user=user, progress=callback, **options)`` and returns the
message to show (already translated); it raises
:class:`~plugins.core.tabular.ImportRefused` to write nothing.
"""

import uuid

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_q.tasks import async_task

from plugins.core.tabular import ImportRefused

PROGRESS_KEY = "core:import:{job}"
PROGRESS_TIMEOUT = 24 * 3600


def set_progress(job, **state):
    current = cache.get(PROGRESS_KEY.format(job=job)) or {}
    current.update(state)
    cache.set(PROGRESS_KEY.format(job=job), current, PROGRESS_TIMEOUT)
    return current


def get_progress(job):
    return cache.get(PROGRESS_KEY.format(job=job))


def start(request, importer, content, filename, *, total, title, again_url, options=None):
    """Queue ``importer`` on ``content``; returns a redirect to the progress page."""
    job = uuid.uuid4().hex
    stored = default_storage.save(f"imports/{job}-{filename}", ContentFile(content))
    set_progress(job, status="running", done=0, total=total, user=request.user.pk,
                 title=str(title), again_url=again_url)
    async_task("plugins.core.import_jobs.run", job, importer, stored, filename,
               translation.get_language(), request.user.pk, options or {},
               task_name=f"import-{job}")
    return redirect("core_import_status", job=job)


def run(job, importer, stored_name, filename, language, user_id, options):
    """The django-q2 task: run the importer, report progress and the outcome."""
    user = get_user_model().objects.filter(pk=user_id).first()
    try:
        with translation.override(language), default_storage.open(stored_name, "rb") as handle:
            content = handle.read()
            try:
                message = import_string(importer)(
                    content, filename, user=user,
                    progress=lambda done, total: set_progress(job, done=done, total=total),
                    **options,
                )
            except ImportRefused as refused:
                set_progress(job, status="failed", errors=refused.errors)
            except Exception as error:  # noqa: BLE001 - shown to the clerk; nothing was written
                set_progress(job, status="failed", errors=[str(error)])
            else:
                set_progress(job, status="done", message=str(message))
    finally:  # also when the worker is stopped half-way: no uploaded table is left behind
        default_storage.delete(stored_name)


def status_view(request, job):
    """The progress page of an import; only the clerk who started it may see it."""
    state = get_progress(job)
    if state is None or state.get("user") != request.user.pk:
        raise PermissionDenied
    total = state.get("total") or 0
    done = state.get("done") or 0
    return TemplateResponse(request, "core/admin/import_status.html", {
        "state": state,
        "percent": int(100 * done / total) if total else 100,
        "page_title": state.get("title") or _("Import"),
        "finished": state.get("status") in ("done", "failed"),
    })
