"""Pages whose content must be brought up to date every so many months, for plugins that
watch it (R-ED-8; seed 001 Đ8.4: "the enterprise database is updated every 3 months").

A plugin whose page shows data kept elsewhere (the enterprise directory shows records
edited in the admin, not the page's own text) registers the page model once, in its
``AppConfig.ready``, with its period and where the last update of that data is read::

    periodic_updates.register("enterprises.EnterpriseDirectoryPage", months=3,
                              updated_at="agency__enterprise_register__updated_at")

``updated_at`` is a lookup from the page model to a date-time (a field of the page, or a
path through its relations); the page is up to date until that moment is older than
``months``. The page's own publication does not count then (editing its introduction does
not bring its data up to date); without ``updated_at`` the page's publication does.
Another plugin (the editorial board's periodic review) asks :func:`registered` and
:func:`update_expression` and never imports the registering plugin; a site without such a
reader simply shows the date. Registering the
same model again replaces its entry.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PeriodicUpdate:
    """A page model that must be brought up to date every ``months`` months."""

    label: str  # "app_label.ModelName"
    months: int
    updated_at: str | None = None  # lookup from the page model to the last update

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.label)


_entries = {}


def _label(model):
    return model if isinstance(model, str) else model._meta.label


def register(model, *, months, updated_at=None):
    """``model``: a page model or its label; ``months``: the default period (an agency's
    own rule, where the reader has one, wins); ``updated_at``: a lookup from the page model
    to the moment its data was last brought up to date (besides the page's publication)."""
    if months < 1:
        raise ValueError("months must be at least 1")
    _entries[_label(model)] = PeriodicUpdate(_label(model), months, updated_at)


def registered():
    """Every :class:`PeriodicUpdate` registered, in the order of their labels."""
    return [_entries[label] for label in sorted(_entries)]


def entry_for(model):
    """The :class:`PeriodicUpdate` of ``model`` (a class or its label), or None."""
    return _entries.get(_label(model))


def update_expression(entry):
    """A query expression over ``wagtailcore.Page`` rows: the last update of ``entry``'s
    data for each page of its model (NULL for other pages, or when never updated)."""
    from django.db.models import OuterRef, Subquery

    if not entry.updated_at:
        return None
    return Subquery(entry.model.objects.filter(pk=OuterRef("pk"))
                    .values(entry.updated_at)[:1])
