from plugins.editorial_board.checks.models import ContentFlag, ProhibitedExpression
from plugins.editorial_board.moderation.models.board import (
    Board,
    BoardMember,
    BoardRole,
    Delegation,
)
from plugins.editorial_board.moderation.models.deadlines import DeadlineRule, DeadlineUnit
from plugins.editorial_board.moderation.models.kinds import ContentKind
from plugins.editorial_board.moderation.models.metadata import EditorialMetadataMixin
from plugins.editorial_board.moderation.models.records import EditorialRecord
from plugins.editorial_board.moderation.models.settings import EditorialSettings
from plugins.editorial_board.moderation.models.sources import DigestLog, TrustedSource
from plugins.editorial_board.moderation.models.tasks import (
    BoardReviewTask,
    ChiefApprovalTask,
    EditorialTaskState,
    UnitLeaderApprovalTask,
)
from plugins.editorial_board.questions.models.index_page import QuestionIndexPage
from plugins.editorial_board.questions.models.question import (
    Question,
    QuestionSettings,
    QuestionStatus,
    SubjectArea,
)
from plugins.editorial_board.reviews.models import PageReview, ReviewRule
from plugins.editorial_board.royalties.models import (
    RoyaltyItem,
    RoyaltyKind,
    RoyaltyMonth,
    RoyaltyRate,
    RoyaltyRole,
    RoyaltyShare,
)

__all__ = [
    "Board",
    "BoardMember",
    "BoardReviewTask",
    "BoardRole",
    "ChiefApprovalTask",
    "ContentFlag",
    "ContentKind",
    "DeadlineRule",
    "DeadlineUnit",
    "Delegation",
    "DigestLog",
    "EditorialMetadataMixin",
    "EditorialRecord",
    "EditorialSettings",
    "EditorialTaskState",
    "PageReview",
    "ProhibitedExpression",
    "Question",
    "QuestionIndexPage",
    "QuestionSettings",
    "QuestionStatus",
    "ReviewRule",
    "RoyaltyItem",
    "RoyaltyKind",
    "RoyaltyMonth",
    "RoyaltyRate",
    "RoyaltyRole",
    "RoyaltyShare",
    "SubjectArea",
    "TrustedSource",
    "UnitLeaderApprovalTask",
]
