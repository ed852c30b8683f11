"""Who may publish a page directly, without going through the board's workflow.

On pages under the editorial workflow, Wagtail's "publish" permission alone is not enough:
the chief (or a delegated deputy, R-ED-3) may publish directly; everyone else submits the
item and it is published when the chief approves the last step (R-ED-2). An item taken from
one of the agency's trusted sources may be published directly by its IT administrator; the
board gets a weekly digest of those (R-ED-5).
"""

from plugins.core.models import Role
from plugins.core.roles import has_role
from plugins.core.scoping import agency_for_page
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.moderation import scope


def may_publish_directly(user, page):
    if user.is_superuser:
        return True
    if not scope.has_editorial_workflow(page):
        return True
    agency = agency_for_page(page)
    if agency is None:
        return False
    if agency.pk in who.acting_chief_agency_ids(user):
        return True
    return is_trusted(page) and has_role(user, agency, Role.IT_ADMIN)


def is_trusted(page):
    """Whether ``page`` comes from one of its agency's trusted sources (R-ED-5).

    A pure read (the admin asks it while it draws the page's menus): the record is kept in
    step when a revision, the record itself or a trusted source is saved
    (:mod:`plugins.editorial_board.moderation.signal_handlers`).
    """
    from plugins.editorial_board.models import EditorialRecord

    return EditorialRecord.objects.filter(page_id=page.pk,
                                          trusted_source__isnull=False).exists()
