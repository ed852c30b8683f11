"""A user's second factor: one authenticator app (TOTP) and ten recovery codes.

Built on django-otp's devices: a ``TOTPDevice`` for the app (throttled after wrong
codes), a ``StaticDevice`` whose tokens are the recovery codes, each used once.
"""

from base64 import b32encode

import segno
from django.db import transaction
from django.utils import timezone
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "authenticator"
PENDING_DEVICE_NAME = "authenticator (not confirmed)"
RECOVERY_DEVICE_NAME = "recovery codes"


def app_device(user):
    """The user's confirmed authenticator, or ``None``."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_device(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def is_enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def has_any_device(user):
    """Whether the user can give a second factor (an app or recovery codes)."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or StaticToken.objects.filter(device__user=user, device__confirmed=True).exists()
    )


def pending_device(user):
    """The authenticator being set up (made on first call; kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=PENDING_DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device):
    """The device's ``otpauth://`` address as an inline SVG QR code."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2)


def secret_text(device):
    """The secret key for typing into an app by hand, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def normalise(code):
    return "".join(str(code or "").split()).replace("-", "").lower()


@transaction.atomic
def confirm(device, code):
    """Confirm a pending authenticator with one of its codes; it replaces any other."""
    if not device.verify_token(normalise(code)):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.name = APP_DEVICE_NAME
    device.save(update_fields=["confirmed", "name"])
    return True


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with ten new ones; return them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(user, code):
    """The device that accepts ``code`` (an app code, or a recovery code, used up), or
    ``None``. Wrong codes count towards django-otp's throttling of the app."""
    code = normalise(code)
    if not code:
        return None
    device = app_device(user) if code.isdigit() and len(code) == 6 else recovery_device(user)
    return verify_token(user, device.persistent_id, code) if device else None


def wait_seconds(user):
    """Seconds before the app accepts another code after wrong ones (0 if it does)."""
    device = app_device(user)
    if device is None:
        return 0
    allowed, data = device.verify_is_allowed()
    if allowed or not data or not data.get("locked_until"):
        return 0
    return max(1, int((data["locked_until"] - timezone.now()).total_seconds()))


@transaction.atomic
def reset(user):
    """Remove the user's second factor: they set one up again at their next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
