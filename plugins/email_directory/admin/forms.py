"""Admin forms of the directory: choices limited to the agencies the user keeps (R-EM-5)."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet


class ItAdminAgencyForm(AgencyScopedAdminForm):
    """Every agency-scoped choice offers only records of the agencies whose directory the
    user keeps (visible ones are not enough: a clerk reads, the IT unit writes)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        from plugins.email_directory.permissions import keeper_agency_ids

        ids = keeper_agency_ids(self.for_user)
        if ids is None:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if isinstance(queryset, AgencyQuerySet):
                lookup = queryset.agency_lookup
                field.queryset = queryset.filter(**{f"{lookup}__in": ids})
        agency_field = self.fields.get("agency")
        if agency_field is not None:
            choices = list(agency_field.queryset[:2])
            if len(choices) == 1 and not self.instance.pk:
                self.initial["agency"] = choices[0].pk


class DirectoryEntryForm(ItAdminAgencyForm):
    """The person's form, with their official address: typed, or suggested by the agency's
    naming scheme when left empty (never an address already in use)."""

    email = forms.EmailField(
        label=_("Official email"), required=False, max_length=254,
        help_text=_("Leave empty to get the address the agency's naming scheme suggests. "
                    "A changed address keeps the old one as an alias."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mailbox = getattr(self.instance, "mailbox", None) if self.instance.pk else None
        if mailbox is not None:
            self.initial["email"] = mailbox.address
        self.suggestion = None

    def _name(self, cleaned):
        position = cleaned.get("position")
        if position is not None:
            return position.user.get_full_name() or position.user.get_username()
        return cleaned.get("full_name") or ""

    def clean(self):
        from plugins.email_directory.addresses import suggest, taken_elsewhere
        from plugins.email_directory.naming import NamingError

        cleaned = super().clean()
        address = (cleaned.get("email") or "").strip().lower()
        cleaned["email"] = address
        if self.errors:
            return cleaned
        mailbox = getattr(self.instance, "mailbox", None) if self.instance.pk else None
        if address:
            if mailbox is None or address != mailbox.address:
                exclude = mailbox.pk if mailbox is not None else None
                if taken_elsewhere([address], exclude_mailbox=exclude):
                    self.add_error("email", gettext("%(address)s is already in use; addresses "
                                                    "are never given twice.")
                                   % {"address": address})
        elif mailbox is None and cleaned.get("agency") and self._name(cleaned):
            try:
                self.suggestion = suggest(cleaned["agency"], self._name(cleaned),
                                          cleaned.get("birth_date"))
            except NamingError as error:
                self.add_error("email", str(error))
        return cleaned

    def save(self, commit=True):
        from plugins.email_directory.addresses import assign_personal_mailbox

        with transaction.atomic():
            entry = super().save(commit=commit)
            address = self.cleaned_data.get("email")
            mailbox = getattr(entry, "mailbox", None)
            if commit and (address or self.suggestion) and (
                mailbox is None or (address and address != mailbox.address)
            ):
                _mailbox, suggestion = assign_personal_mailbox(entry, address or None)
                self.suggestion = suggestion
        return entry
