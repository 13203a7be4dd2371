"""Private files: the data folder is 0700, the database (with its -wal/-shm), backups and the log are 0600.

Positions and balances must not be readable by other local users. Modes are set explicitly with chmod, so
they do not depend on the umask. An existing folder is tightened only when asked to (the default data folder,
or one we just created): a folder the user chose with ``--data-dir`` may be shared on purpose.
"""

from __future__ import annotations

import logging.handlers
import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def ensure_private_dir(path: Path, *, tighten: bool = False) -> Path:
    """Create ``path`` (and missing parents) with mode 0700; with ``tighten`` an existing folder that others can
    read or enter is set to 0700 too. Returns ``path``."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        tighten = True
    if tighten and stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, stat.S_IMODE(path.stat().st_mode) & ~0o077 | DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 when it is missing; set an existing file to 0600."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        pass
    else:
        os.close(fd)
    tighten_file(path)
    return path


def tighten_file(path: Path) -> None:
    """Set an existing file of ours to 0600 (nothing when it is missing or already private)."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return
    if mode != FILE_MODE:
        try:
            os.chmod(path, FILE_MODE)
        except PermissionError:  # not our file (another user's store opened read-only): leave it
            pass


#: The log is rotated at this size, keeping LOG_BACKUPS older files: a day offline must not fill the disk.
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A size-bounded log whose every file (the current one and each rotated one) is 0600."""

    def __init__(self, path: Path, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS):
        super().__init__(private_file(path), maxBytes=max_bytes, backupCount=backups, encoding="utf-8")

    def _open(self):
        private_file(Path(self.baseFilename))  # a file opened after a rollover is created 0600 first
        return super()._open()


__all__ = ["ensure_private_dir", "private_file", "tighten_file", "DIR_MODE", "FILE_MODE",
           "PrivateRotatingFileHandler"]
