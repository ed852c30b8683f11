"""The exchange's admin: each feature registers its own hooks."""

from plugins.eoffice.exchange.signing import wagtail_hooks as signing_hooks  # noqa: F401
