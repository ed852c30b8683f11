"""plugins.core.money: amounts as Vietnamese texts write them (royalties, fees)."""

from decimal import Decimal

import pytest

from plugins.core.money import format_vnd


@pytest.mark.parametrize(("amount", "text"), [
    (1250000, "1.250.000 ₫"), (0, "0 ₫"), (None, "0 ₫"), (999, "999 ₫"),
    ("600000", "600.000 ₫"), (Decimal("999999999999999"), "999.999.999.999.999 ₫"),
])
def test_whole_dong_with_dots_between_thousands(amount, text):
    assert format_vnd(amount) == text


def test_without_the_symbol_a_fraction_rounded_and_no_number_empty():
    assert format_vnd(Decimal("1500000.4"), symbol=False) == "1.500.000"
    assert format_vnd(Decimal("2.5"), symbol=False) == "2"  # to the nearest even đồng
    assert format_vnd("nhiều", symbol=False) == ""
    assert format_vnd(Decimal("NaN")) == ""
