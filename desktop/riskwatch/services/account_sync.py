"""Exchange-account sync: fetch balances with a stored read-only key, plan the diff, apply it in one go.

The collaborators are injected (app.py wires the keyring resolver and the ccxt account adapter), so this
module imports no adapter: ``credentials(exchange)`` returns :class:`ApiCredentials` or None and
``fetch_balances(exchange, credentials)`` is a coroutine returning total balances by currency code.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping
from decimal import Decimal
from typing import Protocol

from riskwatch.domain.account_sync import SYNC_KINDS, ApiCredentials, SyncPlan, account_name, plan_sync
from riskwatch.domain.errors import AuthenticationFailed
from riskwatch.domain.model import AssetKind, Position

FetchBalances = Callable[[str, ApiCredentials], Awaitable[Mapping[str, Decimal]]]
TestCredentials = Callable[[str, ApiCredentials], Awaitable[None]]


class CredentialVault(Protocol):
    """Where API keys come from (implemented by ``adapters.keyring_secrets.SecretResolver``).

    ``source`` names the store in use: "keyring" (the OS keyring), "env" (RISKWATCH_<EXCHANGE>_API_KEY /
    _SECRET) or "session" (memory, gone when the app quits).
    """

    @property
    def secure_backend(self) -> bool: ...
    @property
    def backend_name(self) -> str: ...
    def credentials(self, exchange: str) -> ApiCredentials | None: ...
    def source(self, exchange: str) -> str | None: ...
    def save(self, exchange: str, credentials: ApiCredentials, *, session_only: bool = False) -> str: ...
    def delete(self, exchange: str) -> list[str]: ...


class PositionChanges(Protocol):
    def list_positions(self) -> list[Position]: ...
    def apply_position_changes(self, added, changed, removed) -> list[Position]: ...


def missing_credentials(exchange: str) -> AuthenticationFailed:
    return AuthenticationFailed("missing", f"no API key for {exchange} is stored (keyring, environment "
                                           f"RISKWATCH_{exchange.upper()}_API_KEY / _SECRET, or this session)")


def apply_sync(store: PositionChanges, plan: SyncPlan) -> list[Position]:
    """Apply a confirmed plan in ONE transaction (all or nothing). Returns the added positions."""
    if plan.is_empty:
        return []
    return store.apply_position_changes(list(plan.added), [c.after for c in plan.changed], list(plan.removed))


class SyncService:
    """fetch -> plan -> (user confirms) -> apply, for the crypto positions of one exchange account."""

    def __init__(self, store: PositionChanges, credentials: Callable[[str], ApiCredentials | None],
                 fetch_balances: FetchBalances, *, kinds: Collection[AssetKind] = SYNC_KINDS,
                 quote_currency: str = "USD"):
        self._store = store
        self._credentials = credentials
        self._fetch = fetch_balances
        self.kinds = tuple(kinds)
        self.quote_currency = quote_currency

    def has_credentials(self, exchange: str) -> bool:
        return self._credentials(exchange) is not None

    async def fetch(self, exchange: str) -> Mapping[str, Decimal]:
        """The exchange account's balances. Raises AuthenticationFailed (reason "missing" without a key)."""
        creds = self._credentials(exchange)
        if creds is None:
            raise missing_credentials(exchange)
        return await self._fetch(exchange, creds)

    def plan_from(self, exchange: str, balances: Mapping[str, Decimal]) -> SyncPlan:
        return plan_sync(self._store.list_positions(), balances, account_name(exchange), self.kinds,
                         quote_currency=self.quote_currency)

    async def plan(self, exchange: str) -> SyncPlan:
        """Fetch the balances and compare them with the positions of the account (nothing is written)."""
        balances = await self.fetch(exchange)
        return self.plan_from(exchange, balances)

    def apply(self, plan: SyncPlan) -> list[Position]:
        return apply_sync(self._store, plan)


__all__ = ["CredentialVault", "FetchBalances", "SyncService", "TestCredentials", "apply_sync",
           "missing_credentials"]
