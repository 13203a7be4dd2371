"""Keeps the CD20 basket's constituents' daily history in the store, on a task of its own beside the cycles.

The first run backfills ``bars`` daily bars of every crypto constituent through the exchange (ccxt, spaced by its
rate limiter; 20 symbols × 3 years is about 40 requests), reporting ``progress(done, total, symbol)`` for the
window's progress bar; afterwards it tops them up every ``interval`` (one request per symbol: the current bar).
Never inside a cycle: a first backfill takes most of a minute at Kraken's one request per second, and the
cycles' alerts must not wait for it. What a failed symbol lacks is asked for again on the next run; the store's
upserts make a repeated bar harmless. Until the history is there the basket uses the bundled closes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import timedelta

from riskwatch.domain.model import Asset, AssetKind

log = logging.getLogger(__name__)

#: three years of daily bars: the panel's longest window (a year) with the 800-day history of the report behind it
BASKET_BARS = 3 * 365 + 1
RETRY_AFTER_FAILURE = timedelta(minutes=10)


class BasketHistoryKeeper:
    """``market``: the MarketDataService (``sync_history``), or a callable returning the current one (the
    settings dialog replaces the monitor's service when the exchange or its endpoint changes, and a run must use
    the new one, never the closed old one); ``baskets()``: the basket definitions now."""

    def __init__(self, market, baskets: Callable[[], Sequence], *, bars: int = BASKET_BARS,
                 interval: timedelta = timedelta(hours=1),
                 progress: Callable[[int, int, str], object] | None = None):
        self.market = market
        self._baskets = baskets
        self.bars = bars
        self.interval = interval
        self.progress = progress
        self.last_report = None
        self.runs = 0
        self._used = None   # the market-data service of the latest run

    def assets(self) -> list[Asset]:
        """The crypto constituents of the baskets, each once (equities come with the cycle's equity feed)."""
        symbols: dict[str, None] = {}
        for basket in self._baskets():
            if basket.kind is AssetKind.CRYPTO:
                symbols.update(dict.fromkeys(basket.symbols))
        return [Asset(s, AssetKind.CRYPTO) for s in symbols]

    async def sync_once(self):
        """One backfill or top-up of every constituent; the report (None without constituents)."""
        assets = self.assets()
        market = self.market() if callable(self.market) else self.market
        if not assets or market is None or getattr(market, "crypto", None) is None:
            return None
        self._used = market
        current = (lambda: self.market() is market) if callable(self.market) else None
        report = await market.sync_history(assets, bars=self.bars, progress=self.progress, keep_going=current)
        self.last_report, self.runs = report, self.runs + 1
        failed = [s for s, code in report.failed.items() if code != "not_listed"]
        log.info("basket history: %d symbols, %d requests (minimum %d), failed: %s", len(report.symbols),
                 report.requests, report.min_requests, ", ".join(failed) or "none")
        return report

    async def run(self, stop: asyncio.Event) -> None:
        """Sync now, then every ``interval`` (sooner after a failure) until ``stop`` is set."""
        while not stop.is_set():
            wait = self.interval
            try:
                report = await self.sync_once()
                if report is not None and any(c != "not_listed" for c in report.failed.values()):
                    wait = min(self.interval, RETRY_AFTER_FAILURE)
                if callable(self.market) and self._used is not None and self.market() is not self._used:
                    wait = timedelta(0)   # the exchange was replaced mid-run: go on with the new one now
            except asyncio.CancelledError:
                raise
            except Exception:  # the basket then uses what it has; the next run tries again
                log.exception("keeping the basket history failed")
                wait = min(self.interval, RETRY_AFTER_FAILURE)
            try:
                await asyncio.wait_for(stop.wait(), wait.total_seconds())
            except TimeoutError:
                pass


__all__ = ["BASKET_BARS", "BasketHistoryKeeper"]
