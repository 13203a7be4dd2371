"""One market-data cycle: quotes for every held asset, history backfill, validation, store, status.

The core is async and free of Qt. The GUI runs :meth:`MarketDataService.run_cycle` on the loop thread
(within the monitor's cycle, through ``gui.monitor_bridge``); ``riskwatch check`` runs it with
``asyncio.run``. A cycle never raises (except cancellation): every failure ends up in the result as a source
status or a per-asset issue.

Per cycle:

1. quotes: crypto tickers (one batched call) and equity quotes (in a worker thread) concurrently; each
   quote passes the plausibility check of ``services/quote_guard.py`` (stored bars, order book); quotes
   are converted into the base currency (USD or EUR, with the exchange's live EUR/USD rate; a converted
   quote is as old as the older of price and rate);
2. history: daily bars of every held crypto asset are backfilled to ``min_history_bars`` (paginated,
   only what the store is missing: the head before the first stored bar, holes between stored bars, and
   the tail from the last stored bar on), then kept current incrementally; equities likewise from the
   equity feed. Bars pass the spike filter and are upserted (idempotent). A hole the exchange does not
   fill (no bar that day, or a rejected one) is not asked for again before ``gap_retry``.

Crypto history always comes from the asset's USD(-like) market, whatever the base currency, so that a
series never mixes currencies and shares its currency with the (USD) stock history; its store source is
the exchange id. Quotes are reported in the base currency.

Failures: a source that cannot be reached is OFFLINE and is retried with growing pauses (longer after
a rate-limit answer); a source that answered with rejected data, or failed for part of the work, is
DEGRADED; a symbol the exchange does not list is a per-asset issue retried after an hour, not in a hot
loop. A quote is stale after 3 refresh intervals; an equity quote from the latest session while the
market is closed is "market closed", not stale.
"""

from __future__ import annotations

import asyncio
import logging
import time as _time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any

from riskwatch.domain.freshness import Freshness, assess_quote, stale_after
from riskwatch.domain.errors import DataUnavailable
from riskwatch.domain.model import CRYPTO_KINDS, EQUITY_KINDS, USD_LIKE, Asset, AssetKind, Quote
from riskwatch.domain.order_book import OrderBook
from riskwatch.domain.ports import Clock, CryptoFeed, EquityFeed, HistoryStore
from riskwatch.domain.validation import DAILY_BAR_RULE, TICK_RULE, RejectionCounter, SpikeRule, UsEquityCalendar, counts_since
from riskwatch.services.history_backfill import HistoryBackfill, HistorySyncReport, SymbolBackfill
from riskwatch.services.market_quotes import _Held
from riskwatch.services.quote_guard import QuoteGuard
from riskwatch.services.source_health import (
    AssetIssue,
    CycleState,
    SourceState,
    SourceStatus,
    _SourceTracker,
)

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class MarketDataConfig:
    refresh_interval: timedelta = timedelta(seconds=15)
    equity_refresh_interval: timedelta = timedelta(seconds=60)
    min_history_bars: int = 400
    history_refresh: timedelta = timedelta(minutes=15)     # re-read the current (partial) bar at most this often
    gap_retry: timedelta = timedelta(hours=24)             # ask again for stored-history holes the exchange left open
    equity_history_days: int = 600                         # first equity fetch: ≥ 400 trading days
    bad_symbol_retry: timedelta = timedelta(hours=1)
    offline_backoff_max: timedelta = timedelta(minutes=5)
    rate_limit_backoff: timedelta = timedelta(seconds=60)
    rate_limit_backoff_max: timedelta = timedelta(minutes=15)
    tick_rule: SpikeRule = TICK_RULE
    bar_rule: SpikeRule = DAILY_BAR_RULE

    @classmethod
    def for_refresh(cls, seconds: float, **kw: Any) -> MarketDataConfig:
        """The config for a refresh interval in seconds (the ``refresh_interval_s`` setting), clamped to 5–3600."""
        return cls(refresh_interval=timedelta(seconds=min(max(float(seconds), 5.0), 3600.0)), **kw)



