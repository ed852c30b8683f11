"""The exchange's models; each feature keeps its own module."""

from plugins.eoffice.exchange.signing.models import *  # noqa: F403

__all__ = ["AgencySigningCertificate", "TrustedAuthority"]  # noqa: F405
