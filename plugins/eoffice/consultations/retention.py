"""Closed consultations are kept one month, then purged (R-EO-12; seed 004 Đ7.5: "Thời hạn
lưu trữ của thông tin trong mục “Lấy ý kiến” là 01 tháng").

A daily django-q2 schedule runs :func:`run_retention`, in two steps so that nothing goes
without warning:

1. consultations closed for :data:`KEEP` less :data:`NOTICE`, not yet reported, are reported
   to their drafter — what will be purged and when — and stamped ``purge_reported_at``;
2. consultations closed for at least :data:`KEEP` and reported at least :data:`NOTICE` ago
   are deleted with their files, responses and history versions.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

RUN_FUNC = "plugins.eoffice.consultations.retention.run_retention"
KEEP = datetime.timedelta(days=30)
NOTICE = datetime.timedelta(days=7)


def report(now=None):
    """Step 1: tell each drafter what will be purged; returns the consultations reported."""
    from plugins.eoffice.consultations import notifications
    from plugins.eoffice.consultations.models import Consultation, State

    now = now or timezone.now()
    due = list(Consultation.objects.filter(
        state=State.CLOSED, closed_at__lte=now - (KEEP - NOTICE),
        purge_reported_at__isnull=True).select_related("drafted_by", "agency"))
    with transaction.atomic():
        for consultation in due:
            when = timezone.localtime(max(consultation.closed_at + KEEP, now + NOTICE))
            notifications._send(
                notifications.drafter_recipients(consultation), notifications.PURGE,
                subject=lambda c=consultation, w=when: (
                    _("Consultation to be purged: %(title)s") % {"title": c.title},
                    _("The consultation “%(title)s”, its files and its responses are kept one "
                      "month after closing and will be purged on %(when)s. Keep a copy of the "
                      "report if you need it.") % {"title": c.title,
                                                   "when": w.strftime("%d/%m/%Y")}),
                body="", url=notifications.url_of(consultation), agency=consultation.agency)
        Consultation.objects.filter(pk__in=[c.pk for c in due]).update(purge_reported_at=now)
    return due


def purge(now=None):
    """Step 2: delete what is due and was reported; returns how many."""
    from plugins.eoffice.consultations.models import Consultation, Response
    from plugins.eoffice.consultations.services import _delete_files

    now = now or timezone.now()
    gone = list(Consultation.objects.filter(closed_at__lte=now - KEEP,
                                            purge_reported_at__lte=now - NOTICE))
    ids = [consultation.pk for consultation in gone]
    response_ids = list(Response.objects.filter(invitee__consultation_id__in=ids)
                        .values_list("pk", flat=True))
    with transaction.atomic():
        for consultation in gone:
            _delete_files(consultation)
        Consultation.objects.filter(pk__in=ids).delete()
        # After the rows: deleting them adds a last version, which goes too.
        Consultation.history.filter(id__in=ids).delete()
        Response.history.filter(id__in=response_ids).delete()
    return len(ids)


def run_retention(now=None):
    """The scheduled job: report first, then purge what was reported a week ago."""
    reported = report(now)
    return {"reported": len(reported), "purged": purge(now)}


def schedule_retention(**kwargs):
    """Create the retention job's daily schedule (post_migrate; idempotent)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=RUN_FUNC,
        defaults={"name": "eoffice: consultations' retention (report, then purge)",
                  "schedule_type": Schedule.DAILY},
    )
