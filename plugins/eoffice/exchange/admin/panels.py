"""What the exchange adds to a document's page (the documents app's
``eoffice_document_panels`` hook): on an outgoing document, each recipient's status and the
clerk's form to send it; on a received one, the package it came in and what the sender was
told."""

from wagtail.admin.ui.components import Component

from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import OutgoingState, Source
from plugins.eoffice.exchange import sending
from plugins.eoffice.exchange.admin.forms import SendForm
from plugins.eoffice.exchange.models import Direction, EnvelopeKind


class ExchangePanel(Component):
    def __init__(self, template_name, **context):
        self.template_name = template_name
        self.context = context

    def get_context_data(self, parent_context):
        return {**self.context, "csrf_token": parent_context.get("csrf_token"),
                "request": parent_context.get("request")}


def signatures_panel(request, document, kind):
    """The digital signatures of the document's PDFs: signer, time, valid / invalid / not
    trusted (checked offline, cached per file)."""
    if document.is_secret:
        return None
    pdfs = [item for item in document.files.all() if item.name.lower().endswith(".pdf")]
    if not pdfs:
        return None
    from plugins.eoffice.exchange.signing.summary import signature_summary

    return ExchangePanel("eoffice_exchange/admin/signatures_panel.html",
                         files=[(item, signature_summary(item.file)) for item in pdfs])


def document_panel(request, document, kind):
    if kind == "outgoing":
        return _outgoing_panel(request, document)
    if document.source == Source.EXCHANGE:
        envelopes = document.envelopes.filter(direction=Direction.IN).prefetch_related(
            "statuses")
        return ExchangePanel("eoffice_exchange/admin/incoming_panel.html",
                             envelopes=list(envelopes))
    return None


def _outgoing_panel(request, document):
    envelopes = list(document.envelopes.filter(direction=Direction.OUT,
                                               kind=EnvelopeKind.DOCUMENT))
    from plugins.eoffice.exchange.signing.documents import may_sign, signable_files

    can_sign = may_sign(request.user, document) and bool(signable_files(document))
    may_send = (document.state == OutgoingState.ISSUED and not document.is_secret
                and access.is_clerk(request.user, document.agency_id))
    form = None
    if may_send:
        form = SendForm(document=document, already=sending.recipients_sent(document))
        if not form.fields["organs"].choices:
            form = None
    if not envelopes and form is None and not can_sign and not (
            document.is_secret and document.state == OutgoingState.ISSUED):
        return None
    return ExchangePanel("eoffice_exchange/admin/outgoing_panel.html", document=document,
                         envelopes=envelopes, form=form, can_sign=can_sign)
