"""Address naming schemes of seeds 001 and 004 (R-EM-3, R-EM-4), with their worked examples."""

import datetime
import random

import pytest

from plugins.email_directory.naming import NamingError, get_scheme


@pytest.fixture
def laocai():
    return get_scheme("laocai", suffix="skhdt")


@pytest.fixture
def gialai():
    return get_scheme("gialai")


def test_laocai_worked_example(laocai):
    """R-EM-3, seed 001 Đ3.4b: hodemten-skhdt@laocai.gov.vn (hodem = initials, ten in full)."""
    suggestion = laocai.suggest("Đặng Xuân Phong", taken=set())
    assert suggestion.address == "dxphong-skhdt@laocai.gov.vn"
    assert laocai.agency_address() == "contact-skhdt@laocai.gov.vn"  # seed 001 Đ3.4a


def test_laocai_names_with_several_middle_names_and_d(laocai):
    """R-EM-3: đ/Đ become d; every middle name gives its initial."""
    assert laocai.suggest("Đỗ Thị Ánh Đào", set()).local_part == "dtadao-skhdt"
    assert laocai.suggest("  nguyễn   văn  đức ", set()).local_part == "nvduc-skhdt"
    assert laocai.suggest("Hùng", set()).local_part == "hung-skhdt"


def test_laocai_collision_adds_a_number_and_says_so(laocai):
    taken = {"dxphong-skhdt@laocai.gov.vn", "DXPHONG2-skhdt@laocai.gov.vn"}
    suggestion = laocai.suggest("Đặng Xuân Phong", taken)
    assert suggestion.address == "dxphong3-skhdt@laocai.gov.vn"
    assert "3" in suggestion.rule


def test_gialai_worked_example(gialai):
    """R-EM-3, seed 004 Đ6.1: Nguyễn Văn Minh → minhnv@gialai.gov.vn."""
    assert gialai.suggest("Nguyễn Văn Minh", set()).address == "minhnv@gialai.gov.vn"


def test_gialai_different_names_same_address_use_the_adjacent_middle_name(gialai):
    """R-EM-3, seed 004: Trương Hoàng Tiến Minh and Trần Huỳnh Tấn Minh → tienminhth, tanminhth."""
    taken = {"minhtht@gialai.gov.vn": "Trần Huỳnh Tấn Minh"}
    suggestion = gialai.suggest("Trương Hoàng Tiến Minh", taken)
    assert suggestion.address == "tienminhth@gialai.gov.vn"
    taken = {"minhtht@gialai.gov.vn": "Trương Hoàng Tiến Minh"}
    assert gialai.suggest("Trần Huỳnh Tấn Minh", taken).address == "tanminhth@gialai.gov.vn"


def test_gialai_identical_names_take_the_birth_date_as_written(gialai):
    """R-EM-3, seed 004: two Trương Hoàng Tiến Minh born 11/02/1973 and 15/8/1963 →
    minhtht11021973 and minhtht1581963 (the date's digits as written on the record)."""
    holders = {"minhtht@gialai.gov.vn": "Trương Hoàng Tiến Minh"}
    first = gialai.suggest("Trương Hoàng Tiến Minh", holders, birth_date="11/02/1973")
    assert first.address == "minhtht11021973@gialai.gov.vn"
    holders[first.address] = "Trương Hoàng Tiến Minh"
    second = gialai.suggest("Trương Hoàng Tiến Minh", holders, birth_date="15/8/1963")
    assert second.address == "minhtht1581963@gialai.gov.vn"
    assert "birth" in second.rule or "ngày sinh" in second.rule


def test_gialai_same_adjacent_middle_name_takes_the_birth_date(gialai):
    """R-EM-3, seed 004: Trần Huỳnh Tấn Minh and Trương Hoàng Tấn Minh share "Tấn"."""
    holders = {"minhtht@gialai.gov.vn": "Trần Huỳnh Tấn Minh"}
    suggestion = gialai.suggest("Trương Hoàng Tấn Minh", holders, birth_date="15/8/1963")
    assert suggestion.address == "minhtht1581963@gialai.gov.vn"


def test_gialai_birth_date_needed_and_checked(gialai):
    taken = {"minhnv@gialai.gov.vn": "Nguyễn Văn Minh"}
    with pytest.raises(NamingError) as error:
        gialai.suggest("Nguyễn Văn Minh", taken)
    assert "Nguyễn Văn Minh" in str(error.value)
    with pytest.raises(NamingError):
        gialai.suggest("Nguyễn Văn Minh", taken, birth_date="31/02/1980")
    dated = gialai.suggest("Nguyễn Văn Minh", taken, birth_date=datetime.date(1980, 3, 5))
    assert dated.local_part == "minhnv05031980"


def test_gialai_names_with_d_single_word_and_no_middle_name(gialai):
    assert gialai.suggest("Đinh Thị Đào", set()).local_part == "daodt"
    assert gialai.suggest("Lê Minh", set()).local_part == "minhl"
    assert gialai.suggest("H'Hen", set()).local_part == "hhen"


def test_gialai_unit_accounts(gialai):
    """R-EM-4, seed 004 Đ6.1: vhttdakdoa@gialai.gov.vn for the office of huyện Đăk Đoa."""
    assert gialai.unit_address("Đăk Đoa") == "vhttdakdoa@gialai.gov.vn"
    assert gialai.unit_address("huyện Đăk Đoa") == "vhttdakdoa@gialai.gov.vn"
    assert gialai.unit_address("Thị xã An Khê") == "vhttankhe@gialai.gov.vn"


def test_never_a_taken_address(gialai, laocai):
    """Thirty people of the same name, one after another: all addresses differ."""
    rng = random.Random(4)
    for scheme in (gialai, laocai):
        holders = {}
        for _ in range(30):
            day = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randint(0, 15000))
            suggestion = scheme.suggest("Trương Hoàng Tiến Minh", holders, birth_date=day)
            assert suggestion.address not in holders
            holders[suggestion.address] = "Trương Hoàng Tiến Minh"
        assert len(holders) == 30


def test_clear_messages_for_what_cannot_be_done():
    with pytest.raises(NamingError) as error:
        get_scheme("hanoi")
    assert "gialai" in str(error.value) and "laocai" in str(error.value)
    with pytest.raises(NamingError):
        get_scheme("gialai").suggest("  ", set())
    with pytest.raises(NamingError):
        get_scheme("laocai", suffix="")
