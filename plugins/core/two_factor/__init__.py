"""Two-factor sign-in for the staff who publish, issue documents or administer (R-SEC-1,
R-SEC-2; 004 Đ17: remote access under the same rules).

After the password, a user who must use a second factor (:func:`is_required`) and has
none set up is sent to set one up (an authenticator app's QR code, then ten recovery
codes shown once); a user who has one is asked for a code, or a recovery code, before any
admin page (:mod:`.middleware`). Who must use it is a registry: the core requires it of
superusers, agency leaders and IT administrators; a plugin adds its own rule in its
``AppConfig.ready``::

    from plugins.core import two_factor
    two_factor.require_for_role(Role.CLERK)
    two_factor.register_requirement(lambda user: is_board_chief(user))

``PORTAL_TWO_FACTOR_REQUIRED = False`` turns the requirement off (a development site);
users who set up a second factor of their own accord are still asked for it.
"""

from plugins.core.two_factor.requirements import (
    enforced,
    is_required,
    register_requirement,
    require_for_role,
)

__all__ = ["enforced", "is_required", "register_requirement", "require_for_role"]
