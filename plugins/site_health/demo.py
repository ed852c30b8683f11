"""Demo: the link inventory of the demo agencies, their internal links checked (no request
leaves the machine: outside links wait for the hourly job, "not checked yet")."""

from django.utils import timezone

from plugins.core.models import Agency
from plugins.site_health import checker, inventory
from plugins.site_health.jobs import RESULT_FIELDS, store_result
from plugins.site_health.models import Link, LinkKind


def load_site_health_demo(context):
    now = timezone.now()
    for agency in Agency.objects.filter(site__isnull=False).order_by("pk"):
        count = inventory.collect(agency)
        internal = list(Link.objects.filter(agency=agency, kind=LinkKind.INTERNAL))
        results = checker.check_internal(internal)
        for link in internal:
            store_result(link, results[link.pk], now)
        Link.objects.bulk_update(internal, RESULT_FIELDS)
        context.log(f"  = {agency.symbol}: {count} links, {len(internal)} internal checked")
