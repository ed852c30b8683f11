"""The exchange's models; each feature keeps its own module."""

from plugins.eoffice.exchange.models.envelopes import (
    Direction,
    Envelope,
    EnvelopeKind,
    EnvelopeState,
)
from plugins.eoffice.exchange.models.organs import ExchangeKey, Organ, Transport
from plugins.eoffice.exchange.signing.models import AgencySigningCertificate, TrustedAuthority

__all__ = ["AgencySigningCertificate", "Direction", "Envelope", "EnvelopeKind",
           "EnvelopeState", "ExchangeKey", "Organ", "Transport", "TrustedAuthority"]
