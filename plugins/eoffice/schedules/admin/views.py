"""The week view (the office drafts, submits and the leader approves a week at once), the
action buttons of one record, and a person's calendar feed addresses."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from plugins.core.models import Agency, Unit
from plugins.core.scoping import agency_ids_for_user
from plugins.eoffice.schedules import access, services
from plugins.eoffice.schedules.models import (
    FeedToken,
    Mark,
    ScheduleEntry,
    State,
    WorkPlan,
    WorkProgrammePage,
)
from plugins.eoffice.schedules.weeks import neighbours, parse_week, week_days, week_key

MODELS = {"entry": ScheduleEntry, "plan": WorkPlan}
# action → (label, needs a reason or note, style)
ACTIONS = {
    "submit": (gettext_lazy("Submit for approval"), False, "button"),
    "approve": (gettext_lazy("Approve and publish"), False, "button"),
    "send_back": (gettext_lazy("Send back"), True, "button button-secondary"),
    "cancel": (gettext_lazy("Cancel the entry"), True, "button button-secondary no"),
    "delete": (gettext_lazy("Delete the draft"), False, "button button-secondary no"),
}


def record_actions(user, record):
    """The actions ``user`` may take on ``record`` now: ``[(name, label, needs_text,
    classes)]``."""
    me = access.rights(user)
    names = []
    drafts, approves = me.may_draft_record(record), me.may_approve_record(record)
    if record.state in (State.DRAFT, State.RETURNED) and drafts:
        names += ["submit", "delete"]
    if record.state == State.SUBMITTED and approves:
        names += ["approve", "send_back"]
    if record.state == State.PUBLISHED and record.mark != Mark.CANCELLED and (drafts or
                                                                             approves):
        names.append("cancel")
    return [(name, *ACTIONS[name]) for name in names]


@require_POST
def record_action(request, kind, pk, action):
    model = MODELS.get(kind)
    if model is None or action not in ACTIONS:
        raise Http404
    record = get_object_or_404(access.visible(request.user, model.objects.all()), pk=pk)
    text = request.POST.get("reason", "")
    try:
        if action == "submit":
            services.submit(request.user, record)
        elif action == "approve":
            services.approve(request.user, record)
        elif action == "send_back":
            services.send_back(request.user, record, text)
        elif action == "cancel":
            services.cancel_published(request.user, record, text)
        elif action == "delete":
            services.delete_draft(request.user, record)
    except services.TransitionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": ACTIONS[action][0]})
    return redirect(_back(request, record, kind, action))


def _back(request, record, kind, action):
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    if action == "delete":
        return reverse("eoffice_schedule_entry:index" if kind == "entry"
                       else "eoffice_work_plan:index")
    name = "eoffice_schedule_entry:inspect" if kind == "entry" else "eoffice_work_plan:inspect"
    return reverse(name, args=[record.pk])


# --- The week -------------------------------------------------------------------------


def _schedule_from(request):
    """The schedule chosen by ``?schedule=<agency>`` or ``<agency>-<unit>``, among the
    user's agencies' schedules (the first one the user may draft by default)."""
    choices = access.schedule_choices(request.user)
    if not choices:
        raise PermissionDenied
    wanted = request.GET.get("schedule") or request.POST.get("schedule") or ""
    for key in choices:
        if _key(key) == wanted:
            return key, choices
    drafting = [key for key in choices if access.rights(request.user).may_draft(*key)]
    return (drafting or choices)[0], choices


def _key(key):
    agency_id, unit_id = key
    return f"{agency_id}" if unit_id is None else f"{agency_id}-{unit_id}"


def _choice_labels(choices):
    agencies = dict(Agency.objects.filter(pk__in={a for a, _ in choices}).values_list("pk",
                                                                                      "name"))
    units = dict(Unit.objects.filter(pk__in={u for _, u in choices if u}).values_list("pk",
                                                                                      "name"))
    several = len(agencies) > 1
    labels = []
    for agency_id, unit_id in choices:
        label = (units[unit_id] if unit_id else _("Agency's leaders"))
        if several:
            label = f"{agencies[agency_id]} — {label}"
        labels.append((_key((agency_id, unit_id)), label))
    return labels


def week(request):
    """One week of one schedule: its entries in every state, the actions on each, and the
    week's submit or approve at once."""
    (agency_id, unit_id), choices = _schedule_from(request)
    monday = parse_week(request.GET.get("week") or request.POST.get("week"))
    days = week_days(monday)
    entries = access.visible(request.user, ScheduleEntry.objects.filter(
        agency_id=agency_id, unit_id=unit_id, date__range=(days[0], days[-1])))
    if request.method == "POST":
        return _week_post(request, list(entries), agency_id, unit_id, monday)
    entries = list(entries.select_related("drafted_by", "approved_by"))
    me = access.rights(request.user)
    rows = [(day, [(entry, record_actions(request.user, entry)) for entry in entries
                   if entry.date == day]) for day in days]
    previous, following = neighbours(monday)
    schedule = _key((agency_id, unit_id))
    return TemplateResponse(request, "eoffice_schedules/admin/week.html", {
        "page_title": _("Week of a schedule"),
        "header_title": _("Week of a schedule"),
        "header_icon": "date",
        "rows": rows,
        "monday": monday,
        "sunday": days[-1],
        "week": week_key(monday),
        "previous_week": week_key(previous),
        "next_week": week_key(following),
        "schedule": schedule,
        "choices": _choice_labels(choices),
        "may_draft": me.may_draft(agency_id, unit_id),
        "may_approve": me.may_approve(agency_id, unit_id),
        "drafts": sum(1 for e in entries if e.state in (State.DRAFT, State.RETURNED)),
        "submitted": sum(1 for e in entries if e.state == State.SUBMITTED),
        "add_url": reverse("eoffice_schedule_entry:add") + "?" + _add_query(agency_id, unit_id),
        "next_url": request.get_full_path(),
    })


