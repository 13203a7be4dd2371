"""Liquidity signals of one monitoring cycle: can the positions be sold, and is the market drying up?

:class:`LiquidityCollector` is the Monitor's ``liquidity`` collaborator. ``collect(portfolio, report,
market_result, offline)`` returns ``{(scope, metric): MetricValue}`` (see
:func:`riskwatch.domain.liquidity.liquidity_metric_values`), which the Monitor merges into the Snapshot before
the alert rules run. Per cycle, when online:

* every held crypto asset (not stablecoins; at most ``max_books``, the largest positions first): its USD(-like)
  order book, fetched concurrently (at most ``concurrency`` at a time) through the market-data service ->
  spread, ±1 %/±2 % depth, imbalance, the slippage of selling the whole held quantity, and ``depth_2pct_ratio``
  = today's ±2 % depth / median of the stored ±2 % depth of the last 7 days;
* USDT and USDC (held or not): ``peg_deviation`` from the cycle's quote (when held, fresh and in USD) or else
  from the mid of the stablecoin's USD book;
* the portfolio: ``liquid_share_1d``, the share sellable within one day at ≤ 1 % slippage.

Online and offline (from the stored daily bars): ``volume_ratio`` of every held non-stablecoin asset (latest 24 h
or last complete day / median of the 30 days before), and for equities ``adv_20d_usd`` (20-day average daily
dollar volume) and ``days_to_liquidate`` at 20 % participation. Bars without volume make these *unavailable*.

Failures never raise out of :meth:`LiquidityCollector.collect` and never read as zero: an unreachable source
gives ``MetricValue(None, "error")``, an unknown market ``"missing"``, a bad (crossed, empty) book ``"invalid"``
(also counted in :attr:`LiquidityCollector.rejected_books`). Each cycle's values are appended to the signal
history (``store_history``, at most every ``history_interval``), which survives restarts.

Money is in the book's quote currency (USD or a USD stablecoin) and ``adv_20d_usd`` in USD, whatever the
portfolio's base currency; fractions everywhere else.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import math
from collections import Counter
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.errors import RiskWatchError
from riskwatch.domain.liquidity import (
    AssetLiquidity,
    HoldingLiquidity,
    LiquidityProfile,
    OrderBook,
    Unavailable,
    average_dollar_volume,
    book_signals,
    days_to_liquidate,
    depth_vs_median_ratio,
    liquidity_metric_values,
    liquidity_profile,
    peg_deviation,
    sell_slippage,
    volume_ratio,
)
from riskwatch.domain.model import EQUITY_KINDS, AssetKind, Bar, Portfolio, Timeframe
from riskwatch.domain.ports import Clock, MarketData, PriceRepository, SignalContext
from riskwatch.domain.snapshot import MetricValue
from riskwatch.services.liquidity_config import HistoryWriter, LiquidityConfig, SignalHistory

log = logging.getLogger(__name__)

def _finite(x: Any) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _merge(a: AssetLiquidity | None, b: AssetLiquidity) -> AssetLiquidity:
    """``b``'s fields that are set over ``a``'s."""
    if a is None:
        return b
    changes = {f.name: getattr(b, f.name) for f in dataclasses.fields(b)
               if f.name != "scope" and getattr(b, f.name) is not None}
    return dataclasses.replace(a, **changes)


class LiquidityCollector:
    """Collects the liquidity signals of a cycle (see the module docstring). Use from one event loop.

    ``market_service``: ``MarketDataService`` (``fetch_order_book(asset, currency, limit)``; its ``store`` is
    read for daily bars unless ``bars`` is given). ``store_history``: a :class:`SignalHistory` or None.
    (Funding and open interest are their own source: :class:`riskwatch.services.derivatives.DerivativesSource`.)
    """

    def __init__(self, market_service: MarketData | None, store_history: SignalHistory | None, clock: Clock, *,
                 max_books: int | None = None,
                 bars: PriceRepository | None = None, config: LiquidityConfig | None = None):
        cfg = config or LiquidityConfig()
        if max_books is not None:
            cfg = dataclasses.replace(cfg, max_books=max(0, int(max_books)))
        self.config = cfg
        self.market = market_service
        self.history = store_history
        self._writer = HistoryWriter(store_history, cfg)
        self.clock = clock
        self.bars = bars if bars is not None else getattr(market_service, "store", None)
        #: bad order books seen since start, by (symbol, reason)
        self.rejected_books: Counter[tuple[str, str]] = Counter()
        self._semaphore: asyncio.Semaphore | None = None

    # -- public -------------------------------------------------------------------------------------------------
    async def collect(self, context: SignalContext) -> dict[tuple[str, str], MetricValue]:
        """The cycle's liquidity values (the Monitor's signal-source protocol); never raises (except
        cancellation)."""
        now = self.clock.now()
        try:
            values = await self._collect(context.portfolio, context.report, context.market_result,
                                         context.offline, now)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("collecting the liquidity signals failed")
            return {}
        self._writer.write(values, now)
        return values

    async def order_book(self, symbol: str, limit: int | None = None) -> OrderBook:
        """A validated book of ``symbol`` in the configured quote currency (for the depth chart); raises domain
        errors (``InvalidOrderBook`` for a crossed or empty book)."""
        if self.market is None:
            from riskwatch.domain.errors import DataUnavailable

            raise DataUnavailable("no crypto exchange configured")
        return await self.market.fetch_order_book(symbol, self.config.quote_currency,
                                                  limit if limit is not None else self.config.book_limit)

    def history_of(self, scope: str, metric: str, days: float = 30.0) -> list[tuple[datetime, float | None]]:
        """The stored history of one signal over the last ``days`` (blocking: run it off the GUI thread)."""
        if self.history is None:
            return []
        return self.history.load(scope, metric, since=self.clock.now() - timedelta(days=days))

    async def aclose(self) -> None:
        """Nothing to close: the order books come through the market-data service, closed by the Monitor."""

    # -- the cycle ----------------------------------------------------------------------------------------------
    async def _collect(self, portfolio: Portfolio, report: Any, market_result: Any, offline: bool,
                       now: datetime) -> dict[tuple[str, str], MetricValue]:
        cfg = self.config
        holdings: dict[str, tuple[Any, float]] = {}
        for p in portfolio.positions:
            asset, qty = holdings.get(p.symbol, (p.asset, 0.0))
            holdings[p.symbol] = (asset, qty + float(p.quantity))
        values_by_symbol = {s: self._value(report, s) for s in holdings}
        scopes: dict[str, AssetLiquidity] = {}

        def put(al: AssetLiquidity) -> None:
            scopes[al.scope] = _merge(scopes.get(al.scope), al)

        # stored daily bars: volume ratio (all but stablecoins), ADV and days to liquidate (equities)
        adv_usd: dict[str, float | None] = {}
        for sym, (asset, qty) in holdings.items():
            if asset.kind is AssetKind.STABLECOIN:
                continue
            al, adv = self._volume_signals(sym, asset.kind, qty, report, market_result, now)
            put(al)
            adv_usd[sym] = adv

        online = not offline and self.market is not None
        if not online:
            return liquidity_metric_values(scopes.values(), as_of=now)
        paused = self._exchange_paused(market_result, now)


        crypto = sorted((s for s, (a, _) in holdings.items() if a.kind is AssetKind.CRYPTO),
                        key=lambda s: -(values_by_symbol[s] or 0.0))
        wanted, skipped = crypto[:cfg.max_books], crypto[cfg.max_books:]
        pegs = {s: self._peg_from_quote(s, market_result) for s in cfg.stablecoins}
        peg_books = [s for s, price in pegs.items() if price is None]
        book_results = await asyncio.gather(
            *(self._book(s, cfg.book_limit, paused) for s in wanted),
            *(self._book(s, cfg.peg_book_limit, paused) for s in peg_books))
        books: dict[str, OrderBook] = {}
        for sym, res in zip(wanted, book_results[:len(wanted)]):
            if isinstance(res, Unavailable):
                put(AssetLiquidity(sym, book=res, exit=res, depth_2pct_ratio=res))
                continue
            books[sym] = res
            signals = book_signals(res)
            put(AssetLiquidity(sym, book=signals, exit=sell_slippage(res, holdings[sym][1]),
                               depth_2pct_ratio=self._depth_ratio(sym, signals.depth_2pct, now)))
        for sym in skipped:
            u = Unavailable(DataStatus.MISSING, "book_limit")
            put(AssetLiquidity(sym, book=u, exit=u, depth_2pct_ratio=u))
        for sym, res in zip(peg_books, book_results[len(wanted):]):
            pegs[sym] = res if isinstance(res, Unavailable) else res.mid
        for sym, price in pegs.items():
            put(AssetLiquidity(sym, peg_deviation=price if isinstance(price, Unavailable) else peg_deviation(price)))
        profile = self._profile(holdings, values_by_symbol, books, adv_usd, report)
        return liquidity_metric_values(scopes.values(), portfolio=profile, as_of=now)

    # -- order books ------------------------------------------------------------------------------------------
    def _exchange_paused(self, market_result: Any, now: datetime) -> bool:
        """True while the cycle's quotes found the exchange unreachable and backing off: asking it for books
        then would only time out again (and log) once per book and cycle, all night long when offline."""
        source = self.market.crypto_source if self.market is not None and market_result is not None else None
        status = market_result.sources.get(source) if source else None
        if status is None:
            return False
        return status.retry_at is not None and now < status.retry_at

    async def _book(self, symbol: str, limit: int | None, paused: bool = False) -> OrderBook | Unavailable:
        if paused:
            return Unavailable(DataStatus.ERROR, "source_paused")
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(max(1, self.config.concurrency))
        async with self._semaphore:
            try:
                return await asyncio.wait_for(
                    self.market.fetch_order_book(symbol, self.config.quote_currency, limit),
                    self.config.fetch_timeout_s)
            except asyncio.CancelledError:
                raise
            except TimeoutError:
                return Unavailable(DataStatus.ERROR, "timeout")
            except Exception as err:
                if not isinstance(err, RiskWatchError):
                    log.warning("order book of %s: unexpected %s", symbol, type(err).__name__, exc_info=True)
                u = Unavailable.from_error(err)
                if u.status == DataStatus.INVALID:
                    self.rejected_books[(symbol, u.detail)] += 1
                    log.warning("order book of %s rejected (%s): %s", symbol, u.detail, err)
                return u

    def _depth_ratio(self, symbol: str, depth_2pct: float, now: datetime) -> float | Unavailable:
        if self.history is None:
            return Unavailable(DataStatus.MISSING, "no_history")
        try:
            rows = self.history.load(symbol, "depth_2pct", since=now - self.config.depth_window, until=now)
        except Exception as err:
            log.warning("reading the depth history of %s failed: %s", symbol, err)
            return Unavailable(DataStatus.ERROR, "history_unreadable")
        past = [v for _, v in rows if v is not None]
        return depth_vs_median_ratio(depth_2pct, past, min_periods=self.config.depth_min_samples)

    # -- stablecoin peg ---------------------------------------------------------------------------------------
    def _peg_from_quote(self, symbol: str, market_result: Any) -> float | None:
        """The stablecoin's fresh USD price from this cycle's quotes (only when held and the base is USD)."""
        if market_result is None or market_result.base_currency != "USD":
            return None
        quote = market_result.quotes.get(symbol)
        fresh = market_result.freshness.get(symbol)
        if quote is None or (fresh is not None and not fresh.is_usable):
            return None
        return _finite(quote.price)

    # -- volumes from the stored daily bars ------------------------------------------------------------------
    def _complete_bars(self, symbol: str, now: datetime) -> list[Bar]:
        """Daily bars whose day has ended, oldest first (an in-progress day would read as a collapse)."""
        if self.bars is None:
            return []
        since = now - timedelta(days=self.config.volume_history_days)
        bars = self.bars.load_bars(symbol, Timeframe.D1, since=since)
        return [b for b in bars if b.ts + timedelta(days=1) <= now]

    def _volume_signals(self, symbol: str, kind: AssetKind, qty: float, report: Any, market_result: Any,
                        now: datetime) -> tuple[AssetLiquidity, float | None]:
        cfg = self.config
        equity = kind in EQUITY_KINDS
        try:
            bars = self._complete_bars(symbol, now)
        except Exception as err:
            log.warning("reading the daily bars of %s failed: %s", symbol, err)
            u = Unavailable(DataStatus.ERROR, "bars_unreadable")
            return (AssetLiquidity(symbol, volume_ratio=u, adv_20d_usd=u if equity else None,
                                   days_to_liquidate=u if equity else None), None)
        volumes = [b.volume for b in bars]
        if not any(v is not None for v in volumes):
            u = Unavailable(DataStatus.MISSING, "no_volume_data" if bars else "no_history")
            return (AssetLiquidity(symbol, volume_ratio=u, adv_20d_usd=u if equity else None,
                                   days_to_liquidate=u if equity else None), None)
        prior = [math.nan if v is None else v for v in volumes[:-1]]
        current = volumes[-1]
        if not equity and market_result is not None:  # crypto: the rolling 24 h volume of the live ticker
            quote = market_result.quotes.get(symbol)
            live = _finite(quote.volume_24h) if quote is not None else None
            if live is not None:
                current = live
        vr = volume_ratio(current, prior)
        if not equity:
            return AssetLiquidity(symbol, volume_ratio=vr), None
        closes = [b.close for b in bars]
        adv = average_dollar_volume(closes, [math.nan if v is None else v for v in volumes],
                                    window=cfg.adv_window, min_periods=cfg.adv_min_periods)
        price = self._price_usd(report, symbol, bars)
        dtl = days_to_liquidate(qty, price, adv, participation=cfg.participation) \
            if price is not None and math.isfinite(adv) else math.nan
        return (AssetLiquidity(symbol, volume_ratio=vr, adv_20d_usd=adv, days_to_liquidate=dtl),
                adv if math.isfinite(adv) else None)

    @staticmethod
    def _price_usd(report: Any, symbol: str, bars: list[Bar]) -> float | None:
        ar = report.asset(symbol) if report is not None else None
        price = _finite(getattr(ar, "price", None))
        if price is not None and price > 0:
            if getattr(report, "base_currency", "USD") != "USD":
                usd_per_base = _finite(getattr(report, "usd_per_base", None))
                return price * usd_per_base if usd_per_base else None
            return price
        return bars[-1].close if bars else None

    # -- portfolio ------------------------------------------------------------------------------------------
    @staticmethod
    def _value(report: Any, symbol: str) -> float | None:
        ar = report.asset(symbol) if report is not None else None
        v = _finite(getattr(ar, "value", None))
        return v if v is not None and v >= 0 else None

    def _profile(self, holdings: Mapping[str, tuple[Any, float]], values: Mapping[str, float | None],
                 books: Mapping[str, OrderBook], adv_usd: Mapping[str, float | None],
                 report: Any) -> LiquidityProfile | Unavailable | None:
        items: list[HoldingLiquidity] = []
        for sym, (asset, qty) in holdings.items():
            value = values.get(sym)
            if value is None:
                continue
            if asset.kind is AssetKind.STABLECOIN:
                items.append(HoldingLiquidity(sym, value, "cash"))
            elif asset.kind is AssetKind.CRYPTO:
                items.append(HoldingLiquidity(sym, value, "crypto", quantity=qty, book=books.get(sym)))
            else:
                adv = adv_usd.get(sym)
                adv_base = report.to_base(adv, "USD") if adv is not None and report is not None else None
                items.append(HoldingLiquidity(sym, value, "equity", adv=adv_base))
        if not items:
            return Unavailable(DataStatus.MISSING, "no_prices") if holdings else None
        return liquidity_profile(items, participation=self.config.participation)
