from plugins.core.models.accounts import AccountReport, AccountSecurity, PasswordResetRequest
from plugins.core.models.agency import Agency
from plugins.core.models.agency_pages import AgencyPageMixin
from plugins.core.models.antispam import RateCounter, UsedFormToken
from plugins.core.models.audit import AuditEvent
from plugins.core.models.calendar import DayKind, DayOverride
from plugins.core.models.mail import OutgoingMail
from plugins.core.models.notifications import Notification, NotificationSettings
from plugins.core.models.outbox import Retried
from plugins.core.models.page_cache import FrontCachedUrl, TableVersion
from plugins.core.models.roles import AgencyRole, Role
from plugins.core.models.search import SearchEntry, SearchFacet, SearchIndexState
from plugins.core.models.units import Position, Unit, UnitKind

__all__ = [
    "AccountReport",
    "AccountSecurity",
    "Agency",
    "AgencyPageMixin",
    "AgencyRole",
    "AuditEvent",
    "DayKind",
    "DayOverride",
    "FrontCachedUrl",
    "Notification",
    "NotificationSettings",
    "OutgoingMail",
    "PasswordResetRequest",
    "Position",
    "RateCounter",
    "Retried",
    "Role",
    "SearchEntry",
    "SearchFacet",
    "SearchIndexState",
    "TableVersion",
    "Unit",
    "UnitKind",
    "UsedFormToken",
]
