"""State changes of documents: one module per record kind (incoming, outgoing, dossiers).

Each transition checks who may do it and from which state, raises
:class:`~.common.TransitionError` with a message for the user otherwise, saves the record
(django-simple-history keeps the version, attributed to the user) and adds a step to the
document's processing slip."""
