"""The one way a service module refuses a state transition of a non-page record (an
e-office document, a task, a consultation, a schedule entry, an announcement…).

A refusal raises :class:`TransitionError` before anything is changed; its ``message`` is
translated for the user, and the admin views show it as an error message::

    from plugins.core.transitions import TransitionError, refuse, require_state

    require_state(task, State.OPEN)
    if not may_close(user, task):
        refuse(_("Only the assigner accepts the task."))
"""

from django.utils.translation import gettext as _


class TransitionError(Exception):
    """A transition refused: who may not do it, or not from this state. ``message`` is
    translated for the user; nothing was changed."""

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)


def refuse(message, **params):
    """Refuse with ``message`` (translated; ``%(name)s`` placeholders filled from
    ``params``)."""
    raise TransitionError(message % params if params else message)


def require_state(record, *states):
    """Refuse unless ``record.state`` is one of ``states``, naming the state it is in."""
    if record.state not in states:
        refuse(_("Not possible while it is “%(state)s”."), state=record.get_state_display())


def require_reason(reason):
    """The reason given, stripped; refused when empty."""
    reason = (reason or "").strip()
    if not reason:
        refuse(_("Give a reason."))
    return reason
