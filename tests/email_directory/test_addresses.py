"""Addresses: suggested by the agency's scheme, never a taken one, never twice (R-EM-2,
R-EM-3, R-EM-4), and entries tied to core positions (R-ORG-2)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from plugins.core.models import Position
from plugins.core.search.engine import SearchRequest, search
from plugins.email_directory import addresses
from plugins.email_directory.addresses import assign_personal_mailbox
from plugins.email_directory.models import AddressPolicy, DirectoryEntry, Mailbox, MailboxKind
from plugins.email_directory.naming import NamingError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_new_entry_gets_the_schemes_address(bql, skh, units, make_person):
    """R-EM-3: Gia Lai scheme for BQL (given + initials), Lào Cai for SKH (suffix), đ → d."""
    assert make_person(bql, "Đặng Xuân Phong", units["office"]).email == \
        "phongdx@tiengiang.gov.vn"
    assert make_person(skh, "Đặng Xuân Phong", units["skh_office"]).email == \
        "dxphong-skhdt@laocai.gov.vn"
    assert make_person(bql, "Đỗ Thị Đào", units["office"]).email == "daodt@tiengiang.gov.vn"


def test_collisions_follow_seed_004_with_the_holders_known(bql, units, make_person):
    """R-EM-3: a different name gets the adjacent middle name; the same name the birth date."""
    import datetime

    make_person(bql, "Trương Hoàng Tiến Minh", units["office"])
    assert make_person(bql, "Trần Huỳnh Tấn Minh", units["office"]).email == \
        "tanminhth@tiengiang.gov.vn"
    same = make_person(bql, "Trương Hoàng Tiến Minh", units["office"], email=False,
                       birth_date=datetime.date(1973, 2, 11))
    mailbox, suggestion = assign_personal_mailbox(same)
    assert mailbox.address == "minhtht11021973@tiengiang.gov.vn"
    assert suggestion.rule == "collision: birth date appended"
    nameless_date = make_person(bql, "Trương Hoàng Tiến Minh", units["office"], email=False)
    with pytest.raises(NamingError, match="birth date is needed"):
        assign_personal_mailbox(nameless_date)


def test_taken_addresses_span_every_agency_of_the_domain(bql, skh, units, make_person,
                                                         make_shared):
    """R-EM-3: a provincial domain is shared: another agency's address (or alias) is taken."""
    skh_policy = AddressPolicy.objects.get(agency=skh)
    skh_policy.scheme, skh_policy.domain = "gialai", "tiengiang.gov.vn"
    skh_policy.save()
    make_person(skh, "Nguyễn Văn Minh", units["skh_office"])  # minhnv@tiengiang.gov.vn
    make_shared(skh, "vanphong.skh@tiengiang.gov.vn", units["skh_office"],
                aliases="minhnv2@tiengiang.gov.vn")
    taken = addresses.taken_addresses("tiengiang.gov.vn")
    assert {"minhnv@tiengiang.gov.vn", "minhnv2@tiengiang.gov.vn"} <= set(taken)
    assert taken["minhnv@tiengiang.gov.vn"] == "Nguyễn Văn Minh"
    other = make_person(bql, "Nguyễn Viết Minh", units["office"])
    assert other.email == "vietminhn@tiengiang.gov.vn"


def test_a_duplicate_address_is_refused(bql, skh, units, make_person, make_shared):
    """R-EM-2: the form check and the database both refuse an address given twice."""
    make_person(bql, "Nguyễn Văn Minh", units["office"])
    entry = make_person(skh, "Nguyễn Văn Minh", units["skh_office"], email=False)
    with pytest.raises(ValidationError, match="already in use"):
        assign_personal_mailbox(entry, "MinhNV@tiengiang.gov.vn")
    with pytest.raises(ValidationError, match="already in use"):
        make_shared(skh, "so@laocai.gov.vn", aliases="minhnv@tiengiang.gov.vn")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mailbox.objects.create(agency=skh, kind=MailboxKind.AGENCY,
                               address="minhnv@tiengiang.gov.vn")


