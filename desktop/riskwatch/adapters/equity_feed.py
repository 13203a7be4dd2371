"""EquityFeed implementations: yfinance (delayed quotes, daily history) and the local store (offline).

yfinance is imported lazily (it pulls in pandas and requests). Without network yfinance does not raise:
it logs "possibly delisted" and returns empty frames. An empty answer therefore means "unavailable" —
never a price and never a delisting. Every value is validated; rejected ones are counted.

Calls block; the market-data service runs them in a worker thread so the event loop keeps going.
"""

from __future__ import annotations

import logging
import math
import warnings
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any

from riskwatch.adapters.feed_errors import coded_error
from riskwatch.domain.errors import DataUnavailable, RateLimited
from riskwatch.domain.model import Bar, Quote, Timeframe
from riskwatch.domain.quote_check import FUTURE_BAR_TOLERANCE
from riskwatch.domain.validation import RejectionCounter, UsEquityCalendar, optional_amount, price_problem

log = logging.getLogger(__name__)

#: History requested when nothing is stored yet: enough calendar days for ≥ 400 trading days.
DEFAULT_HISTORY_DAYS = 600


def _to_utc(stamp: Any) -> datetime | None:
    """A pandas Timestamp / datetime (naive = a date in UTC) as an aware UTC datetime."""
    try:
        value = stamp.to_pydatetime() if hasattr(stamp, "to_pydatetime") else stamp
    except (ValueError, TypeError):
        return None
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


class YFinanceEquityFeed:
    """EquityFeed on yfinance. ``yf`` is a module-like object offering ``download`` (default: yfinance).

    Quotes: one batched ``download(period="5d", interval="1m")``; the last 1-minute bar of each symbol is
    its delayed quote, stamped with that bar's time. History: one batched daily ``download`` (adjusted
    closes, i.e. total-return basis as the design asks for).
    """

    source = "yfinance"
    offline = False
    #: The quote is the open time of the last 1-minute bar, so it lags by up to this much when fresh.
    source_lag = timedelta(minutes=2)

    def __init__(self, yf: Any = None, *, rejections: RejectionCounter | None = None, timeout: float = 10.0):
        self._yf = yf
        self.timeout = timeout
        self.rejections = rejections if rejections is not None else RejectionCounter()

    def _lib(self) -> Any:
        if self._yf is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import yfinance

            logging.getLogger("yfinance").setLevel(logging.CRITICAL)  # "possibly delisted" is noise offline
            self._yf = yfinance
        return self._yf

    def _download(self, symbols: Sequence[str], **kwargs: Any) -> Any:
        yf = self._lib()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                warnings.simplefilter("ignore", FutureWarning)
                return yf.download(list(symbols), group_by="ticker", progress=False, threads=True,
                                   timeout=self.timeout, multi_level_index=True, actions=False, **kwargs)
        except Exception as exc:
            if "RateLimit" in type(exc).__name__:
                raise coded_error(RateLimited, f"yfinance: {exc}", "rate_limited", True, self.source) from exc
            raise coded_error(DataUnavailable, f"yfinance: {type(exc).__name__}: {exc}", "unavailable", True,
                              self.source) from exc

    @staticmethod
    def _split(frame: Any, symbols: Sequence[str]) -> dict[str, Any]:
        """Per-symbol sub-frames of a download result (MultiIndex by ticker or by price, or flat)."""
        if frame is None or getattr(frame, "empty", True):
            return {}
        cols = frame.columns
        out: dict[str, Any] = {}
        if getattr(cols, "nlevels", 1) > 1:
            level0 = set(cols.get_level_values(0))
            level1 = set(cols.get_level_values(1))
            for sym in symbols:
                if sym in level0:
                    out[sym] = frame[sym]
                elif sym in level1:
                    out[sym] = frame.xs(sym, axis=1, level=1)
        elif len(symbols) == 1:
            out[symbols[0]] = frame
        return out

    def _rows(self, symbol: str, sub: Any, *, last_only: bool = False
              ) -> list[tuple[datetime, float, dict[str, float | None]]]:
        """Valid (ts, close, extras) rows; rows with a bad close are counted and dropped, empty rows skipped.

        ``last_only``: walk backwards and stop at the latest valid row.
        """
        if "Close" not in sub.columns:
            return []
        rows = []
        for stamp, rec in (sub.iloc[::-1] if last_only else sub).iterrows():
            ts = _to_utc(stamp)
            raw = rec.get("Close")
            close = _number(raw)
            if close is None and all(_number(rec.get(c)) is None for c in ("Open", "High", "Low")):
                continue  # an empty row (no trade, or padding to other tickers' dates): not a rejection
            reason = "missing" if ts is None else price_problem(close)
            if reason is not None:
                self.rejections.add(self.source, symbol, reason)
                continue
            extras = {name: _number(rec.get(name.capitalize())) for name in ("open", "high", "low", "volume")}
            for name in ("open", "high", "low"):
                if extras[name] is not None and price_problem(extras[name]) is not None:
                    extras[name] = None
            extras["volume"] = optional_amount(extras["volume"])
            rows.append((ts, close, extras))  # type: ignore[arg-type]
            if last_only:
                break
        return rows

    def fetch_quotes(self, symbols: Sequence[str]) -> dict[str, Quote]:
        symbols = list(dict.fromkeys(symbols))
        if not symbols:
            return {}
        frame = self._download(symbols, period="5d", interval="1m", prepost=False)
        out: dict[str, Quote] = {}
        for sym, sub in self._split(frame, symbols).items():
            rows = self._rows(sym, sub, last_only=True)
            if rows:
                ts, close, _ = rows[-1]
                out[sym] = Quote(sym, close, ts, self.source)
        if not out:
            raise coded_error(DataUnavailable, "yfinance returned no quotes (offline, or no data)", "empty", True,
                              self.source)
        return out

    def fetch_history(self, symbols: Sequence[str], since: datetime | None) -> dict[str, list[Bar]]:
        symbols = list(dict.fromkeys(symbols))
        if not symbols:
            return {}
        start = (since or datetime.now(UTC) - timedelta(days=DEFAULT_HISTORY_DAYS)).date().isoformat()
        frame = self._download(symbols, start=start, interval="1d", auto_adjust=True)
        out: dict[str, list[Bar]] = {}
        for sym, sub in self._split(frame, symbols).items():
            bars = []
            for ts, close, ex in self._rows(sym, sub):
                day = datetime.combine(ts.date(), time(0), UTC)
                try:
                    bars.append(Bar(sym, day, close, ex["open"], ex["high"], ex["low"], ex["volume"],
                                    Timeframe.D1, self.source))
                except ValueError:
                    self.rejections.add(self.source, sym, "inconsistent")
            if bars:
                out[sym] = bars
        if not out:
            raise coded_error(DataUnavailable, "yfinance returned no history (offline, or no data)", "empty", True,
                              self.source)
        return out


