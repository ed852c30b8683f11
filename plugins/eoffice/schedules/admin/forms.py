"""Forms of the schedules' screens: the choices are the user's agencies' units and people
(core's scoped admin form); saving goes through :mod:`..services`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.core.admin.scoping import AgencyScopedAdminForm


class EntryForm(AgencyScopedAdminForm):
    change_note = forms.CharField(
        label=_("What changed"), max_length=255, required=False,
        help_text=_("Required once the entry is published: the portal shows it with the time "
                    "of the change."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.is_published:
            self.fields["change_note"].required = True
            for name in ("agency", "unit"):
                if name in self.fields:
                    self.fields[name].disabled = True
        else:
            del self.fields["change_note"]


class PlanForm(EntryForm):
    pass


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000, required=False)
