"""The official email directory: people, unit and agency mailboxes, address naming schemes."""
