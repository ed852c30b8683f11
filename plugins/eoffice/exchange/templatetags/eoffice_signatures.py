"""``{% pdf_signatures file %}``: the signatures of a PDF with their verdicts (R-EO-16)."""

from django import template

from plugins.eoffice.exchange.signing.summary import signature_summary

register = template.Library()


@register.inclusion_tag("eoffice_exchange/includes/pdf_signatures.html")
def pdf_signatures(file_or_bytes):
    return {"summary": signature_summary(file_or_bytes)}
