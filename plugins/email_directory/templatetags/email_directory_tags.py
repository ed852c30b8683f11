"""Addresses on public pages without a harvestable address in the HTML (R-EM-1).

``{% email_address address name %}`` writes the address reversed and base64-encoded in a
``data-email`` attribute, and, as the text a browser without JavaScript shows (and a
screen reader reads), the address with "@" spelt out: ``dxphong-skhdt (a còng)
laocai.gov.vn``. A harvester that looks for ``@`` or ``mailto:`` in the page finds
nothing. ``directory.js`` turns each one into a real ``mailto:`` link with a copy button
when the page loads, so sighted, keyboard and screen-reader users get the same ordinary
link they would get from plain HTML.
"""

import base64

from django import template
from django.template.loader import render_to_string

register = template.Library()


def encode(address):
    return base64.b64encode(address[::-1].encode()).decode("ascii")


@register.simple_tag
def email_address(address, name=""):
    if not address or "@" not in address:
        return ""
    local, domain = address.rsplit("@", 1)
    return render_to_string("email_directory/includes/email_address.html", {
        "encoded": encode(address), "local": local, "domain": domain, "name": name,
    })
