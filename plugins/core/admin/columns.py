"""Listing columns the plugins' admin screens share."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.ui.tables import Column


class CalendarDateColumn(Column):
    """A date shown as a date, 19/11/2026 — not as Wagtail's ``DateColumn`` does, relative to
    now ("3 weeks ago"), which for a calendar date (an issue date, a deadline next month) is
    wrong ("0 minutes ago")."""

    date_format = "d/m/Y"

    def get_value(self, instance):
        value = super().get_value(instance)
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value) if timezone.is_aware(value) else value
        if isinstance(value, datetime.date):
            return date_format(value, self.date_format)
        return value
