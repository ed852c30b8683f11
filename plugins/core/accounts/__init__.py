"""Personal staff accounts (R-EO-1, R-SEC-1, R-SEC-2).

- :mod:`.passwords`: one-time passwords that must be changed at first login;
- :mod:`.scope`: which users an IT administrator manages (the users of its agencies);
- :mod:`.forms` and :mod:`.admin`: Wagtail's user screens, limited to those users;
- :mod:`.lost`: a user reports their account lost or shared; it is locked at once;
- :mod:`.throttling`: login lockouts (django-axes) and password-reset limits.
"""

from plugins.core.accounts.passwords import (
    ensure_staff_user,
    issue_one_time_password,
    one_time_password,
    split_full_name,
)

__all__ = ["ensure_staff_user", "issue_one_time_password", "one_time_password", "split_full_name"]
