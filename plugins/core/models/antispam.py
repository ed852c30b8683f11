"""What the public forms' spam guards remember, in the database so that every worker of
every app server sees the same (R-SEC-2): each form token accepted once, and how many
submissions each address made in the current window."""

from django.db import models


class UsedFormToken(models.Model):
    nonce = models.CharField(max_length=32, primary_key=True)
    used_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.nonce


class RateCounter(models.Model):
    key = models.CharField(max_length=120)  # the form and a hash of the client's address
    window_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window_start"],
                                               name="core_ratecounter_once_per_window")]

    def __str__(self):
        return f"{self.key} @ {self.window_start:%Y-%m-%d %H:%M}: {self.count}"
