from plugins.editorial_board.models.board import Board, BoardMember, BoardRole, Delegation
from plugins.editorial_board.models.checks import ContentFlag, ProhibitedExpression
from plugins.editorial_board.models.deadlines import DeadlineRule, DeadlineUnit
from plugins.editorial_board.models.kinds import ContentKind
from plugins.editorial_board.models.metadata import EditorialMetadataMixin
from plugins.editorial_board.models.question_page import QuestionIndexPage
from plugins.editorial_board.models.questions import (
    Question,
    QuestionSettings,
    QuestionStatus,
    SubjectArea,
)
from plugins.editorial_board.models.records import EditorialRecord
from plugins.editorial_board.models.reviews import PageReview, ReviewRule
from plugins.editorial_board.models.royalties import (
    RoyaltyItem,
    RoyaltyKind,
    RoyaltyMonth,
    RoyaltyRate,
    RoyaltyRole,
    RoyaltyShare,
)
from plugins.editorial_board.models.settings import EditorialSettings
from plugins.editorial_board.models.sources import DigestLog, TrustedSource
from plugins.editorial_board.models.tasks import (
    BoardReviewTask,
    ChiefApprovalTask,
    EditorialTaskState,
    UnitLeaderApprovalTask,
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
