"""Keeping the site alive (R-SITE-8): a health endpoint for monitoring, the broken-link
report and the yearly review report of pages not changed in a year."""
