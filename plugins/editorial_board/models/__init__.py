from plugins.editorial_board.models.board import Board, BoardMember, BoardRole, Delegation

__all__ = ["Board", "BoardMember", "BoardRole", "Delegation"]
