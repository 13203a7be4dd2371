"""Immutable domain objects.

Quantities and money held by the user are ``Decimal``; market data (bars, quotes) are floats because
they feed the metric functions, which work on float arrays. Timestamps are timezone-aware UTC.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from enum import Enum

from riskwatch.domain.errors import InputError, Problem
from riskwatch.domain.numbers import check_cost_basis, check_quantity
from riskwatch.domain.text import printable


class AssetKind(str, Enum):
    CRYPTO = "crypto"
    EQUITY = "equity"
    INDEX = "index"
    STABLECOIN = "stablecoin"

    @classmethod
    def parse(cls, text: str) -> AssetKind:
        """The kind named by its code or by the name the (German or English) window shows."""
        key = (text or "").strip().lower()
        try:
            return cls(_KIND_NAMES.get(key, key))
        except ValueError:
            raise ValueError(
                f"unknown kind '{text}', expected one of: {', '.join(k.value for k in cls)}"
            ) from None


# Names of the kinds as the window shows them (German and English), lower-cased.
_KIND_NAMES = {"aktie": "equity", "aktien": "equity", "stock": "equity", "share": "equity",
               "krypto": "crypto", "kryptowährung": "crypto", "cryptocurrency": "crypto"}


#: Kinds priced by a crypto exchange / by the stock feed (exchange sessions, daily bars stamped 00:00 UTC).
CRYPTO_KINDS = frozenset({AssetKind.CRYPTO, AssetKind.STABLECOIN})
EQUITY_KINDS = frozenset({AssetKind.EQUITY, AssetKind.INDEX})
#: Quote currencies counted as US dollars (a BTC/USDT price is a USD price for conversion and history).
USD_LIKE = frozenset({"USD", "USDT", "USDC", "FDUSD"})


#: The bitcoin-miner stocks RiskWatch knows by name (scope "all miners").
MINER_SYMBOLS = frozenset({"IREN", "WULF", "CORZ", "CLSK", "BITF", "MARA", "RIOT", "HUT", "CIFR"})

#: Longest symbol accepted.
MAX_SYMBOL_LENGTH = 32
# ASCII only (checked before upper(): "ı".upper() is "I", "ß".upper() is "SS"); starts with a letter
# or digit; the punctuation exchanges and Yahoo use (BTC/USDT, BRK.B, BTC-USD, GC=F, BINANCE:BTC, X_Y).
_SYMBOL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-^=/_:]*", re.ASCII)
_SYMBOL_CHARS = "letters A-Z, digits and . - / _ : ^ ="
_CURRENCY_RE = re.compile(r"^[A-Z]{3,5}$")


def normalize_symbol(text: str) -> str:
    """Upper-case and strip a ticker; raise ValueError when it cannot be a symbol.

    A symbol is never a path: ``..``, ``.`` or empty segments between slashes, a leading ``/`` or ``.``
    and backslashes are refused, so no code can turn one into a file outside its folder.
    """
    raw = (text or "").strip()
    if not raw:
        raise ValueError("symbol is empty")
    shown = raw if len(raw) <= 40 else raw[:36] + "…"
    if len(raw) > MAX_SYMBOL_LENGTH:
        raise ValueError(f"symbol '{shown}' is {len(raw)} characters long; expected at most {MAX_SYMBOL_LENGTH}")
    bad = next((ch for ch in raw if not (ch.isascii() and ch.isprintable())), None)
    if bad is not None:
        what = f"'{bad}'" if bad.isprintable() else "a non-printing character"
        raise ValueError(f"symbol '{printable(shown)}' contains {what} (U+{ord(bad):04X}); "
                         f"expected {_SYMBOL_CHARS}")
    if not _SYMBOL_RE.fullmatch(raw):
        raise ValueError(f"'{raw}' is not a valid symbol; expected {_SYMBOL_CHARS}, starting with a letter "
                         f"or digit, at most {MAX_SYMBOL_LENGTH}")
    if any(seg in ("", ".", "..") for seg in raw.split("/")) or ".." in raw:
        raise ValueError(f"'{raw}' is not a valid symbol; '..' and empty parts between slashes are not allowed")
    return raw.upper()


@dataclass(frozen=True)
class Asset:
    symbol: str
    kind: AssetKind
    quote_currency: str = "USD"

    def __post_init__(self) -> None:
        object.__setattr__(self, "symbol", normalize_symbol(self.symbol))
        if not isinstance(self.kind, AssetKind):
            object.__setattr__(self, "kind", AssetKind.parse(str(self.kind)))
        cur = (self.quote_currency or "").strip().upper()
        if not _CURRENCY_RE.match(cur):
            raise ValueError(f"'{self.quote_currency}' is not a currency code (3 to 5 letters, e.g. USD)")
        object.__setattr__(self, "quote_currency", cur)

    @property
    def is_miner(self) -> bool:
        return self.kind is AssetKind.EQUITY and self.symbol in MINER_SYMBOLS


def _finite_decimal(value: Decimal, name: str) -> Decimal:
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be a Decimal, got {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"{name} must be a finite number, got {value}")
    return value


@dataclass(frozen=True)
class Position:
    """A holding. ``cost_basis`` is the price paid per unit (Einstandskurs) in ``asset.quote_currency``."""

    asset: Asset
    quantity: Decimal
    cost_basis: Decimal = Decimal("0")
    account: str = ""
    note: str = ""
    id: int | None = None
    is_example: bool = False

    def __post_init__(self) -> None:
        _finite_decimal(self.quantity, "quantity")
        _finite_decimal(self.cost_basis, "cost basis")
        if self.quantity < 0:
            raise ValueError(f"quantity must not be negative, got {self.quantity}")
        if self.cost_basis < 0:
            raise ValueError(f"cost basis must not be negative, got {self.cost_basis}")
        # the bounds every entry path checks, held here too so that no path (sync, a damaged store row read
        # back) can make a holding whose value overflows later
        object.__setattr__(self, "quantity", check_quantity(self.quantity))
        object.__setattr__(self, "cost_basis", check_cost_basis(self.cost_basis))
        object.__setattr__(self, "account", (self.account or "").strip())
        object.__setattr__(self, "note", self.note or "")

    @property
    def symbol(self) -> str:
        return self.asset.symbol

    @property
    def key(self) -> tuple[str, str]:
        """Identity of a holding: one position per symbol and account."""
        return (self.asset.symbol, self.account)

    @property
    def cost_value(self) -> Decimal:
        """Einstandswert: quantity × cost basis."""
        return self.quantity * self.cost_basis


@dataclass(frozen=True)
class Portfolio:
    positions: tuple[Position, ...] = ()
    base_currency: str = "USD"

    def __post_init__(self) -> None:
        object.__setattr__(self, "positions", tuple(self.positions))
        problems = []
        seen: dict[tuple[str, str], int] = {}
        for i, p in enumerate(self.positions):
            if p.key in seen:
                problems.append(Problem(None, "symbol", f"{p.symbol} in account '{p.account}' is held twice"))
            seen[p.key] = i
        if problems:
            raise InputError(None, problems)

    @property
    def symbols(self) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for p in self.positions:
            out.setdefault(p.symbol, None)
        return tuple(out)

    def assets(self) -> tuple[Asset, ...]:
        out: dict[str, Asset] = {}
        for p in self.positions:
            out.setdefault(p.symbol, p.asset)
        return tuple(out.values())

    @property
    def is_example(self) -> bool:
        return bool(self.positions) and all(p.is_example for p in self.positions)


def utc(ts: datetime) -> datetime:
    """Return ``ts`` as an aware UTC datetime; naive input is rejected."""
    if ts.tzinfo is None or ts.tzinfo.utcoffset(ts) is None:
        raise ValueError(f"timestamp {ts.isoformat()} has no timezone")
    return ts.astimezone(timezone.utc)


class Timeframe(str, Enum):
    M1 = "1m"
    M5 = "5m"
    M15 = "15m"
    H1 = "1h"
    H4 = "4h"
    D1 = "1d"

    @property
    def seconds(self) -> int:
        return {"1m": 60, "5m": 300, "15m": 900, "1h": 3600, "4h": 14400, "1d": 86400}[self.value]


def _check_price(value: float | None, name: str, *, allow_none: bool = False) -> None:
    if value is None:
        if allow_none:
            return
        raise ValueError(f"{name} is missing")
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")


@dataclass(frozen=True)
class Bar:
    """One OHLCV bar. ``ts`` is the bar's open time (UTC). Only ``close`` is required."""

    symbol: str
    ts: datetime
    close: float
    open: float | None = None
    high: float | None = None
    low: float | None = None
    volume: float | None = None
    timeframe: Timeframe = Timeframe.D1
    source: str = "import"

    def __post_init__(self) -> None:
        object.__setattr__(self, "symbol", normalize_symbol(self.symbol))
        object.__setattr__(self, "ts", utc(self.ts))
        _check_price(self.close, "close")
        for name in ("open", "high", "low"):
            _check_price(getattr(self, name), name, allow_none=True)
        if self.volume is not None and (not math.isfinite(self.volume) or self.volume < 0):
            raise ValueError(f"volume must be a finite number ≥ 0, got {self.volume!r}")
        if not isinstance(self.timeframe, Timeframe):
            object.__setattr__(self, "timeframe", Timeframe(self.timeframe))


@dataclass(frozen=True)
class Quote:
    """The latest price of a symbol from a source, with the time the source stamped it."""

    symbol: str
    price: float
    ts: datetime
    source: str
    bid: float | None = None
    ask: float | None = None
    change_24h: float | None = None  # fraction, e.g. -0.03
    volume_24h: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "symbol", normalize_symbol(self.symbol))
        object.__setattr__(self, "ts", utc(self.ts))
        _check_price(self.price, "price")
        _check_price(self.bid, "bid", allow_none=True)
        _check_price(self.ask, "ask", allow_none=True)


@dataclass(frozen=True)
class PriceSeriesInfo:
    """What the store holds for one symbol."""

    symbol: str
    source: str
    timeframe: Timeframe
    rows: int
    first: datetime | None
    last: datetime | None
    extra: dict = field(default_factory=dict, compare=False)
