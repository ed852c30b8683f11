"""Whether a signed-in session still owes its second factor.

At sign-in (``user_logged_in``) the session is flagged when the user has a second factor
or must have one; the flag is only a shortcut, each request asks again while the site
requires the second factor (a role given after sign-in counts at once).
"""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from plugins.core.two_factor.devices import has_any_device
from plugins.core.two_factor.requirements import enforced, is_required

SESSION_PENDING = "core_two_factor_pending"


@receiver(user_logged_in, dispatch_uid="core_two_factor_flag_session")
def flag_session_at_login(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is None:
        return
    if has_any_device(user) or (enforced() and is_required(user)):
        session[SESSION_PENDING] = True


def must_verify(request):
    """Whether ``request``'s user must still give a second factor in this session."""
    user = request.user
    if not user.is_authenticated:
        return False
    flagged = request.session.get(SESSION_PENDING, False)
    if not flagged and not enforced():
        return False
    if user.is_verified():
        return False
    return flagged or is_required(user)
