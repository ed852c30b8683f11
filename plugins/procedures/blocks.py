"""The nested parts of a procedure, shaped as in the national database's record.

Steps per case (TRINHTUTHUCHIEN), submission channels with their processing times and
fees (CACHTHUCTHUCHIEN), the dossier per case (THANHPHANHOSO) with the form templates to
download (R-PR-3), and the results (KETQUATHUCHIEN).
"""

import copy
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from plugins.core.page_cache import shared
from plugins.procedures.choices import Channel, TimeUnit


class StepCaseBlock(blocks.StructBlock):
    case = blocks.CharBlock(label=_("Case"), required=False, max_length=500,
                            help_text=_("Leave empty when the procedure has a single case."))
    steps = blocks.ListBlock(blocks.TextBlock(label=_("Step")), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Steps of a case")
        label_format = "{case}"


# The largest numbers the blocks keep (FeeBlock.amount: 15 digits; TimeBlock.value: 8 digits
# with 2 decimals). A larger one is refused on import and by the page's clean().
MAX_AMOUNT = Decimal(10) ** 15 - 1
MAX_DURATION = Decimal("999999.99")


class FeeBlock(blocks.StructBlock):
    amount = blocks.DecimalBlock(label=_("Amount"), required=False, min_value=0,
                                 decimal_places=0, max_digits=15,
                                 help_text=_("0 for free of charge; empty when not fixed."))
    unit = blocks.CharBlock(label=_("Currency unit"), required=False, default="Đồng",
                            max_length=50)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        label = _("Fee")
        label_format = "{amount} {unit}"


class TimeBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label=_("Processing time"), required=False, min_value=0,
                                max_digits=8, decimal_places=2)
    unit = blocks.ChoiceBlock(label=_("Counted in"), choices=TimeUnit.choices,
                              default=TimeUnit.WORKING_DAYS)
    description = blocks.TextBlock(label=_("Description"), required=False)
    fees = blocks.ListBlock(FeeBlock(), label=_("Fees and charges"), default=[])

    class Meta:
        label = _("Processing time and fees")
        label_format = "{value} {unit}"


class ChannelBlock(blocks.StructBlock):
    channel = blocks.ChoiceBlock(label=_("Submission channel"), choices=Channel.choices,
                                 default=Channel.IN_PERSON)
    times = blocks.ListBlock(TimeBlock(), label=_("Processing times and fees"))

    class Meta:
        icon = "mail"
        label = _("Submission channel")
        label_format = "{channel}"


class FormFileBlock(DocumentChooserBlock):
    """A form template file. A procedure's page shows its forms on every request: their
    rows are read from the process's memory while no document changes
    (:mod:`plugins.core.page_cache.shared`), not by a query each time."""

    def bulk_to_python(self, values):
        ids = tuple(dict.fromkeys(value for value in values if value is not None))
        kept = {document.pk: document for document in shared.remember_rows(
            None, ("form-files", ids), lambda: self.model_class.objects.filter(pk__in=ids))}
        result, seen = [], set()
        for value in values:
            document = kept.get(value)
            # a file offered twice gets two objects, as Wagtail's own chooser gives
            result.append(copy.copy(document) if value in seen else document)
            seen.add(value)
        return result


class PaperBlock(blocks.StructBlock):
    code = blocks.CharBlock(label=_("Paper code"), required=False, max_length=50)
    name = blocks.TextBlock(label=_("Paper"))
    originals = blocks.IntegerBlock(label=_("Originals"), min_value=0, default=1)
    copies = blocks.IntegerBlock(label=_("Copies"), min_value=0, default=0)
    form_name = blocks.CharBlock(label=_("Form template name"), required=False,
                                 max_length=255, help_text=_("For example Mẫu A.I.1."))
    forms = blocks.ListBlock(
        FormFileBlock(label=_("Form template file")), label=_("Form template files"),
        default=[],
        help_text=_("DOCX, ODT, PDF, XLSX or ODS; give the ODT version too where you can."),
    )
    form_url = blocks.URLBlock(label=_("Form on the national portal"), required=False)

    class Meta:
        label = _("Paper")
        label_format = "{name}"

    def clean(self, value):
        value = super().clean(value)
        from plugins.procedures.files import check_form_file

        problems = []
        for document in value.get("forms") or []:
            if document is None:
                continue
            try:
                check_form_file(document.file, document.filename)
            except ValidationError as error:
                problems.extend(error.messages)
        if problems:
            raise StructBlockValidationError(non_block_errors=ErrorList(problems))
        return value


class DossierCaseBlock(blocks.StructBlock):
    case = blocks.CharBlock(label=_("Case"), required=False, max_length=500,
                            help_text=_("Leave empty when the procedure has a single case."))
    papers = blocks.ListBlock(PaperBlock(), label=_("Papers"), collapsed=True)

    class Meta:
        icon = "doc-full"
        label = _("Dossier of a case")
        label_format = "{case}"


class ResultBlock(blocks.StructBlock):
    code = blocks.CharBlock(label=_("Result code"), required=False, max_length=50)
    name = blocks.TextBlock(label=_("Result"))

    class Meta:
        icon = "tick"
        label = _("Result")
        label_format = "{name}"
