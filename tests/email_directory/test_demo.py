"""The demo directory (R-EM-1…5): both demo agencies' staff and more people, with addresses
made by each agency's scheme, shared mailboxes, a pending handover; idempotent."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from plugins.core.models import Agency, Position
from plugins.email_directory.models import (
    DirectoryEntry,
    DirectoryPage,
    Mailbox,
    MailboxHandover,
)

pytestmark = pytest.mark.django_db


def _counts():
    app = apps.get_app_config("email_directory")
    return {model._meta.label: model._default_manager.count() for model in app.get_models()}


def test_demo_directory_of_both_agencies(demo):
    bql, skh = Agency.objects.get(symbol="BQL"), Agency.objects.get(symbol="SKH")
    emails = {entry.name + "|" + entry.job_title: entry.email
              for entry in DirectoryEntry.objects.with_related()}
    # Tiền Giang: the Gia Lai scheme on the province's domain, with its collision rules.
    assert emails["Nguyễn Văn Thành|Trưởng ban"] == "thanhnv@tiengiang.gov.vn"
    assert emails["Nguyễn Viết Thành|Phó Trưởng ban"] == "vietthanhn@tiengiang.gov.vn"
    assert emails["Nguyễn Văn Thành|Chuyên viên"] == "thanhnv1251990@tiengiang.gov.vn"
    # Lào Cai: the seed's own example and its agency mailbox (seed 001 Đ3.4).
    assert emails["Đặng Xuân Phong|Phó Giám đốc"] == "dxphong-skhdt@laocai.gov.vn"
    assert emails["Đỗ Xuân Phong|Chuyên viên"] == "dxphong2-skhdt@laocai.gov.vn"
    assert Mailbox.objects.get(agency=skh, kind="agency").address == \
        "contact-skhdt@laocai.gov.vn"
    assert Agency.objects.get(pk=skh.pk).email == "contact-skhdt@laocai.gov.vn"
    # Everyone with a position is in the directory, tied to it, and core shows the address.
    for position in Position.objects.for_agency(bql).select_related("directory_entry"):
        assert position.email == position.directory_entry.email
    assert DirectoryEntry.objects.for_agency(bql).count() >= 20
    assert Mailbox.objects.for_agency(bql).filter(kind="unit").count() == 6
    assert MailboxHandover.objects.filter(status="pending").count() == 1
    assert DirectoryPage.objects.live().count() == 2
    before = _counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert _counts() == before
    assert "nothing changed" in out.getvalue()
