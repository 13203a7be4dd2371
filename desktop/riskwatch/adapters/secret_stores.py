"""The three places an API key can live: the OS keyring, environment variables (read-only), this session.

Each exchange has up to three items (``api_key``, ``secret``, ``passphrase``); in the keyring they are stored
under service ``RiskWatch`` and user name ``<exchange>:<item>``. Nothing here ever writes a secret anywhere
else: not to SQLite, settings, logs or exception messages.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from typing import Any

from riskwatch.adapters.keyring_backend import SERVICE, BackendStatus, backend_label, classify_backend, current_backend
from riskwatch.domain.account_sync import ApiCredentials
from riskwatch.domain.errors import SecretStoreUnavailable
from riskwatch.options import EXCHANGE_SECRET_SUFFIXES, RuntimeOptions, exchange_secret_var, options_of

ITEMS = ("api_key", "secret", "passphrase")
ENV_SUFFIXES = EXCHANGE_SECRET_SUFFIXES
SOURCE_KEYRING, SOURCE_ENV, SOURCE_SESSION = "keyring", "env", "session"

_EXCHANGE_RE = re.compile(r"^[a-z][a-z0-9_]{1,31}$")


def check_exchange_id(exchange: str) -> str:
    """The normalised exchange id (``"Kraken"`` -> ``"kraken"``); ValueError when it cannot be one."""
    ex = (exchange or "").strip().lower()
    if not _EXCHANGE_RE.match(ex):
        raise ValueError(f"'{exchange}' is not an exchange id (letters, digits and _ only)")
    return ex


def env_var(exchange: str, item: str) -> str:
    """``RISKWATCH_KRAKEN_API_KEY`` and friends."""
    return exchange_secret_var(check_exchange_id(exchange), _check_item(item))


def _check_item(item: str) -> str:
    if item not in ITEMS:
        raise ValueError(f"unknown secret item '{item}' (expected one of {', '.join(ITEMS)})")
    return item


def _unavailable(action: str, exc: BaseException | None, backend_name: str) -> SecretStoreUnavailable:
    """A SecretStoreUnavailable that names the failure but never the value (keyring texts are not echoed)."""
    what = type(exc).__name__ if exc is not None else "refused"
    return SecretStoreUnavailable(f"the system keyring ({backend_name}) could not {action} the API key ({what})")


class KeyringSecretStore:
    """SecretStore on the OS keyring, service ``RiskWatch``. Refuses absent and plaintext backends."""

    source = SOURCE_KEYRING

    def __init__(self, backend: Any = None, service: str = SERVICE):
        self._backend = backend
        self.service = service

    @property
    def backend(self) -> Any:
        if self._backend is None:
            try:
                self._backend = current_backend()
            except Exception as exc:
                raise _unavailable("load", exc, "none") from None
        return self._backend

    @property
    def backend_name(self) -> str:
        return backend_label(self.backend)

    def _usable(self) -> Any:
        backend = self.backend
        kind = classify_backend(backend)
        if kind != "secure":
            raise SecretStoreUnavailable(BackendStatus(False, backend_label(backend), kind).describe())
        return backend

    @staticmethod
    def username(exchange: str, item: str) -> str:
        return f"{check_exchange_id(exchange)}:{_check_item(item)}"

    def get(self, exchange: str, item: str) -> str | None:
        user = self.username(exchange, item)
        backend = self._usable()
        try:
            value = backend.get_password(self.service, user)
        except Exception as exc:
            raise _unavailable("read", exc, backend_label(backend)) from None
        return value or None

    def set(self, exchange: str, item: str, value: str) -> None:
        user = self.username(exchange, item)
        if not isinstance(value, str) or not value:
            raise ValueError(f"{item} is empty")
        backend = self._usable()
        try:
            backend.set_password(self.service, user, value)
        except Exception as exc:
            raise _unavailable("store", exc, backend_label(backend)) from None

    def delete(self, exchange: str, item: str) -> bool:
        """Remove one item; False when there was nothing to remove."""
        user = self.username(exchange, item)
        backend = self._usable()
        try:
            if backend.get_password(self.service, user) is None:
                return False
            backend.delete_password(self.service, user)
        except Exception as exc:
            if type(exc).__name__ == "PasswordDeleteError":
                return False
            raise _unavailable("delete", exc, backend_label(backend)) from None
        return True


class SessionSecretStore:
    """Keys kept in memory for this session only (gone when the process ends)."""

    source = SOURCE_SESSION

    def __init__(self) -> None:
        self._values: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get(self, exchange: str, item: str) -> str | None:
        with self._lock:
            return self._values.get((check_exchange_id(exchange), _check_item(item)))

    def set(self, exchange: str, item: str, value: str) -> None:
        if not isinstance(value, str) or not value:
            raise ValueError(f"{item} is empty")
        with self._lock:
            self._values[(check_exchange_id(exchange), _check_item(item))] = value

    def delete(self, exchange: str, item: str) -> bool:
        with self._lock:
            return self._values.pop((check_exchange_id(exchange), _check_item(item)), None) is not None

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


class EnvSecretStore:
    """Read-only keys from ``RISKWATCH_<EXCHANGE>_API_KEY`` / ``_SECRET`` / ``_PASSPHRASE``."""

    source = SOURCE_ENV

    def __init__(self, environ: Mapping[str, str] | RuntimeOptions | None = None):
        """``environ``: the runtime options, or a mapping to read them from (None: the process environment)."""
        self.options = environ if isinstance(environ, RuntimeOptions) else options_of(environ=environ)

    def get(self, exchange: str, item: str) -> str | None:
        return self.options.exchange_secret(check_exchange_id(exchange), _check_item(item))

    def set(self, exchange: str, item: str, value: str) -> None:
        raise SecretStoreUnavailable(f"environment variables are read-only; set {env_var(exchange, item)} in the "
                                     "environment that starts RiskWatch")

    def delete(self, exchange: str, item: str) -> bool:
        raise SecretStoreUnavailable(f"environment variables are read-only; unset {env_var(exchange, item)}")


def load_credentials(store: Any, exchange: str) -> ApiCredentials | None:
    """Key, secret and passphrase of ``exchange`` from one store; None unless key and secret are both there."""
    key = store.get(exchange, "api_key")
    secret = store.get(exchange, "secret")
    if not key or not secret:
        return None
    return ApiCredentials(key, secret, store.get(exchange, "passphrase"))


def save_credentials(store: Any, exchange: str, credentials: ApiCredentials) -> None:
    """Write all items (a missing passphrase deletes a stored one); undo the items written on failure."""
    written: list[str] = []
    try:
        for item, value in (("api_key", credentials.api_key), ("secret", credentials.secret),
                            ("passphrase", credentials.passphrase)):
            if value:
                store.set(exchange, item, value)
                written.append(item)
            else:
                store.delete(exchange, item)
    except BaseException:
        for item in written:
            try:
                store.delete(exchange, item)
            except Exception:
                pass
        raise
