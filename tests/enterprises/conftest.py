import datetime

import pytest

from plugins.enterprises.demo import tax_code
from plugins.enterprises.models import Enterprise, EnterpriseDirectoryPage, Industry, Zone

LIST = "/doanh-nghiep/"


@pytest.fixture
def agency(make_agency):
    return make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang", hostname="testserver",
                       own_home=True)


@pytest.fixture
def other_agency(make_agency):
    return make_agency("SKH", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai", hostname="skh.test",
                       own_home=True)


def make_directory(agency, slug="doanh-nghiep"):
    page = EnterpriseDirectoryPage(title="Doanh nghiệp", slug=slug, per_page=20)
    agency.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def directory(agency):
    return make_directory(agency)


@pytest.fixture
def zones(agency):
    return {"my_tho": Zone.objects.create(agency=agency, name="Khu công nghiệp Mỹ Tho"),
            "tan_huong": Zone.objects.create(agency=agency, name="Khu công nghiệp Tân Hương")}


@pytest.fixture
def industries(db):
    return {"garment": Industry.objects.create(name="Dệt may, da giày"),
            "food": Industry.objects.create(name="Chế biến nông sản, thực phẩm")}


_serial = iter(range(100, 1000))


def next_tax_code():
    while True:
        try:
            return tax_code(f"120200{next(_serial)}")
        except ValueError:
            continue


@pytest.fixture
def make_enterprise(agency, django_capture_on_commit_callbacks):
    def make(name, *, into=None, code=None, **fields):
        fields.setdefault("registered_on", datetime.date(2020, 1, 1))
        enterprise = Enterprise(agency=into or agency, name=name,
                                tax_code=code or next_tax_code(), **fields)
        enterprise.full_clean()
        with django_capture_on_commit_callbacks(execute=True):
            enterprise.save()
        return enterprise

    return make


@pytest.fixture
def listed(make_enterprise, zones, industries):
    return {
        "garment": make_enterprise(
            "Công ty TNHH May mặc Phương Nam Mỹ Tho", short_name="PHUONGNAM",
            english_name="Phuong Nam Garment Co., Ltd.", zone=zones["my_tho"],
            industry=industries["garment"], products="Áo sơ mi xuất khẩu",
            registered_on=datetime.date(2012, 3, 15), phone="0273 3851 201",
            email="lienhe@phuongnam.example.vn"),
        "seafood": make_enterprise(
            "Công ty Cổ phần Chế biến Thủy sản Tiền Giang", zone=zones["my_tho"],
            industry=industries["food"], products="Cá tra phi lê đông lạnh",
            registered_on=datetime.date(2009, 7, 1)),
        "footwear": make_enterprise(
            "Công ty TNHH Giày Da Tân Hương", zone=zones["tan_huong"],
            industry=industries["garment"], status="suspended",
            registered_on=datetime.date(2014, 5, 6)),
        "hidden": make_enterprise(
            "Công ty TNHH Thực phẩm Xanh Mỹ Tho", zone=zones["my_tho"],
            industry=industries["food"], is_published=False),
    }
