"""The admin form of a notice: its results (text or documents) only after the closing.

The model refuses a results text typed before the closing time (``NoticePage.clean``);
the result documents are inline rows, which the page's own ``clean`` does not see: this
form refuses them too, so that no result file becomes downloadable while bids are open.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class NoticePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        closing = cleaned.get("closing")
        formset = self.formsets.get("result_documents")
        if closing and timezone.now() < closing and formset is not None and formset.is_valid():
            kept = [form for form in formset.forms
                    if form.cleaned_data and not form.cleaned_data.get("DELETE")]
            if kept:
                self.add_error("closing", _(
                    "Result documents are published after the bid closing time: remove "
                    "them, or publish them once bids have closed."))
        return cleaned
