"""The admin form of a procedure: levels as check boxes, the code unique in the agency, and
the receiving officer chosen among the agency's own staff positions."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from plugins.procedures.choices import Level


class ProcedurePageForm(WagtailAdminPageForm):
    levels = forms.MultipleChoiceField(
        label=_("Level of government"), choices=Level.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agency = self._agency()
        procedure_fields = self.fields.get("procedure_fields")
        if procedure_fields is not None:  # the national fields and the agency's own
            procedure_fields.queryset = procedure_fields.queryset.model._default_manager \
                .offered_to(agency)
        field = self.fields.get("receiving_position")
        if field is not None:
            from plugins.core.models import Position

            positions = Position.objects.select_related("user", "unit")
            if agency is not None:
                positions = positions.for_agency(agency)
            elif self.for_user is not None:
                positions = positions.visible_to(self.for_user)
            field.queryset = positions

    def _agency(self):
        from plugins.core.scoping import agency_for_page

        page = self.instance
        parent = self.parent_page if page.pk is None else page.get_parent()
        return agency_for_page(parent) if parent is not None else None

    def _locale_id(self):
        page = self.instance
        if page.locale_id:
            return page.locale_id
        parent = self.parent_page if page.pk is None else page.get_parent()
        return parent.locale_id if parent is not None else None

    def clean(self):
        cleaned = super().clean()
        code = (cleaned.get("code") or "").strip()
        if code and "code" not in self.errors:
            from plugins.procedures.models.procedures import ProcedurePage, check_code

            try:
                check_code(code)
            except forms.ValidationError as error:
                self.add_error("code", error)
            else:
                cleaned["code"] = code
                # Unique per agency and language: an English version keeps the code.
                clash = ProcedurePage.objects.filter(agency=self._agency(),
                                                     locale_id=self._locale_id(), code=code)
                if self.instance.pk:
                    clash = clash.exclude(pk=self.instance.pk)
                other = clash.first()
                if other is not None:
                    self.add_error("code", _(
                        "%(code)s is already used by “%(title)s” in this agency's list."
                    ) % {"code": code, "title": other.title})
        return cleaned
