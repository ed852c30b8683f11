"""Work schedules of an agency's leaders and units, work plans, and the public work
programme (R-EO-10, R-SITE-5). Works with the core alone: nothing of the documents part of
the e-office is imported."""
