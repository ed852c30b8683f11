"""System checks: settings a site must get right for the plugins to keep their promises."""

from django.conf import settings
from django.core.checks import Warning, register

UPLOAD_FORM = "plugins.core.files.uploads.CheckedDocumentForm"


@register()
def document_uploads_are_checked(app_configs, **kwargs):
    """Uploads are checked by content only through core's document form, and only for the
    formats core can recognise."""
    from plugins.core.files.formats import FORMATS

    problems = []
    base = getattr(settings, "WAGTAILDOCS_DOCUMENT_FORM_BASE", "")
    if base != UPLOAD_FORM:
        problems.append(Warning(
            "Documents uploaded in the admin are not checked by their content.",
            hint=f'Set WAGTAILDOCS_DOCUMENT_FORM_BASE = "{UPLOAD_FORM}" (or a subclass).',
            id="core.W001",
        ))
    unknown = [ext for ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or ()
               if ext.lower() not in FORMATS]
    if unknown:
        problems.append(Warning(
            f"WAGTAILDOCS_EXTENSIONS lists {', '.join(unknown)}, which cannot be checked by "
            "content: uploads of these are refused.",
            hint=f"Keep to {', '.join(sorted(FORMATS))}.",
            id="core.W002",
        ))
    return problems


@register()
def page_addresses_are_ascii(app_configs, **kwargs):
    """Government sites' addresses are ASCII (``/van-ban/``); Wagtail's default is Unicode."""
    if getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
        return [Warning(
            "New pages get addresses with Vietnamese letters (/văn-bản/).",
            hint="Set WAGTAIL_ALLOW_UNICODE_SLUGS = False: core then folds titles to ASCII.",
            id="core.W003",
        )]
    return []


@register()
def backups_are_not_published(app_configs, **kwargs):
    """Backup archives hold every record of the site: never in a folder served to the web."""
    from pathlib import Path

    from plugins.core.backups.service import backup_dir

    folder = Path(backup_dir()).resolve()
    for setting in ("MEDIA_ROOT", "STATIC_ROOT"):
        served = getattr(settings, setting, None)
        if served and folder.is_relative_to(Path(served).resolve()):
            return [Warning(
                f"PORTAL_BACKUP_DIR ({folder}) is inside {setting}, which is served to the web.",
                hint="Put the backups in a folder of their own (default: var/backups).",
                id="core.W020",
            )]
    return []


# The blocks of `wagtail start`'s base.html that plugin pages fill: their page in ``content``,
# styles, feed links and JSON-LD in ``extra_css`` (in <head>), scripts in ``extra_js``.
PLUGIN_BLOCKS = ("content", "extra_css", "extra_js")


def _block_names(template_name, depth=0):
    """The names of the blocks ``template_name`` defines, with those of what it extends."""
    from django.template import loader
    from django.template.loader_tags import BlockNode, ExtendsNode

    template = loader.get_template(template_name).template
    names = {node.name for node in template.nodelist.get_nodes_by_type(BlockNode)}
    for node in template.nodelist.get_nodes_by_type(ExtendsNode):
        parent = node.parent_name.var
        if isinstance(parent, str) and depth < 10:
            names |= _block_names(parent, depth + 1)
    return names


@register(deploy=False)
def base_template_has_plugin_blocks(app_configs, **kwargs):
    """Plugin pages extend PORTAL_BASE_TEMPLATE: a block it lacks silently drops their
    styles, feeds or scripts, so say which."""
    from django.template import TemplateDoesNotExist, TemplateSyntaxError

    from plugins.core.context_processors import DEFAULT_BASE_TEMPLATE

    name = getattr(settings, "PORTAL_BASE_TEMPLATE", DEFAULT_BASE_TEMPLATE)
    try:
        missing = [block for block in PLUGIN_BLOCKS if block not in _block_names(name)]
    except (TemplateDoesNotExist, TemplateSyntaxError) as error:
        return [Warning(
            f"PORTAL_BASE_TEMPLATE {name!r}, which plugin pages extend, cannot be loaded: "
            f"{error}.",
            hint="Name the site's base layout, or core/base.html for core's minimal one.",
            id="core.W005",
        )]
    if not missing:
        return []
    return [Warning(
        f"The base template {name!r} has no block {', '.join(missing)}: plugin pages put their "
        "page in 'content', their styles, feed links and JSON-LD in 'extra_css' (inside "
        "<head>) and their scripts in 'extra_js' (before </body>), as in wagtail start's "
        "base.html.",
        hint="Add the missing {% block %} tags to the site's base layout.",
        id="core.W005",
    )]
