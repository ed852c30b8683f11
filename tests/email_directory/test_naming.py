"""Address naming schemes of seeds 001 (Lào Cai) and 004 (Gia Lai): R-EM-3, R-EM-4.

Every worked example of the seeds is a test; the seed line is quoted above it.
"""

import datetime

import pytest
from django.utils import translation

from plugins.email_directory.naming import (
    SCHEMES,
    GiaLaiScheme,
    LaoCaiScheme,
    NamingError,
    Scheme,
    Suggestion,
    birth_date_digits,
    get_scheme,
    register_scheme,
)


@pytest.fixture(autouse=True)
def english():
    """The English msgids (the site's default language may be Vietnamese)."""
    with translation.override("en"):
        yield


@pytest.fixture
def laocai():
    return get_scheme("laocai", suffix="skhdt")


@pytest.fixture
def gialai():
    return get_scheme("gialai")


# --- Lào Cai (seed 001 Đ3.4) ------------------------------------------------------------


def test_laocai_person_worked_example(laocai):
    """R-EM-3. Seed 001 line 97: "Hộp thư của cán bộ, công chức, viên chức:
    hodemten-skhdt@laocai.gov.vn; trong đó: hodem là viết tắt chữ cái đầu của họ và tên đệm;
    ten là viết đầy đủ không dấu tên" (the brief's example: Đặng Xuân Phong)."""
    suggestion = laocai.suggest("Đặng Xuân Phong", taken=set())
    assert suggestion == Suggestion(
        address="dxphong-skhdt@laocai.gov.vn",
        local_part="dxphong-skhdt",
        rule="initials of family and middle names + given name",
    )


def test_laocai_agency_mailbox_worked_example(laocai):
    """R-EM-4. Seed 001 line 95: "Hộp thư điện tử của cơ quan: contact-skhdt@laocai.gov.vn"."""
    assert laocai.unit_address() == "contact-skhdt@laocai.gov.vn"
    assert laocai.agency_address() == "contact-skhdt@laocai.gov.vn"
    assert laocai.unit_address("STTTT") == "contact-stttt@laocai.gov.vn"


def test_laocai_d_several_middle_names_whitespace_and_case(laocai):
    """R-EM-3: đ/Đ → d, every middle name gives its initial, spacing and case don't matter."""
    assert laocai.suggest("Đỗ Thị Ánh Đào", set()).local_part == "dtadao-skhdt"
    assert laocai.suggest("  nguyễn \t văn\n ĐỨC ", set()).local_part == "nvduc-skhdt"
    assert laocai.suggest("Tôn Nữ Thị Thu Hà", set()).local_part == "tnttha-skhdt"


def test_laocai_decomposed_input_gives_the_same_address(laocai):
    """R-EM-3: NFD input (as some keyboards type it) folds like NFC."""
    import unicodedata

    name = unicodedata.normalize("NFD", "Đặng Xuân Phong")
    assert laocai.suggest(name, set()).address == "dxphong-skhdt@laocai.gov.vn"


def test_laocai_single_word_name(laocai):
    """R-EM-3: a single word is the given name alone."""
    assert laocai.suggest("Hùng", set()).local_part == "hung-skhdt"


def test_laocai_collision_numbers_before_the_suffix(laocai):
    """R-EM-3: seed 001 gives no collision rule; 2, 3, … go before the suffix, said in rule."""
    taken = {"dxphong-skhdt@laocai.gov.vn"}
    second = laocai.suggest("Đặng Xuân Phong", taken)
    assert second.address == "dxphong2-skhdt@laocai.gov.vn"
    assert second.rule == "collision: number 2 added before the suffix"
    taken = {"DXPhong-skhdt@LaoCai.gov.vn", " dxphong2-SKHDT@laocai.gov.vn "}
    assert laocai.suggest("Đặng Xuân Phong", taken).local_part == "dxphong3-skhdt"


def test_laocai_person_never_gets_the_agency_mailbox(laocai):
    """R-EM-3/R-EM-4: a person called "Contact" does not get contact-skhdt."""
    assert laocai.suggest("Contact", set()).local_part == "contact2-skhdt"


