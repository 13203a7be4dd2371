"""Incremental drawdown metrics: one new price updates the risk state of an asset in amortised O(1).

:class:`StreamingRisk` keeps the running all-time peak, the drawdown, the maximum drawdown, the trailing
calendar-window high (with its timestamp), the drop from that high and the maximum drawdown inside the
window. After ``StreamingRisk.from_history(prices)`` each :meth:`StreamingRisk.update` gives bit-identical
numbers to the batch functions in :mod:`riskwatch.domain.metrics` evaluated on the extended history.

The window is a two-stack queue (sliding-window aggregation) over the monoid

    segment = (max, time of max, min, mdd);  L ⊕ R = (max, min, min(L.mdd, R.mdd, R.min / L.max))

where ``mdd`` is the lowest price ratio p_u / p_s (s ≤ u) inside the segment. Every element is pushed once,
moved once from the back stack to the front stack and popped once: amortised O(1) per tick.
"""

from __future__ import annotations

import math
from datetime import datetime

import numpy as np
import pandas as pd

from riskwatch.domain.metrics import MetricInputError, _series, max_drawdown_array, window_ns

_INF = math.inf


def _ns(ts) -> int:
    if type(ts) is int:
        return ts
    if isinstance(ts, (pd.Timestamp, datetime, np.datetime64, str)):
        stamp = pd.Timestamp(ts)
        if stamp.tzinfo is None and not isinstance(ts, np.datetime64):
            raise MetricInputError(f"timestamp {ts} must be timezone-aware (UTC)", field="time")
        return int(stamp.as_unit("ns").value)
    if isinstance(ts, (int, np.integer)):
        return int(ts)
    raise MetricInputError(f"timestamp {ts!r} must be a datetime or int nanoseconds", field="time")


