"""Registry of demo-content loaders: the core and each plugin add their own.

A loader is a callable ``loader(context)`` that must be idempotent: running
``manage.py load_demo`` twice changes nothing the second time. ``context`` is a
:class:`DemoContext` that carries what earlier loaders made (the agency, its site's home
page, the staff accounts) and a ``log`` to report what was created.
"""

from dataclasses import dataclass, field
from pathlib import Path

from plugins.core.text import nfc

_loaders = {}
SEED_DIR = Path(__file__).resolve().parent / "demo_data"


def seed_text(number):
    """The text of seed regulation ``number`` (0-4), NFC: real content for every demo."""
    return nfc((SEED_DIR / f"seed_{number:03d}.txt").read_text(encoding="utf-8"))


@dataclass
class DemoContext:
    log: callable = print
    objects: dict = field(default_factory=dict)
    created: int = 0

    def note(self, created, what):
        if created:
            self.created += 1
            self.log(f"  + {what}")


def agency_home(agency, context):
    """The agency's home page, under which a plugin puts its demo: its site's root, or, when
    the site's root is the tree's own root (a site of the core and one plugin alone), a
    plain page made its root."""
    from wagtail.models import Page, Site

    # Read again: another plugin's demo may have given the site its home since the agency
    # was loaded.
    site = agency.site = Site.objects.select_related("root_page").get(pk=agency.site_id)
    if site.root_page.depth > 1:
        return site.root_page
    slug = f"trang-chu-{agency.symbol.lower()}"
    home = Page.objects.child_of(site.root_page).filter(slug=slug).first()
    if home is None:
        home = site.root_page.add_child(instance=Page(title=agency.name, slug=slug))
        context.note(True, f"home page of {agency.symbol}")
    site.root_page = home
    site.save()
    return home


def translate_page(page, locale, context, **fields):
    """The version of ``page`` in ``locale``, made as an editor makes it (Wagtail's copy
    for translation), filled with ``fields`` and published — once: an existing translation
    is returned as it is."""
    translation = page.get_translation_or_none(locale)
    if translation is not None:
        return translation
    translation = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    context.note(True, f"{locale.language_code} version of /{page.slug}/")
    return translation


def register(name, loader, order=100):
    """Register ``loader`` under ``name``; loaders run by ``order``, then name."""
    _loaders[name] = (order, loader)


def loaders():
    return [(name, loader) for name, (order, loader) in sorted(
        _loaders.items(), key=lambda item: (item[1][0], item[0])
    )]


def load_all(log=print):
    context = DemoContext(log=log)
    for name, loader in loaders():
        log(f"{name}:")
        loader(context)
    return context
