"""The notification centre every plugin tells people through (R-EO-14).

    from plugins.core.notifications import notify, register_kind

    # AppConfig.ready():
    register_kind("eoffice_tasks.assigned", _("A task is assigned to you"),
                  group=_("E-office: tasks"), email=True)
    # inside the transaction that caused it:
    notify(users, "eoffice_tasks.assigned", subject=..., body=..., url="/admin/...",
           agency=agency, actor=request.user)

Each recipient gets a notification in the admin ("Notifications" menu), and by email and
SMS as their settings for that kind say. See docs/notifications.md."""

from plugins.core.notifications.registry import Kind, UnknownKind, get_kind, kinds, register_kind


def notify(recipients, kind, **kwargs):
    from plugins.core.notifications.service import notify as _notify

    return _notify(recipients, kind, **kwargs)


__all__ = ["Kind", "UnknownKind", "get_kind", "kinds", "notify", "register_kind"]
