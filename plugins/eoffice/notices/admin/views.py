"""The notices' screens: the board of current announcements, the announcements a person
made or manages, extension requests, the inbox and sent messages, the unions' boards.

Every record is looked up through :mod:`..access` (a record the user may not see answers
404), every change goes through :mod:`..services` (a refusal shows as a message and changes
nothing), and every file is served here after the same check: none has a public URL."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plugins.core.models import Agency
from plugins.eoffice.notices import access, services
from plugins.eoffice.notices.admin import forms
from plugins.eoffice.notices.models import (
    AnnouncementFile,
    Board,
    BoardKind,
    ExtensionRequest,
    ExtensionState,
    Membership,
    MessageFile,
    Receipt,
    State,
)

LIST_LIMIT = 200


def _page(request, template, title, icon, **context):
    return TemplateResponse(request, f"eoffice_notices/admin/{template}.html", {
        "page_title": title, "header_title": title, "header_icon": icon, **context})


def _staff_only(request):
    """Screens for the staff of an agency: someone of no agency gets 403."""
    if access.rights(request.user).agencies() == frozenset():
        raise PermissionDenied


def _refused(request, error):
    messages.error(request, error.message)


def _download(attachment):
    return FileResponse(attachment.file.open("rb"), as_attachment=True,
                        filename=attachment.name)


# --- Announcements ----------------------------------------------------------------------


def board(request):
    """The announcements current for the user: published, addressed to them, not expired."""
    _staff_only(request)
    items = (access.current_for(request.user, timezone.now())
             .select_related("agency", "unit", "author")
             .prefetch_related("files")
             .order_by("-published_at", "-pk")[:LIST_LIMIT])
    me = access.rights(request.user)
    return _page(request, "board", _("Announcements"), "info-circle", items=items,
                 may_announce=me.announcing_agencies() != set())


def announcements(request):
    """What the user made, and for an agency leader every announcement of the agency."""
    _staff_only(request)
    items = (access.managed_announcements(request.user)
             .select_related("agency", "unit", "author")
             .annotate(pending=Count("extensions",
                                     filter=Q(extensions__state=ExtensionState.PENDING)))
             .order_by("-created_at", "-pk")[:LIST_LIMIT])
    me = access.rights(request.user)
    return _page(request, "announcements", _("My announcements"), "info-circle", items=items,
                 may_announce=me.announcing_agencies() != set())


def _announcement_data(form):
    data = form.cleaned_data
    expires_at = None
    if data.get("expires_on"):
        expires_at = services._end_of(data["expires_on"])
    return {"title": data["title"], "body": data["body"], "unit": data.get("unit"),
            "to_everyone": bool(data.get("to_everyone")), "units": list(data.get("units") or ()),
            "files": data.get("files") or [], "expires_at": expires_at}


def announcement_add(request):
    me = access.rights(request.user)
    if me.announcing_agencies() == set():
        raise PermissionDenied
    form = forms.AnnouncementForm(request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.create_announcement(request.user, form.cleaned_data["agency"],
                                                **_announcement_data(form))
        except services.TransitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Draft saved: publish it when it is ready."))
            return redirect("eoffice_notices:announcement", item.pk)
    return _page(request, "announcement_form", _("New announcement"), "info-circle",
                 form=form)


def announcement_edit(request, pk):
    item = get_object_or_404(access.managed_announcements(request.user), pk=pk)
    if not access.rights(request.user).may_edit(item) or item.state not in (
            State.DRAFT, State.PUBLISHED):
        raise PermissionDenied
    initial = {"agency": item.agency_id, "unit": item.unit_id, "title": item.title,
               "body": item.body, "to_everyone": item.to_everyone,
               "units": list(item.audience_units.values_list("pk", flat=True)),
               "expires_on": (timezone.localtime(item.expires_at).date()
                              if item.expires_at else None)}
    form = forms.AnnouncementForm(request.user, request.POST or None, request.FILES or None,
                                  announcement=item, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = _announcement_data(form)
        if data["expires_at"] is None:
            data.pop("expires_at")
        try:
            services.edit_announcement(request.user, item,
                                       remove_files=request.POST.getlist("remove_file"),
                                       **data)
        except services.TransitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("eoffice_notices:announcement", item.pk)
    return _page(request, "announcement_form", _("Edit the announcement"), "info-circle",
                 form=form, item=item, files=list(item.files.all()))


def announcement(request, pk):
    item = get_object_or_404(access.visible_announcements(request.user).select_related(
        "agency", "unit", "author"), pk=pk)
    me = access.rights(request.user)
    requests = item.extensions.select_related("requested_by", "decided_by")
    if not me.may_decide_extension(item):
        requests = requests.filter(requested_by=request.user)
    return _page(
        request, "announcement", item.title, "info-circle", item=item,
        files=list(item.files.all()),
        audience=list(item.audience_units.all()),
        requests=list(requests),
        may_edit=me.may_edit(item) and item.state in (State.DRAFT, State.PUBLISHED),
        may_publish=me.may_edit(item) and item.state == State.DRAFT,
        may_withdraw=me.may_withdraw(item) and item.state in (State.PUBLISHED, State.EXPIRED),
        may_decide=me.may_decide_extension(item),
        may_request=item.state in (State.PUBLISHED, State.EXPIRED),
        extension_form=forms.ExtensionForm())


@require_POST
def announcement_action(request, pk, action):
    item = get_object_or_404(access.visible_announcements(request.user), pk=pk)
    try:
        if action == "publish":
            services.publish(request.user, item)
            messages.success(request, _("Published."))
        elif action == "withdraw":
            services.withdraw(request.user, item, request.POST.get("reason", ""))
            messages.success(request, _("Withdrawn."))
        elif action == "delete":
            services.delete_draft(request.user, item)
            messages.success(request, _("Draft deleted."))
            return redirect("eoffice_notices:announcements")
        elif action == "extend":
            form = forms.ExtensionForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Give the date and the reason."))
            else:
                services.request_extension(request.user, item, form.cleaned_data["until"],
                                           form.cleaned_data["reason"])
                messages.success(request, _("Your request was sent."))
        else:
            raise Http404
    except services.TransitionError as error:
        _refused(request, error)
    return redirect("eoffice_notices:announcement", pk)


def announcement_file(request, pk):
    attachment = get_object_or_404(AnnouncementFile.objects.filter(
        announcement__in=access.visible_announcements(request.user).values("pk")), pk=pk)
    return _download(attachment)


def extensions(request):
    """Requests to keep an announcement longer, for those who decide on them."""
    _staff_only(request)
    items = (access.extension_requests_to_decide(request.user)
             .filter(state=ExtensionState.PENDING)
             .select_related("announcement", "requested_by")
             .order_by("created_at", "pk")[:LIST_LIMIT])
    return _page(request, "extensions", _("Extension requests"), "time", items=items)


@require_POST
def extension_action(request, pk, action):
    item = get_object_or_404(ExtensionRequest.objects.filter(
        announcement__in=access.visible_announcements(request.user).values("pk"))
        .select_related("announcement"), pk=pk)
    try:
        if action == "grant":
            services.grant_extension(request.user, item, request.POST.get("reason", ""))
            messages.success(request, _("Extension granted."))
        elif action == "refuse":
            services.refuse_extension(request.user, item, request.POST.get("reason", ""))
            messages.success(request, _("Extension refused."))
        else:
            raise Http404
    except services.TransitionError as error:
        _refused(request, error)
    target = request.POST.get("next")
    if target == "list":
        return redirect("eoffice_notices:extensions")
    return redirect("eoffice_notices:announcement", item.announcement_id)


# --- Messages ---------------------------------------------------------------------------


def inbox(request):
    _staff_only(request)
    receipts = (Receipt.objects.filter(user=request.user,
                                       message__in=access.visible_messages(request.user))
                .select_related("message", "message__sender")
                .annotate(file_count=Count("message__files"))
                .order_by("-message__sent_at", "-pk"))
    unread = receipts.filter(read_at__isnull=True).count()
    return _page(request, "inbox", _("Inbox"), "mail", receipts=receipts[:LIST_LIMIT],
                 unread=unread)


def sent(request):
    _staff_only(request)
    items = (access.visible_messages(request.user).filter(sender=request.user)
             .annotate(recipients=Count("receipts", distinct=True),
                       read=Count("receipts", filter=Q(receipts__read_at__isnull=False),
                                  distinct=True))
             .order_by("-sent_at", "-pk")[:LIST_LIMIT])
    return _page(request, "sent", _("Sent messages"), "mail", items=items)


def compose(request):
    _staff_only(request)
    form = forms.MessageForm(request.user, request.POST or None, request.FILES or None)
    if not form.fields["agency"].queryset.exists():
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            message = services.send_message(
                request.user, data["agency"], subject=data["subject"], body=data["body"],
                people=list(data["people"]), units=list(data["units"]),
                files=data.get("files") or [])
        except services.TransitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Message sent."))
            return redirect("eoffice_notices:message", message.pk)
    return _page(request, "compose", _("New message"), "mail", form=form)


def message(request, pk):
    item = get_object_or_404(access.visible_messages(request.user).select_related("sender"),
                             pk=pk)
    services.mark_read(request.user, item)
    receipts = None
    if item.sender_id == request.user.pk:
        receipts = list(item.receipts.select_related("user").order_by("user__last_name",
                                                                     "user__first_name"))
    return _page(request, "message", item.subject, "mail", item=item,
                 files=list(item.files.all()), units=list(item.to_units.all()),
                 receipts=receipts)


def message_file(request, pk):
    attachment = get_object_or_404(MessageFile.objects.filter(
        message__in=access.visible_messages(request.user).values("pk")), pk=pk)
    return _download(attachment)


# --- Boards -----------------------------------------------------------------------------


def boards(request):
    """The boards the user belongs to; for those who choose the members, every kind of
    board of their agencies."""
    _staff_only(request)
    me = access.rights(request.user)
    mine = list(access.readable_boards(request.user).select_related("agency")
                .annotate(post_count=Count("posts")))
    managed = []
    ids = me.agencies()
    agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)
    agencies = [agency for agency in agencies.order_by("name")
                if me.manages_boards(agency.pk)]
    if agencies:
        existing = {(board.agency_id, board.kind): board for board in Board.objects.filter(
            agency__in=agencies).annotate(member_count=Count("memberships"))}
        for agency in agencies:
            for kind, label in BoardKind.choices:
                managed.append((agency, kind, label, existing.get((agency.pk, kind))))
    return _page(request, "boards", _("Union boards"), "group", mine=mine,
                 committee={pk for pk, writes in me.boards().items() if writes},
                 managed=managed)


def board_detail(request, pk):
    board_ = get_object_or_404(access.readable_boards(request.user).select_related("agency"),
                               pk=pk)
    me = access.rights(request.user)
    writes = me.writes_board(board_)
    form = forms.PostForm(request.POST or None)
    if request.method == "POST":
        if not writes:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.create_post(request.user, board_, **form.cleaned_data)
            except services.TransitionError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Posted."))
                return redirect("eoffice_notices:board_detail", board_.pk)
    posts = board_.posts.select_related("author").order_by("-created_at", "-pk")[:LIST_LIMIT]
    return _page(request, "board_detail", board_.name, "group", board=board_, posts=posts,
                 writes=writes, form=form if writes else None)


def post_edit(request, pk):
    post = get_object_or_404(access.visible_posts(request.user).select_related("board"), pk=pk)
    if post.author_id != request.user.pk or not access.rights(request.user).writes_board(
            post.board):
        raise PermissionDenied
    form = forms.PostForm(request.POST or None, initial={"title": post.title,
                                                         "body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(request.user, post, **form.cleaned_data)
        except services.TransitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("eoffice_notices:board_detail", post.board_id)
    return _page(request, "post_form", _("Edit the post"), "group", form=form, post=post)


@require_POST
def post_delete(request, pk):
    post = get_object_or_404(access.visible_posts(request.user).select_related("board"), pk=pk)
    try:
        services.delete_post(request.user, post)
    except services.TransitionError as error:
        raise PermissionDenied(error.message) from error
    messages.success(request, _("Post deleted."))
    return redirect("eoffice_notices:board_detail", post.board_id)


def board_members(request, agency_id, kind):
    if kind not in BoardKind.values:
        raise Http404
    me = access.rights(request.user)
    if not me.works_for(agency_id):
        raise Http404
    agency = get_object_or_404(Agency, pk=agency_id)
    if not me.manages_boards(agency.pk):
        raise PermissionDenied
    board_ = Board.objects.filter(agency=agency, kind=kind).first()
    initial = {"name": board_.name if board_ else BoardKind(kind).label}
    if board_:
        members = list(Membership.objects.filter(board=board_).values_list("user_id",
                                                                          "is_committee"))
        initial["committee"] = [pk for pk, writes in members if writes]
        initial["members"] = [pk for pk, writes in members if not writes]
    form = forms.MembersForm(agency, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_board(request.user, agency, kind, name=data["name"],
                               committee=list(data["committee"]),
                               members=list(data["members"]))
        except services.TransitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("eoffice_notices:boards")
    return _page(request, "board_members",
                 _("Members of the %(board)s") % {"board": BoardKind(kind).label.lower()},
                 "group", form=form, agency=agency, kind=kind, board=board_)


def unread_count(user):
    """How many messages ``user`` has not opened (one query), for the menu."""
    return Receipt.objects.filter(user=user, read_at__isnull=True).count()
