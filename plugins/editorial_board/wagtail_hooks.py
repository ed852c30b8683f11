from wagtail import hooks

from plugins.editorial_board.admin.viewsets import EditorialBoardViewSetGroup


@hooks.register("register_admin_viewset")
def register_editorial_board_viewsets():
    return EditorialBoardViewSetGroup()
