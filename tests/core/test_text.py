"""plugins.core.text: folding, NFC, slugs and legacy encodings (R-LD-4, R-ED-13)."""

import unicodedata

import pytest

from plugins.core.text import detect_encoding, fold, nfc, slugify, to_unicode

# Every Vietnamese vowel with every tone, and đ, with its folded letter.
VOWELS = {
    "a": "aàáảãạ ăằắẳẵặ âầấẩẫậ",
    "e": "eèéẻẽẹ êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ ôồốổỗộ ơờớởỡợ",
    "u": "uùúủũụ ưừứửữự",
    "y": "yỳýỷỹỵ",
}


def all_letters():
    for folded, letters in VOWELS.items():
        for letter in letters.replace(" ", ""):
            yield letter, folded
    yield "đ", "d"


@pytest.mark.parametrize(("letter", "folded"), list(all_letters()))
def test_fold_every_vietnamese_letter_in_both_cases_and_nfd(letter, folded):
    """R-LD-4: accent- and case-insensitive search starts from one fold."""
    assert fold(letter) == folded
    assert fold(letter.upper()) == folded
    assert fold(unicodedata.normalize("NFD", letter)) == folded
    assert fold(unicodedata.normalize("NFD", letter.upper())) == folded


def test_fold_sentence():
    """R-LD-4: a whole title folds to plain lower-case ASCII words."""
    title = "QUY CHẾ Quản lý, vận hành Cổng thông tin điện tử ĐƯỜNG Đi"
    assert fold(title) == "quy che quan ly, van hanh cong thong tin dien tu duong di"
    assert fold("") == ""
    assert fold(None) == ""


def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Tiền Giang")
    assert decomposed != "Tiền Giang"
    assert nfc(decomposed) == "Tiền Giang"
    assert nfc(None) is None


def test_slugify_vietnamese():
    assert slugify("Cơ cấu tổ chức") == "co-cau-to-chuc"
    assert slugify("Văn bản — Đảng ủy, Công đoàn!") == "van-ban-dang-uy-cong-doan"
    assert slugify("Quyết định về việc ban hành quy chế", max_length=20) == "quyet-dinh-ve-viec-b"


UNICODE = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Người dân"
# The same text typed in the ABC (TCVN3) font and in VNI-Windows, then read as Latin-1.
TCVN3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. Ng\xadêi d©n"
VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. Ngöôøi daân"


def test_detect_encoding():
    """R-ED-13: legacy TCVN3 and VNI text is recognised."""
    assert detect_encoding(UNICODE) == "unicode"
    assert detect_encoding(unicodedata.normalize("NFD", UNICODE)) == "unicode"
    assert detect_encoding(TCVN3) == "tcvn3"
    assert detect_encoding(VNI) == "vni"
    assert detect_encoding("Quy chế") == "unicode"
    assert detect_encoding("Cà Mau") == "unicode"  # only Latin-1 letters, already Unicode
    assert detect_encoding("plain ASCII") == "unicode"
    assert detect_encoding("café crème brûlée à Paris") == "unknown"


def test_to_unicode_converts_legacy_text():
    """R-ED-13: legacy text is converted to NFC Unicode."""
    assert to_unicode(TCVN3) == UNICODE
    assert to_unicode(VNI) == UNICODE
    assert to_unicode("B¶o Th¾ng, B¸t X¸t") == "Bảo Thắng, Bát Xát"
    assert to_unicode("VIEÄT NAM") == "VIỆT NAM"
    assert unicodedata.is_normalized("NFC", to_unicode(VNI))


def test_to_unicode_leaves_unicode_and_unknown_text_alone():
    assert to_unicode(UNICODE) == UNICODE
    assert to_unicode(unicodedata.normalize("NFD", UNICODE)) == UNICODE
    assert to_unicode("café crème") == "café crème"
    assert to_unicode("") == ""


def test_every_letter_round_trips_through_both_legacy_tables():
    """R-ED-13: each of the 134 lowercase letters converts back from TCVN3 and VNI."""
    from plugins.core import text

    tcvn3 = {letter: code for code, letter in text._TABLES["tcvn3"].items()}
    vni = {letter: code for code, letter in text._TABLES["vni"].items()}
    for letter, _folded in all_letters():
        if letter in "aeiouy":
            continue
        assert to_unicode(tcvn3[letter], "tcvn3") == letter
        # VNI writes í and ì as the Latin-1 letters themselves.
        assert to_unicode(vni.get(letter, letter), "vni") == letter
        assert to_unicode(vni.get(letter.upper(), letter.upper()), "vni") == letter.upper()
