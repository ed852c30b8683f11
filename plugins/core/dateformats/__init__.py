"""Date formats for FORMAT_MODULE_PATH: the admin's date fields write and read day first.

Wagtail's date pickers show WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT ("19/11/2026",
"19/11/2026 08:30", see ``plugins.core.settings.DEFAULTS``); the forms must read back what
they show, in every admin language, and never take 05/03/2026 for 3 May.
"""
