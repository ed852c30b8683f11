"""Embedded defaults: SQLite, ORM task broker, database search. Needs no service."""

from settings.base import *  # noqa: F403
from settings.base import Q_CLUSTER, VAR_DIR

DEBUG = True
SECRET_KEY = "dev-only-not-secret-1b7c9f0e2a"  # noqa: S105
# ".localhost" is Django's form for localhost and every subdomain of it (the second demo
# agency answers at skh.localhost); "*.localhost" would match nothing.
ALLOWED_HOSTS = ["127.0.0.1", ".localhost", "[::1]"]
VAR_DIR.mkdir(parents=True, exist_ok=True)

# With the embedded defaults no worker is started: tasks run in the request that queues
# them. Production runs `manage.py qcluster` workers (README).
Q_CLUSTER = {**Q_CLUSTER, "sync": True}

# The demo site asks its leaders, IT administrators and superusers for a second factor as
# production does (README: how a demo user sets it up); False turns it off on a laptop.
PORTAL_TWO_FACTOR_REQUIRED = True
