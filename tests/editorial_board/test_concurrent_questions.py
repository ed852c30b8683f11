"""Citizens asking at the same moment all get their question kept (R-SEC-3, R-ED-15).

Twelve submissions at once used to lose four to "database is locked" on SQLite. A real
server (one thread per request) on the test's database takes them all at once."""

import re
import threading
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from django.db import connection

from plugins.core.antispam import MIN_SECONDS
from plugins.editorial_board.models import Question, QuestionIndexPage
from tests.concurrency.server import running_server

CITIZENS = 12


@pytest.fixture
def qa_page(make_agency):
    agency = make_agency("BQL", hostname="127.0.0.1")
    page = agency.site.root_page.add_child(instance=QuestionIndexPage(title="Hỏi đáp",
                                                                      slug="hoi-dap"))
    page.save_revision().publish()
    return page


class Citizen:
    def __init__(self, base, number):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(
            CookieJar()))
        self.base, self.address = base, f"203.0.113.{number + 1}"
        self.number = number

    def _open(self, url, data=None):
        request = urllib.request.Request(self.base + url, data=data,
                                         headers={"X-Forwarded-For": self.address})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def open_form(self, url):
        status, html = self._open(url)
        assert status == 200, html[:500]
        self.url = url
        self.fields = dict(re.findall(
            r'name="(csrfmiddlewaretoken|token)" value="([^"]+)"', html))

    def send(self):
        data = {**self.fields, "name": f"Công dân {self.number}", "email":
                f"cong.dan{self.number}@example.vn", "title": f"Câu hỏi số {self.number}",
                "text": "Xin hỏi thủ tục đăng ký đầu tư cần những giấy tờ gì?",
                "consent": "on", "website": ""}
        self.result = self._open(self.url, urllib.parse.urlencode(data).encode())


@pytest.mark.django_db(transaction=True)
def test_twelve_citizens_asking_at_once_are_all_kept(qa_page, tmp_path):
    """R-SEC-3: every simultaneous submission is answered with its reference code and kept
    (SQLite waits its turn instead of failing; PostgreSQL as ever)."""
    with running_server(tmp_path) as (base, sqlite_path):
        citizens = [Citizen(base, number) for number in range(CITIZENS)]
        for citizen in citizens:
            citizen.open_form(qa_page.get_url_parts()[2] + "gui-cau-hoi/")
        time.sleep(MIN_SECONDS + 0.5)  # a person takes longer than a robot to fill it in
        start = threading.Barrier(CITIZENS)

        def go(citizen):
            start.wait()
            citizen.send()

        threads = [threading.Thread(target=go, args=(citizen,)) for citizen in citizens]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        statuses = [citizen.result[0] for citizen in citizens]
        assert statuses == [200] * CITIZENS, (base, statuses)
        assert all("BQL-" in citizen.result[1] for citizen in citizens)
    if sqlite_path is not None:
        import sqlite3

        with sqlite3.connect(sqlite_path) as database:
            titles = {row[0] for row in database.execute(
                "SELECT title FROM editorial_board_question")}
    else:
        titles = set(Question.objects.values_list("title", flat=True))
    assert titles == {f"Câu hỏi số {number}" for number in range(CITIZENS)}
    assert connection.vendor in ("sqlite", "postgresql")


def _all_at_once(actions):
    start = threading.Barrier(len(actions))

    def run(action):
        start.wait()
        action()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@pytest.mark.django_db(transaction=True)
def test_spam_guards_hold_across_worker_processes(qa_page, tmp_path):
    """R-SEC-2, R-ED-15: under gunicorn with three worker processes a form token is accepted
    once, replayed at once on every worker, and an address's hourly limit (5) holds when it
    sends seven forms at once."""
    url = qa_page.get_url_parts()[2] + "gui-cau-hoi/"
    with running_server(tmp_path, workers=3) as (base, _path):
        replayer = Citizen(base, 1)
        replayer.open_form(url)
        copies = [Citizen(base, 1) for _ in range(3)]
        for copy in copies:
            copy.opener, copy.url, copy.fields = replayer.opener, url, replayer.fields
        flood = [Citizen(base, 2) for _ in range(7)]  # one address, seven forms
        for citizen in flood:
            citizen.open_form(url)
        time.sleep(MIN_SECONDS + 0.5)
        _all_at_once([copy.send for copy in copies])
        _all_at_once([citizen.send for citizen in flood])
    accepted = [copy for copy in copies if "BQL-" in copy.result[1]]
    assert len(accepted) == 1
    assert all("đã được gửi" in copy.result[1] for copy in copies if copy not in accepted)
    sent = [citizen for citizen in flood if "BQL-" in citizen.result[1]]
    assert len(sent) == 5
    assert all("Quá nhiều câu hỏi" in citizen.result[1] for citizen in flood
               if citizen not in sent)
