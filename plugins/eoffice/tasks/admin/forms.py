"""Forms of the tasks' screens; saving goes through :mod:`..services`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.core.admin.scoping import AgencyScopedAdminForm


class TaskForm(AgencyScopedAdminForm):
    working_days = forms.IntegerField(
        label=_("Or within (working days)"), min_value=1, max_value=365, required=False,
        help_text=_("Counted by the agency's working calendar from tomorrow; used when no "
                    "deadline date is given."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "deadline" in self.fields:
            self.fields["deadline"].required = False
            self.fields["deadline"].help_text = _("A working day of the agency.")

    def clean(self):
        data = super().clean()
        if not data.get("deadline") and not data.get("working_days"):
            self.add_error("deadline", _("Give a deadline or a number of working days."))
        return data


class ProgressForm(forms.Form):
    percent = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    text = forms.CharField(label=_("Report"), widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(label=_("File"), required=False)


class CompletionForm(forms.Form):
    text = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(label=_("File"), required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000)


class ExtendForm(forms.Form):
    deadline = forms.DateField(label=_("New deadline"),
                               widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=2000)