def _add_query(agency_id, unit_id):
    from django.utils.http import urlencode

    params = {"agency": agency_id}
    if unit_id:
        params["unit"] = unit_id
    return urlencode(params)


def _week_post(request, entries, agency_id, unit_id, monday):
    action = request.POST.get("action")
    if action == "submit_week":
        done = services.submit_all(request.user, entries)
    elif action == "approve_week":
        done = services.approve_all(request.user, entries)
    else:
        raise Http404
    if done:
        messages.success(request, ngettext("%(count)s entry done.", "%(count)s entries done.",
                                           done) % {"count": done})
    else:
        messages.warning(request, _("Nothing you may do in this week."))
    query = f"?schedule={_key((agency_id, unit_id))}&week={week_key(monday)}"
    return redirect(reverse("eoffice_schedules:week") + query)


# --- Calendar feeds -------------------------------------------------------------------


def feeds(request):
    """The addresses a person subscribes to: the public ones of the leaders, and their own
    (secret) ones of each unit; and the button that makes the secret ones new."""
    ids = agency_ids_for_user(request.user)
    if ids == frozenset():
        raise PermissionDenied
    token, _created = FeedToken.objects.get_or_create(user=request.user)
    if request.method == "POST":
        token.reset()
        messages.success(request, _("New addresses made; the old ones no longer work."))
        return redirect("eoffice_schedules:feeds")
    agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)
    rows = []
    for agency in agencies.select_related("site").order_by("name"):
        page = (WorkProgrammePage.objects.live().descendant_of(agency.site.root_page).first()
                if agency.site_id else None)
        if page is None:
            continue
        base = page.full_url.rstrip("/") if page.full_url else ""
        units = Unit.objects.filter(agency=agency).order_by("sort_order", "name")
        rows.append((agency, f"{base}/ical/", [
            (unit, f"{base}/don-vi/{unit.pk}/{token.key}/ical/") for unit in units]))
    return TemplateResponse(request, "eoffice_schedules/admin/feeds.html", {
        "page_title": _("My calendar feeds"),
        "header_title": _("My calendar feeds"),
        "header_icon": "date",
        "rows": rows,
    })
