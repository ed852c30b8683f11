"""Forms of the notices' screens. Their choices are the user's own agencies' units and
people; saving goes through :mod:`..services`, which checks everything again."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plugins.core.files import TEXT_DOCUMENTS, check_file
from plugins.core.models import Agency, Unit
from plugins.eoffice.notices import access

MAX_FILES = 10
MAX_MB = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files at once, each checked by content and size (core's rule)."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachments"))
        kwargs.setdefault("help_text", _("Kept private: only those who may read it download "
                                         "them."))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, (list, tuple)) else [data])
                   if item]
        if len(uploads) > MAX_FILES:
            raise ValidationError(_("At most %(count)s files.") % {"count": MAX_FILES})
        for upload in uploads:
            super().clean(upload, initial)
            check_file(upload, upload.name, accepted=TEXT_DOCUMENTS, max_mb=MAX_MB)
            upload.seek(0)
        return uploads


def staff_agencies(user):
    """The agencies ``user`` is staff of (a role or a position there; a superuser too)."""
    from django.db.models import Q

    from plugins.core.models import AgencyRole, Position

    return Agency.objects.filter(
        Q(pk__in=Position.objects.filter(user=user).values("unit__agency_id"))
        | Q(pk__in=AgencyRole.objects.filter(group__user=user).values("agency_id")))


def _agencies(ids):
    return Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)


class AgencyChoiceMixin:
    """An agency field shown only when the user has several to choose from."""

    def _set_agencies(self, agencies):
        self.fields["agency"].queryset = agencies.order_by("name")
        if len(self.fields["agency"].queryset) == 1:
            self.fields["agency"].initial = self.fields["agency"].queryset[0].pk
            self.fields["agency"].widget = forms.HiddenInput()


class AnnouncementForm(AgencyChoiceMixin, forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    unit = forms.ModelChoiceField(
        label=_("Issuing unit"), queryset=Unit.objects.none(), required=False,
        help_text=_("Empty for an announcement of the agency; a unit's leader chooses their "
                    "unit."))
    title = forms.CharField(label=_("Title"), max_length=255)
    body = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 10}))
    to_everyone = forms.BooleanField(label=_("Whole agency"), required=False, initial=True)
    units = forms.ModelMultipleChoiceField(
        label=_("Units addressed"), queryset=Unit.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("When it is not for the whole agency."))
    expires_on = forms.DateField(
        label=_("Kept until"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Empty: one quarter after publication."))
    files = FilesField()

    def __init__(self, user, *args, announcement=None, **kwargs):
        super().__init__(*args, **kwargs)
        me = access.rights(user)
        if announcement is not None:
            agencies = Agency.objects.filter(pk=announcement.agency_id)
        else:
            agencies = _agencies(me.announcing_agencies())
        self._set_agencies(agencies)
        units = Unit.objects.filter(agency__in=agencies).select_related("agency").order_by(
            "agency__name", "sort_order", "name")
        self.fields["unit"].queryset = units
        self.fields["units"].queryset = units
        if announcement is not None:
            self.fields["agency"].disabled = True

    def clean(self):
        data = super().clean()
        agency = data.get("agency")
        for name in ("unit",):
            if agency and data.get(name) and data[name].agency_id != agency.pk:
                self.add_error(name, _("The unit belongs to another agency."))
        if agency and any(unit.agency_id != agency.pk for unit in data.get("units") or ()):
            self.add_error("units", _("The unit belongs to another agency."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class ExtensionForm(forms.Form):
    until = forms.DateField(label=_("Keep until"),
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    reason = forms.CharField(label=_("Reason"), max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class MessageForm(AgencyChoiceMixin, forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    people = forms.ModelMultipleChoiceField(label=_("To (people)"), required=False,
                                            queryset=Unit.objects.none())
    units = forms.ModelMultipleChoiceField(
        label=_("To (units)"), required=False, queryset=Unit.objects.none(),
        help_text=_("Everyone of the units chosen receives it."))
    subject = forms.CharField(label=_("Subject"), max_length=255)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}))
    files = FilesField()

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        agencies = staff_agencies(user)
        self._set_agencies(agencies)
        agency_ids = list(self.fields["agency"].queryset.values_list("pk", flat=True))
        people = get_user_model().objects.none()
        for agency_id in agency_ids:
            people = people | access.staff_of(agency_id)
        self.fields["people"].queryset = people.exclude(pk=user.pk).order_by(
            "last_name", "first_name", "username").distinct()
        self.fields["people"].label_from_instance = (
            lambda person: person.get_full_name() or person.get_username())
        self.fields["units"].queryset = Unit.objects.filter(
            agency_id__in=agency_ids).order_by("sort_order", "name")


class PostForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    body = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 6}))


class MembersForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255, required=False)
    committee = forms.ModelMultipleChoiceField(
        label=_("Committee (writes)"), required=False, queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple)
    members = forms.ModelMultipleChoiceField(
        label=_("Members (read)"), required=False, queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The committee's members read it too."))

    def __init__(self, agency, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = access.staff_of(agency.pk).order_by("last_name", "first_name", "username")
        for name in ("committee", "members"):
            self.fields[name].queryset = people
            self.fields[name].label_from_instance = (
                lambda person: person.get_full_name() or person.get_username())
