class BackupError(Exception):
    """A backup or a restore that cannot go on; the message says why, for the administrator."""


class BackupBusy(BackupError):
    """Another backup or restore holds the backup folder."""
