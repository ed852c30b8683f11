"""Investment projects (R-SITE-3, seed 000 Đ7.5) and bidding and public procurement notices
(seed 002 Đ3.7): a page per project and per notice, each under its faceted list."""

from plugins.investment.models.notices import (  # noqa: F401
    NoticeDocument,
    NoticeIndexPage,
    NoticeKind,
    NoticePage,
    NoticeResultDocument,
    NoticeState,
    SelectionMethod,
)
from plugins.investment.models.projects import (  # noqa: F401
    ProjectDocument,
    ProjectField,
    ProjectIndexPage,
    ProjectPage,
    ProjectStatus,
    ProjectType,
)
