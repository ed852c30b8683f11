"""What the core search index holds for a procedure (R-PR-5).

Only live, public procedures are indexed: a citizen's search never reveals a draft. The
procedure code is the entry's number, so a code typed in the search box (1.115678) puts
that procedure first, as a document number does in the legal library.
"""

from plugins.core.search.documents import SearchDocument

FACETS = ("field", "level", "body", "online", "status")


def _steps_text(page):
    return [step for block in page.steps for step in [block.value["case"],
                                                       *block.value["steps"]]]


def _dossier_text(page):
    texts = []
    for case in page.paper_cases:
        texts.append(case["case"])
        for paper in case["papers"]:
            texts.extend([paper["name"], paper["form_name"]])
    return texts


def build(page):
    page = page.specific
    if not page.live or page.get_view_restrictions().exists():
        return None
    results = [block.value["name"] for block in page.results]
    return SearchDocument(
        title=page.title,
        summary=" ".join([*results, page.implementing_body, page.applicants]),
        body=" ".join(filter(None, [
            *_steps_text(page), *_dossier_text(page), page.requirements,
            page.competent_body, page.procedure_type, page.related_codes,
            *[option.description for option in page.time_options],
            *[str(basis) for basis in page.legal_bases.all()],
        ])),
        number=page.code,
        date=page.announced_on or (page.last_published_at.date()
                                   if page.last_published_at else None),
        agency_id=page.agency_id,
        facets={
            "field": [field.pk for field in page.procedure_fields.all()],
            "level": list(page.levels or []),
            "body": page.implementing_body,
            "online": page.online_level,
            "status": page.status,
        },
    )
