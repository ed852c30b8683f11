"""The e-office: a family of small apps for an agency's official documents and work
(incoming and outgoing documents, registers, dossiers). Each app imports Django, Wagtail
and ``plugins.core``; inside the family, apps may import ``plugins.eoffice.documents``."""
