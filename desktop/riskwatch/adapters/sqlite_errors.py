"""The one place that turns sqlite3 errors into the store's domain errors (locked, full, read-only, damaged).

Every repository on the store (sqlite_store, sqlite_alerts, sqlite_liquidity) goes through :func:`translate`
or the :func:`store_errors` context manager, so a user sees one clear sentence naming the file and what to do,
never a sqlite3 traceback.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from riskwatch.domain.errors import StoreDamaged, StoreError, StoreFull, StoreLocked, StoreReadOnly

BACKUP_GLOB = ".bak-v*"

# primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte
_BUSY, _LOCKED, _READONLY, _CORRUPT, _FULL, _CANTOPEN, _NOTADB, _PERM, _IOERR = 5, 6, 8, 11, 13, 14, 26, 3, 10


def newest_backup(path: Path) -> Path | None:
    """The newest automatic backup (``<db>.bak-v<N>``, highest N) next to ``path``, or None."""
    if str(path) == ":memory:":
        return None
    found = []
    for p in path.parent.glob(path.name + BACKUP_GLOB):
        try:
            found.append((int(p.name.rsplit("-v", 1)[1]), p))
        except ValueError:
            continue
    return max(found)[1] if found else None


def _writable(path: Path) -> bool:
    """False when the store file or (for a missing file, or the -wal/-shm files) its directory is read-only."""
    directory = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(directory, os.W_OK)


def damaged(path: Path, detail: str) -> StoreDamaged:
    backup = newest_backup(path)
    if backup is not None:
        advice = (f"a backup made before the last upgrade is {backup}: move the damaged file away and copy the "
                  f"backup to {path.name}")
    else:
        advice = "move it away to start with an empty store, or put back a copy from your own backup"
    return StoreDamaged(f"the data store {path} is damaged ({detail}); {advice}", path=str(path), detail=detail,
                        backup=str(backup) if backup else None)


def read_only(path: Path, detail: str = "") -> StoreReadOnly:
    return StoreReadOnly(
        f"the data store {path} is read-only (no write permission for the file or its folder {path.parent}); "
        f"make both writable for your user or choose another folder with --data-dir", path=str(path), detail=detail)


def translate(exc: BaseException, path: Path | str) -> StoreError:
    """The domain error for a sqlite3 (or OS) error on the store file ``path``."""
    if isinstance(exc, StoreError):
        return exc
    path = Path(path)
    detail = str(exc)
    text = detail.lower()
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (_BUSY, _LOCKED) or "database is locked" in text:
        return StoreLocked(
            f"the data store {path} is locked by another process (another RiskWatch window or command); "
            f"close it, or wait until it has finished, and try again", path=str(path), detail=detail)
    if primary == _FULL or "disk is full" in text or getattr(exc, "errno", None) == 28:
        return StoreFull(
            f"the disk holding the data store {path} is full; nothing was changed: free some disk space and "
            f"try again", path=str(path), detail=detail)
    if primary in (_READONLY, _PERM) or "readonly" in text or "read-only" in text:
        return read_only(path, detail)
    if isinstance(exc, PermissionError) or primary == _CANTOPEN or (primary == _IOERR and not _writable(path)):
        if not _writable(path):
            return read_only(path, detail)
        return StoreError(f"cannot open the data store {path}: {detail}", path=str(path), detail=detail)
    if primary in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return damaged(path, detail)
    if "no such table" in text or "no such column" in text:
        return damaged(path, detail)
    return StoreError(f"the data store {path} could not be used: {detail}", path=str(path), detail=detail)


@contextmanager
def store_errors(path: Path | str):
    """Run a block, re-raising any sqlite3 error as the matching domain error."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc, path) from None


class StoreRepository:
    """Base of the repositories on a ``SqliteStore``: reads and transactions whose sqlite3 errors come out as
    the matching domain errors. ``conn``: read inside a transaction already open."""

    def __init__(self, store):
        self._store = store

    def _read(self, sql: str, params=(), conn: sqlite3.Connection | None = None) -> list[tuple]:
        with store_errors(self._store.path):
            if conn is not None:
                return conn.execute(sql, params).fetchall()
            return self._store._query(sql, params)

    @contextmanager
    def _tx(self):
        with store_errors(self._store.path), self._store.transaction() as conn:
            yield conn


__all__ = ["StoreRepository", "translate", "store_errors", "newest_backup", "damaged", "read_only"]
