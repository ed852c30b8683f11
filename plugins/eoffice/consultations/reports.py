"""The report of a consultation: who was asked, who responded and when, who did not (and was
flagged at the deadline) — shown in the admin, printed, exported, and mailed to the drafter
when it closes."""

from django.utils import timezone
from django.utils.translation import gettext as _


def rows(consultation):
    """``[(invitee, response or None)]`` in the order asked (three queries)."""
    invitees = list(consultation.invitees.select_related(
        "user", "unit", "response", "response__responded_by"))
    return [(invitee, getattr(invitee, "response", None)) for invitee in invitees]


def _when(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def status(invitee, response):
    if response is not None:
        return response.get_verdict_display()
    if invitee.flagged_at:
        return _("Did not respond (flagged)")
    return _("Not yet responded")


def as_text(consultation):
    lines = [_("Report of the consultation “%(title)s”, deadline %(deadline)s:") % {
        "title": consultation.title,
        "deadline": consultation.deadline.strftime("%d/%m/%Y") if consultation.deadline
        else ""}]
    for invitee, response in rows(consultation):
        when = _when(response.responded_at) if response else ""
        lines.append(f"- {invitee.name}: {status(invitee, response)}"
                     + (f" ({when})" if when else ""))
    return "\n".join(lines)


def dataset(consultation):
    import tablib

    data = tablib.Dataset(headers=[_("Person or unit asked"), _("Opinion"), _("Responded"),
                                   _("Responded by"), _("Comments on the draft")])
    for invitee, response in rows(consultation):
        data.append([
            invitee.name, str(status(invitee, response)),
            _when(response.responded_at) if response else "",
            (response.responded_by.get_full_name() or response.responded_by.get_username())
            if response and response.responded_by else "",
            response.text if response else ""])
    return data
