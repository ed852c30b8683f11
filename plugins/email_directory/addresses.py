"""Suggesting and assigning addresses with the agency's naming scheme (R-EM-3).

One rule for the admin form, the import and the "add staff from positions" action: an
address is suggested by the agency's :class:`~.models.AddressPolicy` scheme, checked
against every address and alias already used in that domain by any agency of the
installation (a provincial domain is shared), and never given twice. The database's
unique constraint settles a race between two clerks: the loser gets the next suggestion.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from plugins.email_directory.naming import NamingError

MAX_RACE_RETRIES = 5


def policy_for(agency):
    from plugins.email_directory.models import AddressPolicy

    agency_id = getattr(agency, "pk", agency)
    return AddressPolicy.objects.filter(agency_id=agency_id).first()


def scheme_for(agency):
    """The agency's naming scheme; NamingError (with the reason) if it has none."""
    policy = policy_for(agency)
    if policy is None:
        raise NamingError(_("The agency has no address naming policy yet: set one under "
                            "Email directory → Naming policies, or type the address."))
    return policy.get_scheme()


def taken_addresses(domain):
    """Address → holder's full name (``None`` for shared mailboxes) of every address and
    alias in ``domain``, in every agency (one query)."""
    from plugins.email_directory.models import Mailbox

    domain = domain.lower()
    taken = {}
    mailboxes = (
        Mailbox.objects.filter(Q(address__endswith=f"@{domain}")
                               | Q(aliases__icontains=f"@{domain}"))
        .select_related("person__position__user")
    )
    for mailbox in mailboxes:
        holder = mailbox.person.name if mailbox.person_id else None
        if mailbox.domain == domain:
            taken[mailbox.address] = holder
        for alias in mailbox.alias_list:
            if alias.endswith(f"@{domain}"):
                taken.setdefault(alias, holder)
    return taken


def taken_elsewhere(addresses, exclude_mailbox=None):
    """Those of ``addresses`` already used, as an address or an alias, by another mailbox."""
    from plugins.email_directory.models import Mailbox

    wanted = {address.lower() for address in addresses if address}
    if not wanted:
        return set()
    others = Mailbox.objects.all()
    if exclude_mailbox is not None:
        others = others.exclude(pk=exclude_mailbox)
    condition = Q(address__in=wanted)
    for address in wanted:
        condition |= Q(aliases__icontains=address)
    used = set()
    for address, aliases in others.filter(condition).values_list("address", "aliases"):
        used.add(address)
        used.update(alias.strip().lower() for alias in aliases.split())
    return wanted & used


def suggest(agency, full_name, birth_date=None, also_taken=None):
    """The scheme's suggestion for ``full_name`` in ``agency`` (a :class:`Suggestion`).

    ``also_taken``: addresses given earlier in the same batch (an import), with their
    holders' names. Raises NamingError with a message for the clerk.
    """
    scheme = scheme_for(agency)
    taken = taken_addresses(scheme.domain)
    for address, holder in (also_taken or {}).items():
        taken.setdefault(address, holder)
    return scheme.suggest(full_name, taken, birth_date=birth_date)


def suggest_shared(agency, kind, unit=None):
    """The address the agency's scheme gives an agency or unit mailbox (R-EM-4): the Lào
    Cai scheme's ``contact-<suffix>`` for the agency, the Gia Lai scheme's
    ``vhtt<district>`` for a district office. NamingError where the scheme names none."""
    from plugins.email_directory.models import MailboxKind

    scheme = scheme_for(agency)
    address = None
    if kind == MailboxKind.AGENCY and hasattr(scheme, "agency_address"):
        address = scheme.agency_address()
    elif kind == MailboxKind.UNIT and unit is not None and scheme.defines_unit_account(unit.name):
        address = scheme.unit_address(unit.name)
    if address is None:
        raise NamingError(_("The agency's naming scheme does not name this mailbox: type its "
                            "address."))
    if address in taken_addresses(scheme.domain):
        raise NamingError(_("%(address)s, which the naming scheme gives, is already in use: "
                            "type another address.") % {"address": address})
    return address


def assign_personal_mailbox(entry, address=None):
    """Give ``entry`` its personal mailbox: ``address`` if given, else the suggestion.

    Returns ``(mailbox, suggestion)``; ``suggestion`` is ``None`` for a typed address. An
    entry that already has a mailbox gets its address changed (the old one becomes an
    alias, so mail sent to it still arrives).
    """
    from plugins.email_directory.models import Mailbox, MailboxKind

    for _attempt in range(MAX_RACE_RETRIES):
        suggestion = None
        chosen = (address or "").strip().lower()
        if not chosen:
            suggestion = suggest(entry.agency_id, entry.name, entry.birth_date)
            chosen = suggestion.address
        try:
            with transaction.atomic():
                mailbox = Mailbox.objects.filter(person=entry).first()
                if mailbox is None:
                    mailbox = Mailbox(agency_id=entry.agency_id, kind=MailboxKind.PERSONAL,
                                      person=entry)
                elif mailbox.address != chosen:
                    mailbox.aliases = "\n".join([*mailbox.alias_list, mailbox.address])
                mailbox.address = chosen
                mailbox.aliases = "\n".join(a for a in mailbox.alias_list if a != chosen)
                mailbox.is_active = True
                mailbox.full_clean()
                mailbox.save()
        except (IntegrityError, ValidationError) as error:
            taken_now = isinstance(error, IntegrityError) or "address" in getattr(
                error, "message_dict", {})
            if address or not taken_now:
                raise
            continue  # another clerk took the suggestion a moment ago: suggest again
        entry.mailbox = mailbox
        return mailbox, suggestion
    raise NamingError(_("Could not find a free address; please try again."))
