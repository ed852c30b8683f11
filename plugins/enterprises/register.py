"""When an agency's enterprise data was last brought up to date (seed 001 Đ8.4: every 3
months). Any change of an enterprise, an import, or a keeper's "the data is up to date"
confirmation moves it; the directory shows it, and the editorial board (when installed)
reads it through :mod:`plugins.core.periodic_updates`."""

from django.utils import timezone

from plugins.enterprises.models import EnterpriseRegister

PERIOD_MONTHS = 3


def brought_up_to_date(agency_id, user=None, when=None):
    """Record that ``agency_id``'s enterprise data is up to date now (or at ``when``)."""
    user = user if user is not None and getattr(user, "is_authenticated", False) else None
    EnterpriseRegister.objects.update_or_create(
        agency_id=agency_id, defaults={"updated_at": when or timezone.now(), "updated_by": user})


def last_update(agency_id):
    return EnterpriseRegister.objects.filter(agency_id=agency_id).first()
