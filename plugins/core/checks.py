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
