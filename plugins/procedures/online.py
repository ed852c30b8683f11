"""Online submission: the extension point for higher online service levels (R-PR-4).

A procedure carries its online service level and, from level 3, the address where it is
submitted online. A plugin that later offers online submission itself (an e-forms or
payment plugin) registers a provider in its ``AppConfig.ready``::

    from plugins.procedures import online
    online.register_provider(lambda procedure: my_form_url(procedure))

The provider returns the address of the online service for a procedure, or ``None`` to
leave the procedure's own ``online_url`` in use. The first provider with an answer wins.
"""

_providers = []


def register_provider(provider):
    if provider not in _providers:
        _providers.append(provider)


def unregister_provider(provider):
    if provider in _providers:
        _providers.remove(provider)


def provider_url(procedure):
    for provider in _providers:
        url = provider(procedure)
        if url:
            return url
    return None


def submission_url(procedure):
    """Where a citizen submits ``procedure`` online, or ``None`` below level 3."""
    from plugins.procedures.choices import OnlineLevel

    if procedure.online_level < OnlineLevel.PARTLY_ONLINE:
        return None
    return provider_url(procedure) or procedure.online_url or None
