"""Leverage data of the BTC perpetual from a derivatives venue through ccxt: funding rate and open interest.

Default venue: **Binance USDⓈ-M futures** (ccxt id ``binanceusdm``), market ``BTC/USDT:USDT``. In ccxt 4.5 it
offers all three calls natively and without an API key — ``fetchFundingRate`` (``GET /fapi/v1/premiumIndex``),
``fetchOpenInterest`` (``GET /fapi/v1/openInterest``) and ``fetchOpenInterestHistory``
(``GET /futures/data/openInterestHist``) — and it is the deepest BTC perpetual. Bybit (``bybit``, funding
emulated through its tickers) is listed as an alternative profile but not exercised by the tests.

``ccxt.async_support`` is imported lazily inside the coroutines (in a worker thread: the import takes over a
second), never at module import, so this module is safe on the GUI startup path.

Every answer is validated: a 200 with malformed JSON makes ccxt return None fields or raise ``NullResponse``.
A missing / non-finite funding rate or one beyond ±10 % per interval, and a missing, zero or negative open
interest, raise :class:`~riskwatch.domain.errors.InvalidData`. ccxt errors become domain errors carrying
``code`` (stable string), ``retryable`` and ``source`` (:mod:`riskwatch.adapters.feed_errors` with the rules
of :data:`DERIVATIVES_RULES`):

==============================================  ===============  ===============
ccxt                                           domain           code
==============================================  ===============  ===============
RateLimitExceeded, DDoSProtection (429, 418)   RateLimited      rate_limited
RequestTimeout                                 DataUnavailable  timeout
ExchangeNotAvailable (5xx)                     DataUnavailable  unavailable
other NetworkError                             DataUnavailable  network
BadResponse, NullResponse                      InvalidData      malformed
other OperationFailed (Binance -1000 on a 500)  DataUnavailable  unavailable
BadSymbol                                      BadSymbol        bad_symbol
NotSupported                                   DataUnavailable  not_supported
AuthenticationError                            DataUnavailable  auth
other ccxt error                               DataUnavailable  exchange_error
non-ccxt exception while parsing               InvalidData      malformed
==============================================  ===============  ===============

No retries here: the monitor cycle asks again next time, and an unreachable venue shows the leverage
signals as *unavailable*, never as zero.

Funding convention (see ``riskwatch.domain.liquidity``): the venue's rate per funding interval is normalised
to 8 h (``rate × 8 / interval_hours``; Binance's BTCUSDT settles every 8 h) and annualised as
``rate_8h × 3 × 365``. Open-interest change: current OI in contracts (BTC) against the hourly history point
nearest to 24 h earlier (within 2 h); in contracts, so a price move alone does not look like new leverage.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from riskwatch.adapters.ccxt_feed import import_ccxt_async, rewrite_urls
from riskwatch.adapters.feed_errors import CCXT_RULES, CcxtRule, coded_error, translate_ccxt_error
from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RiskWatchError
from riskwatch.domain.liquidity import (
    AssetLiquidity,
    FundingSignal,
    Unavailable,
    funding_signal,
    open_interest_change_24h,
)

DEFAULT_VENUE = "binanceusdm"
#: Funding rates beyond this per interval are treated as bad data (venues cap far below: Binance ±3 %).
MAX_ABS_FUNDING = 0.10


@dataclass(frozen=True)
class VenueProfile:
    perpetual: str                   # unified ccxt symbol of the BTC perpetual
    funding_interval_hours: float    # when ccxt does not report the interval
    oi_timeframe: str = "1h"         # granularity of the open-interest history
    oi_history_limit: int = 30       # points fetched (30 × 1 h covers 24 h plus slack)


VENUES: dict[str, VenueProfile] = {
    "binanceusdm": VenueProfile("BTC/USDT:USDT", 8.0),
    "bybit": VenueProfile("BTC/USDT:USDT", 8.0),
}


def venue_profile(venue: str) -> VenueProfile:
    try:
        return VENUES[venue]
    except KeyError:
        raise ValueError(f"unsupported derivatives venue '{venue}', expected one of: {', '.join(VENUES)}") from None


# -- URL override and error mapping ---------------------------------------------------------------------
def rewrite_api_urls(api: Any, base_url: str) -> Any:
    """Every URL string in ``api`` (nested dicts/lists) gets ``base_url``'s scheme, host and port (and path
    prefix, if any); its own path and query stay. Non-URL values are kept."""
    base = base_url.rstrip("/")
    if "://" not in base:
        raise ValueError(f"api_url '{base_url}' is not a URL (expected e.g. http://127.0.0.1:8798)")

    return rewrite_urls(api, base)


#: The ccxt feeds' translation (see the module docstring's table), plus what this venue answers beyond it.
#: The additions are disjoint from the shared rules' BadSymbol and AuthenticationError, so their place after
#: them does not change which rule matches.
DERIVATIVES_RULES: tuple[CcxtRule, ...] = CCXT_RULES + (
    (("BadResponse",), InvalidData, "malformed", False),           # also NullResponse
    (("OperationFailed",), DataUnavailable, "unavailable", True),  # e.g. Binance -1000 "unknown error" on a 500
    (("NotSupported",), DataUnavailable, "not_supported", False),
)


# -- results --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FundingReading:
    """The current funding rate of a perpetual: ``rate`` per ``interval_hours`` (fraction)."""

    venue: str
    symbol: str
    rate: float
    interval_hours: float
    ts: datetime
    next_funding: datetime | None = None
    mark_price: float | None = None

    @property
    def signal(self) -> FundingSignal:
        """Per 8 h and annualised (``× 3 × 365``)."""
        return funding_signal(self.rate, self.interval_hours, self.ts)

    @property
    def rate_8h(self) -> float:
        return self.signal.rate_8h

    @property
    def annual(self) -> float:
        return self.signal.annual


@dataclass(frozen=True)
class OpenInterestReading:
    """Open interest in contracts (``amount``, BTC for BTCUSDT) and, when the venue says, in quote money.

    ``change_24h`` = amount / reference − 1 with the history point nearest to 24 h before ``ts``; ``nan`` when
    the history has no point within 2 h of that instant.
    """

    venue: str
    symbol: str
    amount: float
    value: float | None
    ts: datetime
    reference_amount: float | None
    reference_ts: datetime | None
    change_24h: float


@dataclass(frozen=True)
class LeverageReading:
    """Funding and open interest of one cycle; each part is the reading or the domain error that replaced it."""

    funding: FundingReading | RiskWatchError
    open_interest: OpenInterestReading | RiskWatchError

    def to_asset_liquidity(self, scope: str = "BTC") -> AssetLiquidity:
        """The domain signals (``funding_8h``, ``funding_annual``, ``oi_change_24h``) for the Snapshot."""
        f = self.funding
        o = self.open_interest
        return AssetLiquidity(
            scope,
            funding=f.signal if isinstance(f, FundingReading) else Unavailable.from_error(f),
            oi_change_24h=o.change_24h if isinstance(o, OpenInterestReading) else Unavailable.from_error(o),
        )


# -- validation helpers -----------------------------------------------------------------------------------
def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    x = float(value)
    return x if math.isfinite(x) else None


def _dt(ms: Any) -> datetime | None:
    x = _number(ms)
    if x is None or x <= 0:
        return None
    return datetime.fromtimestamp(x / 1000, tz=UTC)


def _interval_hours(text: Any) -> float | None:
    """ccxt's ``interval`` ("8h", "4h", "1h") in hours; None when absent or not understood."""
    if not isinstance(text, str) or not text.endswith("h"):
        return None
    try:
        hours = float(text[:-1])
    except ValueError:
        return None
    return hours if 0 < hours <= 24 else None


