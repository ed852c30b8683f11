"""The public directory's machine-readable forms: JSON and vCards (R-EM-1).

They carry the addresses in clear (an address book needs them); they are linked with
``rel="nofollow"``, answered with ``X-Robots-Tag: noindex`` and never listed in the
sitemap. The HTML page itself carries no address in clear (see ``directory.js``).
"""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404

from plugins.core.scoping import agency_for_page
from plugins.email_directory import vcards
from plugins.email_directory.directory import directory_context, directory_data
from plugins.email_directory.models import DirectoryEntry


def _person(entry, page, request):
    unit = entry.resolved_unit
    return {
        "id": entry.pk,
        "name": entry.name,
        "title": entry.job_title,
        "unit": unit.name if unit else None,
        "unit_id": unit.pk if unit else None,
        "leader": entry.leader,
        "phone": entry.office_phone,
        "mobile": entry.mobile,
        "email": entry.email,
        "duties": entry.resolved_duties if entry.leader else "",
        "vcard": request.build_absolute_uri(
            page.url + page.reverse_subpage("person_vcard", args=[entry.pk])
        ),
    }


def _mailbox(mailbox):
    return {"address": mailbox.address, "name": mailbox.label, "kind": mailbox.kind,
            "unit_id": mailbox.unit_id}


def json_response(page, request):
    context = directory_context(page, request)
    agency = context["agency"]
    data = {
        "agency": {
            "name": agency.name, "address": agency.address, "phone": agency.phone,
            "fax": agency.fax, "email": agency.email,
        } if agency else None,
        "query": context["query"],
        "unit": context["unit_id"],
        "groups": [
            {
                "title": group.title,
                "unit_id": group.unit.pk if group.unit else None,
                "phone": group.unit.phone if group.unit else (agency.phone if agency else ""),
                "mailboxes": [_mailbox(mailbox) for mailbox in group.mailboxes],
                "people": [_person(entry, page, request) for entry in group.people],
            }
            for group in context["groups"]
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Access-Control-Allow-Origin"] = "*"  # public data, for other portals
    return response


def _agency_or_404(page):
    agency = agency_for_page(page)
    if agency is None:
        raise Http404
    return agency


def person_vcard(page, request, entry_id):
    agency = _agency_or_404(page)
    entry = get_object_or_404(
        DirectoryEntry.objects.for_agency(agency).published().with_related(), pk=entry_id
    )
    return vcards.response([vcards.person_card(entry, agency)], entry.name)


def _cards(agency, groups):
    cards = []
    for group in groups:
        cards += [vcards.mailbox_card(mailbox, agency) for mailbox in group.mailboxes]
        cards += [vcards.person_card(entry, agency) for entry in group.people]
    return cards


def unit_vcards(page, request, unit_id):
    """The unit's mailbox and people, and those of the units under it."""
    agency = _agency_or_404(page)
    groups = directory_data(agency, unit_id=unit_id)
    unit = next((group.unit for group in groups if group.unit and group.unit.pk == unit_id),
                None)
    if unit is None:
        # A top-level leadership unit is shown as the agency's group.
        from plugins.core.models import Unit

        unit = get_object_or_404(Unit.objects.for_agency(agency), pk=unit_id)
    return vcards.response(_cards(agency, groups), unit.name)


def agency_vcards(page, request):
    agency = _agency_or_404(page)
    return vcards.response(_cards(agency, directory_data(agency)), agency.name)
