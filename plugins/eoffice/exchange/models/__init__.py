from plugins.eoffice.exchange.models.envelopes import (
           Direction,
           Envelope,
           EnvelopeKind,
           EnvelopeState,
)
from plugins.eoffice.exchange.models.organs import ExchangeKey, Organ, Transport

__all__ = ["Direction", "Envelope", "EnvelopeKind", "EnvelopeState", "ExchangeKey", "Organ",
           "Transport"]
