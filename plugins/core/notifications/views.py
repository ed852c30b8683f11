"""The admin screens of a person's own notifications: the list, opening one, marking all
read, and their settings. Everything goes through ``Notification.objects.for_user``:
nobody sees, opens or marks another person's notifications."""

import re
from collections import OrderedDict

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from plugins.core.notifications import service
from plugins.core.notifications.registry import kinds

PER_PAGE = 25


def index(request):
    from plugins.core.models import Notification

    notifications = Notification.objects.for_user(request.user).only(
        "pk", "kind", "subject", "body", "url", "created_at", "read_at")
    unread_only = request.GET.get("unread") == "1"
    if unread_only:
        notifications = notifications.unread()
    page = Paginator(notifications.order_by("-created_at", "-pk"), PER_PAGE).get_page(
        request.GET.get("p"))
    return TemplateResponse(request, "core/notifications/index.html", {
        "page_obj": page, "notifications": page.object_list, "unread_only": unread_only,
        "unread_count": service.unread_count(request.user),
    })


def safe_url(url):
    """``url`` if it is a link inside this site (a path), else ``None``: a notification
    never sends anyone elsewhere (no open redirect)."""
    url = (url or "").strip()
    if not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=set()):
        return None
    return url


def open_notification(request, pk):
    """Mark the notification read and go where it leads (its list when it leads nowhere
    safe). Another person's notification is not found."""
    notification = service.mark_read(request.user, pk)
    if notification is None:
        raise Http404
    return redirect(safe_url(notification.url) or reverse("core_notifications"))


@require_POST
def mark_all_read(request):
    count = service.mark_all_read(request.user)
    if count:
        messages.success(request, _("All your notifications are marked as read."))
    return redirect("core_notifications")


PHONE = re.compile(r"^\+?[0-9]{8,15}$")


class SettingsForm(forms.Form):
    phone = forms.CharField(
        label=gettext_lazy("Mobile phone for SMS"), max_length=20, required=False,
        help_text=gettext_lazy("Only used to send you the notifications you chose to get "
                               "by SMS."))

    def __init__(self, *args, settings_row, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds()
        self.fields["phone"].initial = settings_row.phone
        for kind in self.kinds:
            for channel in ("email", "sms"):
                self.fields[f"{channel}:{kind.name}"] = forms.BooleanField(
                    required=False, initial=settings_row.wants(kind, channel))

    def clean_phone(self):
        phone = re.sub(r"[\s.\-()]", "", self.cleaned_data["phone"])
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Enter a mobile phone number, digits only, "
                                          "for example 0912345678."))
        return phone

    def groups(self):
        """[(group, [(kind, email field, sms field)])] for the template."""
        grouped = OrderedDict()
        for kind in self.kinds:
            grouped.setdefault(str(kind.group), []).append(
                (kind, self[f"email:{kind.name}"], self[f"sms:{kind.name}"]))
        return list(grouped.items())

    def clean(self):
        cleaned = super().clean()
        wants_sms = any(cleaned.get(f"sms:{kind.name}") for kind in self.kinds)
        if wants_sms and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error("phone", _("Give a mobile phone number to get SMS."))
        return cleaned

    def choices(self):
        return {kind.name: {channel: bool(self.cleaned_data.get(f"{channel}:{kind.name}"))
                            for channel in ("email", "sms")}
                for kind in self.kinds}


@require_http_methods(["GET", "POST"])
def settings_view(request):
    from plugins.core.models import NotificationSettings

    row = (NotificationSettings.objects.filter(user=request.user).first()
           or NotificationSettings(user=request.user))
    form = SettingsForm(request.POST if request.method == "POST" else None, settings_row=row)
    if request.method == "POST" and form.is_valid():
        row.phone = form.cleaned_data["phone"]
        row.choices = {**(row.choices or {}), **form.choices()}
        row.save()
        messages.success(request, _("Your notification settings are saved."))
        return redirect("core_notification_settings")
    return TemplateResponse(request, "core/notifications/settings.html", {"form": form})
