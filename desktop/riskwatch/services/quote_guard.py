"""The market-data service's gate for live quotes: plausibility against persisted and independent data.

The rules live in :mod:`riskwatch.domain.quote_check` (pure); this module gathers the evidence a quote is
judged with, so that a fresh process (``riskwatch check``) judges it exactly as the long-running app does:

* the latest stored daily close of the asset (the history the previous runs stored), never a bar dated
  more than a day in the future; crypto history is in USD, so for a quote in another currency the close is
  converted with the service's latest rate of that currency (no rate: no bar reference);
* only when the quote is implausible: the order-book mid of the same market (crypto), one extra request.
  A ticker's own bid/ask is no confirmation (a broken ticker scales all of its fields alike); a last price
  far outside them makes the quote implausible.

An unconfirmed quote is counted as ``unconfirmed_spike`` and kept in :attr:`QuoteGuard.unconfirmed` (by asset
symbol, for this cycle) so that the monitor marks the asset's price-derived figures as unconfirmed.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta
from typing import Any

from riskwatch.domain.model import CRYPTO_KINDS, USD_LIKE, Asset, Bar, Quote, Timeframe
from riskwatch.domain.quote_check import (
    FUTURE_BAR_TOLERANCE,
    QuoteChecker,
    QuoteEvidence,
    QuoteRule,
    QuoteVerdict,
)

log = logging.getLogger(__name__)

_BOOK_DEPTH = 10


def _market_currency(market: str) -> str:
    quote = market.split("/", 1)[1].split(":", 1)[0] if "/" in market else "USD"
    return "USD" if quote in USD_LIKE else quote


class QuoteGuard:
    """Judges live quotes for one :class:`~riskwatch.services.market_data.MarketDataService` (``service``:
    its store, clock, feeds, rejection counter, config and latest FX rates)."""

    def __init__(self, service: Any, rule: QuoteRule | None = None):
        self.service = service
        cfg = service.config
        self.checker = QuoteChecker(rule or QuoteRule(tick=cfg.tick_rule, bar=cfg.bar_rule))
        self.unconfirmed: dict[str, Quote] = {}

    def start_cycle(self) -> None:
        self.unconfirmed.clear()

    def latest_bar(self, symbol: str, source: str | None) -> Bar | None:
        """The latest stored daily bar of ``symbol`` that is not dated in the future (see FUTURE_BAR_TOLERANCE)."""
        store = self.service.store
        horizon = self.service.clock.now() + FUTURE_BAR_TOLERANCE
        last = store.last_bar_time(symbol, Timeframe.D1, source=source)
        if last is None:
            return None
        since = last if last <= horizon else None   # a future bar: search the whole history below the horizon
        bars = store.load_bars(symbol, Timeframe.D1, source=source, since=since, until=horizon)
        return bars[-1] if bars else None

    def _evidence(self, market: str, quote: Quote, asset: Asset | None) -> QuoteEvidence:
        ev = QuoteEvidence(bid=quote.bid, ask=quote.ask)
        if asset is None:
            return ev
        svc = self.service
        crypto = asset.kind in CRYPTO_KINDS
        feed = svc.crypto if crypto else svc.equity
        source = getattr(feed, "source", None) if crypto else None
        try:
            bar = self.latest_bar(asset.symbol, source)
        except Exception:  # a store problem must not take the quotes down: judge without bars
            log.exception("reading the reference bar of %s failed", asset.symbol)
            return ev
        if bar is None:
            return ev
        close = bar.close
        currency = _market_currency(market) if crypto else "USD"
        if currency != "USD":
            rate = svc._fx.get(currency)
            if rate is None:
                return ev
            close = close / rate.price
        as_of = min(bar.ts + timedelta(days=1), svc.clock.now())
        return replace(ev, bar_close=close, bar_as_of=as_of)

    async def _book_mid(self, market: str) -> float | None:
        try:
            book = await self.service.crypto.fetch_order_book(market, _BOOK_DEPTH)
        except Exception as err:  # no book: judged without it (persistence may confirm later)
            log.info("order book of %s for a quote check unavailable: %s", market, err)
            return None
        sides = [p for p in (book.best_bid, book.best_ask) if p is not None]
        return sum(sides) / len(sides) if sides else None

    async def accept(self, src: str, market: str, quote: Quote, asset: Asset | None = None) -> bool:
        """True when ``quote`` may become the price; else it is counted and remembered as unconfirmed."""
        svc = self.service
        key = f"{src}:{market}"
        ev = self._evidence(market, quote, asset)
        crypto_feed = svc.crypto is not None and src == getattr(svc.crypto, "source", None)
        if crypto_feed and not self.checker.plausible(key, quote.price, quote.ts, ev):
            ev = replace(ev, book_mid=await self._book_mid(market))
        verdict = self.checker.check(key, quote.price, quote.ts, ev)
        if verdict is QuoteVerdict.UNCONFIRMED:
            svc.rejections.add(src, quote.symbol, "unconfirmed_spike")
            if asset is not None:
                self.unconfirmed[asset.symbol] = quote
            return False
        if verdict is QuoteVerdict.CONFIRMED:
            log.info("%s: jump to %s confirmed", key, quote.price)
        return True
