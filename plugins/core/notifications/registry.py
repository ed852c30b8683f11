"""The kinds of notification the installed plugins send.

Each plugin registers its kinds in its ``AppConfig.ready()``; :func:`notify` refuses a kind
nobody registered (a programming error, not a user's), and the preferences screen lists
every registered kind, grouped by plugin."""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


class UnknownKind(LookupError):
    """``notify()`` was called with a kind no plugin registered."""


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # lazy translation: "A task is assigned to you"
    group: str  # lazy translation: the plugin / feature, "E-office: tasks"
    email: bool = True  # by email unless the person says otherwise
    sms: bool = False  # by SMS only for those who ask for it

    def default(self, channel):
        return {"email": self.email, "sms": self.sms}[channel]


_kinds = {}


def register_kind(name, label, *, group, email=True, sms=False):
    """Declare a kind of notification (call it from ``AppConfig.ready()``).

    ``name``: "<app>.<event>", e.g. "eoffice_tasks.assigned"; ``label`` and ``group``:
    translatable texts shown on the preferences screen; ``email``/``sms``: whether a person
    who has not chosen gets it by email / by SMS. Registering the same name again replaces
    it (``ready()`` may run twice in tests)."""
    if not name or "." not in name:
        raise ImproperlyConfigured(
            f"Notification kind {name!r}: name it '<app>.<event>'.")
    kind = Kind(name, label, group, bool(email), bool(sms))
    _kinds[name] = kind
    return kind


def get_kind(name):
    try:
        return _kinds[name]
    except KeyError:
        raise UnknownKind(
            f"Notification kind {name!r} is not registered: call "
            f"plugins.core.notifications.register_kind({name!r}, ...) in the app's ready()."
        ) from None


def kinds():
    """Every registered kind, by group then label (in the active language)."""
    return sorted(_kinds.values(), key=lambda kind: (str(kind.group), str(kind.label)))
