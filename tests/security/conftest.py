"""Fixtures of the hostile-input tests: one agency with small published pages of each kind."""

import pytest

from tests.editorial_board.conftest import board, staff, units  # noqa: F401
from tests.legal_docs.conftest import library, make_doc, taxonomy  # noqa: F401
from tests.procedures.conftest import agency, index_page, make_procedure  # noqa: F401


@pytest.fixture
def lenient_client(client):
    """A test client that turns an exception in a view into the response a visitor gets
    (HTTP 500) instead of raising it, so a test can assert that no response is a 500."""
    client.raise_request_exception = False
    return client
