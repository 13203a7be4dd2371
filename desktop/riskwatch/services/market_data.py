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
import bisect
import logging
import time as _time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited
from riskwatch.domain.model import Asset, AssetKind, Bar, Quote, Timeframe
from riskwatch.domain.validation import (
    DAILY_BAR_RULE,
    TICK_RULE,
    Freshness,
    OrderBook,
    RejectedValue,
    RejectionCounter,
    SpikeRule,
    UsEquityCalendar,
    assess_quote,
    counts_since,
    filter_bar_spikes,
    stale_after,
)
from riskwatch.services.quote_guard import QuoteGuard

log = logging.getLogger(__name__)

CRYPTO_KINDS = frozenset({AssetKind.CRYPTO, AssetKind.STABLECOIN})
EQUITY_KINDS = frozenset({AssetKind.EQUITY, AssetKind.INDEX})
USD_LIKE = frozenset({"USD", "USDT", "USDC", "FDUSD"})

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


class SourceState(StrEnum):
    UNKNOWN = "unknown"      # not asked yet
    ONLINE = "online"
    DEGRADED = "degraded"
    OFFLINE = "offline"


@dataclass(frozen=True)
class SourceStatus:
    source: str
    state: SourceState = SourceState.UNKNOWN
    code: str | None = None          # why not online: timeout, unavailable, rate_limited, invalid_data, …
    message: str = ""
    last_success: datetime | None = None
    consecutive_failures: int = 0
    retry_at: datetime | None = None  # no request to this source before then


@dataclass(frozen=True)
class AssetIssue:
    symbol: str
    code: str                         # no_market, bad_symbol, invalid_data, no_data, no_fx, history_*, …
    message: str
    since: datetime
    retry_at: datetime | None = None


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


def _code(err: BaseException) -> str:
    code = getattr(err, "code", None)
    if isinstance(code, str):
        return code
    if isinstance(err, RateLimited):
        return "rate_limited"
    if isinstance(err, BadSymbol):
        return "bad_symbol"
    if isinstance(err, InvalidData):
        return "invalid_data"
    if isinstance(err, DataUnavailable):
        return "unavailable"
    return "error"


def _floor(ts: datetime, tf: Timeframe) -> datetime:
    s = int(ts.timestamp()) // tf.seconds * tf.seconds
    return datetime.fromtimestamp(s, tz=UTC)


@dataclass
class _SourceTracker:
    """Mutable per-source bookkeeping inside the service; reported as an immutable SourceStatus."""

    status: SourceStatus
    cycle_problem: tuple[str, str] | None = None     # (code, message) for DEGRADED in this cycle

    def degrade(self, code: str, message: str) -> None:
        if self.cycle_problem is None:
            self.cycle_problem = (code, message)


@dataclass
class _Held:
    quote: Quote          # in the market's currency, symbol = asset symbol
    currency: str         # "USD", "EUR", …
    kind: AssetKind


@dataclass
class _CycleState:
    base: str
    errors: dict[str, AssetIssue] = field(default_factory=dict)
    stored: dict[str, int] = field(default_factory=dict)


