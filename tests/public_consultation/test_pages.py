"""A consultation on the public site (R-SITE-6; seed 000 Đ7.9, seed 001 Đ7.2h): topic,
content, draft files (open formats marked), the receiving address and the window in Vietnam
time; its state read from the window; what a citizen must never see (drafts, comments not
approved, the senders' contacts, answers before the results are published)."""

import pytest
import time_machine
from bs4 import BeautifulSoup

from plugins.public_consultation.models import CommentStatus, ConsultationState

from .conftest import NOW, add_comment, days, docx_bytes, odt_bytes

pytestmark = pytest.mark.django_db


def _soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_the_page_shows_topic_content_files_address_and_window(client, make_consultation,
                                                                make_document):
    """R-SITE-6 (000 Đ7.9): each topic gives its content, the email address receiving
    comments and the time window (Vietnam time); draft files are downloadable with open
    formats marked."""
    odt = make_document("du-thao.odt", odt_bytes("Dự thảo Quy chế"))
    docx = make_document("du-thao.docx", docx_bytes("Dự thảo Quy chế"))
    page = make_consultation(
        "Dự thảo Quy chế quản lý Trang thông tin điện tử", days(-1, 8), days(10, 17),
        intro="Quy định thời hạn cung cấp thông tin.", body="<p>Dự thảo gồm 18 điều.</p>",
        subject_area="Thông tin điện tử", files=[odt, docx])
    soup = _soup(client.get(page.url))
    assert soup.h1.get_text(strip=True) == "Dự thảo Quy chế quản lý Trang thông tin điện tử"
    facts = soup.select_one(".consultation-facts").get_text(" ", strip=True)
    assert "03/12/2026 08:00" in facts and "14/12/2026 17:00" in facts
    assert soup.select_one(".consultation-email a")["href"] == "mailto:gopy@bqlkcn.example.vn"
    assert "Dự thảo gồm 18 điều." in soup.get_text()
    files = soup.select(".draft-file")
    assert [f.select_one("a")["href"] for f in files] == [odt.url, docx.url]
    assert files[0].select_one(".open-format") is not None  # ODT: open format
    assert files[1].select_one(".open-format") is None  # Word: not marked
    assert soup.select_one(".badge-open").get_text(strip=True) == "Đang lấy ý kiến"
    assert soup.select_one("form.comment-form") is not None


@pytest.mark.parametrize("opens, closes, state, label", [
    (days(3), days(20), ConsultationState.UPCOMING, "Chưa đến thời gian lấy ý kiến"),
    (days(-30), days(-1), ConsultationState.CLOSED, "Đã hết thời gian lấy ý kiến"),
])
def test_no_form_outside_the_window(client, make_consultation, opens, closes, state, label):
    """R-SITE-6: before the window the page says so, after it the topic is closed by
    itself: no comment form either way."""
    page = make_consultation("Dự thảo kế hoạch", opens, closes)
    soup = _soup(client.get(page.url))
    assert soup.select_one(f".badge-{state}").get_text(strip=True) == label
    assert soup.select_one("form.comment-form") is None


def test_the_topic_closes_by_itself_when_the_window_ends(client, make_consultation):
    """R-SITE-6: nobody closes it: one second past the close, the form is gone."""
    page = make_consultation("Dự thảo quy định", days(-1), NOW.replace(hour=17))
    with time_machine.travel(NOW.replace(hour=16, minute=59, second=59), tick=False):
        assert _soup(client.get(page.url)).select_one("form.comment-form") is not None
    with time_machine.travel(NOW.replace(hour=17), tick=False):
        soup = _soup(client.get(page.url))
        assert soup.select_one("form.comment-form") is None
        assert soup.select_one(".badge-closed") is not None


