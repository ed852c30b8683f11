"""Admin forms of the editorial board's records."""

from django.contrib.auth import get_user_model

from plugins.core.admin.scoping import AgencyScopedAdminForm


class DelegationForm(AgencyScopedAdminForm):
    """Offers as deputy only the deputies of the boards the user may see."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from plugins.editorial_board.models import BoardMember, BoardRole

        deputies = BoardMember.objects.filter(
            role=BoardRole.DEPUTY, board__in=self.fields["board"].queryset
        ).values("position__user_id")
        self.fields["deputy"].queryset = get_user_model().objects.filter(pk__in=deputies)
        self.fields["deputy"].label_from_instance = (
            lambda user: user.get_full_name() or user.get_username()
        )

    def save(self, commit=True):
        if self.instance.created_by_id is None and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


class BoardForm(AgencyScopedAdminForm):
    """Offers in each member row only positions in the user's agencies."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from plugins.core.models import Position

        positions = Position.objects.visible_to(self.for_user).select_related("user", "unit")
        for form in self.formsets["members"].forms:
            form.fields["position"].queryset = positions
        self.formsets["members"].empty_form.fields["position"].queryset = positions

    def is_valid(self):
        # The member formset is cleaned after the form's own clean(): check it here.
        if not super().is_valid():
            return False
        from django.utils.translation import gettext as _

        from plugins.editorial_board.models import BoardRole

        kept = [form.cleaned_data for form in self.formsets["members"].forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if [row.get("role") for row in kept].count(BoardRole.CHIEF) != 1:
            self.add_error(None, _("The board has exactly one chief."))
        agency = self.cleaned_data.get("agency")
        if agency and any(row["position"].unit.agency_id != agency.pk for row in kept):
            self.add_error(None, _("Choose a position in this agency's units."))
        return not self.errors


class EditorialRecordForm(AgencyScopedAdminForm):
    """Editors set the editorial data of pages without the metadata mixin; a page with the
    mixin keeps it in its own fields, so the form shows them read-only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils.translation import gettext as _

        from plugins.core.models import Unit
        from plugins.editorial_board.models import EditorialMetadataMixin, TrustedSource

        record = self.instance
        if record.agency_id and "unit" in self.fields:
            self.fields["unit"].queryset = Unit.objects.filter(agency_id=record.agency_id)
            self.fields["trusted_source"].queryset = TrustedSource.objects.filter(
                agency_id=record.agency_id, active=True)
            self.fields["authors"].queryset = get_user_model().objects.filter(
                positions__unit__agency_id=record.agency_id).distinct()
        self.fields["authors"].label_from_instance = (
            lambda user: user.get_full_name() or user.get_username())
        if record.pk and isinstance(record.page.specific, EditorialMetadataMixin):
            for name in ("unit", "authors", "kind", "event_at", "source", "is_translation",
                         "original_source"):
                if name not in self.fields:
                    continue
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Set on the page itself.")

    def clean(self):
        cleaned = super().clean()
        from django.core.exceptions import ValidationError

        from plugins.editorial_board.moderation.models.metadata import translation_needs_source

        try:
            translation_needs_source(cleaned.get("is_translation"),
                                     cleaned.get("original_source"))
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned

    def save(self, commit=True):
        record = super().save(commit=commit)
        if commit:
            from plugins.editorial_board.moderation import deadlines

            deadlines.arm(record)
        return record
