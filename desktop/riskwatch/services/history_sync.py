"""History sync of the market-data service: daily bars backfilled, holes filled, kept current, stored once.

Daily bars of every held crypto asset are backfilled to ``min_history_bars`` (paginated, only what the store
is missing: the head before the first stored bar, holes between stored bars, and the tail from the last stored
bar on), then kept current incrementally; equities likewise from the equity feed. Bars pass the spike filter
and are upserted (idempotent). A hole the exchange does not fill (no bar that day, or a rejected one) is not
asked for again before ``gap_retry``. Crypto history always comes from the asset's USD(-like) market.
:class:`HistorySync` is mixed into ``MarketDataService``.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
from datetime import UTC, datetime, timedelta

from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited
from riskwatch.domain.model import Asset, Bar, Timeframe
from riskwatch.domain.ports import HistoryStore
from riskwatch.domain.validation import RejectionCounter, filter_bar_spikes
from riskwatch.services.market_quotes import QuoteSteps
from riskwatch.services.source_health import CycleState, SourceState, error_code

log = logging.getLogger("riskwatch.services.market_data")


def _floor(ts: datetime, tf: Timeframe) -> datetime:
    s = int(ts.timestamp()) // tf.seconds * tf.seconds
    return datetime.fromtimestamp(s, tz=UTC)


class HistorySync(QuoteSteps):
    """The history steps of a cycle (mixed into ``MarketDataService``)."""

    store: HistoryStore
    rejections: RejectionCounter
    _history_checked: dict[tuple[str, str], datetime]
    _history_depth: dict[tuple[str, str], int]        # bars wanted at the last check (the basket wants more)
    _unfillable: dict[tuple[str, str], dict[datetime, datetime]]

    async def _crypto_history(self, assets: list[Asset], state: CycleState,
                              plan: dict[str, tuple[str | None, str | None]]) -> None:
        feed = self.crypto
        if feed is None or not assets or self._paused(feed.source):
            return
        if self._tracker(feed.source).status.state is not SourceState.ONLINE:
            return
        jobs = [(a, plan[a.symbol][1]) for a in assets if plan.get(a.symbol, (None, None))[1]]
        await asyncio.gather(*(self._step(self._sync_crypto, a.symbol, m, state) for a, m in jobs))

    async def _sync_crypto(self, symbol: str, market: str, state: CycleState, bars: int | None = None) -> None:
        """Backfill / top up ``symbol``'s daily bars to ``bars`` (default ``config.min_history_bars``)."""
        feed, tf, cfg = self.crypto, Timeframe.D1, self.config
        src = feed.source
        wanted = bars if bars is not None else cfg.min_history_bars
        now = self.clock.now()
        today = _floor(now, tf)
        checked = self._history_checked.get((src, symbol))
        recent = checked is not None and now - checked < cfg.history_refresh and _floor(checked, tf) >= today
        depth = self._history_depth.get((src, symbol), 0) if recent else 0
        if depth >= wanted:
            return  # checked recently to this depth, and no new bar has started since
        step = timedelta(seconds=tf.seconds)
        desired = today - step * (wanted - 1)
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
            code = error_code(err)
            pause = cfg.bad_symbol_retry if isinstance(err, BadSymbol) or code == "exchange_error" else None
            self._issue(state, symbol, f"history_{code}", str(err), pause=pause)
            self._tracker(src).degrade(code, f"history of {market}: {err}")
            return
        self._history_checked[(src, symbol)] = now
        self._history_depth[(src, symbol)] = max(depth, wanted)

    async def _fetch_head(self, src: str, symbol: str, market: str, start: datetime, until: datetime | None,
                          state: CycleState) -> None:
        """Bars from ``start`` up to ``until`` (the first stored bar; None: everything up to now)."""
        bars = await self.crypto.fetch_bars(market, Timeframe.D1, start, until)
        first_seen = bars[0].ts if bars else until
        if first_seen is not None and first_seen > start:
            self._set_history_floor(src, symbol, first_seen)   # the exchange has nothing earlier
        self._store_bars(src, symbol, bars, state)

    async def _fill_gaps(self, src: str, symbol: str, market: str, stored: list[Bar], state: CycleState,
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
        page = self.crypto.page_limit
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

    def _store_bars(self, src: str, symbol: str, bars: list[Bar], state: CycleState) -> None:
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

    async def _equity_history(self, assets: list[Asset], state: CycleState) -> None:
        feed = self.equity
        if feed is None or not assets or feed.offline or self._paused(feed.source):
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
            self._tracker(src).degrade(error_code(err), f"history: {err}")
            for sym in since_by_symbol:
                self._issue(state, sym, f"history_{error_code(err)}", str(err))
            return
        for sym, since in since_by_symbol.items():
            bars = [b for b in history.get(sym, []) if b.ts >= since]
            self._store_bars(src, sym, bars, state)
            self._history_checked[(src, sym)] = now
