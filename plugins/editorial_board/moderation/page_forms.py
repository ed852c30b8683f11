"""The editor form of pages with the editorial metadata (R-ED-12, R-ED-13).

:class:`~plugins.editorial_board.models.EditorialMetadataMixin` sets it as the page's
``base_form_class``; a page type with its own form class subclasses this one. On every
save — draft, submission for moderation, publication — the form:

- refuses text in the legacy TCVN3/VNI encodings, naming each field, unless the editor
  ticks *Convert legacy-encoded text to Unicode*, in which case the fields are converted
  to Unicode NFC as they are saved (so nothing in a legacy encoding is ever submitted);
- refuses linked files (chosen images and documents, images and document links in rich
  text, StreamField blocks) that are not Word/ODT texts or JPG/GIF/PNG/BMP images.

Prohibited expressions (R-ED-14) do not stop saving: they are flagged for the board when
the revision is saved (see :mod:`plugins.editorial_board.checks.services`).
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from plugins.editorial_board import page_text


class EditorialPageForm(WagtailAdminPageForm):
    convert_legacy_text = forms.BooleanField(
        label=gettext_lazy("Convert legacy-encoded text to Unicode"), required=False,
        help_text=gettext_lazy("Text typed in TCVN3 (ABC) or VNI fonts is converted to "
                               "Unicode (TCVN 6909:2001) when the page is saved."),
    )

    def _model_fields(self):
        fields = {field.name: field for field in self._meta.model._meta.get_fields()
                  if getattr(field, "concrete", False)}
        return {name: fields[name] for name in self.cleaned_data if name in fields}

    def clean(self):
        cleaned = super().clean()
        model_fields = self._model_fields()
        self._check_encodings(cleaned, model_fields)
        self._check_attachments(cleaned, model_fields)
        return cleaned

    def _check_encodings(self, cleaned, model_fields):
        from plugins.editorial_board.checks import services as checks

        convert = cleaned.get("convert_legacy_text")
        for name, field in model_fields.items():
            if not page_text.is_text_field(field) or not isinstance(cleaned.get(name), str):
                continue
            encoding = checks.legacy_encoding(field, cleaned[name])
            if encoding is None:
                continue
            if convert:
                cleaned[name] = checks.to_unicode_value(field, cleaned[name], encoding)
                continue
            self.add_error(name, _(
                "%(field)s is typed in the legacy %(encoding)s encoding: only Unicode text "
                "(TCVN 6909:2001) is accepted. Tick “Convert legacy-encoded text to "
                "Unicode” and save again to convert it."
            ) % {"field": self.fields[name].label if name in self.fields else name,
                 "encoding": checks.LEGACY_ENCODINGS[encoding]})

    def _check_attachments(self, cleaned, model_fields):
        from plugins.editorial_board.checks import services as checks

        model = self._meta.model
        for name in model_fields:
            if name not in cleaned or cleaned[name] in (None, ""):
                continue
            images, documents = page_text.linked_files(model, {name: cleaned[name]})
            for message in checks.attachment_errors(images, documents):
                self.add_error(name, _(
                    "%(message)s Attach texts as Word or ODT files and images as JPG, GIF, "
                    "PNG or BMP.") % {"message": message})
