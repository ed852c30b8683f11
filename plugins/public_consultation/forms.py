"""The citizen's comment form (R-SITE-6): name, an email or a phone, the comment and,
optionally, the article or section it is about; the core's spam guards' hidden field and
token (:mod:`plugins.core.antispam`)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.core.text import nfc, validate_plain_text

_PHONE = re.compile(r"^\+?[0-9 .\-()]{8,20}$")


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Full name or organisation (shown with your comment)"),
                           max_length=150)
    email = forms.EmailField(label=_("Email (never published)"), required=False,
                             max_length=254)
    phone = forms.CharField(label=_("Phone (never published)"), max_length=20,
                            required=False)
    section = forms.CharField(label=_("Article or section of the draft (optional)"),
                              max_length=120, required=False,
                              help_text=_("For example: Article 5, clause 2."))
    text = forms.CharField(label=_("Your comment"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 8}))
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "section", "text"):
            self.fields[name].validators.append(validate_plain_text)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and (not _PHONE.match(phone) or len(re.sub(r"\D", "", phone)) < 8):
            raise forms.ValidationError(_("Enter a phone number of digits only, for example "
                                          "0273 3855 999."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not (
            self.errors.get("email") or self.errors.get("phone")
        ):
            raise forms.ValidationError(_("Give an email address or a phone number, so that "
                                          "the agency can reach you about your comment."))
        for name in ("name", "section", "text"):
            if cleaned.get(name):
                cleaned[name] = nfc(cleaned[name]).strip()
        return cleaned
