"""What other e-office apps may take over or add to, without this app importing them.

``delivery_requested`` is sent when an issued, non-secret document has recipients that are
agencies of this installation. A receiver that delivers it (the exchange app sends edXML
packages) returns True; when none does, this app registers the document in each
recipient's register itself.

Pages of a document show the panels other apps add through the Wagtail hook
``eoffice_document_panels``: ``fn(request, document, kind)`` returns a
:class:`wagtail.admin.ui.components.Component`, or None to add nothing.
"""

from django.dispatch import Signal

delivery_requested = Signal()  # sender: OutgoingDocument; kwargs: document, user

DOCUMENT_PANELS_HOOK = "eoffice_document_panels"