@dataclass(frozen=True)
class MarketDataResult:
    at: datetime
    base_currency: str
    quotes: Mapping[str, Quote]               # by asset symbol, in the base currency; may be stale
    freshness: Mapping[str, Freshness]        # by asset symbol (+ the FX pair, e.g. "EUR/USD")
    fx: Quote | None                          # base currency in USD (e.g. EUR/USD = 1.08) when base != USD
    sources: Mapping[str, SourceStatus]
    errors: Mapping[str, AssetIssue]
    rejected: Mapping[str, int]               # rejected values per symbol in this cycle
    rejected_total: int                       # since the service started
    bars_stored: Mapping[str, int]            # bars upserted per symbol in this cycle
    duration_s: float = 0.0
    unconfirmed: Mapping[str, Quote] = field(default_factory=dict)   # quotes held as unconfirmed jumps (not prices)

    @property
    def ok(self) -> bool:
        return all(s.state is SourceState.ONLINE for s in self.sources.values()) and not self.errors


def _frozen(d: dict) -> Mapping:
    return MappingProxyType(dict(d))



class MarketDataService(HistoryBackfill):
    """Pulls, validates and stores market data. Use one instance per event loop; cycles are serialised.

    The façade of the three jobs: source health and backoff (``services/source_health.py``), quotes and FX
    (``services/market_quotes.py``), history sync (``services/history_sync.py``) and the backfill of many
    symbols to a wanted depth, ``sync_history`` (``services/history_backfill.py``)."""

    def __init__(self, store: HistoryStore, crypto: CryptoFeed | None, equity: EquityFeed | None, clock: Clock,
                 config: MarketDataConfig = MarketDataConfig(), *, calendar: UsEquityCalendar | None = None,
                 rejections: RejectionCounter | None = None):
        self.store = store
        self.crypto = crypto
        self.equity = equity
        self.clock = clock
        self.config = config
        self.calendar = calendar or UsEquityCalendar()
        self.rejections = rejections if rejections is not None else RejectionCounter()
        self._guard = QuoteGuard(self)   # plausibility of live quotes (services/quote_guard.py)
        self._sources: dict[str, _SourceTracker] = {}
        self._held: dict[str, _Held] = {}
        self._fx: dict[str, Quote] = {}                         # "EUR" -> EUR/USD quote
        self._markets: dict[tuple[str, str], str] = {}          # (asset, currency) -> market
        self._asset_retry: dict[str, AssetIssue] = {}           # issues that pause an asset
        self._history_checked: dict[tuple[str, str], datetime] = {}
        self._history_depth: dict[tuple[str, str], int] = {}
        # bar times the exchange did not fill when asked (no bar, or a rejected one), by (source, symbol):
        # not asked again before ``config.gap_retry`` (kept in memory: a restart asks once more)
        self._unfillable: dict[tuple[str, str], dict[datetime, datetime]] = {}
        self._equity_quotes_at: datetime | None = None
        self._prev_errors: dict[str, AssetIssue] = {}
        self._lock: asyncio.Lock | None = None

    # -- public -----------------------------------------------------------------------------------------
    async def run_cycle(self, assets: Sequence[Asset], base_currency: str = "USD", *,
                        on_quotes: Callable[[Mapping[str, Quote]], None] | None = None,
                        backfill: bool = True) -> MarketDataResult:
        """One cycle (see the module docstring). Never raises except CancelledError."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            started = _time.perf_counter()
            base = (base_currency or "USD").upper()
            state = CycleState(base)
            before = self._rejection_snapshot()
            self._guard.start_cycle()
            crypto = [a for a in dict.fromkeys(assets) if a.kind in CRYPTO_KINDS]
            equity = [a for a in dict.fromkeys(assets) if a.kind in EQUITY_KINDS]
            for tracker in self._sources.values():
                tracker.cycle_problem = None
            plan: dict[str, tuple[str | None, str | None]] = {}
            await self._guarded(asyncio.gather(self._step(self._crypto_quotes, crypto, state, plan),
                                               self._step(self._equity_quotes, equity, state)))
            try:
                quotes = self._compose_quotes(crypto + equity, state)
            except Exception:  # a bug must not take the cycle down: report no quotes rather than raise
                log.exception("composing quotes failed")
                quotes = {}
            if on_quotes is not None:
                try:
                    on_quotes(_frozen(quotes))
                except Exception:
                    log.exception("quote listener failed")
            if backfill:
                await self._guarded(asyncio.gather(self._step(self._crypto_history, crypto, state, plan),
                                                   self._step(self._equity_history, equity, state)))
            self._finish_sources()
            now = self.clock.now()
            fx = self._fx.get(base) if base != "USD" else None
            fresh = {a.symbol: self._assess(quotes.get(a.symbol), a.kind, now) for a in crypto + equity}
            if fx is not None:
                fresh[fx.symbol] = assess_quote(fx, now, stale_after(self.config.refresh_interval))
            rejected: dict[str, int] = {}
            for (_, sym, _), n in counts_since(before, self._rejection_snapshot()).items():
                rejected[sym] = rejected.get(sym, 0) + n
            held = {a.symbol for a in crypto + equity}
            errors = {**{s: i for s, i in self._asset_retry.items() if s in held}, **state.errors}
            self._prev_errors = errors
            return MarketDataResult(
                at=now, base_currency=base, quotes=_frozen(quotes), freshness=_frozen(fresh), fx=fx,
                sources=_frozen(self.source_status()), errors=_frozen(errors), rejected=_frozen(rejected),
                rejected_total=sum(self._rejection_snapshot().values()), bars_stored=_frozen(state.stored),
                duration_s=_time.perf_counter() - started, unconfirmed=_frozen(self._guard.unconfirmed))

    @property
    def crypto_source(self) -> str | None:
        """The crypto exchange's source name (its key in ``MarketDataResult.sources``), None without one."""
        return self.crypto.source if self.crypto is not None else None

    async def fetch_order_book(self, asset: str, currency: str = "USD", limit: int | None = None) -> OrderBook:
        """The order book of ``asset``'s market in ``currency`` (for the liquidity view). Raises domain errors."""
        if self.crypto is None:
            raise DataUnavailable("no crypto exchange configured")
        market = await self._market(asset, currency)
        return await self.crypto.fetch_order_book(market, limit)

    def assess(self, quote: Quote | None, kind: AssetKind, now: datetime | None = None) -> Freshness:
        """Freshness of a quote now (the GUI calls it on a timer to age prices between cycles)."""
        return self._assess(quote, kind, now or self.clock.now())

    async def close(self) -> None:
        """Close the crypto feed (the equity feed's blocking calls hold no connection)."""
        if self.crypto is not None:
            try:
                await self.crypto.close()
            except Exception:
                log.exception("closing %s failed", self.crypto.source)

    # -- helpers ------------------------------------------------------------------------------------------
    @classmethod
    async def _step(cls, fn: Callable[..., Any], *args: Any) -> Any:
        """``_guarded(fn(*args))``, with the coroutine made only once the step runs: a cycle cancelled before
        its steps started leaves no never-awaited coroutine behind."""
        return await cls._guarded(fn(*args))

    @staticmethod
    async def _guarded(aw: Any) -> Any:
        try:
            return await aw
        except asyncio.CancelledError:
            raise
        except Exception:  # the last line of defence: a cycle never raises
            log.exception("market-data cycle step failed")
            return None

    def _rejection_snapshot(self) -> dict[tuple[str, str, str], int]:
        merged: dict[tuple[str, str, str], int] = {}
        feeds = [f.rejections for f in (self.crypto, self.equity) if f is not None]
        counters = {id(c): c for c in (self.rejections, *feeds) if c is not None}
        for counter in counters.values():
            for key, n in counter.snapshot().items():
                merged[key] = merged.get(key, 0) + n
        return merged


def run_once(service: MarketDataService, assets: Sequence[Asset], base_currency: str = "USD", *,
             backfill: bool = True) -> MarketDataResult:
    """One cycle from synchronous code (``riskwatch check``): ``asyncio.run`` it, then close the feeds."""
    async def main() -> MarketDataResult:
        try:
            return await service.run_cycle(assets, base_currency, backfill=backfill)
        finally:
            await service.close()

    return asyncio.run(main())



__all__ = ["AssetIssue", "CRYPTO_KINDS", "EQUITY_KINDS", "HistorySyncReport", "MarketDataConfig", "MarketDataResult",
           "MarketDataService", "SourceState", "SourceStatus", "SymbolBackfill", "USD_LIKE", "run_once"]