def test_a_suggestion_lost_to_a_concurrent_clerk_is_made_again(bql, units, make_person,
                                                               monkeypatch):
    """R-EM-3: two clerks at once: the unique constraint decides, the loser gets the next."""
    entry = make_person(bql, "Nguyễn Văn Minh", units["office"], email=False)
    real_suggest = addresses.suggest
    calls = []

    def racing(agency, name, birth_date=None, also_taken=None):
        suggestion = real_suggest(agency, name, birth_date, also_taken)
        if not calls:  # another clerk saves the same address in between
            Mailbox.objects.create(agency=bql, kind=MailboxKind.AGENCY, address=suggestion.address)
        calls.append(suggestion.address)
        return suggestion

    monkeypatch.setattr(addresses, "suggest", racing)
    mailbox, _ = assign_personal_mailbox(entry)
    assert calls == ["minhnv@tiengiang.gov.vn", "vanminhn@tiengiang.gov.vn"]
    assert mailbox.address == "vanminhn@tiengiang.gov.vn"


def test_without_a_policy_no_address_is_invented(bql, units, make_person):
    AddressPolicy.objects.filter(agency=bql).delete()
    entry = make_person(bql, "Nguyễn Văn Minh", units["office"], email=False)
    with pytest.raises(NamingError, match="no address naming policy"):
        assign_personal_mailbox(entry)


def test_policy_options_are_checked(bql):
    """R-EM-3: the Lào Cai scheme needs its suffix; the domain must be a domain."""
    policy = AddressPolicy.objects.get(agency=bql)
    policy.scheme, policy.suffix = "laocai", ""
    with pytest.raises(ValidationError) as error:
        policy.full_clean()
    assert "suffix" in error.value.message_dict
    policy.scheme, policy.domain = "gialai", "not a domain"
    with pytest.raises(ValidationError) as error:
        policy.full_clean()
    assert "domain" in error.value.message_dict


def test_changing_an_address_keeps_the_old_one_as_alias(bql, units, make_person):
    entry = make_person(bql, "Nguyễn Văn Minh", units["office"])
    mailbox, _ = assign_personal_mailbox(entry, "minh.nguyen@tiengiang.gov.vn")
    assert mailbox.address == "minh.nguyen@tiengiang.gov.vn"
    assert mailbox.alias_list == ["minhnv@tiengiang.gov.vn"]
    newcomer = make_person(bql, "Nguyễn Văn Minh", units["office"], email=False,
                           birth_date=__import__("datetime").date(1990, 3, 4))
    assert assign_personal_mailbox(newcomer)[0].address == "minhnv431990@tiengiang.gov.vn"


def test_a_deleted_person_leaves_a_closed_mailbox_whose_address_stays_taken(bql, units,
                                                                            make_person):
    """R-EM-2: addresses are never given to someone else."""
    entry = make_person(bql, "Nguyễn Văn Minh", units["office"])
    entry.delete()
    mailbox = Mailbox.objects.get(address="minhnv@tiengiang.gov.vn")
    assert not mailbox.is_active and mailbox.person is None
    assert mailbox.display_name == "Nguyễn Văn Minh"
    newcomer = make_person(bql, "Nguyễn Viết Minh", units["office"])
    assert newcomer.email == "vietminhn@tiengiang.gov.vn"


def test_entry_tied_to_a_position_shows_cores_changes_everywhere(bql, units, make_staff):
    """R-ORG-2: title, unit and name come from core; a change shows at once, in search too."""
    user = make_staff("truongphong", bql, unit=units["office"], title="Chuyên viên")
    position = Position.objects.get(user=user)
    entry = DirectoryEntry(agency=bql, position=position, full_name="ignored", title="ignored")
    entry.full_clean()
    entry.save()
    assign_personal_mailbox(entry)
    assert (entry.full_name, entry.title) == ("", "")
    position.title, position.unit = "Trưởng phòng", units["investment"]
    position.phone = "0273 3871 571"
    position.save()
    user.first_name, user.last_name = "Bùi Quốc", "Việt"
    user.save()
    entry = DirectoryEntry.objects.with_related().get(pk=entry.pk)
    assert (entry.name, entry.job_title, entry.resolved_unit) == (
        "Bùi Quốc Việt", "Trưởng phòng", units["investment"])
    assert entry.office_phone == "0273 3871 571"
    found = search(SearchRequest(model=DirectoryEntry, query="bui quoc viet truong phong",
                                 agency_id=bql.pk)).object_ids
    assert found == [entry.pk]
    by_unit = search(SearchRequest(model=DirectoryEntry, query="viet",
                                   filters={"unit": [str(units["leadership"].pk)]},
                                   agency_id=bql.pk)).object_ids
    assert by_unit == [entry.pk]


