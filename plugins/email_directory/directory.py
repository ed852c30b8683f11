"""The public directory's content (R-EM-1, R-ORG-2): groups in the unit tree's order.

The agency's own group comes first: its contacts (core Agency), its mailbox and its leaders
(the people of its top-level leadership unit) with their duties. Then one group per unit,
parents before children, siblings in the tree's order, each with its mailbox and people
(leaders first, then by display order). A search (accent-insensitive,
core search) or a unit filter narrows the groups; a unit filter includes the units below it.

A fixed number of SQL queries whatever the directory's size: units (1), people (1, with
their positions, accounts, units and mailboxes), photos' renditions (at most 1), shared
mailboxes (1), and with a search two searches of 2 queries each.
"""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from plugins.core.models import Unit, UnitKind
from plugins.core.orgchart import build_unit_tree
from plugins.core.scoping import agency_for_page
from plugins.core.search.engine import SearchRequest, search
from plugins.email_directory.models import DirectoryEntry, Mailbox, MailboxKind

MAX_HITS = 5000
PHOTO_SPEC = "fill-96x120"


class DirectoryForm(forms.Form):
    q = forms.CharField(label=_("Name, job title or unit"), required=False, max_length=200)
    unit = forms.TypedChoiceField(label=_("Unit"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, unit_choices):
        data = data.copy()
        data["q"] = data.get("q", "")[:200]
        super().__init__(data)
        self.fields["unit"].choices = [("", _("All units")), *unit_choices]


@dataclass
class Group:
    key: str  # "agency" or "unit-<id>"
    title: str
    unit: object = None
    depth: int = 0
    parent: object = None
    mailboxes: list = field(default_factory=list)
    people: list = field(default_factory=list)
    is_agency: bool = False

    def __bool__(self):
        return bool(self.mailboxes or self.people)


def person_sort_key(entry):
    """Leaders first, then by display order; ties in the order the people were entered
    (the head before the deputies when the organisation was entered top-down)."""
    return (not entry.leader, entry.sort_order, entry.pk)


def _descendants(tree, unit_id):
    for node in tree.walk():
        if node.unit.pk == unit_id:
            found, stack = [], [node]
            while stack:
                current = stack.pop()
                found.append(current.unit.pk)
                stack.extend(current.children)
            return found
    return []


def unit_tree(agency):
    return build_unit_tree(Unit.objects.for_agency(agency).order_by("sort_order", "name"))


def directory_data(agency, query="", unit_id=None, tree=None):
    """Groups of the agency's directory, narrowed by ``query`` and ``unit_id``."""
    tree = tree if tree is not None else unit_tree(agency)
    people = DirectoryEntry.objects.for_agency(agency).published().with_related()
    mailboxes = (
        Mailbox.objects.for_agency(agency).shared().active().filter(is_published=True)
        .select_related("unit", "agency")
    )
    unit_ids = _descendants(tree, unit_id) if unit_id else None
    if unit_ids is not None:
        people = people.in_units(unit_ids)
        mailboxes = mailboxes.filter(unit_id__in=unit_ids)
    if query:
        filters = {"unit": [str(unit_id)]} if unit_id else {}
        agency_id = getattr(agency, "pk", None)
        found = {
            model: search(SearchRequest(model=model, query=query, filters=filters,
                                        agency_id=agency_id, per_page=MAX_HITS)).object_ids
            for model in (DirectoryEntry, Mailbox)
        }
        people = people.filter(pk__in=found[DirectoryEntry])
        mailboxes = mailboxes.filter(pk__in=found[Mailbox])
    people = people.prefetch_related(
        Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(PHOTO_SPEC))
    )
    return _grouped(agency, tree, list(people), list(mailboxes))


def _grouped(agency, tree, people, mailboxes):
    agency_group = Group(key="agency", title=agency.name if agency else "", is_agency=True)
    groups = {}
    order = []
    units = {node.unit.pk: node.unit for node in tree.walk()}
    for node in tree.walk():
        unit = node.unit
        if node.depth == 0 and unit.kind == UnitKind.LEADERSHIP:
            groups[unit.pk] = agency_group  # the agency's leaders head the agency's group
            continue
        # Below the second level, the group says which unit it belongs to.
        parent = units.get(unit.parent_id) if node.depth > 1 else None
        groups[unit.pk] = Group(key=f"unit-{unit.pk}", title=unit.name, unit=unit,
                                depth=node.depth, parent=parent)
        order.append(groups[unit.pk])
    for mailbox in mailboxes:
        target = groups.get(mailbox.unit_id, agency_group) if mailbox.unit_id else agency_group
        target.mailboxes.append(mailbox)
    for person in people:
        groups.get(person.resolved_unit_id, agency_group).people.append(person)
    for group in [agency_group, *order]:
        group.people.sort(key=person_sort_key)
        group.mailboxes.sort(key=lambda m: (m.kind != MailboxKind.AGENCY, m.address))
    return [agency_group, *order]


def unit_choices(tree):
    return [(node.unit.pk, "— " * node.depth + node.unit.name) for node in tree.walk()]


def directory_context(page, request):
    agency = agency_for_page(page)
    tree = unit_tree(agency)
    form = DirectoryForm(request.GET, unit_choices(tree))
    notices = []
    if not form.is_valid():
        notices.append(_("The unit chosen is not in this directory; all units are shown."))
    data = getattr(form, "cleaned_data", {})
    query, unit_id = (data.get("q") or "").strip(), data.get("unit")
    groups = directory_data(agency, query, unit_id, tree)
    shown = [group for group in groups if group or (group.is_agency and not (query or unit_id))]
    return {
        "agency": agency,
        "form": form,
        "groups": shown,
        "query": query,
        "unit_id": unit_id,
        "notices": notices,
        "total_people": sum(len(group.people) for group in shown),
        "total_mailboxes": sum(len(group.mailboxes) for group in shown),
    }
