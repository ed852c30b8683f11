"""Forms of the e-office's admin actions; each one's choices are the user's agency's."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from plugins.core.models import Agency, Position, Role, Unit
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import (
    OutgoingDocument,
    Register,
    RegisterKind,
    Secrecy,
    SigningPrefix,
    Source,
    Urgency,
    WorkDossier,
)
from plugins.eoffice.documents.models.choices import TYPE_CHOICES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _people(agency_id):
    return get_user_model().objects.filter(
        pk__in=Position.objects.filter(unit__agency_id=agency_id).values("user_id"),
        is_active=True).order_by("first_name", "last_name")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class RegisterIncomingForm(forms.Form):
    register = forms.ModelChoiceField(label=_("Register"), queryset=Register.objects.none())
    arrived_at = forms.DateTimeField(label=_("Arrival time"), widget=AdminDateTimeInput,
                                     initial=timezone.now)
    sender_agency = forms.ModelChoiceField(
        label=_("Sender (agency of this installation)"), queryset=Agency.objects.all(),
        required=False)
    sender_name = forms.CharField(label=_("Sender"), max_length=255, required=False)
    number_notation = forms.CharField(label=_("Number and notation"), max_length=80)
    issue_date = forms.DateField(label=_("Issue date"), widget=AdminDateInput)
    type_code = forms.ChoiceField(label=_("Document type"), choices=TYPE_CHOICES,
                                  required=False)
    subject = forms.CharField(label=_("Summary (trích yếu)"), max_length=500,
                              widget=forms.Textarea(attrs={"rows": 3}))
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices,
                                initial=Urgency.NORMAL)
    secrecy = forms.ChoiceField(label=_("Secrecy"), choices=Secrecy.choices,
                                initial=Secrecy.NONE)
    page_count = forms.IntegerField(label=_("Number of pages"), min_value=1, required=False)
    source = forms.ChoiceField(label=_("Source"), choices=Source.choices, initial=Source.PAPER)
    signer_name = forms.CharField(label=_("Signed by"), max_length=150, required=False)
    files = MultipleFileField(label=_("Files (scanned PDF)"), required=False)
    confirm_generic = forms.BooleanField(
        label=_("Register it with this summary anyway"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        clerk_of = access.role_agency_ids(user, Role.CLERK)
        registers = Register.objects.filter(kind=RegisterKind.INCOMING, is_active=True)
        if not user.is_superuser:
            registers = registers.filter(agency_id__in=clerk_of)
        self.fields["register"].queryset = registers.select_related("agency")
        default = registers.filter(is_default=True, is_secret=False).order_by("pk").first()
        if default is not None:
            self.fields["register"].initial = default.pk  # the clerk's everyday register

    def clean(self):
        data = super().clean()
        if not data.get("sender_name") and not data.get("sender_agency"):
            self.add_error("sender_name", _("Name the sender."))
        if data.get("sender_agency") and not data.get("sender_name"):
            data["sender_name"] = data["sender_agency"].name
        return data


class AssignForm(forms.Form):
    main_unit = forms.ModelChoiceField(label=_("Main handler: a unit"), required=False,
                                       queryset=Unit.objects.none())
    main_person = PersonChoiceField(label=_("… or a person"), required=False,
                                    queryset=get_user_model().objects.none())
    co_units = forms.ModelMultipleChoiceField(label=_("Co-handling units"), required=False,
                                              queryset=Unit.objects.none())
    co_people = PeopleChoiceField(label=_("Co-handlers"), required=False,
                                  queryset=get_user_model().objects.none())
    info_units = forms.ModelMultipleChoiceField(label=_("Units informed"), required=False,
                                                queryset=Unit.objects.none())
    info_people = PeopleChoiceField(label=_("People informed"), required=False,
                                    queryset=get_user_model().objects.none())
    deadline_days = forms.IntegerField(label=_("Deadline (working days)"), min_value=1,
                                       max_value=365, required=False)
    field = forms.CharField(label=_("Field of work"), max_length=150, required=False)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, required=False)
    instruction = forms.CharField(label=_("Instruction"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(agency_id=document.agency_id)
        people = _people(document.agency_id)
        for name in ("main_unit", "co_units", "info_units"):
            self.fields[name].queryset = units
        for name in ("main_person", "co_people", "info_people"):
            self.fields[name].queryset = people
        self.fields["urgency"].initial = document.urgency

    def clean(self):
        data = super().clean()
        if bool(data.get("main_unit")) == bool(data.get("main_person")):
            raise forms.ValidationError(_("Choose exactly one main handler: a unit or a "
                                          "person."))
        return data


class ReassignForm(forms.Form):
    person = PersonChoiceField(label=_("Main handler"), queryset=get_user_model().objects.none())
    co_people = PeopleChoiceField(label=_("Co-handlers"), required=False,
                                  queryset=get_user_model().objects.none())
    deadline_days = forms.IntegerField(label=_("Deadline (working days)"), min_value=1,
                                       required=False)
    instruction = forms.CharField(label=_("Instruction"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        people = get_user_model().objects.filter(positions__unit=unit, is_active=True)
        self.fields["person"].queryset = people
        self.fields["co_people"].queryset = people


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ResultForm(forms.Form):
    result = forms.CharField(label=_("Result"), widget=forms.Textarea(attrs={"rows": 3}))


class FileForm(forms.Form):
    dossier = forms.ModelChoiceField(label=_("Work dossier"), queryset=WorkDossier.objects.none())

    def __init__(self, *args, user, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossier"].queryset = WorkDossier.objects.filter(
            unit__agency_id=document.agency_id, state="open",
            unit_id__in=access.member_unit_ids(user)).select_related("unit")


class DraftForm(forms.ModelForm):
    body_file = forms.FileField(label=_("Body (DOCX/ODT)"), required=False)

    class Meta:
        model = OutgoingDocument
        fields = ["drafting_unit", "type_code", "subject", "body_text", "urgency", "secrecy",
                  "is_normative", "page_count", "proposed_signer", "recipient_agencies",
                  "recipient_units", "external_recipients"]
        widgets = {"subject": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"proposed_signer": PersonChoiceField}

    def __init__(self, *args, user, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["drafting_unit"].queryset = Unit.objects.filter(
            agency=agency, pk__in=access.member_unit_ids(user))
        self.fields["proposed_signer"].queryset = _people(agency.pk)
        self.fields["recipient_units"].queryset = Unit.objects.filter(agency=agency)
        self.fields["recipient_agencies"].queryset = Agency.objects.exclude(pk=agency.pk)


class EditDraftForm(forms.Form):
    subject = forms.CharField(label=_("Summary (trích yếu)"), max_length=500,
                              widget=forms.Textarea(attrs={"rows": 2}))
    body_text = forms.CharField(label=_("Text of the draft"), required=False,
                                widget=forms.Textarea(attrs={"rows": 12}))
    external_recipients = forms.CharField(label=_("Other recipients"), required=False,
                                          widget=forms.Textarea(attrs={"rows": 2}))


class IssueForm(forms.Form):
    register = forms.ModelChoiceField(label=_("Register"), queryset=Register.objects.none())
    signing_prefix = forms.ChoiceField(label=_("Signing authority"),
                                       choices=SigningPrefix.choices, required=False)
    signer = PersonChoiceField(label=_("Signer"), queryset=get_user_model().objects.none())
    signer_title = forms.CharField(label=_("Signer's title"), max_length=150, required=False)
    issue_date = forms.DateField(label=_("Issue date"), widget=AdminDateInput,
                                 initial=timezone.localdate)
    copies = forms.IntegerField(label=_("Copies"), min_value=1, required=False)
    signed_file = forms.FileField(label=_("Signed copy (PDF)"), required=False)

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        registers = Register.objects.filter(agency_id=document.agency_id, is_active=True,
                                            kind=RegisterKind.OUTGOING)
        if not document.is_secret:
            registers = registers.filter(is_secret=False)
        self.fields["register"].queryset = registers
        self.fields["signer"].queryset = _people(document.agency_id)
        self.fields["signer"].initial = document.proposed_signer_id


class AttachForm(forms.Form):
    file = forms.FileField(label=_("File"))
    kind = forms.ChoiceField(label=_("Kind"), choices=[("body", _("Body (DOCX/ODT)")),
                                                       ("annex", _("Annex"))])