class StreamingRisk:
    """Running risk state of one asset; feed prices in time order with :meth:`update`.

    Attributes (fractions ≤ 0, timestamps as int ns UTC; NaN/None before the first price)
    -----------------------------------------------------------------------------------
    last_price, last_time
    peak, peak_time                  all-time high (latest time it was reached)
    drawdown                         last_price / peak − 1
    max_drawdown, max_drawdown_peak_time, max_drawdown_trough_time
    window_high, window_high_time    max{p_s : t − W < s ≤ t}, latest time of that high
    drop_from_high                   last_price / window_high − 1
    window_max_drawdown              worst peak-to-trough inside (t − W, t]

    A NaN price is a missing observation and leaves the state unchanged (as the batch functions skip it);
    zero, negative or infinite prices and timestamps not after the previous one raise MetricInputError.
    """

    __slots__ = ("window_ns", "last_price", "last_time", "peak", "peak_time", "drawdown", "max_drawdown",
                 "max_drawdown_peak_time", "max_drawdown_trough_time", "window_high", "window_high_time",
                 "drop_from_high", "window_max_drawdown", "_front", "_back", "_bmax", "_bmax_t", "_bmin",
                 "_bmdd")

    def __init__(self, window="30D"):
        self.window_ns = window_ns(window)
        self.last_price = math.nan
        self.last_time: int | None = None
        self.peak = -_INF
        self.peak_time: int | None = None
        self.drawdown = math.nan
        self.max_drawdown = math.nan
        self.max_drawdown_peak_time: int | None = None
        self.max_drawdown_trough_time: int | None = None
        self.window_high = math.nan
        self.window_high_time: int | None = None
        self.drop_from_high = math.nan
        self.window_max_drawdown = math.nan
        self._front: list[tuple[int, float, int, float, float]] = []  # (time, suffix max, its time, min, mdd)
        self._back: list[tuple[int, float]] = []                       # (time, price), oldest first
        self._bmax, self._bmax_t, self._bmin, self._bmdd = -_INF, 0, _INF, _INF

    @classmethod
    def from_history(cls, prices: pd.Series, window="30D") -> StreamingRisk:
        """State after ``prices`` (validated like the batch functions), built in O(n) vectorised + O(window)."""
        x, t, _ = _series(prices)
        self = cls(window)
        ok = ~np.isnan(x)
        if not ok.any():
            if len(t):
                self.last_time = int(t[-1])
            return self
        xv, tv = x[ok], t[ok]
        r = max_drawdown_array(xv)
        m = float(xv.max())
        self.peak, self.peak_time = m, int(tv[np.flatnonzero(xv == m)[-1]])
        self.max_drawdown = float(r.value)
        self.max_drawdown_peak_time, self.max_drawdown_trough_time = int(tv[int(r.peak)]), int(tv[int(r.trough)])
        start = int(np.searchsorted(tv, tv[-1] - self.window_ns, side="right"))
        self._back = list(zip(tv[start:].tolist(), xv[start:].tolist()))
        self._flip()
        self.last_price, self.last_time = float(xv[-1]), int(tv[-1])
        self.drawdown = self.last_price / self.peak - 1.0
        self._publish(self.last_price)
        self.last_time = int(t[-1])
        return self

    def _flip(self) -> None:
        """Move the back stack onto the front stack, computing suffix aggregates (newest to oldest)."""
        front = self._front
        hi = hi_t = lo = mdd = None
        for ts, p in reversed(self._back):
            if hi is None:
                hi, hi_t, lo, mdd = p, ts, p, 1.0
            else:
                # older element p on the left: its max wins only when strictly higher (latest-time tie rule)
                cross = lo / p
                if cross < mdd:
                    mdd = cross
                if p > hi:
                    hi, hi_t = p, ts
                if p < lo:
                    lo = p
            front.append((ts, hi, hi_t, lo, mdd))
        self._back = []
        self._bmax, self._bmax_t, self._bmin, self._bmdd = -_INF, 0, _INF, _INF

    def _window(self) -> tuple[float, int, float]:
        """(window high, its time, lowest price ratio p_u / p_s in the window): front ⊕ back."""
        if self._front:
            _, fmax, fmax_t, _, fmdd = self._front[-1]
            if not self._back:
                return fmax, fmax_t, fmdd
            mdd = min(fmdd, self._bmdd, self._bmin / fmax)
            if self._bmax >= fmax:
                return self._bmax, self._bmax_t, mdd
            return fmax, fmax_t, mdd
        return self._bmax, self._bmax_t, self._bmdd

    def _publish(self, price: float) -> None:
        high, high_t, ratio = self._window()
        self.window_high, self.window_high_time = high, high_t
        self.drop_from_high = price / high - 1.0
        self.window_max_drawdown = ratio - 1.0

    def update(self, ts, price: float) -> float:
        """Add one price at ``ts`` (int ns UTC or tz-aware datetime); returns the new drop from the high."""
        if type(ts) is not int:
            ts = _ns(ts)
        last = self.last_time
        if last is not None and ts <= last:
            raise MetricInputError(f"timestamp {pd.Timestamp(ts, tz='UTC')} is not after the previous one "
                                   f"({pd.Timestamp(last, tz='UTC')})", field="time")
        if price != price:  # NaN: a missing observation
            self.last_time = ts
            return self.drop_from_high
        if not 0.0 < price < _INF:
            raise MetricInputError(f"price {price!r} at {pd.Timestamp(ts, tz='UTC')} is not a positive "
                                   "finite number", field="price")
        self.last_time = ts
        self.last_price = price
        if price >= self.peak:
            self.peak, self.peak_time = price, ts
        dd = price / self.peak - 1.0
        self.drawdown = dd
        if not dd >= self.max_drawdown:  # also true while max_drawdown is NaN
            self.max_drawdown = dd
            self.max_drawdown_peak_time, self.max_drawdown_trough_time = self.peak_time, ts
        cutoff = ts - self.window_ns
        front = self._front
        while True:
            if front:
                if front[-1][0] > cutoff:
                    break
                front.pop()
            elif self._back and self._back[0][0] <= cutoff:
                self._flip()
            else:
                break
        back = self._back
        if back:
            cross = price / self._bmax
            if cross < self._bmdd:
                self._bmdd = cross
            if price >= self._bmax:
                self._bmax, self._bmax_t = price, ts
            if price < self._bmin:
                self._bmin = price
        else:
            self._bmax, self._bmax_t, self._bmin, self._bmdd = price, ts, price, 1.0
        back.append((ts, price))
        self._publish(price)
        return self.drop_from_high


def window_scan(t: np.ndarray, x: np.ndarray, wns: int) -> tuple[np.ndarray, np.ndarray]:
    """Sequential O(n) trailing-window high and lowest price ratio (max drawdown + 1) of one column.

    The batch fallback for timestamps that do not sit on a regular grid; NaN prices give NaN.
    """
    s = StreamingRisk(pd.Timedelta(wns, unit="ns"))
    high = np.full(len(x), np.nan)
    ratio = np.full(len(x), np.nan)
    for i, (ts, p) in enumerate(zip(t.tolist(), x.tolist())):
        if p != p:
            continue
        s.update(ts, p)
        high[i], _, ratio[i] = s._window()
    return high, ratio
