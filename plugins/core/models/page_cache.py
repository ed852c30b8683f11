"""What the anonymous page cache (:mod:`plugins.core.page_cache`) shares between processes."""

from django.db import models


class TableVersion(models.Model):
    """How many times a database table was written: a cached page is valid while every
    table it read still has the version it had when the page was made."""

    name = models.CharField(max_length=100, primary_key=True)
    version = models.BigIntegerField(default=0)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"{self.name}@{self.version}"


class FrontCachedUrl(models.Model):
    """A URL a front cache (proxy or CDN) may hold, with the tables its page read: when one
    of them is written, the URL is purged (only kept when ``WAGTAILFRONTENDCACHE`` is set)."""

    url = models.CharField(max_length=600, unique=True)
    tables = models.TextField()  # " table table … " (spaces around each name)
    stored_at = models.DateTimeField(auto_now=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.url
