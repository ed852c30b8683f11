"""Writing events to the system log (R-EO-19; seed 004 Đ3.4).

:func:`record` writes one event per agency concerned (a person working for two agencies
shows in both agencies' logs); an event that concerns no agency (a failed login for a name
nobody has, a superuser's login) is written once without one and only superusers see it.
Descriptions are written in the site's language (``LANGUAGE_CODE``), like its mail.
"""

import contextlib
import contextvars

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from plugins.core.audit.context import current_request
from plugins.core.net import UNKNOWN, client_address

_UNSET = object()
_batch = contextvars.ContextVar("core_audit_batch", default=None)
MAX_BATCH_ITEMS = 500


def text(message, **values):
    """``message`` (a msgid) translated to the site's language, with ``values`` put in."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(message) % values if values else gettext(message)


def agency_ids_of(user, even_superuser=False):
    """The agencies ``user`` belongs to (a role group or a position), whether or not the
    account is active; none for a superuser (unless ``even_superuser``), whose own sign-ins
    only superusers see."""
    if user is None or user.pk is None or (user.is_superuser and not even_superuser):
        return set()
    from plugins.core.models import AgencyRole, Position

    by_role = AgencyRole.objects.filter(group__user=user).values_list("agency_id", flat=True)
    by_position = Position.objects.filter(user=user).values_list("unit__agency_id", flat=True)
    return set(by_role.order_by().union(by_position.order_by()))


def batching():
    """Whether events are being gathered into one summary (:func:`summarised`)."""
    return _batch.get() is not None


def _address(request):
    if request is None:
        return None
    address = client_address(request)
    return None if address == UNKNOWN else address


def record(kind, description, *, agencies=(), actor=_UNSET, username=None, request=None,
           details=None, address=_UNSET):
    """Write an event of ``kind`` for each of ``agencies`` (ids or agencies).

    ``actor`` defaults to the signed-in user of ``request`` (by default the request being
    served, see :mod:`plugins.core.audit.context`); ``address`` to that request's client.
    """
    from plugins.core.models import AuditEvent

    batch = _batch.get()
    if batch is not None:
        if len(batch) < MAX_BATCH_ITEMS:
            batch.append(str(description))
        return []
    request = request if request is not None else current_request()
    if actor is _UNSET:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    if username is None:
        username = actor.get_username() if actor is not None else ""
    if address is _UNSET:
        address = _address(request)
    agency_ids = sorted({getattr(agency, "pk", agency) for agency in agencies if agency})
    events = [
        AuditEvent(kind=kind, agency_id=agency_id, actor=actor, username=username[:150],
                   address=address, description=str(description)[:500], details=details or {})
        for agency_id in (agency_ids or [None])
    ]
    return AuditEvent.objects.bulk_create(events)


@contextlib.contextmanager
def summarised(kind, description, agencies=(), details=None):
    """Record the events made inside the block as one event listing them, for a change
    the system derives from another (an agency's role groups brought up to date)."""
    if _batch.get() is not None:
        yield
        return
    items = []
    token = _batch.set(items)
    try:
        yield
    finally:
        _batch.reset(token)
    if items:
        record(kind, description, agencies=agencies,
               details={**(details or {}), "changes": items})