def test_a_citizen_sees_approved_comments_only_and_no_contact(client, make_consultation):
    """R-SITE-6: comments waiting for moderation or refused are never shown; approved ones
    are, with the sender's name and the article, never their email or phone."""
    page = make_consultation("Dự thảo Quy chế")
    add_comment(page, CommentStatus.APPROVED, name="Công ty Việt Hàn", section="Điều 9",
                text="Đề nghị 8 giờ làm việc.", email="viethan@example.vn",
                phone="0273 3855 999")
    add_comment(page, CommentStatus.PENDING, text="Ý kiến CHƯA DUYỆT.")
    add_comment(page, CommentStatus.REFUSED, text="Quảng cáo BỊ TỪ CHỐI.")
    html = client.get(page.url).content.decode()
    assert "Đề nghị 8 giờ làm việc." in html and "Công ty Việt Hàn" in html
    assert "Điều 9" in html
    for hidden in ("CHƯA DUYỆT", "BỊ TỪ CHỐI", "viethan@example.vn", "0273 3855 999",
                   "tam.le@example.vn", "0987 654 321"):
        assert hidden not in html, hidden


def test_answers_and_summary_only_once_closed_and_published(client, make_consultation):
    """R-SITE-6: the agency's summary and per-comment answers appear after the close and
    only when the page publishing them is live; a draft revision's summary stays hidden."""
    page = make_consultation("Dự thảo Kế hoạch môi trường", days(-30), days(-1),
                             outcome="<p>Tiếp thu 4 ý kiến.</p>", publish_answers=False)
    add_comment(page, CommentStatus.APPROVED, text="Đề nghị lộ trình.",
                answer="Tiếp thu: bổ sung lộ trình.")
    html = client.get(page.url).content.decode()
    assert "Đề nghị lộ trình." in html
    assert "Tiếp thu 4 ý kiến." not in html and "bổ sung lộ trình" not in html
    page.publish_answers = True
    page.save_revision()  # a draft: not public yet
    html = client.get(page.url).content.decode()
    assert "Tiếp thu 4 ý kiến." not in html and "bổ sung lộ trình" not in html
    page.get_latest_revision().publish()
    soup = _soup(client.get(page.url))
    assert "Tiếp thu 4 ý kiến." in soup.select_one(".consultation-outcome").get_text()
    assert "bổ sung lộ trình" in soup.select_one(".comment-answer").get_text()


def test_published_answers_wait_for_the_close(client, make_consultation):
    """R-SITE-6: answers ticked for publication while the window is open stay hidden
    until it closes."""
    page = make_consultation("Dự thảo Quy định", outcome="<p>TỔNG HỢP.</p>",
                             publish_answers=True)
    add_comment(page, CommentStatus.APPROVED, answer="TRẢ LỜI.")
    html = client.get(page.url).content.decode()
    assert "TỔNG HỢP." not in html and "TRẢ LỜI." not in html


def test_a_draft_consultation_and_its_files_are_not_public(client, make_consultation,
                                                           make_document):
    """R-SITE-6, R-SEC-2: a consultation never published is not found, nor its file."""
    secret = make_document("noi-bo.odt", odt_bytes("Nội bộ"))
    page = make_consultation("Dự thảo nội bộ", publish=False, files=[secret])
    assert client.get(page.url).status_code == 404
    assert client.get(page.url + "gop-y/").status_code == 404
    assert client.get(secret.url).status_code == 404


def test_the_page_costs_a_fixed_number_of_queries(client, make_consultation,
                                                  django_assert_max_num_queries):
    """R-SITE-6: the page's queries do not grow with its comments and files."""
    page = make_consultation("Dự thảo Quy chế")
    for number in range(3):
        add_comment(page, CommentStatus.APPROVED, text=f"Ý kiến {number}.")
    client.get(page.url)
    with django_assert_max_num_queries(30) as few:
        client.get(page.url)
    for number in range(30):
        add_comment(page, CommentStatus.APPROVED, text=f"Ý kiến thêm {number}.")
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(page.url).content.decode()
    assert "Ý kiến thêm 29." in html
