"""plugins.core.numbers: every number shape of DOMAIN.md, parsed and formatted back."""

import pytest
from django.utils import translation

from plugins.core.numbers import InvalidNumber, normalize, parse, search_key

# DOMAIN.md's examples and the numbers cited in the seed regulations.
CANONICAL = [
    # (number, year, type, issuer, unit)
    ("15/QĐ-BNV", (15, None, "QĐ", "BNV", None)),
    ("29/QĐ-BQL", (29, None, "QĐ", "BQL", None)),
    ("647/QĐ-BQL", (647, None, "QĐ", "BQL", None)),
    ("05/QĐ-BQL", (5, None, "QĐ", "BQL", None)),
    ("15/CT-TTg", (15, None, "CT", "TTg", None)),
    ("4115/QĐ-UBND", (4115, None, "QĐ", "UBND", None)),
    ("05/BNV-VP", (5, None, None, "BNV", "VP")),
    ("12/UBND-VX", (12, None, None, "UBND", "VX")),
    ("07/QĐ-UBND-VP", (7, None, "QĐ", "UBND", "VP")),
    ("36/2016/QĐ-UBND", (36, 2016, "QĐ", "UBND", None)),
    ("64/2007/NĐ-CP", (64, 2007, "NĐ", "CP", None)),
    ("26/2009/TT-BTTTT", (26, 2009, "TT", "BTTTT", None)),
    ("01/2011/TT-BNV", (1, 2011, "TT", "BNV", None)),
    ("30/2003/QĐ-UB", (30, 2003, "QĐ", "UB", None)),
    ("01/2011/TTLT-BNV-BTC", (1, 2011, "TTLT", "BNV-BTC", None)),
    ("12/2020/NQ-HĐND", (12, 2020, "NQ", "HĐND", None)),
    ("59/2020/QH14", (59, 2020, None, "QH14", None)),
    ("10/CTr-UBND", (10, None, "CTr", "UBND", None)),
    ("03/QyĐ-BQL", (3, None, "QyĐ", "BQL", None)),
]


@pytest.mark.parametrize(("text", "fields"), CANONICAL)
def test_parse_and_format_back(text, fields):
    """R-LD-4: the parts are read and str() gives the number back unchanged."""
    number = parse(text)
    assert (number.number, number.year, number.type_code, number.issuer, number.unit) == fields
    assert str(number) == text


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("36/2016/qd-ubnd", "36/2016/QĐ-UBND"),
        ("36/2016/QD-UBND", "36/2016/QĐ-UBND"),
        (" 36 / 2016 / QĐ – UBND ", "36/2016/QĐ-UBND"),
        ("Số: 29/QĐ-BQL", "29/QĐ-BQL"),
        ("so 29/qđ-bql", "29/QĐ-BQL"),
        ("5/qd-bql", "05/QĐ-BQL"),
        ("005/QĐ-BQL", "05/QĐ-BQL"),
        ("64/2007/ND-CP", "64/2007/NĐ-CP"),
        ("12/2020/nq-hdnd", "12/2020/NQ-HĐND"),
        ("15/ct-ttg", "15/CT-TTg"),
        ("36/2016/QÐ-UBND", "36/2016/QĐ-UBND"),  # Latin Eth typed for Đ
        ("05/bnv-vp", "05/BNV-VP"),
    ],
)
def test_tolerant_reading(typed, canonical):
    """R-LD-4: case, spaces, dashes and missing diacritics do not matter."""
    assert normalize(typed) == canonical


def test_search_key_is_the_same_for_every_spelling():
    """R-LD-4: a number typed any way reaches the same index key."""
    keys = {search_key(t) for t in ("36/2016/qd-ubnd", "36/2016/QĐ-UBND", "36/2016/QD-UBND")}
    assert keys == {"36/2016/qd-ubnd"}
    assert search_key("quy chế") is None


def test_ambiguous_folded_types_keep_the_typed_letter():
    """ĐA (Đề án) and DA (Dự án), HĐ (Hợp đồng) and HD (Hướng dẫn) differ only by Đ."""
    assert parse("02/ĐA-BQL").type_code == "ĐA"
    assert parse("02/DA-BQL").type_code == "DA"
    assert parse("02/hđ-bql").type_code == "HĐ"
    assert parse("02/HD-BQL").type_code == "HD"


def test_extra_types_from_the_admin():
    assert parse("03/XYZ-BQL").is_official_letter
    assert parse("03/XYZ-BQL", extra_types=["XYZ"]).type_code == "XYZ"
    # A type repeated from the admin's list does not make "qd" ambiguous.
    assert parse("03/qd-bql", extra_types=["QĐ"]).type_code == "QĐ"


def test_parts_for_exchange():
    number = parse("36/2016/QĐ-UBND")
    assert number.number_text == "36"
    assert number.symbol == "QĐ-UBND"
    assert number.notation == "2016/QĐ-UBND"
    assert parse("05/BNV-VP").notation == "BNV-VP"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "hello", "Quy chế 29", "/QĐ-BQL", "29/", "29/QĐ", "0/QĐ-BQL", "36/1800/QĐ-UBND",
     "36/2016/", "29/QĐ-BQL/x", "29/QĐ--BQL", "29/Q Đ-BQL", "'; DROP TABLE x; --", None, 29],
)
def test_not_a_number_is_refused_clearly(text):
    with pytest.raises(InvalidNumber) as error:
        parse(text)
    assert "36/2016/QĐ-UBND" in str(error.value)


def test_error_message_is_translated():
    with translation.override("vi"), pytest.raises(InvalidNumber) as error:
        parse("hello")
    assert "không phải số văn bản" in str(error.value)


@pytest.mark.parametrize("text", ["1.115678", " 1.115678 ", '"1.115678"', "“1.115678”"])
def test_a_dotted_code_has_an_exact_key(text):
    """A national procedure code is matched exactly, whatever the spaces or quotes."""
    from plugins.core.numbers import code_key, exact_key

    assert code_key(text) == "1.115678"
    assert exact_key(text) == "1.115678"


@pytest.mark.parametrize("text", ["1.5.6.7.8", "a.115678", "1,115678", "115678", "", None])
def test_other_text_is_not_a_code(text):
    from plugins.core.numbers import code_key

    assert code_key(text) is None


def test_exact_key_prefers_the_document_number():
    from plugins.core.numbers import exact_key

    assert exact_key("36/2016/QĐ-UBND") == "36/2016/qd-ubnd"