class _UtcClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


# -- the feed -----------------------------------------------------------------------------------------------
class DerivativesFeed:
    """Funding and open interest of the BTC perpetual on one venue. Use it from one event loop only."""

    def __init__(self, venue: str = DEFAULT_VENUE, *, symbol: str | None = None, api_url: str | None = None,
                 timeout_ms: int = 10_000, enable_rate_limit: bool = True, clock: Any = None):
        venue = venue.strip().lower()
        self.profile = venue_profile(venue)
        self.venue = venue
        self.source = venue
        self.symbol = symbol or self.profile.perpetual
        self.api_url = api_url or None
        if self.api_url:
            rewrite_api_urls({}, self.api_url)  # reject a malformed URL early
        self.timeout_ms = timeout_ms
        self.enable_rate_limit = enable_rate_limit
        self._clock = clock or _UtcClock()
        self._ccxt: Any = None
        self._exchange: Any = None
        self._markets_lock: asyncio.Lock | None = None

    async def _get_exchange(self) -> Any:
        if self._exchange is None:
            if self._ccxt is None:
                self._ccxt = await import_ccxt_async()
            cls = getattr(self._ccxt, self.venue)
            exchange = cls({"enableRateLimit": self.enable_rate_limit, "timeout": self.timeout_ms})
            if self.api_url:
                exchange.urls["api"] = rewrite_api_urls(exchange.urls["api"], self.api_url)
            self._exchange = exchange
        return self._exchange

    async def close(self) -> None:
        exchange, self._exchange = self._exchange, None
        if exchange is not None:
            await exchange.close()

    async def _call(self, what: str, fn: Any, *args: Any) -> Any:
        try:
            return await fn(*args)
        except asyncio.CancelledError:
            raise
        except RiskWatchError:
            raise
        except Exception as exc:
            raise translate_ccxt_error(self._ccxt, exc, self.source, what, DERIVATIVES_RULES) from exc

    async def _ready(self) -> Any:
        """The exchange with its markets loaded; an empty (malformed) market list is reloaded next time."""
        exchange = await self._get_exchange()
        if self._markets_lock is None:
            self._markets_lock = asyncio.Lock()
        async with self._markets_lock:
            if not exchange.markets:
                markets = await self._call("load_markets", exchange.load_markets, True)
                if not isinstance(markets, dict) or not markets:
                    raise coded_error(InvalidData, f"{self.source} returned no markets (malformed answer)", "malformed",
                                      False, self.source)
        if self.symbol not in exchange.markets:
            raise coded_error(BadSymbol, f"{self.source} lists no market {self.symbol}", "bad_symbol", False,
                              self.source)
        return exchange

    def _invalid(self, what: str, value: Any) -> RiskWatchError:
        return coded_error(InvalidData, f"{self.source} {self.symbol}: {what} rejected: {value!r}", "invalid_data",
                           False, self.source)

    async def fetch_funding(self) -> FundingReading:
        """The current funding rate (validated)."""
        exchange = await self._ready()
        raw = await self._call("fetch_funding_rate", exchange.fetch_funding_rate, self.symbol)
        if not isinstance(raw, dict):
            raise self._invalid("funding answer", raw)
        rate = _number(raw.get("fundingRate"))
        if rate is None or abs(rate) > MAX_ABS_FUNDING:
            raise self._invalid("funding rate", raw.get("fundingRate"))
        interval = _interval_hours(raw.get("interval")) or self.profile.funding_interval_hours
        received = self._clock.now()
        ts = _dt(raw.get("timestamp"))
        ts = min(ts, received) if ts is not None else received
        mark = _number(raw.get("markPrice"))
        return FundingReading(self.venue, self.symbol, rate, interval, ts, _dt(raw.get("fundingTimestamp")),
                              mark if mark is not None and mark > 0 else None)

    async def fetch_open_interest(self) -> OpenInterestReading:
        """Current open interest and its change over 24 h (validated)."""
        exchange = await self._ready()
        raw = await self._call("fetch_open_interest", exchange.fetch_open_interest, self.symbol)
        if not isinstance(raw, dict):
            raise self._invalid("open-interest answer", raw)
        amount = _number(raw.get("openInterestAmount"))
        if amount is None or amount <= 0:
            raise self._invalid("open interest", raw.get("openInterestAmount"))
        value = _number(raw.get("openInterestValue"))
        received = self._clock.now()
        ts = _dt(raw.get("timestamp"))
        ts = min(ts, received) if ts is not None else received
        rows = await self._call("fetch_open_interest_history", exchange.fetch_open_interest_history, self.symbol,
                                self.profile.oi_timeframe, None, self.profile.oi_history_limit)
        if not isinstance(rows, list):
            raise self._invalid("open-interest history", rows)
        history: list[tuple[datetime, float]] = []
        for row in rows:
            if not isinstance(row, dict):
                continue
            t, a = _dt(row.get("timestamp")), _number(row.get("openInterestAmount"))
            if t is not None and a is not None and a > 0:
                history.append((t, a))
        if rows and not history:
            raise self._invalid("open-interest history (no valid point)", rows[:1])
        change = open_interest_change_24h(amount, ts, history)
        ref = min(history, key=lambda p: abs(p[0] - (ts - timedelta(hours=24))), default=None)
        if math.isnan(change):
            ref = None
        return OpenInterestReading(self.venue, self.symbol, amount, value if value is not None and value > 0 else None,
                                   ts, ref[1] if ref else None, ref[0] if ref else None, change)

    async def fetch_leverage(self) -> LeverageReading:
        """Funding and open interest; a failed part is returned as its domain error (the other may succeed)."""
        try:
            await self._ready()
        except RiskWatchError as err:
            return LeverageReading(err, err)
        funding, oi = await asyncio.gather(self.fetch_funding(), self.fetch_open_interest(), return_exceptions=True)
        for part in (funding, oi):
            if isinstance(part, BaseException) and not isinstance(part, RiskWatchError):
                raise part
        return LeverageReading(funding, oi)  # type: ignore[arg-type]


