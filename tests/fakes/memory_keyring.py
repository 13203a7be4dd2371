"""An in-memory keyring backend for tests, selected with PYTHON_KEYRING_BACKEND.

It lives only in tests: a runtime dependency on a file-backed keyring would silently store secrets in
plain text. Values vanish with the process.

Test-only persistence: when ``RISKWATCH_TEST_KEYRING_FILE`` names a file, the values are loaded from and
written to that JSON file on every call, so a ``riskwatch keys set`` subprocess and a later
``riskwatch positions sync`` subprocess share one keyring. Tests put that file outside the data
directory they search for leaked secrets.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "RISKWATCH_TEST_KEYRING_FILE"


class MemoryKeyring(KeyringBackend):
    priority = 1  # only used when selected explicitly

    _store: dict[tuple[str, str], str] = {}

    @staticmethod
    def _file() -> Path | None:
        name = os.environ.get(FILE_ENV)
        return Path(name) if name else None

    def _load(self) -> dict[tuple[str, str], str]:
        path = self._file()
        if path is None:
            return self._store
        if not path.exists():
            return {}
        return {(s, u): p for s, u, p in json.loads(path.read_text(encoding="utf-8"))}

    def _save(self, values: dict[tuple[str, str], str]) -> None:
        path = self._file()
        if path is None:
            return
        path.write_text(json.dumps([[s, u, p] for (s, u), p in values.items()]), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        values = self._load()
        values[(service, username)] = password
        self._save(values)

    def delete_password(self, service: str, username: str) -> None:
        values = self._load()
        try:
            del values[(service, username)]
        except KeyError:
            raise PasswordDeleteError("no such password") from None
        self._save(values)

    @classmethod
    def clear(cls) -> None:
        """Forget every value held in memory (tests call it between cases)."""
        cls._store.clear()


class LockedMemoryKeyring(MemoryKeyring):
    """A Secret Service whose collection is locked (the desktop session never unlocked it): every call raises
    ``KeyringLocked``, as secretstorage's backend does."""

    def get_password(self, service: str, username: str) -> str | None:
        from keyring.errors import KeyringLocked

        raise KeyringLocked("Failed to unlock the collection!")

    set_password = delete_password = get_password  # type: ignore[assignment]
