"""Editorial board: the board, three-step moderation on Wagtail workflows, deadlines in
working time, quotas, royalties, checks before submission, citizens' questions and periodic
review (R-ED-1 … R-ED-16).

One Django app (label ``editorial_board``), one subpackage per feature: ``moderation``
(board, workflow tasks, delegations, deadlines, quotas, trusted sources, digests),
``royalties``, ``checks`` (before submission), ``questions`` (citizens' questions) and
``reviews`` (periodic review). ``models`` gathers every feature's models for Django.
"""

import importlib

#: django-q2 stores its tasks by dotted name (``Schedule.func``); these names were written
#: before the features moved into subpackages and stay valid (``pydoc.locate`` reaches them
#: through the package's attributes).
STORED_TASK_MODULES = {
    "digests": "plugins.editorial_board.moderation.digests",
    "monthly": "plugins.editorial_board.moderation.monthly",
    "deadlines": "plugins.editorial_board.moderation.deadlines",
}


def __getattr__(name):
    if name in STORED_TASK_MODULES:
        return importlib.import_module(STORED_TASK_MODULES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
