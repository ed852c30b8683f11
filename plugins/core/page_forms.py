"""An editor never silently overwrites a colleague's newer version of a page (R-SEC-3).

Two editors open one page; the first publishes; the second, still on the version they
opened, presses Publish — and Wagtail would keep only the second's content. Wagtail knows
which revision an edit form was loaded from (its ``loaded_revision_*`` inputs) but refuses an
out-of-date save only for its autosave. Here every page type's edit form refuses it too,
naming who saved the newer version and when; the editor's changes stay in the form, and
saving again (the form now knows the newer version) confirms the overwrite.

:func:`guard_every_page_form` gives each page model a form with the guard: Wagtail's own
page form, or the page type's own ``base_form_class`` with the guard mixed in. The same form
also fills an empty slug with the title's ASCII slug (:class:`plugins.core.slugs.SlugFromTitle`).
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from plugins.core.slugs import SlugFromTitle

GUARDED = "_core_stale_edit_guard"


class StaleEditGuard:
    """Mixed into a Wagtail page form: refuse a save made from an out-of-date version."""

    def _is_out_of_date(self):
        page = self.instance
        if not page.pk or not page.latest_revision_id:
            return False
        latest = str(page.latest_revision_id)
        # The same reasoning as Wagtail's own autosave check (EditView.is_out_of_date).
        if overwritten := self.data.get("overwrite_revision_id"):
            return overwritten != latest
        loaded = self.data.get("loaded_revision_id")
        if not loaded:
            return False
        if loaded != latest:
            return True
        created = page.latest_revision.created_at.isoformat()
        return self.data.get("loaded_revision_created_at", created) != created

    def clean(self):
        cleaned = super().clean()
        if self._is_out_of_date():
            revision = self.instance.latest_revision
            user = revision.user
            who = (user.get_full_name() or user.get_username()) if user else _("Someone")
            raise ValidationError(
                _("%(who)s saved a newer version of this page at %(time)s, after you opened "
                  "it. Your changes are still in this form: compare them with the newer "
                  "version (open the page's history in a new tab), then save again to "
                  "replace that version with yours."),
                params={"who": who, "time": date_format(
                    timezone.localtime(revision.created_at), "H:i d/m/Y")},
                code="stale",
            )
        return cleaned


def guarded(form_class):
    """``form_class`` with the guard (itself if it has it already)."""
    if getattr(form_class, GUARDED, False):
        return form_class
    return type(f"Guarded{form_class.__name__}", (StaleEditGuard, SlugFromTitle, form_class),
                {GUARDED: True, "__module__": form_class.__module__})


def guard_every_page_form():
    """Give every page model a guarded edit form (core's ``ready``)."""
    from wagtail.admin.forms.pages import WagtailAdminPageForm
    from wagtail.models import Page, get_page_models

    for model in get_page_models():
        if model is Page:
            continue
        own = getattr(model, "base_form_class", None)
        if own is None or own is Page.__dict__.get("base_form_class"):
            own = WagtailAdminPageForm
        model.base_form_class = guarded(own)
