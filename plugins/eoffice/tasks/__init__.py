"""Assigned tasks (R-EO-14): an assignment through the e-office is an official order of a
superior to their staff (seed 004 Đ8), followed up to its completion with reminders."""
