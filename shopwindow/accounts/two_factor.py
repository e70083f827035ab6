"""The second factor for moderators and admins: a TOTP authenticator app, and recovery codes.

Who needs it: anyone with moderator or admin powers, or who can open the Django admin
(`required_for`). SecondFactorMiddleware sends such a person to set it up or to enter a code
before any other page works; a session that passed it is "verified" (django-otp keeps the device
in the session). Wrong codes are throttled per device by django-otp: each failure doubles the
wait before the next try (1, 2, 4, 8... seconds) until a right code resets it.
"""

import base64
import io
import secrets
from dataclasses import dataclass
from datetime import datetime

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from shopwindow.accounts import audit
from shopwindow.accounts.models import (
    RecoveryCode,
    RecoveryCodeDevice,
    User,
    normalise_recovery_code,
)
from shopwindow.accounts.permissions import is_moderator

RECOVERY_CODE_COUNT = 10
RECOVERY_CODE_LENGTH = 10  # base32 characters: 50 bits each, shown as two groups of five
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
DEMO_DEVICE_NAME = "Demo authenticator (published secret)"
_BASE32 = "abcdefghijklmnopqrstuvwxyz234567"


def required_for(user: User) -> bool:
    """Whether this signed-in person must pass a second factor: moderators, admins and staff."""
    return bool(user.is_authenticated and (is_moderator(user) or user.is_staff))


def is_verified(user: User) -> bool:
    """Whether this request's session passed the second factor (set by django-otp's middleware)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def app_device(user: User) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they have set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_app(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def base32_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps want it typed: base32, in groups of four."""
    plain = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(plain[i : i + 4] for i in range(0, len(plain), 4))


def qr_code_svg(text: str) -> str:
    """An SVG QR code for the text, made here (no request leaves the server), for inline HTML."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    svg = svg[svg.index("<svg") :]  # drop the XML declaration: the SVG goes inside HTML
    return svg.replace("<svg ", '<svg class="sw-qr-code" aria-hidden="true" focusable="false" ', 1)


def current_code(device: TOTPDevice) -> str:
    """The code the authenticator app shows now (for tests and the demo command)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@transaction.atomic
def start_set_up(*, user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator device, made with a new random secret if need be."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of checking a code: the device that took it, or how long to wait."""

    device: Device | None
    wait_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.device is not None


def _throttled_until(device: Device) -> datetime | None:
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    return (details or {}).get("locked_until")


def _check(device: Device, code: str) -> CodeCheck:
    wait = _throttled_until(device)
    if wait is not None:
        return CodeCheck(device=None, wait_until=wait)
    if device.verify_token(code):
        return CodeCheck(device=device)
    return CodeCheck(device=None, wait_until=_throttled_until(device))


def _record(user: User, action: str, origin: audit.Origin | None, **extra: object) -> None:
    from shopwindow.accounts.services import record_event

    record_event(actor=user, action=action, target=user, origin=origin, extra=dict(extra))


def new_recovery_codes(*, user: User, origin: audit.Origin | None = None) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones, returned once."""
    with transaction.atomic():
        RecoveryCodeDevice.objects.filter(user=user).delete()
        device = RecoveryCodeDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        codes = []
        for _ in range(RECOVERY_CODE_COUNT):
            raw = "".join(secrets.choice(_BASE32) for _ in range(RECOVERY_CODE_LENGTH))
            codes.append(f"{raw[:5]}-{raw[5:]}")
        RecoveryCode.objects.bulk_create(RecoveryCode.for_code(device, code) for code in codes)
        _record(user, audit.RECOVERY_CODES_CREATED, origin)
    return codes


def confirm_set_up(
    *, user: User, device: TOTPDevice, code: str, origin: audit.Origin | None = None
) -> CodeCheck:
    """Confirm a new authenticator app with a code from it; the caller then shows new codes."""
    with transaction.atomic():
        check = _check(device, code.strip())
        if not check.ok:
            _record(user, audit.TWO_FACTOR_FAILED, origin, setting_up=True)
            return check
        # One app per person: a new one replaces any earlier one.
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        _record(user, audit.TWO_FACTOR_SET_UP, origin)
    return check


def verify(*, user: User, code: str, origin: audit.Origin | None = None) -> CodeCheck:
    """Check a code from the app (6 digits) or a recovery code; record the outcome.

    Each kind of code is checked only against its own device, so wrong app codes and wrong
    recovery codes are throttled separately and a typo in one does not slow down the other.
    """
    typed = code.strip().replace(" ", "")
    if typed.isdigit():
        device: Device | None = app_device(user)
        action = audit.TWO_FACTOR_PASSED
    else:
        device = RecoveryCodeDevice.objects.filter(user=user, confirmed=True).first()
        typed = normalise_recovery_code(typed)
        action = audit.RECOVERY_CODE_USED
    if device is None:
        _record(user, audit.TWO_FACTOR_FAILED, origin)
        return CodeCheck(device=None)
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        check = _check(locked, typed)
    if check.ok:
        extra = {"codes_left": locked.codes_left()} if action == audit.RECOVERY_CODE_USED else {}
        _record(user, action, origin, **extra)
    else:
        _record(user, audit.TWO_FACTOR_FAILED, origin, throttled=check.wait_until is not None)
    return check


@transaction.atomic
def give_demo_app(*, email: str, key_hex: str) -> TOTPDevice:
    """A confirmed authenticator app with a known secret, for a demo account only.

    Refuses unless settings allow demo content (never in production).
    """
    if not getattr(settings, "ALLOW_DEMO_CONTENT", False):
        raise PermissionError("Demo second factors are not allowed by these settings")
    user = User.objects.get(email=email)
    device, _ = TOTPDevice.objects.update_or_create(
        user=user, name=DEMO_DEVICE_NAME, defaults={"key": key_hex, "confirmed": True}
    )
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    return device


def mark_verified(request: HttpRequest, device: Device) -> None:
    """Remember in the session that it passed the second factor with this device."""
    # A new session key on every change of privilege, as at sign-in (OWASP ASVS 3.2.1).
    request.session.cycle_key()
    otp_login(request, device)
