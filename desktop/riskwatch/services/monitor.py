"""One monitoring cycle as a straight pipeline: fetch -> history -> risk report -> signal sources -> alerts -> sinks.

Shared by the desktop app (run on the loop thread, results carried to the GUI by Qt signals) and by
``riskwatch check`` (``asyncio.run``, no Qt). The market-data service does fetching, validation and storing;
this module reads the validated history back from the store, computes the risk report (here or in the injected
report computer), lets every signal source add its values, and hands the one Snapshot to the alert service,
which evaluates the rules once and commits the events before its sinks are told.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pandas as pd

from riskwatch.domain.freshness import (DataStatus, PriceState, assess_daily, assess_quote, bar_as_of,
                                        stale_after)
from riskwatch.domain.model import Asset, AssetKind, Portfolio, Quote, Timeframe
from riskwatch.domain.ports import (
    AlertProcessor,
    Clock,
    MarketData,
    ReportComputer,
    SignalContext,
    SignalSource,
    Store,
    VersionedCloses,
)
from riskwatch.domain.quote_check import FUTURE_BAR_TOLERANCE
from riskwatch.domain.risk_report import BENCHMARKS, RiskReport, closes_from_bars, compute_risk_report
from riskwatch.domain.validation import UsEquityCalendar

log = logging.getLogger(__name__)

#: Assets the rules and beta need even when not held.
BENCHMARK_ASSETS = {"BTC": Asset("BTC", AssetKind.CRYPTO), "QQQ": Asset("QQQ", AssetKind.INDEX)}
HISTORY_DAYS = 800
DAILY_GRACE = timedelta(hours=1)


@dataclass(frozen=True)
class CycleResult:
    report: RiskReport
    events: tuple = ()                      # AlertEvents committed in this cycle
    active: tuple = ()                      # AlertRecords active after the cycle
    market: object | None = None            # MarketDataResult when data was fetched
    offline: bool = False
    history_sources: Mapping[str, str] = field(default_factory=dict)   # symbol -> "store" | "bundle" | "none"
    newest_price_at: datetime | None = None
    closes: Mapping[str, pd.Series] = field(default_factory=dict)      # the daily history the figures used
    liquidity: Mapping = field(default_factory=dict)                   # liquidity metric values of this cycle
    future_bars: Mapping[str, int] = field(default_factory=dict)       # stored bars dated after now + 1 day, ignored
    regime: object | None = None            # domain.regime.Regime of this cycle (None without an evaluator)

    @property
    def has_data(self) -> bool:
        return any(a.price is not None for a in self.report.assets)


class Monitor:
    """Runs cycles as one straight pipeline (see :meth:`run_cycle`). ``fallback_closes(symbol)`` serves bundled
    history for symbols the store has no bars for."""

    def __init__(self, store: Store, alerts: AlertProcessor | None, clock: Clock, market: MarketData | None = None,
                 *, refresh_s: float = 15.0, fallback_closes: Callable[[str], pd.Series | None] | None = None,
                 calendar: UsEquityCalendar | None = None, liquidity: SignalSource | None = None,
                 signal_sources: Sequence[SignalSource] = (), report_computer: ReportComputer | None = None,
                 baskets: Callable[[Portfolio], Sequence] | None = None, bundled_signals=None, regime=None):
        """``report_computer`` runs ``compute_risk_report(**inputs)`` elsewhere (the desktop app: a worker process,
        so the pandas work never competes with the GUI thread); None computes it on the calling thread.

        ``signal_sources`` (and ``liquidity``, the one the liquidity view also talks to) add their values to the
        Snapshot before the rules run; a source that fails is logged and leaves the price rules unaffected.
        The Monitor owns the market-data service, the report computer and the sources: :meth:`aclose` closes them.

        ``baskets(portfolio)``: the baskets to price (``services.market_regime.MarketSetup.baskets``); their
        constituents' closes are loaded like any symbol's. ``bundled_signals`` (pegs and funding from the bundle
        where the cycle has none) and ``regime`` (the regime of the complete Snapshot) run last, in that order,
        in every cycle, the preview and a replay alike.
        """
        self.store = store
        self.alerts = alerts
        self.clock = clock
        self.market = market
        self.refresh_s = refresh_s
        self.fallback_closes = fallback_closes
        self.calendar = calendar or UsEquityCalendar()
        self.report_computer = report_computer
        self.liquidity = liquidity
        self._sources: list[SignalSource] = list(signal_sources)
        self._baskets = baskets
        self.bundled_signals = bundled_signals
        self.regime = regime
        self._history_cache: dict[str, tuple[object, datetime, pd.Series]] = {}
        self._figures_cache: dict = {}  # daily-only figures (volatility, VaR, beta) between cycles
        self._future_bars: dict[str, int] = {}  # per symbol, from the latest load_closes
        self._closed = False

    @property
    def signal_sources(self) -> tuple[SignalSource, ...]:
        return tuple(s for s in (self.liquidity, *self._sources) if s is not None)

    async def run_cycle(self, *, offline: bool = False, backfill: bool = True,
                        on_quotes: Callable | None = None) -> CycleResult:
        """fetch -> history -> risk report -> signal sources -> alerts (evaluated once) -> sinks."""
        portfolio = self.store.portfolio()
        market_result = await self._fetch(portfolio, offline, backfill, on_quotes)
        offline = offline or self.market is None
        inputs, closes, sources = self._inputs(portfolio, market_result, self.clock.now())
        report = await self._report(inputs)
        context = SignalContext(portfolio, report, market_result, offline)
        extra = await self._signals(context)
        return self._finish(report, market_result, offline, closes, sources, alerts=True, extra_values=extra,
                            context=context)

    def preview(self) -> CycleResult:
        """The figures the store and the bundle give on their own: no fetch, no signal sources, no rules.

        What the desktop shows the moment it starts, before the first cycle has asked the network (which can
        take the feeds' whole timeouts): every price keeps its own age and state, so old figures read as old.
        The rules are not evaluated: a preview never raises, escalates or resolves an alert; the cycle that
        follows evaluates them once, on whatever data it then has. The report is computed on the calling
        thread: at start-up the report computer's worker process is not running yet. Nor are the baskets and the
        regime computed: reading twenty constituents' histories would double the time to the first figures, and
        a regime without its baskets would read calmer than it is; the first cycle brings them."""
        return self.evaluate(self.store.portfolio(), None, offline=True, alerts=False, market=False)

    async def _fetch(self, portfolio: Portfolio, offline: bool, backfill: bool, on_quotes: Callable | None):
        if offline or self.market is None:
            return None
        assets = list(portfolio.assets())
        held = {a.symbol for a in assets}
        assets += [a for s, a in BENCHMARK_ASSETS.items() if s not in held]
        # the miner basket's stocks come with the equity feed (a batch); the crypto basket's 20 coins are kept by
        # services.basket_history on a task of its own, never inside a cycle
        for basket in self._basket_defs(portfolio):
            if basket.kind is AssetKind.EQUITY:
                assets += [Asset(s, AssetKind.EQUITY) for s in basket.symbols if s not in held]
                held.update(basket.symbols)
        return await self.market.run_cycle(assets, portfolio.base_currency, backfill=backfill, on_quotes=on_quotes)

    async def _report(self, inputs: dict) -> RiskReport:
        if self.report_computer is not None:
            return await self.report_computer.compute(inputs)
        return compute_risk_report(**inputs, cache=self._figures_cache)

    async def _signals(self, context: SignalContext) -> dict:
        values: dict = {}
        for source in self.signal_sources:
            try:
                values.update(await source.collect(context))
            except asyncio.CancelledError:
                raise
            except Exception:  # the price rules still run, without this source's values
                log.exception("signal source %s failed", type(source).__name__)
        return values

    async def aclose(self) -> None:
        """Close what the Monitor owns, once: the market feeds, the report computer, the signal sources.
        A second call does nothing; one closer that fails is logged and does not keep the others open."""
        if self._closed:
            return
        self._closed = True
        closers = [self.market.close] if self.market is not None else []
        closers += [s.aclose for s in self.signal_sources]
        if self.report_computer is not None:
            closers.append(self.report_computer.aclose)
        for close in closers:
            try:
                await close()
            except Exception:
                log.exception("closing %r failed", close)

    def evaluate(self, portfolio: Portfolio, market_result=None, *, offline: bool = False,
                 now: datetime | None = None, alerts: bool = True, extra_values=None,
                 market: bool = True) -> CycleResult:
        """The synchronous pipeline without fetching and signal sources (replay, tests): load history, compute
        the report on this thread, evaluate the rules once with ``extra_values`` merged in. ``market``: with the
        baskets, the bundled signals and the regime."""
        now = now or self.clock.now()
        inputs, closes, sources = self._inputs(portfolio, market_result, now, market=market)
        report = compute_risk_report(**inputs, cache=self._figures_cache)
        return self._finish(report, market_result, offline, closes, sources, alerts=alerts,
                            extra_values=extra_values, market=market)

    def _inputs(self, portfolio: Portfolio, market_result, now: datetime, *,
                market: bool = True) -> tuple[dict, dict, dict]:
        """The arguments of ``compute_risk_report`` (plain, picklable data), the closes and their sources."""
        baskets = self._basket_defs(portfolio) if market else ()
        symbols = list(dict.fromkeys([*portfolio.symbols, *BENCHMARKS, *(s for b in baskets for s in b.symbols)]))
        closes, sources = self.load_closes(symbols, now)
        quotes: dict[str, Quote] = {}
        states: dict[str, PriceState] = {}
        usd_per_base = None
        if market_result is not None:
            quotes = {s: q for s, q in market_result.quotes.items() if s in symbols}
            for s, fr in market_result.freshness.items():
                q = market_result.quotes.get(s)
                states[s] = PriceState(fr.state, _seconds(fr.age), as_of=q.ts if q is not None else None)
            if market_result.fx is not None:
                usd_per_base = market_result.fx.price
            # a quote held as an unconfirmed jump: the figures derived from that price neither fire nor resolve
            unconfirmed = set(market_result.unconfirmed or ())
        if usd_per_base is None and portfolio.base_currency != "USD":
            usd_per_base = self._stored_fx(portfolio.base_currency)
        # a basket never changes what a symbol is (a user basket listing QQQ must not make it 24/7 crypto)
        kinds = {s: b.kind for b in baskets for s in b.symbols}
        kinds.update({s: a.kind for s, a in BENCHMARK_ASSETS.items()})
        kinds.update({a.symbol: a.kind for a in portfolio.assets()})
        for sym in symbols:
            series = closes.get(sym)
            if series is None or not len(series):
                states.setdefault(sym, PriceState(DataStatus.MISSING, None))
                continue
            last_ts = series.index[-1].to_pydatetime()
            kind = kinds.get(sym, BENCHMARK_ASSETS.get(sym, Asset(sym, AssetKind.EQUITY)).kind)
            price = states.get(sym)
            if price is None or price.state is DataStatus.MISSING:
                price = self._history_state(Quote(sym, float(series.iloc[-1]), last_ts, "history"), kind, now)
            daily = self._daily_state(last_ts, kind, now)
            states[sym] = dataclasses.replace(price, daily=daily.state, sample=sources.get(sym) == "bundle",
                                              daily_as_of=bar_as_of(last_ts, now, self._calendar_of(kind)))
        for sym in unconfirmed if market_result is not None else ():
            if sym in states:
                states[sym] = dataclasses.replace(states[sym], unconfirmed=True)
        extra = {s: a for s, a in BENCHMARK_ASSETS.items() if s not in portfolio.symbols and s in closes}
        online = market_result is not None and any(
            st.state == "online" for st in market_result.sources.values())
        inputs = dict(portfolio=portfolio, closes=closes, quotes=quotes, now=now, price_states=states,
                      usd_per_base=usd_per_base, online=online, extra_assets=extra, baskets=baskets)
        return inputs, closes, sources

    def _basket_defs(self, portfolio: Portfolio) -> tuple:
        if self._baskets is None:
            return ()
        try:
            return tuple(self._baskets(portfolio))
        except Exception:  # the baskets are extra figures: the portfolio's must come regardless
            log.exception("the baskets could not be set up")
            return ()

    def _finish(self, report: RiskReport, market_result, offline: bool, closes, sources, *, alerts: bool,
                extra_values=None, context: SignalContext | None = None, market: bool = True) -> CycleResult:
        extra_values = dict(extra_values or {})
        signals = dict(extra_values)   # what the liquidity view lists: the signal sources' values (and the bundle's)
        regime = None
        if market and (self.bundled_signals is not None or self.regime is not None):
            values = dict(report.snapshot.values)
            values.update(extra_values)
            # the bundled 2022 signals stand in only offline and in a replay: a live cycle never takes an old
            # bundled peg or funding rate for a reading (nor lets a stale one hold the regime as a lower bound)
            if self.bundled_signals is not None and offline:
                bundled = self.bundled_signals.values(values, report.ts)
                values.update(bundled)
                extra_values.update(bundled)
                signals.update(bundled)
            if self.regime is not None:
                regime, regime_vals = self.regime.evaluate(values, report.ts)
                extra_values.update(regime_vals)
        if extra_values:
            report = dataclasses.replace(report, snapshot=report.snapshot.with_values(extra_values))
        if context is not None:
            context = dataclasses.replace(context, report=report)
        events = tuple(self.alerts.process(report.snapshot, context)) if self.alerts is not None and alerts else ()
        active = tuple(self.alerts.active_alerts()) if self.alerts is not None else ()
        newest = max((a.price_ts for a in report.assets if a.price_ts is not None), default=None)
        return CycleResult(report, events, active, market_result, offline, MappingProxyType(sources), newest,
                           MappingProxyType(closes), liquidity=MappingProxyType(signals),
                           future_bars=MappingProxyType(dict(self._future_bars)), regime=regime)

    def load_closes(self, symbols, now: datetime) -> tuple[dict[str, pd.Series], dict[str, str]]:
        since = now - timedelta(days=HISTORY_DAYS)
        closes: dict[str, pd.Series] = {}
        sources: dict[str, str] = {}
        self._future_bars = {}
        for sym in symbols:
            series = self._without_future_bars(sym, self._stored_closes(sym, since), now)
            if series is not None and len(series):
                closes[sym] = series
                sources[sym] = "store"
                continue
            fb = self.fallback_closes(sym) if self.fallback_closes else None
            if fb is not None and len(fb):
                # sliced by position, not masked: with the baskets' constituents this runs for ~30 symbols a cycle
                fb = fb.iloc[fb.index.searchsorted(pd.Timestamp(since)):
                             fb.index.searchsorted(pd.Timestamp(now), side="right")]
                if len(fb):
                    closes[sym] = fb
                    sources[sym] = "bundle"
                    continue
            sources[sym] = "none"
        return closes, sources

    def _without_future_bars(self, symbol: str, series: pd.Series | None, now: datetime) -> pd.Series | None:
        """Drop (and count) bars dated after ``now`` + one day: a clock or import error (a bar of 2030) must
        never become the latest price with age 0."""
        if series is None or not len(series):
            return series
        future = series.index > pd.Timestamp(now + FUTURE_BAR_TOLERANCE)
        if future.any():
            self._future_bars[symbol] = int(future.sum())
            log.warning("%s: %d stored bar(s) dated in the future ignored", symbol, int(future.sum()))
            series = series[~future]
        return series

    def _stored_closes(self, symbol: str, since: datetime) -> pd.Series | None:
        """Daily closes from the store, cached between cycles until the store reports a change of that symbol's
        bars (history does not change between 15-second cycles; re-reading it each time costs the GUI)."""
        if not isinstance(self.store, VersionedCloses):
            bars = self.store.load_bars(symbol, Timeframe.D1, since=since)
            return closes_from_bars(bars) if bars else None
        version = self.store.bars_version(symbol)
        cached = self._history_cache.get(symbol)
        if cached is not None and cached[0] == version and cached[1] <= since:
            series = cached[2]
            return series[series.index >= pd.Timestamp(since)]
        ts, values = self.store.load_closes(symbol, Timeframe.D1, since=since)
        if not ts:
            self._history_cache.pop(symbol, None)
            return None
        series = pd.Series(values, index=pd.to_datetime(ts, unit="ms", utc=True), dtype=float)
        self._history_cache[symbol] = (version, since, series)
        return series

    def _calendar_of(self, kind: AssetKind) -> UsEquityCalendar | None:
        return self.calendar if kind in (AssetKind.EQUITY, AssetKind.INDEX) else None

    def _history_state(self, quote: Quote, kind: AssetKind, now: datetime) -> PriceState:
        """Freshness of a price that comes from stored daily history (no live quote): a crypto close counts
        until the end of the day after its bar; a stock's close is "market closed" while the exchange is closed
        after that session, and counts a day while it is open. Its as-of time is the bar's close."""
        calendar = self._calendar_of(kind)
        as_of = bar_as_of(quote.ts, now, calendar)
        closed = Quote(quote.symbol, quote.price, as_of, quote.source)
        if calendar is not None:
            fr = assess_quote(closed, now, stale_after(timedelta(seconds=self.refresh_s)) + timedelta(days=1),
                              calendar=calendar)
        else:
            fr = self._daily_state(quote.ts, kind, now)
        # the age counts from the bar's date, so a bar still open never reads as 0 s old
        return PriceState(fr.state, max((now - quote.ts).total_seconds(), 0.0), as_of=as_of)

    def _daily_state(self, last_bar_ts: datetime, kind: AssetKind, now: datetime):
        """Daily closes count until the end of the day (crypto) or the session (stocks) after their newest bar;
        the sync re-reads the current bar every 15 minutes, so an hour of grace is never a gap."""
        return assess_daily(last_bar_ts, now, calendar=self._calendar_of(kind), grace=DAILY_GRACE)

    def _stored_fx(self, base: str) -> float | None:
        bars = self.store.load_bars(f"{base}USD", Timeframe.D1)
        return bars[-1].close if bars else None


def _seconds(age: timedelta | None) -> float | None:
    return age.total_seconds() if age is not None else None
