"""The directory as a spreadsheet (CSV, XLSX, ODS; seed 001 Đ3.2c, Đ7.2g: "search and export
the enterprise data"). The same columns as the import reads, Vietnamese headers, so that an
export edited in a spreadsheet imports back."""

import tablib
from django.utils.translation import gettext as _

from plugins.core.spreadsheets import sheet_title
from plugins.enterprises.columns import COLUMNS


def dataset(enterprises):
    data = tablib.Dataset(headers=[aliases[0] for aliases in COLUMNS.values()],
                          title=sheet_title(_("Enterprises")))
    for enterprise in enterprises:
        data.append([
            enterprise.name, enterprise.english_name, enterprise.short_name,
            enterprise.tax_code_display, enterprise.address,
            enterprise.zone.name if enterprise.zone_id else "",
            enterprise.industry.name if enterprise.industry_id else "",
            enterprise.legal_representative, enterprise.phone, enterprise.email,
            enterprise.website,
            enterprise.registered_on.strftime("%d/%m/%Y") if enterprise.registered_on else "",
            str(enterprise.status_label), enterprise.products,
        ])
    return data
