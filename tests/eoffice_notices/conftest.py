"""Announcements, messages and boards for the two agencies of tests/eoffice_people.py."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.eoffice_people import *  # noqa: F403 - the shared people of the e-office

if "plugins.eoffice.notices" not in settings.INSTALLED_APPS:
    collect_ignore_glob = ["test_*.py"]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="thong-bao.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def make_announcement(bql, staff):
    from plugins.eoffice.notices import services

    def make(state="published", author=None, agency=None, units=(), files=(), **fields):
        author = author or staff["clerk"]
        values = {"title": "Thông báo nghỉ Tết Nguyên đán",
                  "body": "Cơ quan nghỉ Tết từ ngày 14/02 đến hết ngày 22/02.",
                  "to_everyone": not units}
        values.update(fields)
        item = services.create_announcement(author, agency or bql, units=units, files=files,
                                            **values)
        if state in ("published", "withdrawn"):
            services.publish(author, item)
        if state == "withdrawn":
            services.withdraw(author, item, "Đã có thông báo thay thế")
        return item

    return make


@pytest.fixture
def make_board(bql, staff):
    from plugins.eoffice.notices import services

    def make(kind="trade_union", committee=("office_head",), members=("specialist",)):
        return services.set_board(staff["director"], bql, kind,
                                  committee=[staff[name] for name in committee],
                                  members=[staff[name] for name in members])

    return make