# -- one-shot helpers (open, fetch, close) -------------------------------------------------------------------
async def fetch_funding_rate(venue: str = DEFAULT_VENUE, *, symbol: str | None = None, api_url: str | None = None,
                             timeout_ms: int = 10_000) -> FundingReading:
    feed = DerivativesFeed(venue, symbol=symbol, api_url=api_url, timeout_ms=timeout_ms)
    try:
        return await feed.fetch_funding()
    finally:
        await feed.close()


async def fetch_open_interest(venue: str = DEFAULT_VENUE, *, symbol: str | None = None, api_url: str | None = None,
                              timeout_ms: int = 10_000) -> OpenInterestReading:
    feed = DerivativesFeed(venue, symbol=symbol, api_url=api_url, timeout_ms=timeout_ms)
    try:
        return await feed.fetch_open_interest()
    finally:
        await feed.close()


async def fetch_leverage(venue: str = DEFAULT_VENUE, *, symbol: str | None = None, api_url: str | None = None,
                         timeout_ms: int = 10_000) -> LeverageReading:
    feed = DerivativesFeed(venue, symbol=symbol, api_url=api_url, timeout_ms=timeout_ms)
    try:
        return await feed.fetch_leverage()
    finally:
        await feed.close()


def is_loopback_url(url: str) -> bool:
    """True for a URL on this machine (localhost or a loopback address): a test or a local server."""
    import ipaddress
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
