"""What the core search index holds for citizens' questions: published Q&A only.

A question the board has not published is never in the index, so a citizen's search can
never reveal it; the questioner's name and contact details are never indexed.
"""

from django.utils import timezone

from plugins.core.search.documents import SearchDocument
from plugins.editorial_board.models import QuestionStatus


def build_question(question):
    if question.status != QuestionStatus.PUBLISHED:
        return None
    return SearchDocument(
        title=question.title,
        summary=question.text,
        body=question.answer,
        date=timezone.localdate(question.published_at) if question.published_at else None,
        agency_id=question.agency_id,
        facets={"subject": question.subject_area_id or ""},
    )
