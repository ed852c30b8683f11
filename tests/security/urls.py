"""Every admin URL of the installation, filled in with another agency's records (R-SEC-2).

The URLs are read from Django's resolver, so a screen a plugin adds later is probed too: a
URL that takes no argument is a list (it must show no other agency's record), a URL that
takes a record is opened with the other agency's record (it must be refused). A URL whose
arguments cannot be filled in must be named in :data:`NOT_PROBED` with the reason.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.viewsets import viewsets

# URL names (namespace:name) not probed, and why. Every other admin URL is.
NOT_PROBED = {
    # Workflow steps: the fixture starts no workflow; Wagtail checks the page permission
    # before the task state (the page's edit view is probed).
    "wagtailadmin_pages:workflow_action": "needs a workflow task state",
    "wagtailadmin_pages:collect_workflow_action_data": "needs a workflow task state",
    "wagtailadmin_pages:workflow_preview": "needs a workflow task",
    "wagtailadmin_pages:workflow_history_detail": "needs a workflow state",
    "wagtailadmin_workflows:task_chosen": "a global task, not an agency's record",
    "wagtailadmin_workflows:remove": "global workflows: only superusers manage them",
    # Uploads in progress belong to their uploader (Wagtail checks the uploader).
    "wagtaildocs:create_multiple_from_uploaded_document": "an upload in progress",
    "wagtaildocs:delete_upload_multiple": "an upload in progress",
    "wagtailimages:create_multiple_from_uploaded_image": "an upload in progress",
    "wagtailimages:delete_upload_multiple": "an upload in progress",
    "wagtailadmin_editing_sessions:ping": "an editing session of the user's own",
    "wagtailadmin_editing_sessions:release": "an editing session of the user's own",
    "wagtailadmin_password_reset_confirm": "a signed token of the account's owner",
    "wagtail_bulk_action": "bulk actions: probed by their own tests with object ids",
    "wagtailadmin_pages:revisions_compare": "revisions: revisions_view is probed",
    "wagtailadmin_tag_model_autocomplete": "tag names, not records",
    "wagtailadmin_pages:type_use": "page types, not records",
    "wagtailadmin_pages:type_use_results": "page types, not records",
    "wagtailadmin_pages:choose_parent": "page types, not records",
    "wagtailadmin_workflows:add_task": "task types, not records",
    "wagtailsettings:edit": "redirects to the site's own settings (probed with a site id)",
    "core_import_status": "a job id of the user's own session",
    "wagtailadmin_pages:add": "probed as add_subpage and the edit views",
    "wagtailadmin_pages:preview_on_add": "probed as add_subpage and the edit views",
    "wagtailimages:preview": "probed as the image's edit view",
    "wagtailforms:list_submissions": "no form page in the fixture",
    "wagtailforms:list_submissions_results": "no form page in the fixture",
    "wagtailforms:delete_submissions": "no form page in the fixture",
}
# Lists that answer only to a query string or JavaScript (not a page of their own).
SKIPPED_LISTS = {
    "wagtailadmin_logout", "wagtailadmin_login", "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done", "wagtailadmin_password_reset_complete",
    "wagtailadmin_account", "core_password_change", "core_two_factor_verify",
    "core_two_factor_enrol", "core_two_factor_codes", "core_two_factor", "core_account_report",
    "core_notifications_read_all",  # a POST (marks the user's own notifications read)
    "wagtailadmin_sprite", "wagtailadmin_javascript_catalog", "wagtailadmin_icons",
    "editorial_board:royalty_ledger_close", "wagtailadmin_editing_sessions:release",
    "wagtailadmin_error_test",  # Wagtail's own test of the error page
}


# The e-office's actions on one document (a POST each): every action is probed.
EOFFICE_ACTIONS = {
    "eoffice:incoming_action": ("eoffice_documents.IncomingDocument", (
        "assign", "reassign", "recall", "return", "resubmit", "result", "file", "reply")),
    "eoffice:outgoing_action": ("eoffice_documents.OutgoingDocument", (
        "edit", "attach", "issue", "submit", "forward", "approve", "comment", "send_back",
        "withdraw")),
    "eoffice_tasks:action": ("eoffice_tasks.Task", (
        "progress", "complete", "accept", "send_back", "extend", "cancel")),
    "eoffice_notices:announcement_action": ("eoffice_notices.Announcement", (
        "publish", "withdraw", "delete", "extend")),
    "eoffice_notices:extension_action": ("eoffice_notices.ExtensionRequest", (
        "grant", "refuse")),
}


# The e-office's screens of one record outside its viewsets.
EOFFICE_RECORDS = {
    "eoffice:end_delegation": "eoffice_documents.Delegation",
    "eoffice:outage_register": "eoffice_documents.OutageEntry",
    "eoffice:dossier_close": "eoffice_documents.WorkDossier",
    "eoffice:register_pdf": "eoffice_documents.Register",
    "eoffice_exchange:envelope": "eoffice_exchange.Envelope",
    "eoffice_exchange:accept": "eoffice_exchange.Envelope",
    "eoffice_exchange:refuse": "eoffice_exchange.Envelope",
    "eoffice_exchange:package": "eoffice_exchange.Envelope",
    "eoffice_exchange:send": "eoffice_documents.OutgoingDocument",
    "eoffice_exchange:sign": "eoffice_documents.OutgoingDocument",
    "eoffice_exchange:revoke_key": "eoffice_exchange.ExchangeKey",
    "eoffice_tasks:report_file": "eoffice_tasks.ProgressReport",
    "eoffice_consultations:detail": "eoffice_consultations.Consultation",
    "eoffice_consultations:edit": "eoffice_consultations.Consultation:draft",
    "eoffice_consultations:report": "eoffice_consultations.Consultation",
    "eoffice_notices:announcement": "eoffice_notices.Announcement",
    "eoffice_notices:announcement_edit": "eoffice_notices.Announcement",
    "eoffice_notices:announcement_file": "eoffice_notices.AnnouncementFile",
    "eoffice_notices:message": "eoffice_notices.Message",
    "eoffice_notices:message_file": "eoffice_notices.MessageFile",
    "eoffice_notices:board_detail": "eoffice_notices.Board",
    "eoffice_notices:post_edit": "eoffice_notices.Post",
    "eoffice_notices:post_delete": "eoffice_notices.Post",
}


@dataclass(frozen=True)
class Probe:
    name: str
    url: str
    kind: str  # "list" or "record"
    label: str = ""  # the model of the record (app_label.ModelName), if any


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield prefix + str(pattern.pattern), name, pattern


def admin_patterns():
    """(route, url name, converter names) of every named URL under /admin/."""
    seen = set()
    for route, name, _pattern in _walk(get_resolver().url_patterns):
        if not route.startswith("admin/") or route.startswith("admin/api/"):
            continue
        params = tuple(re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route))
        params = tuple(a or b for a, b in params)
        key = (name, params)
        if key in seen:
            continue
        seen.add(key)
        yield route, name, params


def _namespace_models():
    """url namespace → model label, for every registered viewset with a model."""
    get_resolver().url_patterns  # noqa: B018 (loading the admin URLs fills the registry)
    found = {}
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if isinstance(model, str):
            model = apps.get_model(model)
        namespace = getattr(viewset, "__dict__", {}).get("url_namespace") or (
            getattr(viewset, "name", None) and viewset.url_namespace)
        if model is not None and namespace:
            found[namespace] = model._meta.label
    found.setdefault("wagtailadmin_collections", "wagtailcore.Collection")
    found.setdefault("wagtailsettings", "wagtailcore.Site")
    # Workflows and their tasks are the installation's, managed by superusers only.
    found.setdefault("wagtailadmin_workflows", "wagtailcore.Workflow")
    return found


def _record_for(label, other):
    return other.objects.get(label)


def probes(other, own):
    """The admin probes of ``other`` (the agency whose records must stay out of reach of
    the agency ``own``'s staff): lists, and records filled in with ``other``'s ones.

    Returns (probes, unfillable): unfillable lists (url name, params) of URLs that could
    not be filled in and are not in :data:`NOT_PROBED`.
    """
    namespace_models = _namespace_models()
    found, unfillable = [], []
    for _route, name, params in admin_patterns():
        if name in NOT_PROBED:
            continue
        if not params:
            if name not in SKIPPED_LISTS:
                found.append(Probe(name, reverse(name), "list"))
            continue
        for kwargs, label in _fillings(name, params, other, own, namespace_models):
            if kwargs is None:
                unfillable.append((name, params))
                break
            kind = "list" if label == "list" else "record"
            found.append(Probe(name, reverse(name, kwargs=kwargs), kind, label))
    return found, unfillable


def _fillings(name, params, other, own, namespace_models):
    """The keyword arguments to open ``name`` on ``other``'s records (several for pages)."""
    params = set(params)
    namespace = name.rsplit(":", 1)[0] if ":" in name else ""
    if params & {"page_id", "parent_page_id", "page_to_move_id", "page_pk"}:
        key = (params & {"page_id", "parent_page_id", "page_to_move_id", "page_pk"}).pop()
        # A secret draft (the most guarded page); a published one to unpublish.
        for page_name in ("legal_public",) if name.endswith(":unpublish") else ("legal_secret",):
            page = other.pages[page_name]
            kwargs = {key: page.pk}
            if "revision_id" in params:
                kwargs["revision_id"] = page.latest_revision_id
            if "destination_id" in params:
                kwargs["destination_id"] = own.home.pk
            if params - set(kwargs):
                yield None, None
                return
            yield kwargs, "wagtailcore.Page"
        return
    simple = {
        "user_id": "auth.User", "document_id": "wagtaildocs.Document",
        "doc_id": "wagtaildocs.Document", "image_id": "wagtailimages.Image",
        "collection_id": "wagtailcore.Collection", "redirect_id": "wagtailredirects.Redirect",
    }
    if len(params) == 1 and next(iter(params)) in simple:
        param = next(iter(params))
        label = simple[param]
        record = _record_for(label, other)
        yield ({param: record.pk}, label) if record is not None else (None, None)
        return
    if params == {"pk"}:
        label = namespace_models.get(namespace)
        if name == "email_directory:handover_confirm":
            label = "email_directory.MailboxHandover"
        if name == "core_notification_open":  # a person's own notification
            label = "core.Notification"
        label = EOFFICE_RECORDS.get(name, label)
        if name.startswith("wagtaildocs_chooser:"):
            label = "wagtaildocs.Document"
        elif name.startswith("wagtailimages_chooser:"):
            label = "wagtailimages.Image"
        record = _record_for(label, other) if label else None
        if record is None:
            if label and not _is_agency_scoped(label):
                return  # a shared record (national lists): the lists are probed instead
            yield None, None
            return
        yield {"pk": record.pk}, label
        return
    if params == {"fmt"}:
        yield {"fmt": "csv"}, "list"
        return
    if name in EOFFICE_ACTIONS and params == {"pk", "action"}:
        label = EOFFICE_ACTIONS[name][0]
        for action in EOFFICE_ACTIONS[name][1]:
            yield {"pk": _record_for(label, other).pk, "action": action}, label
        return
    if name == "eoffice_schedules:action" and params == {"kind", "pk", "action"}:
        for kind, label in (("entry", "eoffice_schedules.ScheduleEntry"),
                            ("plan", "eoffice_schedules.WorkPlan")):
            for action in ("submit", "approve", "send_back", "cancel", "delete"):
                yield {"kind": kind, "pk": _record_for(label, other).pk, "action": action}, label
        return
    if name.startswith("eoffice_consultations:"):
        yield from _consultation_fillings(name, params, other)
        return
    if name == "eoffice_notices:board_members" and params == {"agency_id", "kind"}:
        for kind in ("trade_union", "party_cell"):
            yield {"agency_id": other.agency.pk, "kind": kind}, "eoffice_notices.Board"
        return
    if name == "eoffice_exchange:attachment" and params == {"pk", "index"}:
        label = "eoffice_exchange.Envelope"
        yield {"pk": _record_for(label, other).pk, "index": 0}, label
        return
    if name == "eoffice:register_export" and params == {"pk", "fmt"}:
        label = "eoffice_documents.Register"
        for fmt in ("xlsx", "ods"):
            yield {"pk": _record_for(label, other).pk, "fmt": fmt}, label
        return
    if name in ("eoffice:download", "eoffice:slip") and params == {"kind", "pk"}:
        model = "File" if name == "eoffice:download" else "Document"
        for kind in ("incoming", "outgoing"):
            label = f"eoffice_documents.{kind.capitalize()}{model}"
            yield {"kind": kind, "pk": _record_for(label, other).pk}, label
        return
    if params == {"app_name", "model_name", "pk"} or params == {"app_label", "model_name", "pk"}:
        # Site settings: the other agency's site.
        key = "app_name" if "app_name" in params else "app_label"
        for label in _site_setting_labels():
            app_label, model_name = label.split(".")
            yield ({key: app_label, "model_name": model_name.lower(), "pk": other.site.pk},
                   label)
        return
    yield None, None


def _consultation_fillings(name, params, other):
    """The consultations' screens with the other agency's open consultation and its draft
    (``eoffice_consultations.Consultation:draft``), file, person asked and response."""
    label = "eoffice_consultations.Consultation"
    opened, draft = other.objects[label], other.objects[f"{label}:draft"]
    if params == {"pk", "invitee_pk"}:
        invitee = other.objects["eoffice_consultations.Invitee"]
        yield {"pk": opened.pk, "invitee_pk": invitee.pk}, label
    elif params == {"pk", "name"}:
        for consultation in (opened, draft):
            for action in ("open", "delete"):
                yield {"pk": consultation.pk, "name": action}, label
    elif params == {"file_pk"}:
        yield {"file_pk": other.objects["eoffice_consultations.DraftFile"].pk}, label
    elif params == {"response_pk"}:
        yield {"response_pk": other.objects["eoffice_consultations.Response"].pk}, label
    else:
        yield None, None


def _site_setting_labels():
    from wagtail.contrib.settings.registry import registry

    return [model._meta.label for model in registry]


def _is_agency_scoped(label):
    from plugins.core.scoping import AgencyQuerySet

    model = apps.get_model(label)
    return isinstance(model._default_manager.all(), AgencyQuerySet)