def test_laocai_options(laocai):
    """R-EM-3: suffix is folded; domain can be changed; a missing suffix is explained."""
    scheme = get_scheme("LaoCai", suffix="SKHĐT", domain="@Mail.LaoCai.gov.vn")
    assert scheme.suggest("Đặng Xuân Phong", set()).address == "dxphong-skhdt@mail.laocai.gov.vn"
    with pytest.raises(NamingError, match="agency suffix"):
        get_scheme("laocai")
    with pytest.raises(NamingError, match="agency suffix"):
        get_scheme("laocai", suffix=" - ")
    with pytest.raises(NamingError, match="not a mail domain"):
        get_scheme("laocai", suffix="skhdt", domain="laocai")


# --- Gia Lai (seed 004 Đ6.1) ------------------------------------------------------------


def test_gialai_worked_example(gialai):
    """R-EM-3. Seed 004 line 131: "Tên tài khoản đăng nhập của Nguyễn Văn Minh là công chức thuộc
    Sở TT&TT sẽ có dạng: minhnv@gialai.gov.vn"."""
    suggestion = gialai.suggest("Nguyễn Văn Minh", set())
    assert suggestion.address == "minhnv@gialai.gov.vn"
    assert suggestion.local_part == "minhnv"
    assert suggestion.rule == "given name + initials of family and middle names"


def test_gialai_different_names_worked_example(gialai):
    """R-EM-3. Seed 004 line 135: "Tên tài khoản đăng nhập của Trương Hoàng Tiến Minh và Trần Huỳnh
    Tấn Minh ... sẽ có dạng như sau: tanminhth@gialai.gov.vn và tienminhth@gialai.gov.vn"."""
    # Both would be minhtht; whoever comes second has the adjacent middle name joined.
    assert gialai.suggest("Trương Hoàng Tiến Minh", set()).local_part == "minhtht"
    assert gialai.suggest("Trần Huỳnh Tấn Minh", set()).local_part == "minhtht"

    taken = {"minhtht@gialai.gov.vn": "Trần Huỳnh Tấn Minh"}
    tien = gialai.suggest("Trương Hoàng Tiến Minh", taken)
    assert tien.address == "tienminhth@gialai.gov.vn"
    assert tien.rule == "collision: adjacent middle name joined to the given name"

    taken = {"minhtht@gialai.gov.vn": "Trương Hoàng Tiến Minh"}
    assert gialai.suggest("Trần Huỳnh Tấn Minh", taken).address == "tanminhth@gialai.gov.vn"

    # Holders unknown (a plain set of addresses): the same rule applies.
    taken = {"minhtht@gialai.gov.vn"}
    assert gialai.suggest("Trần Huỳnh Tấn Minh", taken).address == "tanminhth@gialai.gov.vn"


def test_gialai_identical_names_worked_example(gialai):
    """R-EM-3. Seed 004 line 139: "02 công chức của Sở TT&TT trùng họ và tên là Trương Hoàng
    Tiến Minh (01 người sinh ngày 11/02/1973,01 người sinh ngày 15/8/1963) sẽ có dạng là:
    minhtht11021973@gialai.gov.vn và minhtht1581963@gialai.gov.vn"."""
    name = "Trương Hoàng Tiến Minh"
    holders = {"minhtht@gialai.gov.vn": name}
    first = gialai.suggest(name, holders, birth_date=datetime.date(1973, 2, 11))
    assert first.address == "minhtht11021973@gialai.gov.vn"
    assert first.rule == "collision: birth date appended"
    holders[first.address] = name
    second = gialai.suggest(name, holders, birth_date=datetime.date(1963, 8, 15))
    assert second.address == "minhtht1581963@gialai.gov.vn"
    # The dates typed as on the record give the same digits.
    assert gialai.suggest(name, {"minhtht@gialai.gov.vn": name}, "11/02/1973").local_part == (
        "minhtht11021973"
    )
    assert gialai.suggest(name, {"minhtht@gialai.gov.vn": name}, "15/8/1963").local_part == (
        "minhtht1581963"
    )


