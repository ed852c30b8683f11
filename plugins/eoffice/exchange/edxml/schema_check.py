"""The schemas shipped with the plugin (``schema/edxml.xsd`` for documents,
``schema/status.xsd`` for status messages), each loaded once."""

from functools import cache
from importlib.resources import files

from django.utils.translation import gettext as _
from lxml import etree


class InvalidPackage(Exception):
    """A package refused, with the reason for the clerk (translated)."""

    def __init__(self, reason):
        self.reason = str(reason)
        super().__init__(self.reason)


@cache
def schema(name="edxml.xsd"):
    source = files("plugins.eoffice.exchange.edxml").joinpath(f"schema/{name}").read_bytes()
    return etree.XMLSchema(etree.fromstring(source))


def check(root, name="edxml.xsd"):
    """Raise InvalidPackage naming the first problem when ``root`` breaks the schema."""
    validator = schema(name)
    try:
        valid = validator.validate(root)
    except etree.XMLSchemaValidateError as error:
        raise InvalidPackage(_("The package does not follow edXML: %(message)s")
                             % {"message": error}) from error
    if not valid:
        error = validator.error_log.filter_from_errors()[0]
        raise InvalidPackage(_("The package does not follow edXML (line %(line)s): "
                               "%(message)s") % {"line": error.line, "message": error.message})
