"""Citizens' questions (R-ED-15): models, the public pages (``views``), the admin,
the search document and the service that moves a question through its states."""


def __getattr__(name):
    # ``plugins.editorial_board.questions.send_reminder``: the task name django-q2 stores.
    if name == "send_reminder":
        from plugins.editorial_board.questions.services import send_reminder

        return send_reminder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