def test_gialai_same_adjacent_middle_name_worked_example(gialai):
    """R-EM-3. Seed 004 line 141: "Trần Huỳnh Tấn Minh và Trương Hoàng Tấn Minh (01 người sinh ngày
    11/02/1973,01 người sinh ngày 15/8/1963) sẽ có dạng như sau: minhtht11021973@gialai.gov.vn
    và minhtht1581963@gialai.gov.vn"."""
    holders = {"minhtht@gialai.gov.vn": "Trương Hoàng Tấn Minh"}
    tran = gialai.suggest("Trần Huỳnh Tấn Minh", holders, birth_date="11/02/1973")
    assert tran.address == "minhtht11021973@gialai.gov.vn"
    holders = {"minhtht@gialai.gov.vn": "Trần Huỳnh Tấn Minh"}
    truong = gialai.suggest("Trương Hoàng Tấn Minh", holders, birth_date="15/8/1963")
    assert truong.address == "minhtht1581963@gialai.gov.vn"


def test_gialai_joined_form_taken_falls_back_to_the_birth_date(gialai):
    """R-EM-3: holders unknown, base and joined forms taken → birth date appended to the base."""
    taken = {"minhtht@gialai.gov.vn", "tanminhth@gialai.gov.vn"}
    suggestion = gialai.suggest("Trương Hoàng Tấn Minh", taken, birth_date="15/8/1963")
    assert suggestion.local_part == "minhtht1581963"


def test_birth_date_digits_read_as_the_seed_writes_them():
    """R-EM-3, seed 004: 11/02/1973 → 11021973, 15/8/1963 → 1581963. No leading zeros unless
    the short digits could be read as another date (1121973: 11/2 or 1/12)."""
    assert birth_date_digits(datetime.date(1973, 2, 11)) == "11021973"
    assert birth_date_digits(datetime.date(1963, 8, 15)) == "1581963"
    assert birth_date_digits(datetime.date(1980, 3, 5)) == "531980"
    assert birth_date_digits(datetime.date(1973, 12, 1)) == "01121973"  # not 1/12 vs 11/2
    assert birth_date_digits(datetime.date(1990, 11, 11)) == "11111990"


def test_birth_date_digits_differ_for_every_date():
    """R-EM-3: two different birth dates never give the same digits (1900–2030, every day)."""
    day = datetime.date(1900, 1, 1)
    seen = {}
    while day.year <= 2030:
        digits = birth_date_digits(day)
        assert digits not in seen, (day, seen.get(digits))
        seen[digits] = day
        day += datetime.timedelta(days=1)


def test_gialai_d_several_middle_names_and_minority_names(gialai):
    """R-EM-3: đ/Đ → d, every middle initial, apostrophes dropped."""
    assert gialai.suggest("Đinh Thị Đào", set()).local_part == "daodt"
    assert gialai.suggest("Tôn Nữ Thị Thu Hà", set()).local_part == "hatntt"
    assert gialai.suggest("Ksor H'Bia", set()).local_part == "hbiak"
    assert gialai.suggest("Lê Minh", set()).local_part == "minhl"
    # The joined form with several middle names: thu + ha + t + n + t.
    taken = {"hatntt@gialai.gov.vn"}
    assert gialai.suggest("Tôn Nữ Thị Thu Hà", taken).local_part == "thuhatnt"
    # One middle name: van + minh + n.
    assert gialai.suggest("Nguyễn Văn Minh", {"minhnv@gialai.gov.vn"}).local_part == "vanminhn"


def test_gialai_single_word_name(gialai):
    """R-EM-3: a single word is the given name; no middle name to join, so a birth date next."""
    assert gialai.suggest("Minh", set()).address == "minh@gialai.gov.vn"
    dated = gialai.suggest("Minh", {"minh@gialai.gov.vn"}, birth_date="15/8/1963")
    assert dated.local_part == "minh1581963"
    # No middle name either: straight to the birth date.
    assert gialai.suggest("Lê Minh", {"minhl@gialai.gov.vn"}, "1963-08-15").local_part == (
        "minhl1581963"
    )


