"""Checks before submission (R-ED-12 … R-ED-14): encodings, files, prohibited expressions."""
