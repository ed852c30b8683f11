"""Bulk actions on the lists of people and mailboxes (R-EM-1, R-EM-5).

Only records of the agencies whose directory the user keeps are acted on; the others
selected are listed as "no permission" on the confirmation page, as Wagtail does.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.bulk_action import BulkAction

from plugins.email_directory.models import DirectoryEntry, Mailbox
from plugins.email_directory.naming import NamingError
from plugins.email_directory.permissions import DirectoryPermissionPolicy


class DirectoryBulkAction(BulkAction):
    template_name = "email_directory/admin/bulk_confirm.html"
    model_class = None
    question = ""

    def get_queryset(self, model, object_ids):
        # Another agency's records are not even named on the confirmation page.
        queryset = model.objects.visible_to(self.request.user).filter(pk__in=object_ids)
        if model is DirectoryEntry:
            return queryset.with_related()
        return queryset.select_related("agency", "unit")

    def get_all_objects_in_listing_query(self, parent_id):
        return self.model.objects.visible_to(self.request.user).values_list("pk", flat=True)

    def check_perm(self, obj):
        return DirectoryPermissionPolicy(self.model).user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(question=self.question, action_label=self.display_name)
        return context

    def get_execution_context(self):
        return {"user": self.request.user, "action": self}


class SetPublishedAction(DirectoryBulkAction):
    published = True

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = 0
        for obj in objects:
            if obj.is_published != cls.published:
                obj.is_published = cls.published
                obj.save()  # one by one: history, search index and mirrors stay right
                changed += 1
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if self.published:
            return ngettext("%(count)d published in the directory.",
                            "%(count)d published in the directory.", num_parent_objects) % {
                "count": num_parent_objects}
        return ngettext("%(count)d hidden from the directory.",
                        "%(count)d hidden from the directory.", num_parent_objects) % {
            "count": num_parent_objects}


class PublishPeople(SetPublishedAction):
    display_name = _("Show in the directory")
    action_type = "publish"
    aria_label = _("Publish the selected people in the directory")
    question = _("Show these people in the public directory?")
    models = [DirectoryEntry]
    action_priority = 10


class HidePeople(SetPublishedAction):
    display_name = _("Hide from the directory")
    action_type = "hide"
    aria_label = _("Hide the selected people from the directory")
    question = _("Hide these people from the public directory? Their mailboxes stay open.")
    models = [DirectoryEntry]
    published = False
    action_priority = 20


class GiveAddresses(DirectoryBulkAction):
    display_name = _("Give addresses")
    action_type = "give-addresses"
    aria_label = _("Give the selected people the addresses their naming scheme suggests")
    question = _("Give each selected person without an official email the address the "
                 "agency's naming scheme suggests?")
    models = [DirectoryEntry]
    action_priority = 30

    @classmethod
    def execute_action(cls, objects, user=None, action=None, **kwargs):
        from plugins.email_directory.addresses import assign_personal_mailbox

        given, problems = 0, []
        for entry in objects:
            if getattr(entry, "mailbox", None) is not None:
                continue
            try:
                with transaction.atomic():
                    assign_personal_mailbox(entry)
                given += 1
            except NamingError as error:
                problems.append(str(error))
        if action is not None:
            action.problems = problems
        return given, len(problems)

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext("%(count)d address given.", "%(count)d addresses given.",
                           num_parent_objects) % {"count": num_parent_objects}
        if num_child_objects:
            message += " " + " ".join(getattr(self, "problems", []))
        return message


class PublishMailboxes(PublishPeople):
    aria_label = _("Publish the selected mailboxes in the directory")
    question = _("Show these agency and unit mailboxes in the public directory?")
    models = [Mailbox]


class HideMailboxes(HidePeople):
    aria_label = _("Hide the selected mailboxes from the directory")
    question = _("Hide these mailboxes from the public directory?")
    models = [Mailbox]


class CloseMailboxes(DirectoryBulkAction):
    display_name = _("Close mailboxes")
    action_type = "close"
    aria_label = _("Close the selected mailboxes")
    question = _("Close these mailboxes? Their addresses stay reserved and are never given "
                 "to anyone else.")
    models = [Mailbox]
    action_priority = 40
    classes = {"serious"}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        closed = 0
        for mailbox in objects:
            if mailbox.is_active:
                mailbox.is_active = False
                mailbox.save()
                closed += 1
        return closed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d mailbox closed.", "%(count)d mailboxes closed.",
                        num_parent_objects) % {"count": num_parent_objects}


ACTIONS = [PublishPeople, HidePeople, GiveAddresses, PublishMailboxes, HideMailboxes,
           CloseMailboxes]
