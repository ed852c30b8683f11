"""plugins.core.settings.install adds the plugins to a `wagtail start` site's settings, and
the core's checks say what a site's layout or catalogue lacks (issue 15)."""

import copy
from datetime import timedelta

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from plugins.core import settings as plugin_settings
from plugins.core.checks import base_template_has_plugin_blocks
from plugins.core.wagtail_vi.apps import check_settings
from plugins.core.wagtail_vi.paths import JS_LOCALE_PATH

# What `wagtail start mysite` writes in mysite/settings/base.py (Wagtail 8).
STOCK = {
    "INSTALLED_APPS": [
        "home", "search", "wagtail.contrib.forms", "wagtail.contrib.redirects",
        "wagtail.embeds", "wagtail.sites", "wagtail.users", "wagtail.snippets",
        "wagtail.documents", "wagtail.images", "wagtail.search", "wagtail.admin", "wagtail",
        "modelcluster", "taggit", "django_filters", "django.contrib.admin",
        "django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions",
        "django.contrib.messages", "django.contrib.staticfiles",
    ],
    "MIDDLEWARE": [
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    ],
    "TEMPLATES": [{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [], "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }],
    "LANGUAGE_CODE": "en-us",
    "TIME_ZONE": "UTC",
    "WAGTAIL_SITE_NAME": "mysite",
}


def installed(**kwargs):
    site = copy.deepcopy(STOCK)
    plugin_settings.install(site, **kwargs)
    return site


def test_one_plugin_goes_before_wagtail_with_the_translation_and_the_user_screens():
    apps = installed(plugins=["legal_docs"])["INSTALLED_APPS"]
    assert apps[:5] == ["home", "search", "plugins.core", "plugins.legal_docs",
                        "plugins.core.wagtail_vi"]
    assert apps.index("plugins.core.wagtail_vi") < apps.index("wagtail.admin")
    assert "wagtail.users" not in apps
    assert "plugins.core.wagtail_users.UsersAppConfig" in apps
    for needed in ("wagtail.contrib.settings", "wagtail.contrib.routable_page",
                   "wagtail.contrib.sitemaps", "wagtail.api.v2", "rest_framework",
                   "simple_history", "django_q", "django_tasks", "django_otp", "axes"):
        assert apps.count(needed) == 1, needed
    assert "plugins.procedures" not in apps
    assert len(apps) == len(set(apps))


def test_all_plugins_in_the_package_order_and_plugin_names_in_either_form():
    apps = installed(plugins="all")["INSTALLED_APPS"]
    assert [a for a in apps if a.startswith("plugins.") and a.count(".") == 1] == [
        "plugins.core", "plugins.email_directory", "plugins.legal_docs", "plugins.procedures",
        "plugins.editorial_board", "plugins.site_health", "plugins.events", "plugins.stats_pages",
        "plugins.investment", "plugins.enterprises", "plugins.public_consultation"]
    assert installed(plugins=["plugins.procedures"])["INSTALLED_APPS"][3] == "plugins.procedures"


def test_an_unknown_plugin_is_refused_by_name():
    with pytest.raises(ValueError, match="legal_doc"):
        plugin_settings.install(copy.deepcopy(STOCK), plugins=["legal_doc"])


def test_middleware_two_factor_after_authentication_and_axes_last():
    middleware = installed(plugins=["legal_docs"])["MIDDLEWARE"]
    auth = middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    assert middleware[auth + 1] == "django_otp.middleware.OTPMiddleware"
    assert middleware[-1] == "axes.middleware.AxesMiddleware"
    for name in plugin_settings.PLUGIN_MIDDLEWARE:
        assert middleware.count(name) == 1


def test_installing_twice_changes_nothing():
    once = installed(plugins=["legal_docs"])
    twice = copy.deepcopy(once)
    plugin_settings.install(twice, plugins=["legal_docs"])
    assert twice == once


def test_vietnamese_defaults_and_the_sites_own_values_are_kept():
    site = installed(plugins=["legal_docs"])
    assert (site["LANGUAGE_CODE"], site["TIME_ZONE"]) == ("vi", "Asia/Ho_Chi_Minh")
    assert site["LOCALE_PATHS"] == [JS_LOCALE_PATH]
    assert site["AUTHENTICATION_BACKENDS"][0] == plugin_settings.LOGIN_THROTTLE_BACKEND
    assert site["Q_CLUSTER"]["orm"] == "default"
    assert site["TASKS"]["default"]["BACKEND"].startswith("django_tasks.")
    assert site["AXES_COOLOFF_TIME"] == timedelta(minutes=15)
    assert site["OTP_TOTP_ISSUER"] == "mysite"
    assert site["PORTAL_BASE_TEMPLATE"] == "base.html"
    processors = site["TEMPLATES"][0]["OPTIONS"]["context_processors"]
    assert processors[-1] == "plugins.core.context_processors.layout"

    own = copy.deepcopy(STOCK) | {"PORTAL_TWO_FACTOR_REQUIRED": False, "Q_CLUSTER": {"x": 1}}
    plugin_settings.install(own, plugins=["legal_docs"], language_code=None, time_zone=None)
    assert (own["LANGUAGE_CODE"], own["TIME_ZONE"]) == ("en-us", "UTC")
    assert own["PORTAL_TWO_FACTOR_REQUIRED"] is False and own["Q_CLUSTER"] == {"x": 1}
    assert STOCK["TEMPLATES"][0]["OPTIONS"]["context_processors"] == [
        "django.template.context_processors.request"]  # the site's lists are not mutated


def test_document_formats_core_cannot_check_are_left_out():
    """wagtail start lists csv, key, pptx, rtf and txt, whose uploads core would refuse."""
    site = copy.deepcopy(STOCK) | {"WAGTAILDOCS_EXTENSIONS": [
        "csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]}
    plugin_settings.install(site, plugins=["legal_docs"])
    assert site["WAGTAILDOCS_EXTENSIONS"] == ["docx", "odt", "pdf", "xlsx", "zip"]
    assert installed()["WAGTAILDOCS_EXTENSIONS"] == list(plugin_settings.DOCUMENT_EXTENSIONS)


def _with_layout(source):
    """Settings whose PORTAL_BASE_TEMPLATE is ``source`` (a locmem template)."""
    return override_settings(
        PORTAL_BASE_TEMPLATE="layout.html",
        TEMPLATES=[{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [
                ("django.template.loaders.locmem.Loader", {"layout.html": source}),
            ]},
        }],
    )


def test_the_stock_layout_has_every_block_plugin_pages_fill():
    stock = ("<html><head>{% block extra_css %}{% endblock %}</head><body class=\"{% block "
             "body_class %}{% endblock %}\">{% block content %}{% endblock %}"
             "{% block extra_js %}{% endblock %}</body></html>")
    with _with_layout(stock):
        assert base_template_has_plugin_blocks(None) == []


def test_a_layout_without_the_blocks_is_named_at_startup():
    with _with_layout("<head>{% block extra_head %}{% endblock %}</head>"
                      "{% block content %}{% endblock %}"):
        [warning] = base_template_has_plugin_blocks(None)
    assert warning.id == "core.W005"
    assert "extra_css, extra_js" in warning.msg


def test_the_reference_sites_layout_passes_every_check():
    assert base_template_has_plugin_blocks(None) == []
    assert [m.id for m in run_checks() if m.id.startswith(("core", "core_wagtail_vi"))] == []


def test_a_missing_compiled_catalogue_is_an_error(monkeypatch, tmp_path):
    """core_wagtail_vi.E001: a wheel without the catalogue would show the admin in English."""
    monkeypatch.setattr("plugins.core.wagtail_vi.paths.COMPILED", (tmp_path / "djangojs.mo",))
    errors = [p for p in check_settings() if p.id == "core_wagtail_vi.E001"]
    assert len(errors) == 1 and "djangojs.mo" in errors[0].msg
