"""Periodic review of published pages (R-ED-8): rules, the report, the weekly reminders."""


def __getattr__(name):
    # ``plugins.editorial_board.reviews.send_review_reminders``: the task name django-q2 stores.
    if name == "send_review_reminders":
        from plugins.editorial_board.reviews.services import send_review_reminders

        return send_review_reminders
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
