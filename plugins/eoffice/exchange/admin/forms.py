"""The exchange's forms: accept a received document into a register, refuse it, send an
issued document to organs, make a key."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.core.models import Agency
from plugins.eoffice.documents.models import Register, RegisterKind
from plugins.eoffice.exchange.models import Organ


class AcceptForm(forms.Form):
    register = forms.ModelChoiceField(label=_("Register"), queryset=Register.objects.none())

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        registers = Register.objects.filter(agency=agency, kind=RegisterKind.INCOMING,
                                            is_active=True, is_secret=False)
        self.fields["register"].queryset = registers
        default = registers.filter(is_default=True).first()
        if default is not None:
            self.fields["register"].initial = default.pk


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("Reason, for the sender"), widget=forms.Textarea(
        attrs={"rows": 3}), max_length=2000)


class SendForm(forms.Form):
    organs = forms.MultipleChoiceField(
        label=_("Send to"), widget=forms.CheckboxSelectMultiple,
        help_text=_("Agencies of this installation, and the organs of the directory."))

    def __init__(self, *args, document, already=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organs"].choices = organ_choices(document, already)


def organ_choices(document, already=()):
    """(organ id, label) of everyone ``document`` can still be sent to."""
    agencies = Agency.objects.exclude(organ_id="").exclude(pk=document.agency_id).order_by(
        "name").values_list("organ_id", "name")
    organs = Organ.objects.filter(is_active=True).values_list("organ_id", "name")
    seen, choices = set(already), []
    for organ_id, name in [*agencies, *organs]:
        if organ_id not in seen:
            seen.add(organ_id)
            choices.append((organ_id, f"{name} ({organ_id})"))
    return choices


class KeyForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    label = forms.CharField(label=_("Held by"), max_length=150, help_text=_(
        "Who holds the key, e.g. the national platform's connector."))

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if agencies.count() == 1:
            self.fields["agency"].initial = agencies.first().pk
