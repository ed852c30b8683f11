"""Where the e-office keeps document files: the core's private folder, never served as
media (:mod:`plugins.core.files.private`). The files of incoming and outgoing documents are
read only through the admin's download view, which asks
:mod:`plugins.eoffice.documents.access` who may see each document.
"""

from plugins.core.files.private import PrivateStorage


def private_storage():
    """The storage of document files (the callable the migrations name)."""
    return PrivateStorage()
