"""The token or password of a remote channel, in the OS keyring only.

Service ``RiskWatch`` (the one the API keys use), user name ``channel:<name>``. Like the API keys, a plaintext
or absent keyring backend is refused (SecretStoreUnavailable), and no value ever reaches SQLite, a log, an
exception or a message.
"""

from __future__ import annotations

import threading
from typing import Any

from riskwatch.adapters.keyring_backend import SERVICE, backend_label
from riskwatch.adapters.secret_stores import KeyringSecretStore
from riskwatch.domain.channels import NAME_RE, secret_user
from riskwatch.domain.errors import SecretStoreUnavailable


def _user(name: str) -> str:
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise ValueError("not a channel name")  # never echo the argument: a caller may have swapped name and value
    return secret_user(name)


def _unavailable(action: str, exc: BaseException, backend: Any) -> SecretStoreUnavailable:
    return SecretStoreUnavailable(f"the system keyring ({backend_label(backend)}) could not {action} the channel "
                                  f"secret ({type(exc).__name__})")


class ChannelSecrets:
    """get/set/delete of channel secrets on the OS keyring (``keyring_store``: its backend and service)."""

    def __init__(self, keyring_store: KeyringSecretStore | None = None):
        self._keyring = keyring_store if keyring_store is not None else KeyringSecretStore(service=SERVICE)

    def get(self, name: str) -> str | None:
        user = _user(name)
        backend = self._keyring._usable()
        try:
            return backend.get_password(self._keyring.service, user) or None
        except Exception as exc:
            raise _unavailable("read", exc, backend) from None

    def set(self, name: str, value: str) -> None:
        user = _user(name)
        if not isinstance(value, str) or not value:
            raise ValueError("the secret is empty")
        backend = self._keyring._usable()
        try:
            backend.set_password(self._keyring.service, user, value)
        except Exception as exc:
            raise _unavailable("store", exc, backend) from None

    def delete(self, name: str) -> bool:
        """Remove the secret; False when there was none."""
        user = _user(name)
        backend = self._keyring._usable()
        try:
            if backend.get_password(self._keyring.service, user) is None:
                return False
            backend.delete_password(self._keyring.service, user)
        except Exception as exc:
            if type(exc).__name__ == "PasswordDeleteError":
                return False
            raise _unavailable("delete", exc, backend) from None
        return True


class MemoryChannelSecrets:
    """Channel secrets for this process only (tests, and a session without a keyring)."""

    def __init__(self, values: dict[str, str] | None = None):
        self._values = dict(values or {})
        self._lock = threading.Lock()

    def get(self, name: str) -> str | None:
        with self._lock:
            return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        _user(name)
        if not isinstance(value, str) or not value:
            raise ValueError("the secret is empty")
        with self._lock:
            self._values[name] = value

    def delete(self, name: str) -> bool:
        with self._lock:
            return self._values.pop(name, None) is not None


__all__ = ["ChannelSecrets", "MemoryChannelSecrets"]
