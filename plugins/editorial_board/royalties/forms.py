"""Admin form of the royalties' lines."""

from django.contrib.auth import get_user_model

from plugins.core.admin.scoping import AgencyScopedAdminForm


class RoyaltyShareForm(AgencyScopedAdminForm):
    """A line of the royalties: the board changes who is paid and their parts until the
    month is closed (R-ED-11); amounts are worked out again on save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from plugins.editorial_board.models import RoyaltyItem, RoyaltyMonth
        from plugins.editorial_board.moderation.board import member_agency_ids
        from plugins.editorial_board.royalties import services as royalties

        user = self.for_user
        items = RoyaltyItem.objects.filter(voided_at__isnull=True)
        people = get_user_model().objects.filter(is_active=True)
        if user is not None and not user.is_superuser:
            agencies = member_agency_ids(user)
            items = items.filter(agency_id__in=agencies)
            people = people.filter(positions__unit__agency_id__in=agencies).distinct()
        closed = RoyaltyMonth.objects.filter(closed_at__isnull=False)
        for row in closed.values("agency_id", "month"):
            items = items.exclude(agency_id=row["agency_id"], month=row["month"])
        if "item" in self.fields:
            self.fields["item"].queryset = items.order_by("-published_at")
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = (
            lambda person: person.get_full_name() or person.get_username())
        self._royalties = royalties

    def clean(self):
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        cleaned = super().clean()
        item = cleaned.get("item") or getattr(self.instance, "item", None)
        if item is None:
            return cleaned
        try:
            self._royalties.check_editable(item)
        except ValidationError as error:
            self.add_error(None, error)
        if self.for_user is not None and not self._royalties.may_edit_shares(self.for_user, item):
            self.add_error(None, _("Only the editorial board of the item's agency changes "
                                   "its royalties."))
        person = cleaned.get("person")
        if person is not None and not (self.for_user and self.for_user.is_superuser) and not (
            person.positions.filter(unit__agency_id=item.agency_id).exists()
        ):
            self.add_error("person", _("Choose a person of the item's agency."))
        role = cleaned.get("role")
        if role and not item.pool(role):
            self.add_error("role", _("This item has no amount for this role."))
        return cleaned

    def save(self, commit=True):
        line = super().save(commit=commit)
        if commit:
            self._royalties.allocate(line.item)
        return line
