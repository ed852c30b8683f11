"""Forms of the consultations' screens. The choices are the user's agencies' people and
units; the services check again that they are of the consultation's agency. Uploaded files
are checked by their content (core's formats and virus scan)."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plugins.core.files.formats import check_file
from plugins.core.models import Agency, Unit
from plugins.core.scoping import agency_ids_for_user, users_visible_to
from plugins.eoffice.consultations.models import Verdict

MAX_MB = 50


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        items = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        cleaned = [single(item, initial) for item in items if item]
        for item in cleaned:
            check_file(item, item.name, max_mb=MAX_MB)
        return cleaned


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class ConsultationForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(label=_("What is asked"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    working_days = forms.IntegerField(
        label=_("Working days to respond"), min_value=1, max_value=60, initial=3,
        help_text=_("Counted from the day it is opened, by the agency's working-day "
                    "calendar."))
    people = PersonChoiceField(label=_("People asked"), required=False,
                               queryset=get_user_model().objects.none(),
                               widget=forms.CheckboxSelectMultiple)
    units = forms.ModelMultipleChoiceField(
        label=_("Units asked"), required=False, queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A unit answers through its leader (head or deputy)."))
    files = MultipleFileField(label=_("Files of the draft"), required=False)

    def __init__(self, *args, user, consultation=None, **kwargs):
        super().__init__(*args, **kwargs)
        ids = agency_ids_for_user(user)
        agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)
        self.fields["agency"].queryset = agencies.order_by("name")
        units = Unit.objects.filter(agency__in=agencies)
        people = users_visible_to(user).filter(is_active=True).exclude(pk=user.pk)
        if consultation is not None:
            del self.fields["agency"]
            units = Unit.objects.filter(agency_id=consultation.agency_id)
            from plugins.core.models import Position

            people = people.filter(pk__in=Position.objects.filter(
                unit__agency_id=consultation.agency_id).values("user_id"))
        elif agencies.count() == 1:
            self.fields["agency"].initial = agencies.first()
            self.fields["agency"].widget = forms.HiddenInput()
        self.fields["units"].queryset = units.order_by("agency_id", "sort_order", "name")
        self.fields["people"].queryset = people.order_by("first_name", "last_name", "pk")

    def clean(self):
        data = super().clean()
        if not data.get("people") and not data.get("units") and not self.errors:
            raise ValidationError(_("Ask at least one person or unit."))
        return data


class ResponseForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Opinion"), choices=Verdict.choices,
                                widget=forms.RadioSelect)
    text = forms.CharField(label=_("Comments on the draft"), required=False,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Required unless you agree."))
    file = forms.FileField(label=_("File (optional)"), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            check_file(upload, upload.name, max_mb=MAX_MB)
        return upload
