"""Announcements are kept one quarter, then purged (R-EO-11; seed 004 Đ7.4: "Thời hạn lưu
trữ của thông tin trong mục “Thông báo” là 01 quý", extendable on request).

A daily django-q2 schedule runs :func:`run_retention`, in steps so that nothing goes
without warning:

1. published announcements past their date become expired (they leave the boards);
2. expired or withdrawn announcements past their date that have not been reported yet are
   reported — one mail per agency to its leaders and clerks, listing what will be purged
   and when, and the extension requests still waiting for a decision — and stamped
   ``purge_reported_at``;
3. announcements reported at least :data:`NOTICE` ago are deleted with their files and
   history versions, unless an extension request on them is still pending (granting one
   keeps the announcement and clears the stamp).
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plugins.core.mail import queue_mail
from plugins.core.models import Agency, Role

RUN_FUNC = "plugins.eoffice.notices.retention.run_retention"
NOTICE = datetime.timedelta(days=7)
ENDED = ("expired", "withdrawn")


def due(now):
    from plugins.eoffice.notices.models import Announcement

    return Announcement.objects.filter(state__in=ENDED, expires_at__lte=now)


def pending_requests():
    from plugins.eoffice.notices.models import ExtensionRequest

    return ExtensionRequest.objects.filter(state="pending")


def report(now=None):
    """Steps 1–2. Returns ``{agency_id: (announcements, pending requests)}`` reported."""
    from plugins.eoffice.notices.services import expire_due

    now = now or timezone.now()
    expire_due(now)
    newly = due(now).filter(purge_reported_at__isnull=True)
    found = defaultdict(lambda: ([], []))
    for announcement in newly.select_related("agency").order_by("expires_at", "pk"):
        found[announcement.agency_id][0].append(announcement)
    if found:
        for request in pending_requests().filter(
                announcement__agency_id__in=list(found)).select_related(
                "announcement", "requested_by").order_by("created_at", "pk"):
            found[request.announcement.agency_id][1].append(request)
    with transaction.atomic():
        for agency_id, (announcements, requests) in found.items():
            _mail_report(agency_id, announcements, requests, now + NOTICE)
        newly.update(purge_reported_at=now)
    return dict(found)


def purge(now=None):
    """Step 3: delete what was reported at least NOTICE ago and is not waiting for a
    decision on keeping it. Returns how many."""
    from plugins.eoffice.notices.models import Announcement, AnnouncementFile, ExtensionRequest

    now = now or timezone.now()
    with transaction.atomic():
        gone = due(now).filter(purge_reported_at__lte=now - NOTICE).exclude(
            pk__in=pending_requests().values("announcement_id"))
        ids = list(gone.values_list("pk", flat=True))
        files = AnnouncementFile.objects.filter(announcement_id__in=ids)
        names = [(item.file.storage, item.file.name) for item in files]
        request_ids = list(ExtensionRequest.objects.filter(
            announcement_id__in=ids).values_list("pk", flat=True))
        Announcement.objects.filter(pk__in=ids).delete()
        # After the rows: deleting them adds a last version, which goes too.
        Announcement.history.filter(id__in=ids).delete()
        ExtensionRequest.history.filter(id__in=request_ids).delete()
        transaction.on_commit(lambda: _delete_files(names))
    return len(ids)


def _delete_files(names):
    for storage, name in names:
        try:
            storage.delete(name)
        except OSError:  # already gone
            pass


def run_retention(now=None):
    """The scheduled job: expire, report, then purge what was reported a week ago."""
    reported = report(now)
    purged = purge(now)
    return {"reported": {agency: (len(a), len(r)) for agency, (a, r) in reported.items()},
            "purged": purged}


def _mail_report(agency_id, announcements, requests, purge_at):
    people = get_user_model().objects.filter(
        is_active=True, groups__agency_role__agency_id=agency_id,
        groups__agency_role__role__in=[Role.AGENCY_LEADER, Role.CLERK]).distinct()
    addresses = sorted(person.email for person in people if person.email)
    if not addresses:
        return
    agency = Agency.objects.get(pk=agency_id)
    with translation.override(settings.LANGUAGE_CODE):
        when = timezone.localtime(purge_at).strftime("%d/%m/%Y")
        lines = [_("These announcements of %(agency)s are past the time they are kept and "
                   "will be purged on %(when)s, unless an extension is granted:") % {
            "agency": agency.name, "when": when}, ""]
        lines += [f"- {item.title} ({timezone.localtime(item.expires_at):%d/%m/%Y})"
                  for item in announcements]
        if requests:
            lines += ["", _("Extension requests waiting for a decision:")]
            lines += [f"- {request.announcement.title}: "
                      f"{request.requested_by.get_full_name() if request.requested_by else ''}"
                      f" → {request.until:%d/%m/%Y} — {request.reason}" for request in requests]
        subject = _("Announcements to be purged: %(count)s") % {"count": len(announcements)}
        queue_mail(addresses, subject, "\n".join(lines))


def schedule_retention(**kwargs):
    """Create the retention job's daily schedule (post_migrate; idempotent)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=RUN_FUNC,
        defaults={"name": "eoffice: announcements' retention (expire, report, then purge)",
                  "schedule_type": Schedule.DAILY},
    )
