"""Who may publish a page directly, without going through the board's workflow.

On pages under the editorial workflow, Wagtail's "publish" permission alone is not enough:
the chief (or a delegated deputy, R-ED-3) may publish directly; everyone else submits the
item and it is published when the chief approves the last step (R-ED-2).
"""

from plugins.core.scoping import agency_for_page
from plugins.editorial_board import board as who
from plugins.editorial_board import scope


def may_publish_directly(user, page):
    if user.is_superuser:
        return True
    if not scope.has_editorial_workflow(page):
        return True
    agency = agency_for_page(page)
    return agency is not None and agency.pk in who.acting_chief_agency_ids(user)
