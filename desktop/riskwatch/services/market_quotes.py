"""Quotes and FX of the market-data service: crypto tickers and equity quotes, composed into the base currency.

Each live quote passes the plausibility check of ``services/quote_guard.py`` (stored bars, order book); a
quote is converted into the base currency with the exchange's live rate, and a converted quote is as old as
the older of price and rate. Without a live quote the latest stored daily close stands in (clearly old).
:class:`QuoteSteps` is mixed into ``MarketDataService``.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from riskwatch.domain.freshness import Freshness, assess_quote, stale_after
from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited
from riskwatch.domain.model import CRYPTO_KINDS, EQUITY_KINDS, USD_LIKE, Asset, AssetKind, Quote
from riskwatch.domain.ports import CryptoFeed, EquityFeed
from riskwatch.domain.validation import RejectedValue, UsEquityCalendar
from riskwatch.services.source_health import CycleState, SourceHealth, error_code

if TYPE_CHECKING:
    from riskwatch.services.quote_guard import QuoteGuard

log = logging.getLogger("riskwatch.services.market_data")


@dataclass
class _Held:
    quote: Quote          # in the market's currency, symbol = asset symbol
    currency: str         # "USD", "EUR", …
    kind: AssetKind



class QuoteSteps(SourceHealth):
    """The quote steps of a cycle (mixed into ``MarketDataService``)."""

    crypto: CryptoFeed | None
    equity: EquityFeed | None
    calendar: UsEquityCalendar
    _guard: QuoteGuard
    _held: dict[str, _Held]
    _fx: dict[str, Quote]
    _markets: dict[tuple[str, str], str]
    _equity_quotes_at: datetime | None

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
    async def _crypto_quotes(self, assets: list[Asset], state: CycleState,
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
                code = error_code(err)
                pause = self.config.bad_symbol_retry if isinstance(err, BadSymbol) else None
                self._issue(state, sym, code, str(err), pause=pause)
                if not isinstance(err, BadSymbol):
                    self._tracker(src).degrade(code, str(err))

    async def _accept_tick(self, src: str, market: str, quote: Quote, asset: Asset | None = None) -> bool:
        return await self._guard.accept(src, market, quote, asset)

    async def _equity_quotes(self, assets: list[Asset], state: CycleState) -> None:
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

    def _compose_quotes(self, assets: list[Asset], state: CycleState) -> dict[str, Quote]:
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


def _currency(market: str) -> str:
    quote = market.split("/", 1)[1].split(":", 1)[0] if "/" in market else "USD"
    return "USD" if quote in USD_LIKE else quote
