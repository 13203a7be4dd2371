"""API keys in the OS keyring, and the two fallbacks when there is none.

Secrets go through exactly one service name, ``RiskWatch``; each exchange has up to three items
(``api_key``, ``secret``, ``passphrase``) stored under the user name ``<exchange>:<item>``. Nothing here
ever writes a secret anywhere else: not to SQLite, settings, logs or exception messages.

Backends are classified before use:

* secure: a real OS keyring (Secret Service / KWallet, macOS Keychain, Windows Credential Locker), or a
  backend chosen explicitly through ``PYTHON_KEYRING_BACKEND`` that is none of the below;
* absent: ``keyring.backends.fail.Keyring`` (what keyring picks on a headless Linux box; every call raises
  NoKeyringError), ``keyring.backends.null.Keyring``, an empty chain, or a backend that fails when probed;
* plaintext: anything from ``keyrings.alt`` (PlaintextKeyring and friends write a file) or a backend whose
  name says plaintext/unencrypted. RiskWatch refuses them like an absent keyring: never a silent
  plaintext fallback.

Without a secure backend keys can come from environment variables (``RISKWATCH_<EXCHANGE>_API_KEY``,
``_SECRET``, ``_PASSPHRASE``; read-only) or be kept in memory for this session (:class:`SessionSecretStore`).
:class:`SecretResolver` looks up keyring -> environment -> session and says which one it used, so the GUI
can show a banner and the command line can print it.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from riskwatch.domain.account_sync import ApiCredentials
from riskwatch.domain.errors import SecretStoreUnavailable

log = logging.getLogger(__name__)

SERVICE = "RiskWatch"
ITEMS = ("api_key", "secret", "passphrase")
ENV_SUFFIXES = {"api_key": "API_KEY", "secret": "SECRET", "passphrase": "PASSPHRASE"}
SOURCE_KEYRING, SOURCE_ENV, SOURCE_SESSION = "keyring", "env", "session"

_EXCHANGE_RE = re.compile(r"^[a-z][a-z0-9_]{1,31}$")
_PROBE_USER = "__riskwatch_probe__"
_INSECURE_MODULES = ("keyrings.alt", "keyring.backends.file")
_INSECURE_NAME_HINTS = ("plaintext", "unencrypted", "insecure")
_ABSENT_CLASSES = ("keyring.backends.fail.Keyring", "keyring.backends.null.Keyring")


def check_exchange_id(exchange: str) -> str:
    """The normalised exchange id (``"Kraken"`` -> ``"kraken"``); ValueError when it cannot be one."""
    ex = (exchange or "").strip().lower()
    if not _EXCHANGE_RE.match(ex):
        raise ValueError(f"'{exchange}' is not an exchange id (letters, digits and _ only)")
    return ex


def env_var(exchange: str, item: str) -> str:
    """``RISKWATCH_KRAKEN_API_KEY`` and friends."""
    return f"RISKWATCH_{check_exchange_id(exchange).upper()}_{ENV_SUFFIXES[item]}"


def _check_item(item: str) -> str:
    if item not in ITEMS:
        raise ValueError(f"unknown secret item '{item}' (expected one of {', '.join(ITEMS)})")
    return item


# -- backend classification ------------------------------------------------------------------------------
@dataclass(frozen=True)
class BackendStatus:
    """Whether the keyring can hold secrets safely. ``problem``: None, "absent", "plaintext", "locked" (a
    Secret Service the session never unlocked: keys may well be stored in it) or "error"."""

    secure: bool
    name: str
    problem: str | None = None

    def describe(self) -> str:
        if self.secure:
            return f"system keyring ({self.name})"
        if self.problem == "plaintext":
            return f"the keyring backend {self.name} stores secrets in plain text; RiskWatch does not use it"
        if self.problem == "locked":
            return f"the system keyring ({self.name}) is locked"
        if self.problem == "error":
            return f"the system keyring ({self.name}) is not usable"
        return "no secure system keyring is available"


def _qualname(obj: Any) -> str:
    cls = obj if isinstance(obj, type) else type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def backend_label(backend: Any) -> str:
    name = getattr(backend, "name", None)
    return name if isinstance(name, str) and name else type(backend).__name__


def classify_backend(backend: Any) -> str:
    """"secure", "absent" or "plaintext" (without touching the backend's data)."""
    if backend is None:
        return "absent"
    qual = _qualname(backend)
    if qual in _ABSENT_CLASSES:
        return "absent"
    low = qual.lower()
    if low.startswith(_INSECURE_MODULES) or any(h in type(backend).__name__.lower() for h in _INSECURE_NAME_HINTS):
        return "plaintext"
    try:
        from keyring.backends.chainer import ChainerBackend
    except Exception:  # pragma: no cover - keyring is a dependency
        ChainerBackend = ()  # type: ignore[assignment,misc]
    if isinstance(backend, ChainerBackend) or qual == "keyring.backends.chainer.ChainerBackend":
        try:
            chain = list(backend.backends or ())
        except Exception:
            return "absent"
        kinds = [classify_backend(b) for b in chain]
        if not kinds or all(k == "absent" for k in kinds):
            return "absent"
        if "plaintext" in kinds:  # the chain may fall back to writing the plaintext file
            return "plaintext"
        return "secure"
    return "secure"


def current_backend() -> Any:
    """keyring's selected backend (``PYTHON_KEYRING_BACKEND``, keyringrc.cfg or the best available)."""
    import keyring

    return keyring.get_keyring()


def backend_status(backend: Any = None, *, probe: bool = True) -> BackendStatus:
    """Classify ``backend`` (default: keyring's choice); ``probe`` makes one harmless read to be sure."""
    try:
        backend = backend if backend is not None else current_backend()
    except Exception as exc:  # a broken PYTHON_KEYRING_BACKEND or keyringrc.cfg
        log.warning("keyring backend could not be loaded (%s)", type(exc).__name__)
        return BackendStatus(False, "none", "error")
    name = backend_label(backend)
    kind = classify_backend(backend)
    if kind != "secure":
        return BackendStatus(False, name, kind)
    if probe:
        try:
            backend.get_password(SERVICE, _PROBE_USER)
        except Exception as exc:
            log.warning("keyring backend %s failed a read probe (%s)", name, type(exc).__name__)
            problem = {"NoKeyringError": "absent", "KeyringLocked": "locked"}.get(type(exc).__name__, "error")
            return BackendStatus(False, name, problem)
    return BackendStatus(True, name)


def _unavailable(action: str, exc: BaseException | None, backend_name: str) -> SecretStoreUnavailable:
    """A SecretStoreUnavailable that names the failure but never the value (keyring texts are not echoed)."""
    what = type(exc).__name__ if exc is not None else "refused"
    return SecretStoreUnavailable(f"the system keyring ({backend_name}) could not {action} the API key ({what})")


# -- the stores --------------------------------------------------------------------------------------------
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

    def __init__(self, environ: Mapping[str, str] | None = None):
        self._environ = environ

    @property
    def environ(self) -> Mapping[str, str]:
        return os.environ if self._environ is None else self._environ

    def get(self, exchange: str, item: str) -> str | None:
        value = self.environ.get(env_var(exchange, _check_item(item)), "")
        return value.strip() or None

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


# -- the resolver --------------------------------------------------------------------------------------------
class SecretResolver:
    """Finds an exchange's API key: OS keyring -> environment variables -> this session's memory.

    Writes go to the keyring when a secure backend exists, otherwise only to the session (when asked
    for explicitly, ``session_only=True``). Implements ``services.account_sync.CredentialVault``.
    """

    def __init__(self, keyring_store: KeyringSecretStore | None = None, env: EnvSecretStore | None = None,
                 session: SessionSecretStore | None = None, *, status: BackendStatus | None = None):
        self.keyring = keyring_store if keyring_store is not None else KeyringSecretStore()
        self.env = env if env is not None else EnvSecretStore()
        self.session = session if session is not None else SessionSecretStore()
        self._status = status
        self._lock = threading.Lock()

    @classmethod
    def default(cls, environ: Mapping[str, str] | None = None) -> SecretResolver:
        return cls(KeyringSecretStore(), EnvSecretStore(environ), SessionSecretStore())

    # -- backend --------------------------------------------------------------------------------------
    @property
    def status(self) -> BackendStatus:
        """The keyring's classification (probed once, lazily: importing keyring costs start-up time)."""
        with self._lock:
            if self._status is None:
                try:
                    backend = self.keyring.backend
                except SecretStoreUnavailable:
                    self._status = BackendStatus(False, "none", "error")
                else:
                    self._status = backend_status(backend)
                log.info("secret store: %s", self._status.describe())
            return self._status

    @property
    def secure_backend(self) -> bool:
        return self.status.secure

    @property
    def backend_name(self) -> str:
        return self.status.name

    # -- lookups --------------------------------------------------------------------------------------
    def _lookup(self, exchange: str) -> tuple[str, ApiCredentials] | None:
        exchange = check_exchange_id(exchange)
        if self.secure_backend:
            try:
                found = load_credentials(self.keyring, exchange)
            except SecretStoreUnavailable as exc:
                log.warning("keyring lookup failed: %s", exc)
                found = None
            if found is not None:
                return SOURCE_KEYRING, found
        for store in (self.env, self.session):
            found = load_credentials(store, exchange)
            if found is not None:
                return store.source, found
        return None

    def credentials(self, exchange: str) -> ApiCredentials | None:
        hit = self._lookup(exchange)
        return hit[1] if hit else None

    def source(self, exchange: str) -> str | None:
        """"keyring", "env", "session" or None: where ``credentials(exchange)`` comes from."""
        hit = self._lookup(exchange)
        return hit[0] if hit else None

    # -- changes --------------------------------------------------------------------------------------
    def save(self, exchange: str, credentials: ApiCredentials, *, session_only: bool = False) -> str:
        """Store the key; returns the source used ("keyring" or "session").

        Raises SecretStoreUnavailable when no secure keyring exists and ``session_only`` was not chosen:
        the caller must ask the user, never fall back silently.
        """
        exchange = check_exchange_id(exchange)
        if session_only:
            save_credentials(self.session, exchange, credentials)
            return SOURCE_SESSION
        if not self.secure_backend:
            raise SecretStoreUnavailable(self.status.describe() + "; the key can be used for this session only "
                                         f"or set through {env_var(exchange, 'api_key')} / "
                                         f"{env_var(exchange, 'secret')}")
        save_credentials(self.keyring, exchange, credentials)
        for item in ITEMS:  # a key saved for good replaces one kept for the session
            self.session.delete(exchange, item)
        return SOURCE_KEYRING

    def delete(self, exchange: str) -> list[str]:
        """Remove the key from the keyring (when usable) and the session; returns the sources cleared.

        Environment variables cannot be removed from here; ``source()`` still reports "env" afterwards.
        """
        exchange = check_exchange_id(exchange)
        cleared: list[str] = []
        if self.secure_backend:
            if any([self.keyring.delete(exchange, item) for item in ITEMS]):
                cleared.append(SOURCE_KEYRING)
        if any([self.session.delete(exchange, item) for item in ITEMS]):
            cleared.append(SOURCE_SESSION)
        return cleared

    def env_names(self, exchange: str) -> tuple[str, str, str]:
        return tuple(env_var(exchange, item) for item in ITEMS)  # type: ignore[return-value]


__all__ = [
    "SERVICE", "ITEMS", "SOURCE_KEYRING", "SOURCE_ENV", "SOURCE_SESSION", "BackendStatus", "EnvSecretStore",
    "KeyringSecretStore", "SecretResolver", "SessionSecretStore", "backend_status", "check_exchange_id",
    "classify_backend", "env_var", "load_credentials", "save_credentials",
]