def test_core_email_fields_mirror_the_directory(bql, units, make_staff, make_shared):
    """R-ORG-2: the agency's, a unit's and a position's email show the directory's address."""
    user = make_staff("chuyenvien", bql, unit=units["office"])
    entry = DirectoryEntry.objects.create(agency=bql, position=Position.objects.get(user=user))
    assign_personal_mailbox(entry)
    assert Position.objects.get(user=user).email == entry.mailbox.address
    make_shared(bql, "bqlkcn@tiengiang.gov.vn")
    box = make_shared(bql, "vp.bqlkcn@tiengiang.gov.vn", units["office"])
    bql.refresh_from_db()
    units["office"].refresh_from_db()
    assert bql.email == "bqlkcn@tiengiang.gov.vn"
    assert units["office"].email == "vp.bqlkcn@tiengiang.gov.vn"
    box.is_active = False
    box.save()
    units["office"].refresh_from_db()
    assert units["office"].email == ""


def test_a_removed_position_leaves_the_entry_with_its_last_values(bql, units, make_staff):
    user = make_staff("nghihuu", bql, unit=units["office"], title="Phó Chánh Văn phòng",
                      is_leader=True)
    entry = DirectoryEntry.objects.create(agency=bql, position=Position.objects.get(user=user))
    Position.objects.filter(user=user).delete()
    entry.refresh_from_db()
    assert entry.position is None
    assert (entry.full_name, entry.title, entry.unit, entry.is_leader) == (
        user.get_full_name(), "Phó Chánh Văn phòng", units["office"], True)


def test_one_entry_per_person_and_same_agency_only(bql, skh, units, make_staff):
    user = make_staff("kiemnhiem", bql, unit=units["office"])
    position = Position.objects.get(user=user)
    DirectoryEntry.objects.create(agency=bql, position=position)
    second = Position.objects.create(user=user, unit=units["investment"], title="Tổ trưởng")
    with pytest.raises(ValidationError, match="already in the directory"):
        DirectoryEntry(agency=bql, position=second).full_clean()
    with pytest.raises(ValidationError, match="another agency"):
        DirectoryEntry(agency=skh, full_name="Lý Thị Mai", unit=units["office"]).full_clean()
    assert get_user_model().objects.filter(username="kiemnhiem").exists()


def test_shared_mailboxes_named_by_the_scheme(skh, make_agency, make_shared):
    """R-EM-4: the Lào Cai agency mailbox contact-<suffix>; Gia Lai's vhtt<district> for a
    district office; any other unit's address is typed."""
    from plugins.core.models import Unit

    assert make_shared(skh, "").address == "contact-skhdt@laocai.gov.vn"
    sttt = make_agency("STTTT", "Sở Thông tin và Truyền thông tỉnh Gia Lai")
    AddressPolicy.objects.create(agency=sttt, scheme="gialai", domain="gialai.gov.vn")
    district = Unit.objects.create(agency=sttt, name="Phòng Văn hóa và Thông tin huyện Đăk Đoa")
    assert make_shared(sttt, "", district).address == "vhttdakdoa@gialai.gov.vn"
    office = Unit.objects.create(agency=sttt, name="Văn phòng Sở")
    with pytest.raises(ValidationError, match="does not name this mailbox"):
        make_shared(sttt, "", office)
    with pytest.raises(ValidationError, match="does not name this mailbox"):
        make_shared(sttt, "")  # the Gia Lai scheme names no agency mailbox
