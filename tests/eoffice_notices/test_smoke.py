import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_screens_open(client, staff, make_announcement, make_board):
    make_announcement()
    make_board()
    client.force_login(staff["director"])
    for name in ("board", "announcements", "announcement_add", "extensions", "inbox", "sent",
                 "compose", "boards"):
        response = client.get(reverse(f"eoffice_notices:{name}"))
        assert response.status_code == 200, name
