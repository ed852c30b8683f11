"""Who is acting: the request being served, for changes recorded from model signals.

A model signal (a group's permissions changed, an agency saved) carries no request.
:class:`AuditRequestMiddleware` keeps the current request in a context variable for the
time of the response, so that the audit log can name the account and the client address
behind a change. Put it right after Django's ``AuthenticationMiddleware``. A change made
outside a request (a shell, a migration, a background task) is recorded without an
account: "system".
"""

import contextvars

_current_request = contextvars.ContextVar("core_audit_request", default=None)


def current_request():
    return _current_request.get()


class AuditRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
