"""The admin form of a legal document: number uniqueness and the secrecy rule, with clear
messages before anything is saved; the lists offer the national entries and the agency's."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from plugins.core import numbers

# Choice field → the shared list it offers (national entries and the agency's own).
SHARED_LISTS = ("doc_type", "issuing_body", "legal_fields")


class LegalDocumentPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agency = self._agency()
        for name in SHARED_LISTS:
            field = self.fields.get(name)
            if field is not None:
                field.queryset = field.queryset.model._default_manager.offered_to(agency)

    def _agency(self):
        from plugins.core.scoping import agency_for_page

        page = self.instance
        parent = self.parent_page if page.pk is None else page.get_parent()
        return agency_for_page(parent) if parent is not None else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("secrecy") and "action-publish" in self.data:
            self.add_error(
                "secrecy",
                _("A secret document (Mật, Tối mật, Tuyệt mật) can never be published."),  # R-LD-6
            )
        number = cleaned.get("number")
        if number and "number" not in self.errors:
            doc_type = cleaned.get("doc_type")
            try:
                parsed = numbers.parse(number, extra_types=[doc_type.code] if doc_type else [])
            except numbers.InvalidNumber as error:
                self.add_error("number", error.message)
            else:
                cleaned["number"] = str(parsed)
                self._check_unique(parsed)
        return cleaned

    def _check_unique(self, parsed):
        from plugins.legal_docs.models import LegalDocumentPage

        page = self.instance
        parent = self.parent_page if page.pk is None else page.get_parent()
        agency = self._agency()
        # Unique per agency and language: the English version of a document carries the
        # Vietnamese one's number (R-ED-16).
        locale_id = page.locale_id or (parent.locale_id if parent is not None else None)
        clash = LegalDocumentPage.objects.filter(
            agency=agency, locale_id=locale_id, number_key=parsed.search_key
        )
        if page.pk:
            clash = clash.exclude(pk=page.pk)
        other = clash.first()
        if other is not None:
            self.add_error(
                "number",
                _("%(number)s is already used by “%(title)s” in this agency's library.")
                % {"number": parsed, "title": other.title},
            )
