"""Signing's admin screens and the colours of the signature verdicts."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from plugins.eoffice.exchange.signing.viewsets import (
    SigningCertificateViewSet,
    TrustedAuthorityViewSet,
)


@hooks.register("register_admin_viewset")
def register_trusted_authorities():
    return TrustedAuthorityViewSet()


@hooks.register("register_admin_viewset")
def register_signing_certificates():
    return SigningCertificateViewSet()


@hooks.register("insert_global_admin_css")
def signature_verdict_css():
    return format_html('<link rel="stylesheet" href="{}">',
                       static("eoffice_exchange/css/signatures.css"))
