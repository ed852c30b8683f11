"""The django-q2 schedule that closes consultations at their deadline (R-EO-12): every
hour, :func:`run_deadlines` closes each open consultation whose last day has passed and flags
who did not respond (:func:`.services.close_due`; running it twice flags once)."""

RUN_FUNC = "plugins.eoffice.consultations.deadlines.run_deadlines"


def run_deadlines(now=None):
    from plugins.eoffice.consultations.services import close_due

    return close_due(now)


def schedule_deadlines(**kwargs):
    """Create the job's hourly schedule (post_migrate; idempotent)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=RUN_FUNC,
        defaults={"name": "eoffice: consultations' deadlines (close, flag non-responders)",
                  "schedule_type": Schedule.HOURLY},
    )
