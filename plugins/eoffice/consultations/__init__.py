"""Consultations on drafts inside an agency (R-EO-12)."""
