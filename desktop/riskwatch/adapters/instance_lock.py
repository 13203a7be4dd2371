"""One watching RiskWatch per data folder: an advisory lock on ``riskwatch.lock`` in the data folder.

The desktop app and ``riskwatch watch`` hold it for their lifetime, so no alert is delivered twice by two
watchers of one store (issue 16). One-shot commands (``check``, ``positions``, ``channels`` …) do not take it:
they may run beside a watcher, the store's own locking keeps their writes apart.

The operating system releases the lock when its holder exits, however it exits (kill -9 included): a lock file
left behind by a crashed process is not a lock. The holder writes its pid and role into the file so that a
refused second instance can say who holds the folder. ``fcntl.flock`` on Linux and macOS; on Windows
``msvcrt.locking`` on one byte far past the text, because a locked byte cannot be read by other processes there.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from riskwatch.domain.errors import RiskWatchError

LOCK_FILENAME = "riskwatch.lock"
#: Windows: the locked byte (locking past the end of a file is allowed), well clear of the pid and role text.
_WINDOWS_LOCK_OFFSET = 1 << 20


class InstanceRunning(RiskWatchError):
    """Another RiskWatch already watches this data folder (``pid`` and ``holder`` None when it did not say)."""

    def __init__(self, directory: Path, pid: int | None, holder: str | None):
        self.directory = Path(directory)
        self.pid = pid
        self.holder = holder
        who = f"{holder or 'RiskWatch'} (pid {pid if pid is not None else 'unknown'})"
        super().__init__(f"another RiskWatch, {who}, already watches the data folder {self.directory}")


class InstanceLock:
    """The held lock of one data folder; :meth:`release` (or leaving the ``with`` block, or exiting) frees it."""

    def __init__(self, directory: Path, fd: int, holder: str):
        self.directory = directory
        self.holder = holder
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Free the lock (the file stays: removing it would race with a process that is opening it)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def acquire(directory: str | os.PathLike, holder: str) -> InstanceLock:
    """Take the lock of ``directory`` (which must exist) for ``holder`` ("riskwatch watch", "desktop app").

    Raises :class:`InstanceRunning` naming the directory and the pid of the process that holds it."""
    directory = Path(directory)
    path = directory / LOCK_FILENAME
    # no O_TRUNC: until the lock is ours, the file holds the other process's pid
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if not _try_lock(fd):
            pid, other = _read_holder(fd)
            raise InstanceRunning(directory, pid, other)
        _write_holder(fd, holder)
    except BaseException:
        os.close(fd)
        raise
    return InstanceLock(directory, fd, holder)


def holder_of(directory: str | os.PathLike) -> tuple[int | None, str | None]:
    """(pid, role) written by the last holder of the folder's lock (None, None when there is none)."""
    try:
        fd = os.open(Path(directory) / LOCK_FILENAME, os.O_RDONLY)
    except OSError:
        return None, None
    try:
        return _read_holder(fd)
    finally:
        os.close(fd)


def _write_holder(fd: int, holder: str) -> None:
    text = json.dumps({"pid": os.getpid(), "holder": holder}).encode("utf-8")
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, text)
    os.ftruncate(fd, len(text))


def _read_holder(fd: int) -> tuple[int | None, str | None]:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        doc = json.loads(os.read(fd, 4096).decode("utf-8"))
        pid = doc.get("pid")
        holder = doc.get("holder")
        return (pid if isinstance(pid, int) else None), (holder if isinstance(holder, str) else None)
    except (OSError, ValueError, AttributeError):  # empty (the holder is just writing) or not ours
        return None, None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


__all__ = ["LOCK_FILENAME", "InstanceLock", "InstanceRunning", "acquire", "holder_of"]
