"""``{% delegations_in_force as items %}``: who acts for a director of the user's agencies
now (R-EO-15), for the inbox's banner and the dashboard panel."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def delegations_in_force(context):
    from plugins.eoffice.documents.services import delegation

    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    return list(delegation.in_force(request.user).order_by("ends_at"))
