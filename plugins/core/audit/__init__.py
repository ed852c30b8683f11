"""The system log (R-EO-19; seed 004 Đ3.4): logins, logouts, failed logins, permission and
configuration changes, kept per agency and shown to its IT administrators (R-SEC-2).

- :mod:`.recorder`: :func:`record` writes events (what plugins call for their own);
- :mod:`.signals`: what is recorded, from Django's, Wagtail's and django-axes' signals;
  :func:`watch_configuration` adds a plugin's configuration model;
- :mod:`.context`: the middleware that names who made a change;
- :mod:`.admin`: the list in *Settings → System log*, with CSV/XLSX/ODS export;
- :mod:`.retention`: the daily purge after ``PORTAL_AUDIT_RETENTION_DAYS``.
"""
