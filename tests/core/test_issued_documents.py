"""Core's contract between plugins that issue documents and plugins that publish them
(issue 17 item 7): sent after commit, once; a failing receiver neither stops the others
nor reaches the issuer."""

import datetime

import pytest
from django.db import transaction

from plugins.core.issued_documents import IssuedDocument, document_issued, offer

pytestmark = pytest.mark.django_db(transaction=True)


def _document():
    return IssuedDocument(agency=None, number="01/2026/QĐ-BQL", type_code="QĐ",
                          subject="Quy định", issue_date=datetime.date(2026, 3, 2),
                          is_normative=True)


def test_receivers_hear_only_after_commit_and_a_failure_is_contained(caplog):
    heard = []

    def failing(sender, document, **kwargs):
        raise RuntimeError("boom")

    def listening(sender, document, **kwargs):
        heard.append(document.number)

    document_issued.connect(failing, dispatch_uid="test-failing")
    document_issued.connect(listening, dispatch_uid="test-listening")
    try:
        with transaction.atomic():
            offer(_document())
            assert heard == []  # not before the issue is committed
        assert heard == ["01/2026/QĐ-BQL"]
        assert "boom" in caplog.text
        heard.clear()
        with pytest.raises(ValueError), transaction.atomic():
            offer(_document())
            raise ValueError  # the issue rolled back: nothing is offered
        assert heard == []
    finally:
        document_issued.disconnect(dispatch_uid="test-failing")
        document_issued.disconnect(dispatch_uid="test-listening")
