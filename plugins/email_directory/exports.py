"""Exports of the directory (R-EM-1, R-EM-2): spreadsheets (CSV, XLSX, ODS) that import back,
vCard, LDIF (inetOrgPerson) for an LDAP directory, and a Zimbra ``zmprov`` command file that
creates the accounts (DOMAIN.md "Email addresses").

Each export takes the same rows: the people chosen (with their personal mailboxes) and the
agency and unit mailboxes of the same agencies and units.
"""

import io
import secrets

import ldif
import tablib
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.spreadsheets import sheet_title
from plugins.email_directory.columns import COLUMNS, EXPORTED, KIND_WORDS, NO, YES
from plugins.email_directory.models import MailboxKind
from plugins.email_directory.names import surname_and_given
from plugins.email_directory.vcards import mailbox_card, person_card, serialize


def dataset(people, mailboxes):
    """A tablib Dataset with the import's columns, Vietnamese headers."""
    data = tablib.Dataset(headers=[COLUMNS[key][0] for key in EXPORTED],
                          title=sheet_title(_("Email directory")))
    for mailbox in mailboxes:
        data.append([
            KIND_WORDS[mailbox.kind][0], "", "", mailbox.unit.name if mailbox.unit_id else "",
            "", mailbox.unit.phone if mailbox.unit_id else mailbox.agency.phone, "",
            mailbox.address, "; ".join(mailbox.alias_list), "", "",
            YES[0] if mailbox.is_published else NO[0],
        ])
    for entry in people:
        unit = entry.resolved_unit
        mailbox = getattr(entry, "mailbox", None)
        data.append([
            KIND_WORDS["person"][0], entry.name, entry.job_title, unit.name if unit else "",
            YES[0] if entry.leader else "", entry.office_phone, entry.mobile, entry.email,
            "; ".join(mailbox.alias_list) if mailbox is not None else "",
            entry.resolved_duties, entry.sort_order, YES[0] if entry.is_published else NO[0],
        ])
    return data


def vcard_text(people, mailboxes):
    cards = [mailbox_card(mailbox, mailbox.agency) for mailbox in mailboxes]
    cards += [person_card(entry, entry.agency) for entry in people]
    return serialize(cards)


# --- LDIF -------------------------------------------------------------------------------


def base_dn(domain):
    """``laocai.gov.vn`` → ``dc=laocai,dc=gov,dc=vn``."""
    return ",".join(f"dc={part}" for part in domain.split("."))


def _escape_rdn(value):
    """An attribute value for a DN (RFC 4514): backslash before the special characters."""
    escaped = "".join(f"\\{ch}" if ch in ',+"\\<>;=' else ch for ch in value)
    if escaped.startswith(("#", " ")):
        escaped = "\\" + escaped
    if escaped.endswith(" "):
        escaped = escaped[:-1] + "\\ "
    return escaped


def _records(people, mailboxes):
    """``(dn, attributes)`` of every active mailbox, as inetOrgPerson entries."""
    for mailbox in mailboxes:
        if not mailbox.is_active:
            continue
        label = mailbox.label
        attributes = {
            "objectClass": ["top", "person", "organizationalPerson", "inetOrgPerson"],
            "uid": [mailbox.local_part], "cn": [label], "sn": [label], "displayName": [label],
            "mail": [mailbox.address], "o": [mailbox.agency.name],
            "businessCategory": [str(MailboxKind(mailbox.kind).label)],
        }
        if mailbox.unit_id:
            attributes["ou"] = [mailbox.unit.name]
            if mailbox.unit.phone:
                attributes["telephoneNumber"] = [mailbox.unit.phone]
        yield mailbox, attributes
    for entry in people:
        mailbox = getattr(entry, "mailbox", None)
        if mailbox is None or not mailbox.is_active:
            continue
        surname, given = surname_and_given(entry.name)
        attributes = {
            "objectClass": ["top", "person", "organizationalPerson", "inetOrgPerson"],
            "uid": [mailbox.local_part], "cn": [entry.name], "sn": [surname or given],
            "givenName": [given], "displayName": [entry.name], "mail": [mailbox.address],
            "o": [entry.agency.name],
        }
        optional = {
            "title": entry.job_title, "ou": getattr(entry.resolved_unit, "name", ""),
            "telephoneNumber": entry.office_phone, "mobile": entry.mobile,
            "preferredLanguage": "vi",
        }
        attributes.update({key: [value] for key, value in optional.items() if value})
        yield mailbox, attributes


def ldif_text(people, mailboxes):
    """RFC 2849 content records (non-ASCII values in base64), with each domain's
    ``ou=people`` container first, ready for ``ldapadd -c -f``."""
    output = io.BytesIO()
    writer = ldif.LDIFWriter(output, cols=76)
    records = list(_records(people, mailboxes))
    for domain in dict.fromkeys(mailbox.domain for mailbox, _attributes in records):
        writer.unparse(f"ou=people,{base_dn(domain)}", {
            "objectClass": ["top", "organizationalUnit"], "ou": ["people"],
        })
    for mailbox, attributes in records:
        dn = f"uid={_escape_rdn(mailbox.local_part)},ou=people,{base_dn(mailbox.domain)}"
        writer.unparse(dn, attributes)
    return output.getvalue().decode("utf-8")


# --- Zimbra -----------------------------------------------------------------------------


def _quote(value):
    """A zmprov argument: double-quoted, with backslashes and quotes escaped."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def zmprov_text(people, mailboxes, password=None):
    """``zmprov -f`` commands: ``ca`` (create account) for each active mailbox with a random
    password the holder must change at first login, then ``aaa`` for each alias."""
    lines = [
        "# " + _("Zimbra accounts of the email directory, made on %(date)s.")
        % {"date": timezone.localtime().strftime("%d/%m/%Y %H:%M")},
        "# " + _("Run as the zimbra user: zmprov -f this-file. Each account gets a one-time "
                 "password that must be changed at first login; hand it to its holder in "
                 "person, then delete this file."),
    ]
    aliases = []
    for mailbox, attributes in _records(people, mailboxes):
        secret = password or secrets.token_urlsafe(12)
        pairs = [("displayName", attributes["displayName"][0])]
        if "givenName" in attributes:
            pairs += [("givenName", attributes["givenName"][0]), ("sn", attributes["sn"][0])]
        for key in ("title", "ou", "telephoneNumber", "mobile"):
            if key in attributes:
                pairs.append((key, attributes[key][0]))
        pairs += [("company", attributes["o"][0]), ("zimbraPasswordMustChange", "TRUE")]
        arguments = " ".join(f"{key} {_quote(value)}" for key, value in pairs)
        lines.append(f"ca {mailbox.address} {_quote(secret)} {arguments}")
        aliases += [(mailbox.address, alias) for alias in mailbox.alias_list]
    lines += [f"aaa {address} {alias}" for address, alias in aliases]
    return "\n".join(lines) + "\n"