class CsvEquityFeed:
    """The offline EquityFeed: the latest stored daily bar (imported CSV history) is the quote.

    A daily bar's close is stamped with that day's session close (from the US calendar), so that on a
    weekend Friday's close reads "market closed" and an older one "stale".
    """

    offline = True

    def __init__(self, store: Any, *, source: str | None = None, calendar: UsEquityCalendar | None = None,
                 rejections: RejectionCounter | None = None, clock: Any = None):
        self.store = store
        self._clock = clock
        self.history_source = source  # restrict to one stored source; None = any
        self.source = source or "import"
        self.calendar = calendar or UsEquityCalendar()
        self.rejections = rejections if rejections is not None else RejectionCounter()

    def fetch_quotes(self, symbols: Sequence[str]) -> dict[str, Quote]:
        out: dict[str, Quote] = {}
        for sym in dict.fromkeys(symbols):
            last = self.store.last_bar_time(sym, Timeframe.D1, source=self.history_source)
            if last is None:
                continue
            now = self._clock.now() if self._clock is not None else datetime.now(UTC)
            horizon = now + FUTURE_BAR_TOLERANCE   # a bar dated in the future is never the quote
            bars = self.store.load_bars(sym, Timeframe.D1, source=self.history_source,
                                        since=last if last <= horizon else None, until=horizon)
            if not bars:
                continue
            bar = bars[-1]
            session = self.calendar.session(bar.ts.date())
            ts = session[1] if session and session[1] <= now else bar.ts  # a partial day keeps its date
            out[sym] = Quote(sym, bar.close, ts, f"{bar.source}:history", volume_24h=bar.volume)
        return out

    def fetch_history(self, symbols: Sequence[str], since: datetime | None) -> dict[str, list[Bar]]:
        out: dict[str, list[Bar]] = {}
        for sym in dict.fromkeys(symbols):
            bars = self.store.load_bars(sym, Timeframe.D1, source=self.history_source, since=since)
            if bars:
                out[sym] = bars
        return out