def test_gialai_unit_accounts_worked_example(gialai):
    """R-EM-4. Seed 004 line 127: "Tên tài khoản đăng nhập của phòng Văn hoá và Thông tin thuộc
    huyện Đăk Đoa sẽ có dạng: vhttdakdoa@gialai.gov.vn"."""
    assert gialai.unit_address("Đăk Đoa") == "vhttdakdoa@gialai.gov.vn"
    assert gialai.unit_address("huyện Đăk Đoa") == "vhttdakdoa@gialai.gov.vn"
    assert gialai.unit_address("Huyện  ĐĂK ĐOA") == "vhttdakdoa@gialai.gov.vn"
    assert gialai.unit_address("Phòng Văn hóa và Thông tin huyện Đăk Đoa") == (
        "vhttdakdoa@gialai.gov.vn"
    )
    assert gialai.unit_address("Thị xã An Khê") == "vhttankhe@gialai.gov.vn"
    assert gialai.unit_address("thành phố Pleiku") == "vhttpleiku@gialai.gov.vn"
    assert gialai.unit_address("TP. Pleiku") == "vhttpleiku@gialai.gov.vn"
    assert gialai.unit_address("Chư Păh") == "vhttchupah@gialai.gov.vn"
    assert gialai.unit_address("Đak Pơ") == "vhttdakpo@gialai.gov.vn"
    with pytest.raises(NamingError, match="district name is missing"):
        gialai.unit_address("huyện")


def test_never_a_taken_address(gialai, laocai):
    """R-EM-3: thirty people of the same name with distinct birth dates, one after another,
    into a growing taken set: every address is new, and all thirty differ."""
    start = datetime.date(1960, 1, 1)
    dates = [start + datetime.timedelta(days=37 * k) for k in range(29)]
    dates.insert(5, datetime.date(1973, 12, 1))  # 1/12/1973 ...
    dates.insert(9, datetime.date(1973, 2, 11))  # ... and 11/2/1973: "1121973" either way
    for scheme in (gialai, laocai):
        taken = set()
        for birth_date in dates[:30]:
            suggestion = scheme.suggest("Trương Hoàng Tiến Minh", taken, birth_date=birth_date)
            assert suggestion.address not in taken
            assert suggestion.address == suggestion.address.lower()
            taken.add(suggestion.address.upper())  # compared case-insensitively
        assert len(taken) == 30


def test_gialai_growing_mapping_of_holders(gialai):
    """R-EM-3: with holders known, the 2nd to 30th identical names all get birth dates."""
    holders = {}
    for k in range(30):
        birth_date = datetime.date(1970, 1, 1) + datetime.timedelta(days=101 * k)
        suggestion = gialai.suggest("Trương Hoàng Tiến Minh", holders, birth_date)
        assert suggestion.address not in holders
        holders[suggestion.address] = "Trương Hoàng Tiến Minh"
    assert "tienminhth@gialai.gov.vn" not in holders
    assert len(holders) == 30


# --- Errors and the registry --------------------------------------------------------------


def test_empty_and_unusable_names(gialai, laocai):
    """R-EM-3: the clerk is told what is wrong."""
    for scheme in (gialai, laocai):
        with pytest.raises(NamingError) as error:
            scheme.suggest("   ", set())
        assert str(error.value) == "Cannot make an address from “”: the name is empty."
        with pytest.raises(NamingError) as error:
            scheme.suggest(None, set())
        assert "the name is empty" in str(error.value)
        with pytest.raises(NamingError) as error:
            scheme.suggest("王 小明", set())
        assert str(error.value) == (
            "Cannot make an address from “王 小明”: "
            "the name has no letters that can be used in an address."
        )


def test_birth_date_needed_message(gialai):
    """R-EM-3: when the seed's rule needs the birth date and none is given, say so."""
    taken = {"minhnv@gialai.gov.vn": "Nguyễn Văn Minh"}
    with pytest.raises(NamingError) as error:
        gialai.suggest("Nguyễn  Văn Minh", taken)
    assert str(error.value) == (
        "Cannot make an address from “Nguyễn Văn Minh”: minhnv@gialai.gov.vn is already taken, "
        "and a birth date is needed to make a different address."
    )
    assert isinstance(error.value, ValueError)


