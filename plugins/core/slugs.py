"""Page addresses in ASCII, as Vietnamese government sites write them: a page titled
"Thủ tục hành chính" lives at ``/thu-tuc-hanh-chinh/``, not ``/thủ-tục-hành-chính/``.

Sites set ``WAGTAIL_ALLOW_UNICODE_SLUGS = False`` (the settings helper does). Wagtail then
accepts only ASCII slugs, but its own transliteration knows no Vietnamese: in the browser it
drops ``đ`` ("Đăng ký" → "ang-ky"), and so does Django's ``slugify`` on the server. Here:

- :class:`VietnameseSlugInput`, the admin's slug widget for every ``SlugField``, folds each
  Vietnamese letter before Wagtail's own slug rules run (its ``formatters``);
- :class:`SlugFromTitle`, mixed into every page form, folds a slug typed with Vietnamese
  letters, and fills an empty one with core's :func:`plugins.core.text.slugify` of the
  title, unique among the page's siblings (for the editor whose browser ran no script).
"""

from django.conf import settings
from wagtail.admin.widgets import SlugInput

from plugins.core.text import slugify

# Each base letter and the Vietnamese letters that fold to it.
_LETTERS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "d": "đ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
}
FORMATTERS = [
    (f"[{letters}{letters.upper()}]", base) for base, letters in _LETTERS.items()
]


class VietnameseSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or FORMATTERS, locale=locale)


def use_vietnamese_slug_input():
    """Make :class:`VietnameseSlugInput` the admin widget of every ``SlugField``."""
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})


class SlugFromTitle:
    """Mixed into a Wagtail page form: the slug is ASCII, and an empty one is made from the
    title (when the site does not allow Unicode slugs)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields and self._ascii_only():
            self.fields["slug"].required = False

    @staticmethod
    def _ascii_only():
        return not getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)

    def clean(self):
        if "slug" in self.fields and self._ascii_only():
            slug, title = self.cleaned_data.get("slug"), self.cleaned_data.get("title")
            if slug:
                self.cleaned_data["slug"] = slugify(slug, max_length=255)
            elif title:
                self.cleaned_data["slug"] = self._free_slug(slugify(title, max_length=240))
        return super().clean()

    def _free_slug(self, base):
        parent = getattr(self, "parent_page", None)
        if not base or parent is None:
            return base
        siblings = parent.get_children()
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug
