"""Which actions the inspect page offers: the buttons mirror the services' checks (the
services still decide, and say why when they refuse)."""

from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import IncomingState, OutgoingState
from plugins.eoffice.documents.services import incoming, outgoing


def incoming_actions(user, document):
    agency = document.agency_id
    main = incoming.main_assignment(document)
    handler = document.state == IncomingState.ASSIGNED and incoming.is_handler(user, main)
    director = access.is_director(user, agency)
    actions = []
    if document.state == IncomingState.REGISTERED and director:
        actions += ["assign", "return"]
    if document.state == IncomingState.ASSIGNED:
        if main is not None and main.unit_id and access.leads_unit(user, main.unit_id):
            actions.append("reassign")
        if director:
            actions.append("recall")
        if handler:
            actions += ["result", "return"]
    if document.state in (IncomingState.ASSIGNED, IncomingState.DONE) and any(
            incoming.is_handler(user, a) for a in document.assignments.all()
            if a.role in ("main", "co") and a.recalled_at is None):
        actions.append("reply")
    if document.state == IncomingState.DONE and incoming.is_handler(user, main):
        actions.append("file")
    if document.state == IncomingState.RETURNED and access.is_clerk(user, agency):
        actions.append("resubmit")
    return list(dict.fromkeys(actions))


def outgoing_actions(user, document):
    actions = []
    author = document.author_id == user.pk
    if document.state == OutgoingState.DRAFT and author:
        actions += ["edit", "attach", "submit"]
    if outgoing.reviewer_of(user, document):
        actions += ["edit", "attach", "comment", "send_back"]
        actions.append("forward" if document.state == OutgoingState.UNIT_REVIEW else "approve")
    elif author and document.state in (OutgoingState.UNIT_REVIEW,
                                       OutgoingState.DIRECTOR_REVIEW):
        actions.append("comment")
    if document.state == OutgoingState.APPROVED and access.is_clerk(user, document.agency_id):
        actions.append("issue")
    if document.state == OutgoingState.ISSUED and (
            access.is_clerk(user, document.agency_id)
            or access.is_director(user, document.agency_id)):
        actions.append("withdraw")
    return list(dict.fromkeys(actions))
