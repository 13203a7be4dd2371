"""Pure rules for syncing the crypto positions of one exchange account with its balances.

An exchange account is identified by the position's ``account`` field (e.g. "Kraken"). A sync compares
the balances an exchange reports (currency code -> total amount, ``Decimal``) with the positions held in
that account and proposes a :class:`SyncPlan`: positions to add, quantities to change, positions to remove.
Nothing here talks to an exchange or a store; the services apply a plan the user confirmed.

Classification of a currency code:

* fiat money (USD, EUR, ... including the Kraken spellings ZUSD, ZEUR) is ignored: it is cash, not a
  position RiskWatch watches;
* stablecoins (USDT, USDC, DAI, ...) become positions of kind ``stablecoin``;
* everything else becomes kind ``crypto``.

Exchange-specific sub-balances are folded into their asset: Kraken reports staked or reward balances with a
suffix (``ETH.S``, ``BTC.M``, ``DOT.P`` ...) and a few legacy codes (``XBT``, ``XDG``, ``ETH2``); their
amounts are added to the plain asset. Codes that cannot be a symbol are listed in ``SyncPlan.skipped``.

Existing positions keep their cost basis, currency, note and kind; new ones get a cost basis of 0 (the
exchange does not report what was paid). Example positions are never touched, and positions of kinds the
sync does not manage (stocks in an account of the same name) are never removed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from riskwatch.domain.model import Asset, AssetKind, Position, normalize_symbol

#: The kinds of position a sync manages (adds, changes and removes).
SYNC_KINDS: tuple[AssetKind, ...] = (AssetKind.CRYPTO, AssetKind.STABLECOIN)

STABLECOINS = frozenset({
    "USDT", "USDC", "DAI", "PYUSD", "FDUSD", "TUSD", "USDP", "BUSD", "USDE", "USDS", "USDG", "RLUSD", "GUSD",
    "LUSD", "FRAX", "EURC", "EURT", "EURQ", "EURR",
})

FIAT = frozenset({
    "USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON",
    "BGN", "TRY", "BRL", "MXN", "ARS", "CLP", "COP", "PEN", "ZAR", "NGN", "KES", "GHS", "HKD", "SGD", "KRW",
    "INR", "IDR", "PHP", "THB", "VND", "MYR", "TWD", "CNY", "AED", "SAR", "ILS", "UAH", "RUB", "KZT", "GEL",
})

#: Kraken's four-letter spellings of fiat money, in case a balance arrives without ccxt's mapping.
_FIAT_ALIASES = {"ZUSD": "USD", "ZEUR": "EUR", "ZGBP": "GBP", "ZCAD": "CAD", "ZJPY": "JPY", "ZAUD": "AUD",
                 "ZCHF": "CHF"}
#: Legacy or exchange-specific codes of well-known assets.
_ALIASES = {"XBT": "BTC", "XXBT": "BTC", "XDG": "DOGE", "XXDG": "DOGE", "ETH2": "ETH", "XETH": "ETH"}
#: Suffixes of sub-balances (staked, opt-in rewards, flexible earn, bonded, parachain, on hold, ...).
_SUB_BALANCE_SUFFIXES = frozenset({"S", "M", "F", "B", "P", "T", "HOLD"})

_EXCHANGE_NAMES = {"kraken": "Kraken", "binance": "Binance", "coinbase": "Coinbase", "bitstamp": "Bitstamp",
                   "bitfinex": "Bitfinex", "kucoin": "KuCoin", "okx": "OKX", "bybit": "Bybit",
                   "gemini": "Gemini"}


def account_name(exchange_id: str) -> str:
    """The account name positions synced from ``exchange_id`` carry ("kraken" -> "Kraken")."""
    ex = (exchange_id or "").strip().lower()
    return _EXCHANGE_NAMES.get(ex, ex[:1].upper() + ex[1:])


@dataclass(frozen=True, repr=False)
class ApiCredentials:
    """An exchange API key. ``repr`` and ``str`` never show the values."""

    api_key: str
    secret: str
    passphrase: str | None = None

    def __post_init__(self) -> None:
        for name in ("api_key", "secret"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                raise ValueError(f"{name.replace('_', ' ')} is empty")
        if self.passphrase == "":
            object.__setattr__(self, "passphrase", None)

    def values(self) -> tuple[str, ...]:
        """The sensitive strings (for redaction)."""
        return tuple(v for v in (self.api_key, self.secret, self.passphrase) if v)

    def __repr__(self) -> str:
        return f"ApiCredentials(api_key='***', secret='***', passphrase={'***' if self.passphrase else None})"

    __str__ = __repr__


def normalize_balance_code(code: str) -> str:
    """Fold exchange-specific spellings into the plain asset code ("XBT.M" -> "BTC", "ZEUR" -> "EUR")."""
    text = (code or "").strip().upper()
    if "." in text:
        base, _, suffix = text.rpartition(".")
        if base and suffix in _SUB_BALANCE_SUFFIXES:
            text = base
    text = _FIAT_ALIASES.get(text, text)
    return _ALIASES.get(text, text)


def classify_code(code: str) -> AssetKind | None:
    """The kind of position a balance in ``code`` becomes; None for fiat money (ignored)."""
    c = normalize_balance_code(code)
    if c in FIAT:
        return None
    if c in STABLECOINS:
        return AssetKind.STABLECOIN
    return AssetKind.CRYPTO


def _plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and without an exponent (1500.000 -> 1500, 1E-5 -> 0.00001)."""
    if value == 0:
        return Decimal("0")
    return Decimal(format(value.normalize(), "f"))


