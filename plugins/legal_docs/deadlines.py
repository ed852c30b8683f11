"""The publication deadline for documents this agency issued (R-LD-5).

Decree 43/2011 asked for legal normative documents to be published within 2 working days;
the agency's own rule (default 1 working day after signing) is a site setting.
"""

from plugins.core.calendar import add_working_days

DEFAULT_DEADLINE_DAYS = 1


def publication_deadline(agency, signed_on, days=DEFAULT_DEADLINE_DAYS):
    """The last day a document signed on ``signed_on`` may be published."""
    return add_working_days(agency, signed_on, days)
