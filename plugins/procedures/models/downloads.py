from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from plugins.core.page_cache import shared


class FormDownload(models.Model):
    """How many times a form template was downloaded from the public pages (R-PR-3)."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    count = models.PositiveBigIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("form download count")
        verbose_name_plural = _("form download counts")

    def __str__(self):
        return f"{self.document_id}: {self.count}"

    @classmethod
    def count_one(cls, document_id):
        """Add one download, safely under concurrent requests (an UPDATE, not read-modify-write)."""
        if not cls.objects.filter(document_id=document_id).update(count=F("count") + 1):
            cls.objects.get_or_create(document_id=document_id)
            cls.objects.filter(document_id=document_id).update(count=F("count") + 1)

    @classmethod
    def counts(cls, document_ids):
        """{document id: downloads}, read from the process's memory until the next download
        (:mod:`plugins.core.page_cache.shared`): a procedure's page shows them on every
        request."""
        ids = tuple(document_ids)
        return dict(shared.remember_value(None, ("form-downloads", ids), lambda: tuple(
            cls.objects.filter(document_id__in=ids).values_list("document_id", "count"))))
