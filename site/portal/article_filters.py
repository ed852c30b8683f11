"""The article list's filters: keyword, field, time range and author (R-SITE-2).

A form reads the GET parameters; a value that does not validate (an unknown field, an
impossible date) is dropped with a notice instead of failing the page.
"""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from plugins.core.text import fold
from portal.models.articles import Topic

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10


class ArticleFilterForm(forms.Form):
    q = forms.CharField(label=_("Keyword"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Subject area"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All fields"),
    )
    author = forms.CharField(label=_("Author"), required=False, max_length=150)
    date_from = forms.DateField(
        label=_("From date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ArticleFilter:
    def __init__(self, data, queryset):
        self.form = ArticleFilterForm(data)
        self.form.is_valid()
        self.notices = [
            _("“%(field)s” was ignored: %(error)s")
            % {"field": self.form.fields[name].label, "error": " ".join(errors)}
            for name, errors in self.form.errors.items()
        ]
        self.values = {k: v for k, v in self.form.cleaned_data.items() if v not in (None, "")}
        self.queryset = self._apply(queryset)

    @property
    def is_active(self):
        return bool(self.values)

    def _apply(self, queryset):
        values = self.values
        for term in fold(values.get("q", "")[:MAX_QUERY_LENGTH]).split()[:MAX_TERMS]:
            queryset = queryset.filter(search_text__contains=term)
        if "topic" in values:
            queryset = queryset.filter(topic=values["topic"])
        if "author" in values:
            queryset = queryset.filter(author_key__contains=fold(values["author"]).strip())
        if "date_from" in values:
            queryset = queryset.filter(date__gte=values["date_from"])
        if "date_to" in values:
            queryset = queryset.filter(date__lte=values["date_to"])
        return queryset

    def page(self, number, per_page):
        return Paginator(self.queryset, per_page).get_page(number)

    def querystring_without_page(self):
        data = self.form.data.copy()
        data.pop("page", None)
        return data.urlencode()
