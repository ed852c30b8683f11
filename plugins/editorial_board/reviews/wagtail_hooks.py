"""Admin hooks of the periodic review (R-ED-8): the report, the dashboard panel and the
page header's "reviewed, still correct"."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _lazy
from wagtail import hooks
from wagtail.admin.widgets import Button

from plugins.editorial_board.moderation.board import member_agency_ids
from plugins.editorial_board.questions.admin import UnitReportItem
from plugins.editorial_board.reviews.admin import (
    PeriodicReviewReport,
    ReviewPanel,
    ReviewRuleViewSet,
    review_page,
)

#: Its screens in the board's menu (plugins.editorial_board.wagtail_hooks).
VIEWSETS = (ReviewRuleViewSet,)

#: Admin views of the review, under the board's URL namespace (``editorial_board:…``).
ADMIN_URLS = [
    path("bao-cao/ra-soat-dinh-ky/", PeriodicReviewReport.as_view(), name="reviews"),
    path("bao-cao/ra-soat-dinh-ky/ket-qua/", PeriodicReviewReport.as_view(results_only=True),
         name="reviews_results"),
    path("ban-bien-tap/ra-soat/<int:page_id>/", review_page, name="review_page"),
]


@hooks.register("register_reports_menu_item")
def register_reviews_menu_item():
    return UnitReportItem(_lazy("Pages due for periodic review"),
                          reverse("editorial_board:reviews"), icon_name="history", order=770)


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    from plugins.editorial_board.questions.services import own_unit_ids

    if member_agency_ids(request.user) or own_unit_ids(request.user):
        panels.append(ReviewPanel(request.user))


@hooks.register("register_page_header_buttons")
def reviewed_still_correct_button(page, user, view_name=None, next_url=None):
    from plugins.editorial_board.reviews import services as reviews

    if page.pk and page.depth > 2 and reviews.is_tracked(page) and (
        page.permissions_for_user(user).can_edit()
    ):
        yield Button(_lazy("Reviewed, still correct"),
                     reverse("editorial_board:review_page", args=[page.pk]), icon_name="tick",
                     priority=62)
