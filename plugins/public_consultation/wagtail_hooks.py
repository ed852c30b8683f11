"""Admin hooks of the public consultation: the moderation of comments."""

from wagtail import hooks

from plugins.public_consultation.admin import CommentViewSet


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet()
