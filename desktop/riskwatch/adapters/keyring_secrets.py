"""API keys in the OS keyring, and the two fallbacks when there is none.

Secrets go through exactly one service name, ``RiskWatch``; each exchange has up to three items
(``api_key``, ``secret``, ``passphrase``) stored under the user name ``<exchange>:<item>``. Nothing here
ever writes a secret anywhere else: not to SQLite, settings, logs or exception messages.

Backends are classified before use (:mod:`.keyring_backend`: secure, absent or plaintext; only a secure one
is used, never a silent plaintext fallback); the stores themselves are in :mod:`.secret_stores`.

Without a secure backend keys can come from environment variables (``RISKWATCH_<EXCHANGE>_API_KEY``,
``_SECRET``, ``_PASSPHRASE``; read-only) or be kept in memory for this session (:class:`SessionSecretStore`).
:class:`SecretResolver` looks up keyring -> environment -> session and says which one it used, so the GUI
can show a banner and the command line can print it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping

from riskwatch.adapters.keyring_backend import SERVICE, BackendStatus, backend_status, classify_backend
from riskwatch.adapters.secret_stores import (
    ENV_SUFFIXES,
    ITEMS,
    SOURCE_ENV,
    SOURCE_KEYRING,
    SOURCE_SESSION,
    EnvSecretStore,
    KeyringSecretStore,
    SessionSecretStore,
    check_exchange_id,
    env_var,
    load_credentials,
    save_credentials,
)
from riskwatch.domain.account_sync import ApiCredentials
from riskwatch.domain.errors import SecretStoreUnavailable
from riskwatch.options import RuntimeOptions

log = logging.getLogger(__name__)


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
    def default(cls, environ: Mapping[str, str] | RuntimeOptions | None = None) -> SecretResolver:
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


__all__ = [
    "SERVICE", "ITEMS", "SOURCE_KEYRING", "SOURCE_ENV", "SOURCE_SESSION", "BackendStatus", "EnvSecretStore",
    "KeyringSecretStore", "SecretResolver", "SessionSecretStore", "backend_status", "check_exchange_id",
    "classify_backend", "env_var", "load_credentials", "save_credentials", "ENV_SUFFIXES",
]
