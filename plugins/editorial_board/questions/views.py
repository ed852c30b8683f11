"""The public side of citizens' questions (R-ED-15): the form, the published Q&A and search.

A citizen sees only published questions and answers, without the questioner's name,
contacts or address; the questioner follows their own question with its reference code and
the contact they gave. The list costs a fixed number of queries whatever its length: the
page of questions (with their subject areas, one query) and, with a search, the core
search's own bounded queries.
"""

import re

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from plugins.core import antispam
from plugins.core.scoping import agency_for_page
from plugins.core.search.engine import SearchRequest, search
from plugins.core.text import validate_plain_text
from plugins.editorial_board.models import Question, QuestionStatus, SubjectArea
from plugins.editorial_board.questions import services as questions

PER_PAGE = 10
# States whose answer the board has approved: the questioner may read it.
APPROVED_STATUSES = (QuestionStatus.PUBLISHED, QuestionStatus.CLOSED)
FORM_NAME = "question"
LOOKUP_NAME = "question-lookup"
HOURLY_QUESTIONS = 5  # per address
HOURLY_FAILED_LOOKUPS = 20  # per address: more is a robot guessing codes
TOO_MANY_QUESTIONS = _("Too many questions were sent from your connection. Please try again in "
                       "an hour.")
TOO_MANY_LOOKUPS = _("Too many searches were made from your connection. Please try again in "
                     "an hour.")
_PHONE = re.compile(r"^\+?[0-9 .\-()]{8,20}$")


class QuestionForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("Email"), required=False, max_length=254)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    address = forms.CharField(label=_("Address (optional)"), max_length=255, required=False)
    subject_area = forms.ModelChoiceField(label=_("Subject area (optional)"),
                                          queryset=SubjectArea.objects.none(), required=False,
                                          empty_label=_("— I do not know —"))
    title = forms.CharField(label=_("Title of the question"), max_length=255)
    text = forms.CharField(label=_("Your question"), max_length=5000, widget=forms.Textarea(
        attrs={"rows": 8}))
    consent = forms.BooleanField(
        label=_("I agree that the agency uses my details only to answer this question; they "
                "are never published."),
        error_messages={"required": _("Please agree to the use of your details, or the "
                                      "question cannot be answered.")})
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_area"].queryset = SubjectArea.objects.for_agency(agency)
        for name in ("name", "address", "title", "text"):
            self.fields[name].validators.append(validate_plain_text)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and (not _PHONE.match(phone) or len(re.sub(r"\D", "", phone)) < 8):
            raise forms.ValidationError(_("Enter a phone number of digits only, for example "
                                          "0273 3855 999."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not (
            self.errors.get("email") or self.errors.get("phone")
        ):
            raise forms.ValidationError(_("Give an email address or a phone number, so the "
                                          "answer can reach you."))
        return cleaned


def _render(page, request, template, extra):
    context = page.get_context(request)
    context.update(extra)
    return TemplateResponse(request, f"editorial_board/{template}", context)


def listing_view(page, request):
    agency = agency_for_page(page)
    query = (request.GET.get("q") or "").strip()[:200]
    try:
        number = max(1, int(request.GET.get("page") or 1))
    except ValueError:
        number = 1
    published = Question.objects.for_agency(agency).published().select_related("subject_area")
    if query:
        results = search(SearchRequest(model=Question, query=query, agency_id=agency.pk,
                                       sort="newest", page=number, per_page=PER_PAGE))
        by_id = published.in_bulk(results.object_ids)
        items = [by_id[pk] for pk in results.object_ids if pk in by_id]
        total, pages = results.total, results.pages
    else:
        paginator = Paginator(published.order_by("-published_at", "-pk"), PER_PAGE)
        try:
            current = paginator.page(number)
        except EmptyPage:
            current = paginator.page(paginator.num_pages)
        items, total, pages, number = list(current), paginator.count, paginator.num_pages, \
            current.number
    return _render(page, request, "question_index_page.html", {
        "items": items, "query": query, "total": total, "page_number": number,
        "pages": pages, "previous_page": number - 1 if number > 1 else None,
        "next_page": number + 1 if number < pages else None,
    })


def ask_view(page, request):
    agency = agency_for_page(page)
    if agency is None:
        raise Http404
    refusal = None
    if request.method == "POST":
        form = QuestionForm(request.POST, agency=agency)
        try:
            antispam.check(request, FORM_NAME, request.POST.get("token"),
                           request.POST.get(antispam.HONEYPOT_FIELD), limit=HOURLY_QUESTIONS,
                           limited_message=TOO_MANY_QUESTIONS)
        except antispam.Refused as error:
            refusal = error.message
        if refusal is None and form.is_valid():
            data = form.cleaned_data
            question = questions.receive(
                agency, name=data["name"], title=data["title"], text=data["text"],
                email=data["email"], phone=data["phone"], address=data["address"],
                subject_area=data["subject_area"])
            return _render(page, request, "question_sent.html", {"question": question})
        form.data = form.data.copy()
        form.data["token"] = antispam.new_token(FORM_NAME)
    else:
        form = QuestionForm(agency=agency, initial={"token": antispam.new_token(FORM_NAME)})
    return _render(page, request, "question_form.html", {"form": form, "refusal": refusal})


class LookupForm(forms.Form):
    reference = forms.CharField(label=_("Reference code"), max_length=24)
    contact = forms.CharField(label=_("The email address or phone number you gave"),
                              max_length=254)

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()


def _same_contact(question, typed):
    """The questioner's email (any case) or phone (digits only) is the one typed."""
    typed = typed.strip()
    if question.email and typed.casefold() == question.email.casefold():
        return True
    digits = re.sub(r"\D", "", typed)
    return bool(digits) and digits == re.sub(r"\D", "", question.phone)


def lookup_view(page, request):
    """The questioner follows a question with its reference code and the contact given
    when asking: its state, due date, and the answer once the board has approved it
    (published, or answered without publication), or the reason for a rejection. A wrong
    code and a wrong contact give the same message; unsuccessful lookups are limited per
    address. POST only, so the contact never lands in a URL or a server log."""
    agency = agency_for_page(page)
    if agency is None:
        raise Http404
    found, refusal, not_found = None, None, False
    if request.method == "POST":
        form = LookupForm(request.POST)
        if form.is_valid() and antispam.would_exceed(request, LOOKUP_NAME,
                                                     HOURLY_FAILED_LOOKUPS):
            refusal = TOO_MANY_LOOKUPS  # even with the right code: no guessing through
        elif form.is_valid():
            question = (Question.objects.for_agency(agency).select_related("subject_area")
                        .filter(reference=form.cleaned_data["reference"]).first())
            if question is not None and _same_contact(question, form.cleaned_data["contact"]):
                found = question
            else:
                try:
                    antispam.take_turn(request, LOOKUP_NAME, HOURLY_FAILED_LOOKUPS,
                                       TOO_MANY_LOOKUPS)
                    not_found = True
                except antispam.Refused as error:
                    refusal = error.message
    else:
        form = LookupForm()
    return _render(page, request, "question_lookup.html", {
        "form": form, "found": found, "refusal": refusal, "not_found": not_found,
        "answer_approved": found is not None and found.status in APPROVED_STATUSES,
    })


def detail_view(page, request, question_id):
    agency = agency_for_page(page)
    question = (Question.objects.for_agency(agency).published()
                .select_related("subject_area", "unit").filter(pk=question_id).first())
    if question is None:
        raise Http404
    return _render(page, request, "question_detail.html", {"question": question})