def test_bad_birth_dates(gialai):
    """R-EM-3: impossible or implausible birth dates are refused with a clear message."""
    taken = {"minhnv@gialai.gov.vn": "Nguyễn Văn Minh"}
    with pytest.raises(NamingError, match="“31/02/1980” is not a birth date"):
        gialai.suggest("Nguyễn Văn Minh", taken, birth_date="31/02/1980")
    with pytest.raises(NamingError, match="not a birth date; write it as day/month/year"):
        gialai.suggest("Nguyễn Văn Minh", taken, birth_date="năm 1980")
    with pytest.raises(NamingError, match="not a plausible birth date"):
        gialai.suggest("Nguyễn Văn Minh", taken, birth_date=datetime.date(1850, 1, 1))
    dated = gialai.suggest("Nguyễn Văn Minh", taken, datetime.datetime(1980, 3, 5, 8, 30))
    assert dated.local_part == "minhnv531980"


def test_every_rule_exhausted(gialai, laocai):
    """R-EM-3: when even the dated address is taken, the clerk is told to choose by hand."""
    name = "Trương Hoàng Tiến Minh"
    taken = {"minhtht@gialai.gov.vn": name, "minhtht1581963@gialai.gov.vn": name}
    with pytest.raises(NamingError) as error:
        gialai.suggest(name, taken, birth_date="15/8/1963")
    message = str(error.value)
    assert message.startswith("Cannot make an address from “Trương Hoàng Tiến Minh”: ")
    assert "minhtht1581963@gialai.gov.vn is taken as well" in message

    taken = {"dxphong-skhdt@laocai.gov.vn"}
    taken |= {f"dxphong{n}-skhdt@laocai.gov.vn" for n in range(2, LaoCaiScheme.MAX_NUMBER + 1)}
    with pytest.raises(NamingError, match="every numbered variant is taken"):
        laocai.suggest("Đặng Xuân Phong", taken)


def test_unknown_scheme():
    """R-EM-3: an unknown scheme names the known ones."""
    with pytest.raises(NamingError) as error:
        get_scheme("hanoi")
    assert str(error.value) == (
        "Unknown address naming scheme “hanoi”. Known schemes: gialai, laocai."
    )
    assert isinstance(get_scheme(" GiaLai "), GiaLaiScheme)
    assert (
        get_scheme("gialai", domain="sotttt.gialai.gov.vn")
        .suggest("Nguyễn Văn Minh", set())
        .address
        == "minhnv@sotttt.gialai.gov.vn"
    )


def test_register_scheme_and_abstract_base(monkeypatch):
    """R-EM-3: other provinces' schemes can be registered; the base class is abstract."""
    monkeypatch.setattr("plugins.email_directory.naming.SCHEMES", dict(SCHEMES))
    from plugins.email_directory import naming

    @register_scheme("Initials")
    class InitialsScheme(Scheme):
        name = "initials"

        def __init__(self, domain="example.gov.vn"):
            super().__init__(domain)

        def suggest(self, full_name, taken, birth_date=None):
            return self._suggestion("x", "test")

    assert naming.SCHEMES["initials"] is InitialsScheme
    scheme = get_scheme("initials")
    assert scheme.suggest("A B", set()).address == "x@example.gov.vn"
    with pytest.raises(NamingError, match="defines no unit accounts"):
        scheme.unit_address("anything")
    with pytest.raises(ValueError, match="already registered"):
        register_scheme("laocai", InitialsScheme)
    register_scheme("laocai", InitialsScheme, replace=True)
    assert isinstance(get_scheme("laocai"), InitialsScheme)
    with pytest.raises(TypeError):
        register_scheme("bad", object)
    with pytest.raises(TypeError):
        Scheme("example.gov.vn")
    assert SCHEMES is not naming.SCHEMES  # the module's registry was patched, not this one
