"""R-ED-16: English versions of pages (seed 000 Điều 8.1b) go through the board.

"Trên cơ sở thông tin tiếng Việt, có thể thiết lập thêm chức năng dịch sang ngôn ngữ tiếng
Anh": an English version is made from the Vietnamese page with Wagtail's "Translate", lives
in the English tree under /en/, and is moderated by the same editorial board workflow. A
citizen never sees an English draft.
"""

import pytest
from wagtail.models import Locale, Page, WorkflowPage

from plugins.core.scoping import agency_for_page
from plugins.editorial_board.moderation.workflow import assign, ensure_workflow

from .conftest import act, step_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def _publish_translation(page, locale, **fields):
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def test_R_ED_16_the_en_locale_exists_after_migrate():
    """R-ED-16: the data migration makes the English locale beside Vietnamese."""
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"vi", "en"}
    assert Locale.get_default().language_code == "vi"


def test_R_ED_16_a_translated_page_goes_through_the_board(agency, news, make_item, staff,
                                                          english, client):
    """R-ED-16: the English section takes the board's workflow when it is translated; an
    English item is submitted, approved by the unit leader, the board and the chief, and
    is public only once the chief publishes it."""
    home_en = _publish_translation(agency.site.root_page, english, title="Home")
    news_en = _publish_translation(news, english, title="News", slug="news")
    workflow = ensure_workflow()
    assert news_en.get_workflow() == workflow
    assert agency_for_page(news_en) == agency
    assert home_en.url_path.startswith("/home-en/")

    item = make_item(staff.author, submit=False)
    item_en = item.copy_for_translation(english)
    item_en.title = "Long Giang Industrial Park attracts two more projects"
    item_en.slug = "long-giang-two-more-projects"
    item_en.owner = staff.author
    item_en.save_revision(user=staff.author)
    assert item_en.get_workflow() == workflow
    assert client.get("/en/news/long-giang-two-more-projects/").status_code == 404
    # The author may translate and edit in the English tree; the chief may publish there.
    assert staff.author.has_perm("simple_translation.submit_translation")
    assert item_en.permissions_for_user(staff.author).can_edit()
    assert news_en.permissions_for_user(staff.chief).can_publish()

    item_en.get_workflow().start(item_en, staff.author)
    assert step_of(item_en) == "UnitLeaderApprovalTask"
    act(item_en, staff.leader)
    assert step_of(item_en) == "BoardReviewTask"
    act(item_en, staff.member)
    assert step_of(item_en) == "ChiefApprovalTask"
    assert client.get("/en/news/long-giang-two-more-projects/").status_code == 404
    act(item_en, staff.chief)
    item_en.refresh_from_db()
    assert item_en.live and step_of(item_en) is None
    response = client.get("/en/news/long-giang-two-more-projects/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert client.get(f"/tin-tuc/{item.slug}/").status_code == 404  # its original: a draft


def test_R_ED_16_a_workflow_assigned_later_reaches_the_translations(agency, board, english):
    """R-ED-16: assigning the workflow to a Vietnamese section also assigns it to the
    section's English version (and changing it changes both)."""
    home = agency.site.root_page
    section = home.add_child(instance=Page(title="Thông báo", slug="thong-bao"))
    section.save_revision().publish()
    _publish_translation(home, english, title="Home")
    section_en = _publish_translation(section, english, title="Notices", slug="notices")
    workflow = ensure_workflow()
    assert section_en.get_workflow() != workflow
    assign(workflow, section)
    assert WorkflowPage.objects.get(page=section_en).workflow == workflow
    other = ensure_workflow("Quy trình khác")
    assign(other, section)
    assert WorkflowPage.objects.get(page=section_en).workflow == other
    assert WorkflowPage.objects.get(page=section).workflow == other


def test_R_ED_16_an_english_draft_is_never_public(agency, news, english, client):
    """R-ED-16: a page copied for translation is a draft: not served, not in the menu, not
    in the sitemap, and the Vietnamese page's language link does not point to it."""
    assert b"<url>" not in client.get("/en/sitemap.xml").content  # no English home yet
    assert b"/tin-tuc/" in client.get("/sitemap.xml").content
    _publish_translation(agency.site.root_page, english, title="Home")
    draft = news.copy_for_translation(english)
    draft.slug = "news"
    draft.save_revision()
    assert not Page.objects.get(pk=draft.pk).live
    assert client.get("/en/news/").status_code == 404
    assert b"/en/news/" not in client.get("/en/sitemap.xml").content
    assert client.get("/tin-tuc/").status_code == 200


def test_R_ED_16_english_pages_are_reviewed_periodically_too(agency, staff, english):
    """R-ED-16 with R-ED-8: the periodic review tracks the English versions as well."""
    from django.contrib.contenttypes.models import ContentType

    from plugins.editorial_board.models import ReviewRule
    from plugins.editorial_board.reviews import services as reviews

    ReviewRule.objects.create(agency=agency, months=6,
                              page_type=ContentType.objects.get_for_model(Page))
    home = agency.site.root_page
    page = home.add_child(instance=Page(title="Giới thiệu", slug="gioi-thieu",
                                        owner=staff.author))
    page.save_revision(user=staff.author).publish()
    _publish_translation(home, english, title="Home")
    _publish_translation(page, english, title="About us", slug="about-us")
    titles = {tracked.title for tracked in reviews.tracked_pages(agency)}
    assert {"Giới thiệu", "About us"} <= titles
    assert "Home" not in titles  # the homes themselves are not below a home
