"""Moderation: the board and its delegations, the workflow's task types,
editorial records, deadlines in working time, quotas, trusted sources and their digests."""
