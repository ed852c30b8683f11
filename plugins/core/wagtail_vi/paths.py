"""Where the compiled Vietnamese catalogues of the Wagtail apps live.

Run time reads only these paths (the startup check, the settings helper); merging and
checking the sources is build-time work (``scripts/wagtail_catalogue.py``, which needs
polib, a development package).
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent
# Python strings live in the app's own locale folder, so that the catalogues of apps listed
# before it (the plugins') still win for their own words; the JavaScript strings live in a
# folder of their own that settings add to LOCALE_PATHS, because Wagtail's JavaScript
# catalogue reads only wagtail.admin's folder and LOCALE_PATHS.
LOCALE = HERE / "locale" / "vi" / "LC_MESSAGES"
JS_LOCALE_PATH = HERE / "js_locale"
JS_LOCALE = JS_LOCALE_PATH / "vi" / "LC_MESSAGES"
# The compiled files a running site needs.
COMPILED = (LOCALE / "django.mo", JS_LOCALE / "djangojs.mo")
