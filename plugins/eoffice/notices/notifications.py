"""Who is told what about the internal notices (R-EO-11), through the core's notification
centre (each person in their own language; by mail or SMS as they choose):

- a message sent: each recipient;
- an announcement published: its audience (the whole agency, or the people of the units
  addressed);
- an extension asked for: the announcement's author and the agency's leaders (who decide);
- an extension granted or refused: the one who asked.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from plugins.core.models import Position, Role
from plugins.core.notifications import notify, register_kind

MESSAGE = "eoffice_notices.message"
ANNOUNCEMENT = "eoffice_notices.announcement"
EXTENSION_ASKED = "eoffice_notices.extension_asked"
EXTENSION_DECIDED = "eoffice_notices.extension_decided"

KINDS = (
    (MESSAGE, _("A message to you"), True),
    (ANNOUNCEMENT, _("An announcement for you"), False),
    (EXTENSION_ASKED, _("An announcement is asked to be kept longer"), True),
    (EXTENSION_DECIDED, _("Your request to keep an announcement is decided"), True),
)


def register_kinds():
    for kind, label, email in KINDS:
        register_kind(kind, label, group=_("E-office: internal notices"), email=email)


def _name(user):
    return user.get_full_name() or user.get_username()


def audience(announcement):
    """The active people an announcement is for (two queries)."""
    from plugins.eoffice.notices.access import staff_of

    people = staff_of(announcement.agency_id)
    if announcement.to_everyone:
        return list(people)
    units = announcement.audience_units.values("pk")
    return list(people.filter(pk__in=Position.objects.filter(unit__in=units)
                              .values("user_id")))


def deciders(announcement):
    """The announcement's author and the agency's leaders."""
    leaders = get_user_model().objects.filter(
        is_active=True, groups__agency_role__agency_id=announcement.agency_id,
        groups__agency_role__role=Role.AGENCY_LEADER)
    return [announcement.author, *leaders]


def message_sent(message, recipients):
    notify(recipients, MESSAGE,
           subject=format_lazy(_("Message from {name}: {subject}"), name=_name(message.sender),
                               subject=message.subject),
           body=message.body, agency=message.agency, actor=message.sender,
           url=reverse("eoffice_notices:message", args=[message.pk]))


def announcement_published(announcement, user):
    notify(audience(announcement), ANNOUNCEMENT,
           subject=format_lazy(_("Announcement: {title}"), title=announcement.title),
           agency=announcement.agency, actor=user,
           url=reverse("eoffice_notices:announcement", args=[announcement.pk]))


def extension_asked(request, user):
    announcement = request.announcement
    notify(deciders(announcement), EXTENSION_ASKED,
           subject=format_lazy(_("{name} asks to keep “{title}” until {date}"),
                               name=_name(user), title=announcement.title,
                               date=request.until.strftime("%d/%m/%Y")),
           body=request.reason, agency=announcement.agency, actor=user,
           url=reverse("eoffice_notices:extensions"))


def extension_decided(request, user):
    announcement = request.announcement
    subject = (_("Granted: keeping “{title}” until {date}") if request.state == "granted"
               else _("Refused: keeping “{title}” until {date}"))
    notify([request.requested_by], EXTENSION_DECIDED,
           subject=format_lazy(subject, title=announcement.title,
                               date=request.until.strftime("%d/%m/%Y")),
           body=request.decision_note, agency=announcement.agency, actor=user,
           url=reverse("eoffice_notices:announcement", args=[announcement.pk]))
