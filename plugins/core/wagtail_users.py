"""Wagtail's users app with the core's user screens (R-EO-1, R-SEC-2).

Install it in place of ``"wagtail.users"`` in INSTALLED_APPS::

    "plugins.core.wagtail_users.UsersAppConfig",

It is Wagtail's own app (same name and label, same migrations); only its user viewset is
the core's, which limits an IT administrator to the users of its own agencies
(:mod:`plugins.core.accounts.admin`). This module imports no model: Django reads it while
it is still loading the apps.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "plugins.core.accounts.admin.AgencyUserViewSet"
