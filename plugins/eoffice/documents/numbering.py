"""Gap-free numbers: arrival numbers of incoming documents, numbers of outgoing ones.

Numbers run from 01 on 1 January per register (and per series inside an outgoing register:
secret documents have their own, legal normative documents one per type), are never given
twice and never skipped (Decree 30, DOMAIN.md). Each series has one counter row; taking a
number locks that row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE``
transactions, plugins.core.sqlite, already let one writer in at a time) and raises it in
the same transaction as the document that carries the number, so a rolled-back document
gives its number back and a committed one keeps it for ever.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F

from plugins.core.calendar import OFFICE_TZ
from plugins.core.numbers import DocumentNumber
from plugins.eoffice.documents.models import NumberCounter

ORDINARY = ""
SECRET = "secret"


def local_year(moment=None):
    """The year in Vietnam of ``moment`` (an aware datetime or a date; now by default)."""
    from django.utils import timezone

    moment = moment or timezone.now()
    if isinstance(moment, datetime.datetime):
        return moment.astimezone(OFFICE_TZ).year
    return moment.year


def outgoing_series(register, *, secret=False, normative_type=None):
    """The series an outgoing document is numbered in."""
    if normative_type is not None:
        base = f"normative:{normative_type}"
        return f"{SECRET}:{base}" if secret and not register.is_secret else base
    return SECRET if secret and not register.is_secret else ORDINARY


def _counter(register, year, series):
    """The counter row, locked for this transaction (made on the year's first number)."""
    counters = NumberCounter.objects.select_for_update()
    counter = counters.filter(register=register, year=year, series=series).first()
    if counter is not None:
        return counter
    try:
        with transaction.atomic():  # a savepoint: another clerk may have made it just now
            NumberCounter.objects.create(register=register, year=year, series=series)
    except IntegrityError:
        pass
    return counters.get(register=register, year=year, series=series)


def next_number(register, year, series=ORDINARY):
    """Take the next number of ``register``'s ``series`` in ``year``. Must run inside the
    transaction that saves the numbered document."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number must run inside the document's transaction.")
    counter = _counter(register, year, series)
    NumberCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    counter.refresh_from_db(fields=["last_number"])
    return counter.last_number


def notation(number, agency, *, type_code="", unit_symbol="", year=None):
    """The number and notation of an outgoing document, built by core:
    ``15/QĐ-BQL``, ``05/BQL-VP`` (a công văn: issuer, then drafting unit),
    ``36/2026/QĐ-BQL`` (a normative document carries its year)."""
    return str(DocumentNumber(number=number, year=year, type_code=type_code or None,
                              issuer=agency.symbol,
                              unit=(unit_symbol or None) if not type_code and not year
                              else None))