class MarketDataService:
    """Pulls, validates and stores market data. Use one instance per event loop; cycles are serialised."""

    def __init__(self, store: Any, crypto: Any | None, equity: Any | None, clock: Any,
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
        # bar times the exchange did not fill when asked (no bar, or a rejected one), by (source, symbol):
        # not asked again before ``config.gap_retry`` (kept in memory: a restart asks once more)
        self._unfillable: dict[tuple[str, str], dict[datetime, datetime]] = {}
        self._equity_quotes_at: datetime | None = None
        self._prev_errors: dict[str, AssetIssue] = {}
        self._lock: asyncio.Lock | None = None

    # -- public -----------------------------------------------------------------------------------------
    def source_status(self) -> dict[str, SourceStatus]:
        return {name: t.status for name, t in self._sources.items()}

    async def run_cycle(self, assets: Sequence[Asset], base_currency: str = "USD", *,
                        on_quotes: Callable[[Mapping[str, Quote]], None] | None = None,
                        backfill: bool = True) -> MarketDataResult:
        """One cycle (see the module docstring). Never raises except CancelledError."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            started = _time.perf_counter()
            base = (base_currency or "USD").upper()
            state = _CycleState(base)
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
        for feed in (self.crypto, self.equity):
            closer = getattr(feed, "close", None)
            if closer is not None and asyncio.iscoroutinefunction(closer):
                try:
                    await closer()
                except Exception:
                    log.exception("closing %s failed", getattr(feed, "source", feed))

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
        counters = {id(c): c for c in (self.rejections, getattr(self.crypto, "rejections", None),
                                       getattr(self.equity, "rejections", None)) if c is not None}
        for counter in counters.values():
            for key, n in counter.snapshot().items():
                merged[key] = merged.get(key, 0) + n
        return merged

    def _tracker(self, source: str) -> _SourceTracker:
        if source not in self._sources:
            self._sources[source] = _SourceTracker(SourceStatus(source))
        return self._sources[source]

    def _paused(self, source: str) -> bool:
        retry_at = self._tracker(source).status.retry_at
        return retry_at is not None and self.clock.now() < retry_at

    def _source_ok(self, source: str) -> None:
        t = self._tracker(source)
        t.status = SourceStatus(source, SourceState.ONLINE, None, "", self.clock.now(), 0, None)

    def _source_failed(self, source: str, err: BaseException) -> None:
        t = self._tracker(source)
        now = self.clock.now()
        failures = t.status.consecutive_failures + 1
        cfg = self.config
        if isinstance(err, RateLimited):
            pause = min(cfg.rate_limit_backoff * 2 ** (failures - 1), cfg.rate_limit_backoff_max)
        else:  # the first failure is retried on the next cycle, later ones back off exponentially
            pause = min(cfg.refresh_interval * (2 ** (failures - 1) - 1), cfg.offline_backoff_max)
        t.status = SourceStatus(source, SourceState.OFFLINE, _code(err), str(err)[:300], t.status.last_success,
                                failures, now + pause if pause > timedelta(0) else None)
        log.warning("%s offline (%s), attempt %d", source, _code(err), failures)

    def _finish_sources(self) -> None:
        for t in self._sources.values():
            if t.cycle_problem is not None and t.status.state is SourceState.ONLINE:
                code, message = t.cycle_problem
                t.status = SourceStatus(t.status.source, SourceState.DEGRADED, code, message,
                                        t.status.last_success, 0, None)

    def _issue(self, state: _CycleState, symbol: str, code: str, message: str, *,
               pause: timedelta | None = None) -> None:
        now = self.clock.now()
        prev = self._asset_retry.get(symbol) or state.errors.get(symbol) or self._prev_errors.get(symbol)
        since = prev.since if prev is not None and prev.code == code else now
        issue = AssetIssue(symbol, code, message[:300], since, now + pause if pause else None)
        state.errors[symbol] = issue
        if pause:
            self._asset_retry[symbol] = issue

    def _asset_paused(self, symbol: str) -> bool:
        issue = self._asset_retry.get(symbol)
        if issue is None:
            return False
        if issue.retry_at is not None and self.clock.now() >= issue.retry_at:
            del self._asset_retry[symbol]
            return False
        return True

    async def _market(self, asset: str, currency: str) -> str:
        key = (asset, currency)
        if key not in self._markets:
            self._markets[key] = await self.crypto.find_market(asset, currency)
        return self._markets[key]

    async def _resolve(self, asset: str, base: str) -> str:
        """The quote market: in the base currency when listed, else USD(-like)."""
        for currency in dict.fromkeys((base, "USD")):
            try:
                return await self._market(asset, currency)
            except BadSymbol:
                continue
        raise BadSymbol(f"{self.crypto.source} lists no {asset} market in {' or '.join(dict.fromkeys((base, 'USD')))}")

    # -- quotes ---------------------------------------------------------------------------------------------
    async def _crypto_quotes(self, assets: list[Asset], state: _CycleState,
                             plan: dict[str, tuple[str | None, str | None]]) -> None:
        feed = self.crypto
        if feed is None or (not assets and state.base == "USD"):
            return
        src = feed.source
        if self._paused(src):
            return
        try:
            quote_markets: dict[str, str] = {}
            for a in assets:
                if self._asset_paused(a.symbol):
                    plan[a.symbol] = (None, None)
                    continue
                try:
                    qm = await self._resolve(a.symbol, state.base)
                    hm = await self._market(a.symbol, "USD")
                except BadSymbol as err:
                    self._issue(state, a.symbol, "no_market", str(err), pause=self.config.bad_symbol_retry)
                    plan[a.symbol] = (None, None)
                    continue
                quote_markets[a.symbol] = qm
                plan[a.symbol] = (qm, hm)
            fx_market = None
            if state.base != "USD":
                try:
                    fx_market = await self._market(state.base, "USD")
                except BadSymbol as err:
                    self._tracker(src).degrade("no_fx", str(err))
            wanted = list(dict.fromkeys([*quote_markets.values(), *([fx_market] if fx_market else [])]))
            if not wanted:
                self._source_ok(src)
                return
            answers = await feed.fetch_quotes(wanted)
        except (DataUnavailable, RateLimited, InvalidData) as err:
            self._source_failed(src, err)
            return
        self._source_ok(src)
        if fx_market:
            answer = answers.get(fx_market)
            if isinstance(answer, Quote) and await self._accept_tick(src, fx_market, answer):
                self._fx[state.base] = Quote(f"{state.base}/USD", answer.price, answer.ts, answer.source,
                                             answer.bid, answer.ask, answer.change_24h, answer.volume_24h)
            elif not isinstance(answer, Quote):
                self._tracker(src).degrade("no_fx", f"no valid {fx_market} rate: {answer}")
        by_symbol = {a.symbol: a for a in assets}
        for sym, market in quote_markets.items():
            answer = answers.get(market)
            if isinstance(answer, Quote):
                quote = Quote(sym, answer.price, answer.ts, answer.source, answer.bid, answer.ask,
                              answer.change_24h, answer.volume_24h)
                if await self._accept_tick(src, market, quote, by_symbol[sym]):
                    self._held[sym] = _Held(quote, _currency(market), by_symbol[sym].kind)
                else:
                    self._issue(state, sym, "unconfirmed_spike", f"{market} jumped to {quote.price}; held until "
                                "the order book, the bars or a few more ticks confirm it")
                    self._tracker(src).degrade("invalid_data", f"unconfirmed jump in {market}")
            else:
                err = answer if isinstance(answer, BaseException) else RejectedValue("missing", symbol=sym)
                code = _code(err)
                pause = self.config.bad_symbol_retry if isinstance(err, BadSymbol) else None
                self._issue(state, sym, code, str(err), pause=pause)
                if not isinstance(err, BadSymbol):
                    self._tracker(src).degrade(code, str(err))

    async def _accept_tick(self, src: str, market: str, quote: Quote, asset: Asset | None = None) -> bool:
        return await self._guard.accept(src, market, quote, asset)

    async def _equity_quotes(self, assets: list[Asset], state: _CycleState) -> None:
        feed = self.equity
        if feed is None or not assets:
            return
        src = feed.source
        now = self.clock.now()
        if self._paused(src):
            return
        if (self._equity_quotes_at is not None and now - self._equity_quotes_at < self.config.equity_refresh_interval
                and all(a.symbol in self._held for a in assets)):
            return
        symbols = [a.symbol for a in assets]
        try:
            answers = await asyncio.to_thread(feed.fetch_quotes, symbols)
        except (DataUnavailable, RateLimited, InvalidData) as err:
            self._source_failed(src, err)
            return
        self._equity_quotes_at = now
        self._source_ok(src)
        for a in assets:
            quote = answers.get(a.symbol)
            if quote is None:
                self._issue(state, a.symbol, "no_data", f"{src} returned nothing for {a.symbol}")
                self._tracker(src).degrade("no_data", f"nothing for {a.symbol}")
            elif await self._accept_tick(src, a.symbol, quote, a):
                self._held[a.symbol] = _Held(quote, a.quote_currency if a.quote_currency else "USD", a.kind)
            else:
                self._issue(state, a.symbol, "unconfirmed_spike", f"{a.symbol} jumped to {quote.price}")
                self._tracker(src).degrade("invalid_data", f"unconfirmed jump in {a.symbol}")

    def _compose_quotes(self, assets: list[Asset], state: _CycleState) -> dict[str, Quote]:
        out: dict[str, Quote] = {}
        for a in assets:
            held = self._held.get(a.symbol) or self._stored_quote(a)
            if held is None:
                if a.symbol not in state.errors and a.symbol not in self._asset_retry:
                    self._issue(state, a.symbol, "no_data", f"no price for {a.symbol} yet")
                continue
            converted = self._convert(held, state.base)
            if converted is None:
                self._issue(state, a.symbol, "no_fx", f"no {state.base}/USD rate to convert {a.symbol}")
            else:
                out[a.symbol] = converted
        return out

    def _stored_quote(self, asset: Asset) -> _Held | None:
        """The latest stored daily close as a (clearly old) quote, when nothing live is known yet."""
        src = None
        if asset.kind in CRYPTO_KINDS and self.crypto is not None:
            src = self.crypto.source
        try:
            bar = self._guard.latest_bar(asset.symbol, src)   # never a bar dated in the future
        except Exception:
            log.exception("reading stored bars of %s failed", asset.symbol)
            return None
        if bar is None:
            return None
        ts = bar.ts
        if asset.kind in EQUITY_KINDS:
            session = self.calendar.session(bar.ts.date())
            if session and session[1] <= self.clock.now():
                ts = session[1]
        currency = "USD" if asset.kind in CRYPTO_KINDS else (asset.quote_currency or "USD")
        return _Held(Quote(asset.symbol, bar.close, ts, f"{bar.source}:history"), currency, asset.kind)

    def _convert(self, held: _Held, base: str) -> Quote | None:
        q = held.quote
        currency = "USD" if held.currency in USD_LIKE else held.currency
        if currency == base:
            return q
        rate_of = {c: self._fx.get(c) for c in {currency, base} if c != "USD"}
        if any(r is None for r in rate_of.values()):
            return None
        # price in USD, then into the base currency (both rates are "USD per unit")
        to_usd = rate_of[currency].price if currency != "USD" else 1.0
        from_usd = rate_of[base].price if base != "USD" else 1.0
        factor = to_usd / from_usd
        oldest = min([q.ts, *(r.ts for r in rate_of.values())])
        fx_sources = "+".join(r.source for r in rate_of.values())
        return Quote(q.symbol, q.price * factor, oldest, f"{q.source} via {fx_sources}",
                     bid=q.bid * factor if q.bid else None, ask=q.ask * factor if q.ask else None,
                     change_24h=None, volume_24h=q.volume_24h)

    def _assess(self, quote: Quote | None, kind: AssetKind, now: datetime) -> Freshness:
        if kind in EQUITY_KINDS:
            lag = getattr(self.equity, "source_lag", timedelta(0)) or timedelta(0)
            return assess_quote(quote, now, stale_after(self.config.equity_refresh_interval, source_lag=lag),
                                calendar=self.calendar)
        return assess_quote(quote, now, stale_after(self.config.refresh_interval))

    # -- history ---------------------------------------------------------------------------------------------
    async def _crypto_history(self, assets: list[Asset], state: _CycleState,
                              plan: dict[str, tuple[str | None, str | None]]) -> None:
        feed = self.crypto
        if feed is None or not assets or self._paused(feed.source):
            return
        if self._tracker(feed.source).status.state is not SourceState.ONLINE:
            return
        jobs = [(a, plan[a.symbol][1]) for a in assets if plan.get(a.symbol, (None, None))[1]]
        await asyncio.gather(*(self._step(self._sync_crypto, a.symbol, m, state) for a, m in jobs))

    async def _sync_crypto(self, symbol: str, market: str, state: _CycleState) -> None:
        feed, tf, cfg = self.crypto, Timeframe.D1, self.config
        src = feed.source
        now = self.clock.now()
        today = _floor(now, tf)
        checked = self._history_checked.get((src, symbol))
        if checked is not None and now - checked < cfg.history_refresh and _floor(checked, tf) >= today:
            return  # checked recently, and no new bar has started since
        step = timedelta(seconds=tf.seconds)
        desired = today - step * (cfg.min_history_bars - 1)
        floor = self._history_floor(src, symbol)
        start = max(desired, floor) if floor else desired
        stored = self.store.load_bars(symbol, tf, source=src, since=start)
        try:
            if not stored:
                await self._fetch_head(src, symbol, market, start, None, state)
            else:
                if stored[0].ts > start:
                    await self._fetch_head(src, symbol, market, start, stored[0].ts, state)   # missing head
                await self._fill_gaps(src, symbol, market, stored, state, now)              # holes inside
                bars = await feed.fetch_bars(market, tf, stored[-1].ts, None)   # the last (maybe partial) bar on
                self._store_bars(src, symbol, bars, state)
        except (DataUnavailable, RateLimited, InvalidData, BadSymbol) as err:
            code = _code(err)
            pause = cfg.bad_symbol_retry if isinstance(err, BadSymbol) or code == "exchange_error" else None
            self._issue(state, symbol, f"history_{code}", str(err), pause=pause)
            self._tracker(src).degrade(code, f"history of {market}: {err}")
            return
        self._history_checked[(src, symbol)] = now

    async def _fetch_head(self, src: str, symbol: str, market: str, start: datetime, until: datetime | None,
                          state: _CycleState) -> None:
        """Bars from ``start`` up to ``until`` (the first stored bar; None: everything up to now)."""
        bars = await self.crypto.fetch_bars(market, Timeframe.D1, start, until)
        first_seen = bars[0].ts if bars else until
        if first_seen is not None and first_seen > start:
            self._set_history_floor(src, symbol, first_seen)   # the exchange has nothing earlier
        self._store_bars(src, symbol, bars, state)

    async def _fill_gaps(self, src: str, symbol: str, market: str, stored: list[Bar], state: _CycleState,
                         now: datetime) -> None:
        """Request the daily bars missing between the first and the last stored bar, and only those.

        Holes come from a backfill that failed half-way, bars rejected as spikes, or a data directory filled
        by hand. The missing bars are grouped so that one request (one page, ``feed.page_limit`` bars from
        ``since``) brings a group; each request reaches one bar past its group, so that the spike filter sees
        the stored neighbour on both sides. Bars the exchange did not deliver, or that were rejected, are
        remembered for ``config.gap_retry`` and not asked for again before: an exchange that simply has no
        bar for some day (an outage, a listing pause) is asked once, not every cycle.
        """
        tf = Timeframe.D1
        step = timedelta(seconds=tf.seconds)
        holes = self.store.missing_bar_ranges(symbol, tf, source=src, since=stored[0].ts, until=stored[-1].ts)
        known = self._unfillable.setdefault((src, symbol), {})
        for ts, noted in list(known.items()):
            if now - noted >= self.config.gap_retry:
                del known[ts]
        missing = [first + i * step for first, last in holes for i in range((last - first) // step + 1)
                   if first + i * step not in known]
        if not missing:
            return
        page = getattr(self.crypto, "page_limit", None)
        page = page if isinstance(page, int) and page > 0 else 1
        groups: list[list[datetime]] = []
        for ts in missing:
            # contiguous, or the page from the group's start still reaches ts and the bar after it
            if groups and (ts - groups[-1][-1] == step or (ts - groups[-1][0]) // step < page - 1):
                groups[-1].append(ts)
            else:
                groups.append([ts])
        stored_ts = [b.ts for b in stored]
        for group in groups:
            bars = await self.crypto.fetch_bars(market, tf, group[0], group[-1] + 2 * step)
            i = bisect.bisect_left(stored_ts, group[0])
            reference = stored[i - 1].close if i > 0 else None
            result = filter_bar_spikes(bars, self.config.bar_rule, reference=reference)
            wanted = set(group)
            accepted = [b for b in result.accepted if b.ts in wanted]
            for bar, reason in result.rejected:
                if bar.ts in wanted:
                    self.rejections.add(src, symbol, reason)
            held = sum(1 for b in result.held if b.ts in wanted)
            if held:
                self.rejections.add(src, symbol, "unconfirmed_spike", held)
            if accepted:
                state.stored[symbol] = state.stored.get(symbol, 0) + self.store.upsert_bars(accepted)
            filled = {b.ts for b in accepted}
            for ts in group:
                if ts not in filled:
                    known[ts] = now
            if len(filled) < len(group):
                log.info("%s %s: %d of %d missing bars not available from %s, not asked again for %s", src,
                         symbol, len(group) - len(filled), len(group), market, self.config.gap_retry)

    def _store_bars(self, src: str, symbol: str, bars: list[Bar], state: _CycleState) -> None:
        if not bars:
            return
        first = bars[0].ts
        before = self.store.load_bars(symbol, Timeframe.D1, source=src, since=first - timedelta(days=10),
                                      until=first - timedelta(milliseconds=1))
        result = filter_bar_spikes(bars, self.config.bar_rule, reference=before[-1].close if before else None)
        for _bar, reason in result.rejected:
            self.rejections.add(src, symbol, reason)
        if result.rejected:   # a hole now, but the exchange was asked already: no gap request right away
            known = self._unfillable.setdefault((src, symbol), {})
            for bar, _reason in result.rejected:
                known[bar.ts] = self.clock.now()
        if result.held:
            self.rejections.add(src, symbol, "unconfirmed_spike", len(result.held))
        if result.accepted:
            state.stored[symbol] = state.stored.get(symbol, 0) + self.store.upsert_bars(result.accepted)

    def _history_floor(self, src: str, symbol: str) -> datetime | None:
        text = self.store.get_setting(f"market_data.history_floor.{src}.{symbol}", None)
        try:
            return datetime.fromisoformat(text) if text else None
        except ValueError:
            return None

    def _set_history_floor(self, src: str, symbol: str, ts: datetime) -> None:
        self.store.set_setting(f"market_data.history_floor.{src}.{symbol}", ts.isoformat())

    async def _equity_history(self, assets: list[Asset], state: _CycleState) -> None:
        feed = self.equity
        if feed is None or not assets or getattr(feed, "offline", False) or self._paused(feed.source):
            return
        src = feed.source
        now = self.clock.now()
        try:
            last_session_day = self.calendar.last_session(now)[0].date()
        except ValueError:
            last_session_day = now.date()
        since_by_symbol: dict[str, datetime] = {}
        for a in assets:
            checked = self._history_checked.get((src, a.symbol))
            if checked is not None and now - checked < self.config.history_refresh:
                continue
            last = self.store.last_bar_time(a.symbol, Timeframe.D1, source=src)
            if last is not None and last.date() >= last_session_day:
                self._history_checked[(src, a.symbol)] = now
                continue
            default = _floor(now, Timeframe.D1) - timedelta(days=self.config.equity_history_days)
            since_by_symbol[a.symbol] = last or default
        if not since_by_symbol:
            return
        try:
            history = await asyncio.to_thread(feed.fetch_history, list(since_by_symbol),
                                              min(since_by_symbol.values()))
        except (DataUnavailable, RateLimited, InvalidData) as err:
            self._tracker(src).degrade(_code(err), f"history: {err}")
            for sym in since_by_symbol:
                self._issue(state, sym, f"history_{_code(err)}", str(err))
            return
        for sym, since in since_by_symbol.items():
            bars = [b for b in history.get(sym, []) if b.ts >= since]
            self._store_bars(src, sym, bars, state)
            self._history_checked[(src, sym)] = now


def run_once(service: MarketDataService, assets: Sequence[Asset], base_currency: str = "USD", *,
             backfill: bool = True) -> MarketDataResult:
    """One cycle from synchronous code (``riskwatch check``): ``asyncio.run`` it, then close the feeds."""
    async def main() -> MarketDataResult:
        try:
            return await service.run_cycle(assets, base_currency, backfill=backfill)
        finally:
            await service.close()

    return asyncio.run(main())


def _currency(market: str) -> str:
    quote = market.split("/", 1)[1].split(":", 1)[0] if "/" in market else "USD"
    return "USD" if quote in USD_LIKE else quote
