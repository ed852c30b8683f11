"""Moderation of citizens' comments on drafts in the Wagtail admin (R-SITE-6).

The list shows the comments of the user's agencies only (the core's agency scoping: another
agency's comment answers 404 and a POST to it changes nothing). Who moderates is decided
with the core roles (``apps.py``): the agency's leader, the units' leaders and specialists
read the comments with the senders' contacts, approve or refuse them and write the
agency's answers. Comments come from the public form only and are kept: nobody adds or
deletes one here.
"""

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.permission_policies import ModelPermissionPolicy

from plugins.core.admin.scoping import AgencyScopedAdminForm, AgencyScopedModelViewSet
from plugins.public_consultation.models import Comment


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come from citizens and are kept: nobody adds or deletes them in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


class ExcerptColumn(TitleColumn):
    def get_value(self, instance):
        return Truncator(instance.text).chars(90)


class CommentModerationForm(AgencyScopedAdminForm):
    """Only the state and the answer change; who moderated, and when, is recorded."""

    def save(self, commit=True):
        comment = super().save(commit=False)
        if "status" in self.changed_data:
            comment.moderated_at = timezone.now()
            comment.moderated_by = self.for_user
        if commit:
            comment.save()
        return comment


class CommentViewSet(AgencyScopedModelViewSet):
    name = "public_consultation_comment"
    url_prefix = "gop-y-du-thao"
    model = Comment
    icon = "comment"
    menu_label = _("Comments on drafts")
    menu_order = 265
    add_to_admin_menu = True
    list_display = [
        ExcerptColumn("text", label=_("Comment"), url_name="public_consultation_comment:edit"),
        Column("page", label=_("Consultation")),
        Column("name", label=_("Commenter")),
        Column("status", label=_("State"), accessor="get_status_display"),
        DateColumn("received_at", label=_("Received")),
    ]
    list_filter = ["status"]
    list_select_related = ("page",)
    search_fields = ["name", "text", "section"]
    ordering = ["-received_at"]
    edit_handler = ObjectList([
        MultiFieldPanel([
            FieldPanel("page", read_only=True),
            FieldRowPanel([FieldPanel("name", read_only=True),
                           FieldPanel("received_at", read_only=True)]),
            FieldRowPanel([FieldPanel("email", read_only=True),
                           FieldPanel("phone", read_only=True)]),
            FieldPanel("section", read_only=True),
            FieldPanel("text", read_only=True),
        ], heading=_("The comment (contacts are never published)")),
        FieldPanel("status"),
        FieldPanel("answer"),
    ], base_form_class=CommentModerationForm)
