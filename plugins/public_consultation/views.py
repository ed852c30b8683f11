"""The public side of a consultation (R-SITE-6): the page's draft files, its approved
comments (never the senders' contacts), the comment form while the window is open, and the
summary with the agency's answers once closed and published.

The form posts to the page's ``gop-y/`` route. The window is checked when the form arrives,
not when it was served: a form opened before the close and sent after it is refused, and
nothing is stored. Then the core's spam guards (:mod:`plugins.core.antispam`, shared with
the citizens' questions), then the form. A fixed number of queries whatever the number of
comments: the draft files (one query with their documents) and the approved comments (one).
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from plugins.core import antispam
from plugins.public_consultation import services
from plugins.public_consultation.forms import CommentForm
from plugins.public_consultation.models import Comment, ConsultationState

FORM_NAME = "consultation-comment"
HOURLY_COMMENTS = 5  # per address
TOO_MANY_COMMENTS = _("Too many comments were sent from your connection. Please try again "
                      "in an hour.")
CLOSED = _("This consultation is closed: comments are no longer accepted. Your comment was "
           "not saved.")
NOT_OPEN = _("This consultation is not open for comments yet. Your comment was not saved.")


def page_context(page, request, form=None):
    state = page.state()
    files = [item for item in page.draft_files.select_related("document") if item.document_id]
    comments = list(Comment.objects.filter(page=page).approved()
                    .only("name", "section", "text", "answer", "received_at", "page_id"))
    if form is None and state == ConsultationState.OPEN:
        form = CommentForm(initial={"token": antispam.new_token(FORM_NAME)})
    return {
        "state": state, "draft_files": files, "comments": comments,
        "comment_form": form if state == ConsultationState.OPEN else None,
        "results_shown": page.publish_answers and state == ConsultationState.CLOSED,
    }


def _render(page, request, extra, status=200):
    context = page.get_context(request)
    context.update(extra)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def comment_view(page, request):
    if request.method != "POST":
        return HttpResponseRedirect(page.get_url(request) + "#comment-form")
    state = page.state()
    if state != ConsultationState.OPEN:
        message = CLOSED if state == ConsultationState.CLOSED else NOT_OPEN
        return _render(page, request, {"refusal": message}, status=403)
    form = CommentForm(request.POST)
    refusal = None
    try:
        antispam.check(request, FORM_NAME, request.POST.get("token"),
                       request.POST.get(antispam.HONEYPOT_FIELD), limit=HOURLY_COMMENTS,
                       limited_message=TOO_MANY_COMMENTS)
    except antispam.Refused as error:
        refusal = error.message
    if refusal is None and form.is_valid():
        data = form.cleaned_data
        try:
            comment = services.receive(page, name=data["name"], text=data["text"],
                                       email=data["email"], phone=data["phone"],
                                       section=data["section"])
        except services.Closed:
            return _render(page, request, {"refusal": CLOSED}, status=403)
        return TemplateResponse(request, "public_consultation/comment_sent.html", {
            **page.get_context(request), "comment": comment})
    form.data = form.data.copy()
    form.data["token"] = antispam.new_token(FORM_NAME)
    context = page_context(page, request, form=form)
    context["refusal"] = refusal
    return _render(page, request, context,
                   status=429 if refusal == TOO_MANY_COMMENTS else 400)
