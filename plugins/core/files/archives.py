"""ZIP archives from outside, opened within limits: one rule for every importer.

A ZIP file says in its central directory how large each member is, and it may lie; a few
hundred kilobytes can inflate to gigabytes (a "ZIP bomb"); it may nest archives in
archives. Every archive a clerk or citizen gives the site — a ZIP of form templates, an
XLSX or ODS workbook, a DOCX or ODT upload — is checked here before anything else reads
it: at most so many members, so many megabytes in all and per member, no member
compressed more than so many times, archives nested at most so deep. The members are
really inflated (in small chunks, nothing kept) to count their true size, so a directory
that lies about the sizes is caught too, as is a damaged or encrypted member.

:func:`check_archive` raises :class:`UnsafeArchive`, whose ``message`` says what is wrong
in words a clerk understands (translated); :func:`open_archive` returns the checked
:class:`zipfile.ZipFile`.
"""

import io
import zipfile
from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

MB = 2**20
CHUNK = 64 * 1024
# Members smaller than this may compress any amount (a page of one repeated character):
# the ratio is only held against members that would take real memory.
RATIO_FLOOR = 1 * MB


@dataclass(frozen=True)
class Limits:
    max_members: int = 2000
    max_total_mb: int = 100  # uncompressed, all members together
    max_member_mb: int = 50  # uncompressed, one member
    max_ratio: int = 100  # uncompressed / compressed size of one member
    max_depth: int = 3  # a ZIP of forms (1) holding a DOCX (2) with an embedded XLSX (3)

    def but(self, **changes):
        return replace(self, **changes)


DEFAULT_LIMITS = Limits()
# A workbook (XLSX, ODS) or an office document (DOCX, ODT), which may embed another (a chart's
# workbook); XML compresses well (a sheet of repeated rows), so a higher ratio.
DOCUMENT_LIMITS = Limits(max_members=5000, max_total_mb=100, max_member_mb=100, max_ratio=200,
                         max_depth=2)


class UnsafeArchive(ValueError):
    """The archive was refused; ``message`` says why (translated)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def is_zip(content):
    return content[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def check_archive(content, limits=DEFAULT_LIMITS, *, label=None):
    """Raise :class:`UnsafeArchive` unless ``content`` (bytes) is a ZIP archive within
    ``limits``; ``label`` names it in the messages (default: "The archive")."""
    _check(content, limits, depth=1, label=label)


def open_archive(content, limits=DEFAULT_LIMITS, *, label=None):
    """The checked :class:`zipfile.ZipFile` of ``content``; :class:`UnsafeArchive` else."""
    check_archive(content, limits, label=label)
    return zipfile.ZipFile(io.BytesIO(content))


def _check(content, limits, depth, label, budget=None):
    """Check one archive; ``budget`` is the list of bytes still allowed in all, shared with
    the archives nested in it."""
    budget = budget if budget is not None else [limits.max_total_mb * MB]
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError):
        raise UnsafeArchive(_("%(archive)s is not a readable ZIP file.")
                            % {"archive": label or _("The archive")}) from None
    with archive:
        if len(infos) > limits.max_members:
            raise UnsafeArchive(_("%(archive)s holds more than %(count)s files.")
                                % {"archive": label or _("The archive"),
                                   "count": limits.max_members})
        declared = sum(info.file_size for info in infos)
        if declared > budget[0]:
            raise _too_large(label, limits)
        for info in infos:
            if info.is_dir():
                continue
            head = _inflate(archive, info, limits, budget)
            if is_zip(head):
                if depth >= limits.max_depth:
                    raise UnsafeArchive(_("%(archive)s holds archives nested more than "
                                          "%(depth)s deep.") % {
                        "archive": label or _("The archive"), "depth": limits.max_depth})
                _check(archive.read(info), limits, depth + 1, _member(info), budget)


def _member(info):
    return _("“%(name)s” in the archive") % {"name": info.filename[-120:]}


def _too_large(label, limits):
    return UnsafeArchive(_("%(archive)s would take more than %(mb)s MB once unpacked.")
                         % {"archive": label or _("The archive"), "mb": limits.max_total_mb})


def _inflate(archive, info, limits, budget, label=None):
    """Inflate one member in chunks, counting its real size; returns its first bytes."""
    member_limit = limits.max_member_mb * MB
    if info.file_size > member_limit:
        raise UnsafeArchive(_("%(member)s would take more than %(mb)s MB once unpacked.")
                            % {"member": _member(info), "mb": limits.max_member_mb})
    size, head = 0, b""
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                if not head:
                    head = chunk[:8]
                size += len(chunk)
                budget[0] -= len(chunk)
                if size > member_limit:
                    raise UnsafeArchive(_("%(member)s would take more than %(mb)s MB once "
                                          "unpacked.") % {"member": _member(info),
                                                          "mb": limits.max_member_mb})
                if budget[0] < 0:
                    raise _too_large(label, limits)
                if size > RATIO_FLOOR and size > limits.max_ratio * max(info.compress_size, 1):
                    raise _bomb(info, limits)
    except UnsafeArchive:
        raise
    except RuntimeError:  # encrypted
        raise UnsafeArchive(_("%(member)s is protected by a password.")
                            % {"member": _member(info)}) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
            LookupError, ArithmeticError, MemoryError):
        raise UnsafeArchive(_("%(member)s is damaged or its recorded size is false.")
                            % {"member": _member(info)}) from None
    if size != info.file_size:
        raise UnsafeArchive(_("%(member)s is damaged or its recorded size is false.")
                            % {"member": _member(info)})
    return head


def _bomb(info, limits):
    return UnsafeArchive(_("%(member)s is compressed more than %(ratio)s times: it is refused as "
                           "a possible ZIP bomb.") % {"member": _member(info),
                                                      "ratio": limits.max_ratio})
