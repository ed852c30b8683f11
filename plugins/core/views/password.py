"""The first-login password change (R-EO-1): the one-time password stops working."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.models import AccountSecurity
from plugins.core.signal_handlers import SESSION_MUST_CHANGE_PASSWORD


def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        AccountSecurity.objects.update_or_create(
            user=user,
            defaults={"must_change_password": False, "password_changed_at": timezone.now()},
        )
        request.session.pop(SESSION_MUST_CHANGE_PASSWORD, None)
        messages.success(request, _("Your password has been changed."))
        return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "core/admin/password_change.html",
        {
            "form": form,
            "must_change": request.session.get(SESSION_MUST_CHANGE_PASSWORD, False),
        },
    )
