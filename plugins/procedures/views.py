"""A procedure's public pages: the detail page with the expected result date, the printable
"what to bring" checklist, and counted form downloads (R-PR-2, R-PR-3, R-PR-4)."""

import json

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from plugins.core.page_cache import restrictions, shared
from plugins.procedures import legal_links, online
from plugins.procedures.choices import Channel
from plugins.procedures.deadlines import ExpectedDateForm, expected_result, vietnamese_date
from plugins.procedures.files import form_format
from plugins.procedures.models import FormDownload, ProcedurePage

CHECKLIST_TEMPLATE = "procedures/procedure_checklist.html"


def page_links(page, request):
    """The page's address and its checklist's, as the visitor's site writes them."""
    url = page.get_url(request) or ""
    return {"page": url, "checklist": url + page.reverse_subpage("checklist")}


def dossier_cases(page, request):
    """The dossier per case, each paper with its form files, formats and download counts."""
    base_url = page.get_url(request) or ""
    documents = page.form_documents()
    counts = FormDownload.counts(document.pk for document in documents)
    cases = []
    for case in page.paper_cases:
        papers = []
        for paper in case["papers"]:
            forms = []
            for document in paper["forms"]:
                if document is None:
                    continue
                found = form_format(document.filename)
                downloads = counts.get(document.pk, 0)
                forms.append({
                    "url": base_url + page.reverse_subpage("download_form",
                                                           args=(document.pk,)),
                    "label": found.label if found else document.file_extension.upper(),
                    "is_open": bool(found and found.is_open),
                    "downloads": ngettext("%(counter)s download", "%(counter)s downloads",
                                          downloads) % {"counter": downloads},
                })
            papers.append({**{key: paper[key] for key in (
                "code", "name", "originals", "copies", "form_name", "form_url")},
                "forms": forms})
        cases.append({"case": case["case"], "papers": papers})
    return cases


def related_procedures(page):
    codes = page.related_code_list
    if not codes:
        return []
    found = {p.code: p for p in restrictions.public(ProcedurePage.objects.live()).filter(
        agency_id=page.agency_id, locale_id=page.locale_id, code__in=codes
    ).exclude(pk=page.pk)}
    return [(code, found.get(code)) for code in codes if code != page.code]


def _common(page, request):
    context = page.get_context(request)
    bases, announcing = legal_links.resolve(page)
    # made once per version of the page, its files and their counts (page_cache.shared)
    vary = (get_language(), request.get_host())
    context.update(
        officer=page.receiving_officer,
        links=shared.remember_derived(page, "links", lambda: page_links(page, request),
                                      vary=vary),
        dossier_cases=shared.remember_derived(
            page, "dossier", lambda: dossier_cases(page, request), vary=vary),
        legal_bases=bases,
        announcing=announcing,
        online_url=online.submission_url(page),
        time_options=page.time_options,
    )
    return context


def detail(page, request):
    context = _common(page, request)
    form = ExpectedDateForm(request.GET if "submitted" in request.GET else None,
                            page.time_options)
    result, problem = None, None
    if form.is_bound and form.is_valid() and form.chosen_option() is not None:
        try:
            result = expected_result(page.agency, form.chosen_option(),
                                     form.cleaned_data["submitted"], form.cleaned_data["time"])
        except ValueError:
            problem = _("This processing time cannot be counted automatically.")
    context.update(
        expected_form=form,
        expected=result,
        expected_problem=problem,
        due_label=vietnamese_date(result.due_date) if result else "",
        submitted_label=vietnamese_date(result.submitted) if result else "",
        related=related_procedures(page),
        json_ld=shared.remember_derived(
            page, "json-ld", lambda: json_ld_script(page, request),
            vary=(get_language(), request.get_host(), request.scheme)),
    )
    return TemplateResponse(request, page.template, context)


def checklist(page, request):
    """The printable list of papers to bring, with boxes to tick, one case or all."""
    context = _common(page, request)
    cases = context["dossier_cases"]
    chosen = request.GET.get("case", "")
    if chosen.isdigit() and int(chosen) < len(cases):
        context["dossier_cases"] = [cases[int(chosen)]]
    return TemplateResponse(request, CHECKLIST_TEMPLATE, context)


def download_form(page, request, document_id):
    """Count one download of a form of this procedure, then let Wagtail serve the file."""
    document = next((d for d in page.form_documents() if d.pk == document_id), None)
    if document is None:
        raise Http404
    FormDownload.count_one(document.pk)
    return redirect(document.url)


def json_ld(page, request=None):
    """schema.org GovernmentService, for search engines and the national portal's crawlers."""
    channels = []
    for value in dict.fromkeys(option.channel for option in page.time_options):
        channel = {"@type": "ServiceChannel", "name": str(Channel(value).label)}
        if value == Channel.ONLINE and online.submission_url(page):
            channel["serviceUrl"] = online.submission_url(page)
        channels.append(channel)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": page.title,
        "identifier": page.code,
        "serviceType": ", ".join(field.name for field in page.procedure_field_list),
        "provider": {"@type": "GovernmentOrganization", "name": page.implementing_body},
        "audience": {"@type": "Audience", "audienceType": page.applicants} if page.applicants
        else None,
        "availableChannel": channels or None,
        "url": page.get_full_url(request),
        "inLanguage": "vi",
    }
    return {key: value for key, value in data.items() if value}


def json_ld_script(page, request=None):
    text = json.dumps(json_ld(page, request), ensure_ascii=False)
    for unsafe, escaped in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
        text = text.replace(unsafe, escaped)
    return mark_safe(text)  # noqa: S308 - JSON with <, > and & escaped