@dataclass(frozen=True)
class QuantityChange:
    before: Position
    after: Position

    @property
    def symbol(self) -> str:
        return self.after.symbol

    @property
    def old_quantity(self) -> Decimal:
        return self.before.quantity

    @property
    def new_quantity(self) -> Decimal:
        return self.after.quantity

    @property
    def delta(self) -> Decimal:
        return self.after.quantity - self.before.quantity


@dataclass(frozen=True)
class SyncPlan:
    """What a sync would do to the positions of one account."""

    account: str
    added: tuple[Position, ...] = ()
    changed: tuple[QuantityChange, ...] = ()
    removed: tuple[Position, ...] = ()
    unchanged: tuple[Position, ...] = ()
    skipped: tuple[str, ...] = field(default=())   # balance codes that cannot be a position symbol

    @property
    def is_empty(self) -> bool:
        """True when applying the plan would change nothing."""
        return not (self.added or self.changed or self.removed)

    @property
    def change_count(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed)


def aggregate_balances(balances: Mapping[str, Decimal]) -> tuple[dict[str, Decimal], tuple[str, ...]]:
    """Positive non-fiat balances by symbol (sub-balances folded in), and the codes that are skipped.

    Raises ValueError for an amount that is not a finite, non-negative number: a sync must never be
    planned from a broken answer (a dropped entry would look like a sold position).
    """
    totals: dict[str, Decimal] = {}
    skipped: list[str] = []
    for code, amount in balances.items():
        try:
            value = amount if isinstance(amount, Decimal) else Decimal(str(amount))
        except (InvalidOperation, ValueError):
            raise ValueError(f"the balance of {code!r} is not a number") from None
        if not value.is_finite() or value < 0:
            raise ValueError(f"the balance of {code!r} is not a finite amount ≥ 0")
        if value == 0:
            continue
        norm = normalize_balance_code(str(code))
        if classify_code(norm) is None:
            continue
        try:
            symbol = normalize_symbol(norm)
        except ValueError:
            skipped.append(str(code))
            continue
        totals[symbol] = totals.get(symbol, Decimal("0")) + value
    return {s: _plain(v) for s, v in totals.items()}, tuple(sorted(skipped))


def plan_sync(existing_positions: Sequence[Position], balances: Mapping[str, Decimal], account: str,
              kinds: Collection[AssetKind] = SYNC_KINDS, *, quote_currency: str = "USD") -> SyncPlan:
    """Compare the positions held in ``account`` with an exchange's ``balances``.

    Parameters
    ----------
    existing_positions : every position in the store (other accounts are ignored).
    balances : total balance per currency code as the exchange reports it (``Decimal``, zero allowed).
    account : the account name of this exchange account, e.g. "Kraken" (matched case-insensitively; an
        existing spelling is kept).
    kinds : the kinds of position the sync manages: only these are removed when the balance is gone.
    quote_currency : the quote currency of new positions.

    Returns
    -------
    SyncPlan with positions to add (cost basis 0), quantity changes (cost basis, currency, kind and note
    kept), positions to remove and the unchanged ones.
    """
    name = (account or "").strip()
    if not name:
        raise ValueError("account name is empty")
    key = name.casefold()
    managed = frozenset(kinds)
    totals, skipped = aggregate_balances(balances)
    held: dict[str, Position] = {}
    for p in existing_positions:
        if p.account.casefold() == key and not p.is_example:
            held.setdefault(p.symbol, p)
            name = p.account  # keep the spelling already in use
    added: list[Position] = []
    changed: list[QuantityChange] = []
    unchanged: list[Position] = []
    for symbol in sorted(totals):
        qty = totals[symbol]
        current = held.get(symbol)
        if current is None:
            kind = classify_code(symbol) or AssetKind.CRYPTO
            if kind not in managed:
                continue
            added.append(Position(Asset(symbol, kind, quote_currency), qty, Decimal("0"), name))
        elif current.quantity != qty:
            changed.append(QuantityChange(current, replace(current, quantity=qty)))
        else:
            unchanged.append(current)
    removed = [p for s, p in sorted(held.items()) if s not in totals and p.asset.kind in managed]
    return SyncPlan(name, tuple(added), tuple(changed), tuple(removed), tuple(unchanged), skipped)


__all__ = [
    "SYNC_KINDS", "STABLECOINS", "FIAT", "ApiCredentials", "QuantityChange", "SyncPlan", "account_name",
    "aggregate_balances", "classify_code", "normalize_balance_code", "plan_sync",
]
