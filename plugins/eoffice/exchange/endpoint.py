"""The HTTP endpoint other systems deliver packages to (a national platform's connector, a
partner's e-office): ``POST`` the package's XML with ``Authorization: Bearer <key>``, the
key an IT administrator made for the receiving agency (E-office → Exchange keys).

Answers JSON: 202 with the envelope's id and state for a package kept (200 when it was
already received: delivering twice is harmless), 400 with the reason for an invalid one
(kept too, for the clerk), 401 for a missing or unknown key, 413 for a package over
the size limit, 405 for anything but POST."""

from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from plugins.eoffice.exchange import receiving
from plugins.eoffice.exchange.edxml.read import MAX_PACKAGE_MB
from plugins.eoffice.exchange.models import EnvelopeState, ExchangeKey, Transport

MAX_BYTES = MAX_PACKAGE_MB * 1024 * 1024


def _key(request):
    header = request.headers.get("Authorization", "")
    scheme, _space, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


@csrf_exempt
@require_POST
def receive_package(request):
    key = ExchangeKey.agency_for(_key(request))
    if key is None:
        return JsonResponse({"error": _("A valid exchange key is required.")}, status=401)
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = 0
    if length > MAX_BYTES:
        return JsonResponse({"error": _("The package is larger than %(size)s MB.")
                             % {"size": MAX_PACKAGE_MB}}, status=413)
    data = request.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return JsonResponse({"error": _("The package is larger than %(size)s MB.")
                             % {"size": MAX_PACKAGE_MB}}, status=413)
    before = timezone.now()
    envelope = receiving.receive(key.agency, data, Transport.HTTP)
    ExchangeKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    answer = {"envelope": str(envelope.uid), "state": envelope.state,
              "document_id": envelope.document_id}
    if envelope.state == EnvelopeState.INVALID:
        return JsonResponse({**answer, "error": envelope.reason}, status=400)
    return JsonResponse(answer, status=202 if envelope.created_at >= before else 200)
