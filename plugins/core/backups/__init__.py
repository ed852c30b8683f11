"""Backups of the database and the media files, and their restore (R-EO-19, R-SEC-3).

One dated archive (``backup-YYYYMMDD-HHMMSS.tar.gz`` in ``PORTAL_BACKUP_DIR``) holds the
database — a copy made with SQLite's online backup API, or ``pg_dump --format=custom`` —
the files under ``MEDIA_ROOT`` and a manifest (versions, database vendor, file count, the
SHA-256 of every member). ``manage.py portal_backup`` makes one and keeps the newest
``PORTAL_BACKUP_KEEP``; django-q2 runs it weekly. ``manage.py portal_restore <archive>``
checks the archive against its manifest before it touches anything, then restores the
database, swaps the media folder and rebuilds the search indexes.
"""
