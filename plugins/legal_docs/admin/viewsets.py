"""Admin screens for the lists legal documents are classified by: national entries, kept
by superusers, and each agency's own, kept by its IT administrator."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from plugins.core.admin.shared_lists import SharedListViewSet
from plugins.legal_docs.models import DocumentType, IssuingBody, LegalField


class DocumentTypeViewSet(SharedListViewSet):
    name = "legal_docs_type"
    url_prefix = "van-ban/loai"
    model = DocumentType
    icon = "tag"
    menu_label = _("Document types")
    list_columns = ["name", "code", "is_normative", "sort_order"]
    form_fields = ["code", "name", "is_normative", "sort_order"]


class IssuingBodyViewSet(SharedListViewSet):
    name = "legal_docs_issuer"
    url_prefix = "van-ban/co-quan-ban-hanh"
    model = IssuingBody
    icon = "site"
    menu_label = _("Issuing bodies")
    list_columns = ["name", "abbreviation", "level"]
    list_filter = ["level"]
    search_fields = ["name", "abbreviation"]
    form_fields = ["name", "abbreviation", "level", "sort_order"]


class LegalFieldViewSet(SharedListViewSet):
    name = "legal_docs_field"
    url_prefix = "van-ban/linh-vuc"
    model = LegalField
    icon = "folder-open-inverse"
    menu_label = _("Subject areas")
    list_columns = ["name", "slug"]
    form_fields = ["name", "slug"]


class LegalDocsViewSetGroup(ViewSetGroup):
    menu_label = _("Legal documents")
    menu_icon = "doc-full"
    menu_order = 220
    items = (DocumentTypeViewSet, IssuingBodyViewSet, LegalFieldViewSet)
