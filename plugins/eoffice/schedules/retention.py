"""Schedules are kept one year, then purged (R-EO-10; seed 004 Đ7.1: "Thời hạn lưu trữ …
là 01 năm").

A daily django-q2 schedule runs :func:`run_retention`, in two steps so that nothing goes
without warning:

1. records past their year that have not been reported yet are reported — one mail per
   agency to its IT administrators and clerks, listing what will be purged and when — and
   stamped ``purge_reported_at``;
2. records reported at least :data:`NOTICE` ago are deleted, with their history versions.

An entry's year runs from its date; a plan's from the end of its period.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.models import Agency, Role

RUN_FUNC = "plugins.eoffice.schedules.retention.run_retention"
KEEP = datetime.timedelta(days=365)
NOTICE = datetime.timedelta(days=7)


def keep_days():
    return int(getattr(settings, "EOFFICE_SCHEDULES_KEEP_DAYS", KEEP.days))


def expired_entries(today=None):
    from plugins.eoffice.schedules.models import ScheduleEntry

    today = today or timezone.localdate()
    return ScheduleEntry.objects.filter(date__lt=today - datetime.timedelta(days=keep_days()))


def expired_plans(today=None):
    """Plans whose period ended more than the retention time ago (a plan's period end is
    computed, so the candidates are narrowed by year first)."""
    from plugins.eoffice.schedules.models import WorkPlan

    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=keep_days())
    candidates = WorkPlan.objects.filter(year__lte=limit.year)
    return WorkPlan.objects.filter(pk__in=[plan.pk for plan in candidates
                                           if plan.period_end < limit])


def report(now=None):
    """Step 1: report and stamp what is due and not yet reported. Returns
    ``{agency_id: (entries, plans)}`` of what was reported."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    due_entries = expired_entries(today).filter(purge_reported_at__isnull=True)
    due_plans = expired_plans(today).filter(purge_reported_at__isnull=True)
    found = defaultdict(lambda: ([], []))
    for entry in due_entries.select_related("agency", "unit"):
        found[entry.agency_id][0].append(entry)
    for plan in due_plans.select_related("agency", "unit"):
        found[plan.agency_id][1].append(plan)
    with transaction.atomic():
        for agency_id, (entries, plans) in found.items():
            _mail_report(agency_id, entries, plans, now + NOTICE)
        due_entries.update(purge_reported_at=now)
        due_plans.update(purge_reported_at=now)
    return dict(found)


def purge(now=None):
    """Step 2: delete what was reported at least NOTICE ago. Returns (entries, plans)."""
    from plugins.eoffice.schedules.models import ScheduleEntry, WorkPlan

    now = now or timezone.now()
    counts = []
    with transaction.atomic():
        for model in (ScheduleEntry, WorkPlan):
            gone = model.objects.filter(purge_reported_at__lte=now - NOTICE)
            ids = list(gone.values_list("pk", flat=True))
            model.objects.filter(pk__in=ids).delete()
            # After the rows: deleting them adds a last version, which goes too.
            model.history.filter(id__in=ids).delete()
            counts.append(len(ids))
    return tuple(counts)


def run_retention(now=None):
    """The scheduled job: report first, then purge what was reported a week ago."""
    reported = report(now)
    purged = purge(now)
    return {"reported": {agency: (len(e), len(p)) for agency, (e, p) in reported.items()},
            "purged": purged}


def _mail_report(agency_id, entries, plans, purge_at):
    """Tell the agency's IT administrators and clerks what will be purged (core's
    notification centre: in the admin, and by mail), in each one's language."""
    from plugins.core.notifications import notify

    people = get_user_model().objects.filter(
        is_active=True, groups__agency_role__agency_id=agency_id,
        groups__agency_role__role__in=[Role.IT_ADMIN, Role.CLERK]).distinct()
    agency = Agency.objects.get(pk=agency_id)

    def compose():
        lines = [_("These work schedule records of %(agency)s are older than one year and "
                   "will be purged on %(when)s:") % {
            "agency": agency.name,
            "when": timezone.localtime(purge_at).strftime("%d/%m/%Y")}, ""]
        lines += [f"- {entry.schedule_name()}: {entry}" for entry in entries]
        lines += [f"- {plan.schedule_name()}: {plan} ({plan.period_label})" for plan in plans]
        subject = _("Work schedules to be purged: %(count)s records") % {
            "count": len(entries) + len(plans)}
        return subject, "\n".join(lines)
    notify(people, "eoffice_schedules.retention", subject=compose, agency=agency)


def schedule_retention(**kwargs):
    """Create the retention job's daily schedule (post_migrate; idempotent)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=RUN_FUNC,
        defaults={"name": "eoffice: work schedules' retention (report, then purge)",
                  "schedule_type": Schedule.DAILY},
    )
