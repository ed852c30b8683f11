"""Royalties (R-ED-11): rates, the lines of each published item, the ledger."""
