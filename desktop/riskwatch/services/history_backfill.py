"""Backfill of many crypto assets to a wanted depth (the basket's constituents), with progress and a report.

Every symbol goes through the cycle's own path, ``HistorySync._sync_crypto``: only what the store lacks is
requested (the head before the first stored bar, holes, the tail from the last stored bar on), bars pass the
spike filter and are upserted (idempotent, keyed by day), and a history floor is remembered when the exchange
has nothing earlier. So a run that failed half-way resumes by simply running again: the symbols that completed
are only topped up, and a symbol whose fetch failed stored nothing of that fetch (``fetch_bars`` returns all
its pages or raises), so nothing is asked twice and nothing is stored twice.

Symbols run one after the other. The exchange's rate limit is the bottleneck, not the client: ccxt's limiter
(``enableRateLimit``) releases a request only once ``cost × rateLimit`` ms have passed since the previous one
(Kraken: 1000 ms, OHLC costs 1.2), whoever asks. Each symbol takes the service's cycle lock, so a cycle waits
for one symbol at most and never fetches the same symbol at the same time as the backfill.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time as _time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from types import MappingProxyType

from riskwatch.domain.errors import BadSymbol, RiskWatchError
from riskwatch.domain.model import CRYPTO_KINDS, Asset, Timeframe
from riskwatch.services.history_sync import HistorySync, _floor
from riskwatch.services.source_health import CycleState, error_code

log = logging.getLogger("riskwatch.services.market_data")

#: ``progress(done, total, symbol)``: called after each symbol, ``done`` counting symbols finished (ok or not)
Progress = Callable[[int, int, str], object]


@dataclass(frozen=True)
class SymbolBackfill:
    symbol: str
    market: str | None
    code: str                 # "ok", "not_listed", "no_exchange", "internal_error" or the feed's error code
    message: str = ""
    stored: int = 0           # bars upserted in this run
    held: int = 0             # daily bars in the store within the wanted window after the run
    missing_before: int = 0   # daily bars of the wanted window the store lacked before the run
    requests: int | None = 0  # OHLC requests made for this symbol (None: the feed does not count them)

    @property
    def ok(self) -> bool:
        return self.code == "ok"


@dataclass(frozen=True)
class HistorySyncReport:
    bars: int                               # daily bars wanted per symbol
    symbols: Mapping[str, SymbolBackfill]   # in the order asked
    requests: int | None                    # OHLC requests made (None: the feed does not count them)
    min_requests: int                       # Σ ceil(missing_before / page_limit) over the listed symbols
    duration_s: float

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.symbols.values())

    @property
    def failed(self) -> dict[str, str]:
        return {s.symbol: s.code for s in self.symbols.values() if not s.ok}


class HistoryBackfill(HistorySync):
    """``sync_history`` (mixed into ``MarketDataService``)."""

    _lock: asyncio.Lock | None

    async def sync_history(self, assets: Sequence[Asset], *, bars: int,
                           progress: Progress | None = None,
                           keep_going: Callable[[], bool] | None = None) -> HistorySyncReport:
        """Backfill / top up the daily history of every crypto asset in ``assets`` to ``bars`` bars, through
        its USD(-like) market. Never raises except CancelledError: failures are per-symbol codes in the report
        (a symbol the exchange does not list is "not_listed"). Other asset kinds are skipped. ``keep_going()``
        is asked before each symbol: False ends the run there (this service was replaced by the settings dialog;
        the rest is the new service's job), the report lists the symbols done so far."""
        started = _time.perf_counter()
        crypto = list({a.symbol: a for a in assets if a.kind in CRYPTO_KINDS}.values())
        if self._lock is None:
            self._lock = asyncio.Lock()
        results: dict[str, SymbolBackfill] = {}
        for done, asset in enumerate(crypto, 1):
            if keep_going is not None and not keep_going():
                break
            async with self._lock:
                try:
                    results[asset.symbol] = await self._backfill_one(asset.symbol, max(int(bars), 1))
                except asyncio.CancelledError:
                    raise
                except Exception as err:  # the store failing, or a bug: this symbol fails, not the backfill
                    log.exception("backfill of %s failed", asset.symbol)
                    results[asset.symbol] = SymbolBackfill(asset.symbol, None, "internal_error", str(err)[:300])
            if progress is not None:
                try:
                    progress(done, len(crypto), asset.symbol)
                except Exception:  # a broken progress bar must not stop the backfill
                    log.exception("backfill progress listener failed")
        counted = [r.requests for r in results.values()]
        page = self._page_limit()
        return HistorySyncReport(
            bars=bars, symbols=MappingProxyType(results),
            requests=None if any(n is None for n in counted) else sum(n or 0 for n in counted),
            min_requests=sum(math.ceil(r.missing_before / page) for r in results.values() if r.market),
            duration_s=_time.perf_counter() - started)

    async def _backfill_one(self, symbol: str, bars: int) -> SymbolBackfill:
        feed = self.crypto
        if feed is None:
            return SymbolBackfill(symbol, None, "no_exchange", "no crypto exchange configured")
        try:
            market = await self._market(symbol, "USD")
        except asyncio.CancelledError:
            raise
        except BadSymbol as err:
            return SymbolBackfill(symbol, None, "not_listed", str(err))
        except RiskWatchError as err:
            return SymbolBackfill(symbol, None, error_code(err), str(err))
        days, held = self._window(symbol, bars)
        calls_before = self._ohlc_calls()
        state = CycleState("USD")
        code, message = "ok", ""
        paused = self._asset_retry.get(symbol)
        await self._sync_crypto(symbol, market, state, bars)   # domain errors become an issue in ``state``
        # a failed backfill request is this report's business only: it must not pause the cycle's quotes of a
        # held coin (the cycle's own history step pauses a symbol the exchange does not list)
        if self._asset_retry.get(symbol) is not paused:
            if paused is None:
                self._asset_retry.pop(symbol, None)
            else:
                self._asset_retry[symbol] = paused
        issue = state.errors.get(symbol)
        if issue is not None:
            code, message = issue.code.removeprefix("history_"), issue.message
        calls_after = self._ohlc_calls()
        requests = calls_after - calls_before if calls_before is not None and calls_after is not None else None
        return SymbolBackfill(symbol, market, code, message, state.stored.get(symbol, 0), self._window(symbol, bars)[1],
                              days - held, requests)

    def _window(self, symbol: str, bars: int) -> tuple[int, int]:
        """(days in the wanted window, daily bars the store holds there); the window starts at the history floor
        when the exchange has nothing earlier."""
        src, tf = self.crypto.source, Timeframe.D1
        step = timedelta(seconds=tf.seconds)
        today = _floor(self.clock.now(), tf)
        start = today - step * (bars - 1)
        floor = self._history_floor(src, symbol)
        start = max(start, floor) if floor is not None else start
        days = max((today - start) // step + 1, 0)
        holes = self.store.missing_bar_ranges(symbol, tf, source=src, since=start, until=today)   # timestamps only
        return days, days - sum((last - first) // step + 1 for first, last in holes)

    def _ohlc_calls(self) -> int | None:
        calls = getattr(self.crypto, "calls", None)
        return calls.get("fetch_ohlcv", 0) if isinstance(calls, Mapping) else None

    def _page_limit(self) -> int:
        page = getattr(self.crypto, "page_limit", None)
        return page if isinstance(page, int) and page > 0 else 1
