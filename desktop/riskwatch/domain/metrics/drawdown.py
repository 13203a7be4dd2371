"""Drawdown family: positional cores (``*_array``) and the Series API with dated results."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from riskwatch.domain.metrics._arrays import InsufficientDataError, _array, _as2d, _series, window_ns
from riskwatch.domain.metrics._blocks import _running
from riskwatch.domain.metrics.windows import (
    MaxDrawdownArrays,
    _family,
    drop_from_high_array,
    max_drawdown_in_window_array,
    trailing_high_array,
    window_family,
)


def drawdown_array(prices) -> np.ndarray:
    """Drawdown ``p_t / max(p_0..p_t) − 1`` along axis 0 (fractions ≤ 0; NaN at NaN prices)."""
    x, has_nan = _array(prices)
    if _wide(x):
        return _family(x, has_nan, None, 0, drawdown=True).drawdown
    peak = _running(x, np.fmax if has_nan else np.maximum)
    np.divide(x, peak, out=peak)
    peak -= 1.0
    return peak


def _wide(x: np.ndarray) -> bool:
    """Panels wide and long enough for the blocked engine (a plain accumulate wins on a single series)."""
    return x.ndim == 2 and x.shape[1] >= 8 and x.shape[0] >= 4096


def _search(col: np.ndarray, start: int, stop: int, backward: bool, hit=None) -> int:
    """Last (backward) or first row in [start, stop) where ``hit(segment)`` holds (default: == 0); -1 if none.

    Searches in chunks that double in size, so a nearby hit costs little and a far one O(n).
    """
    hit = hit or (lambda seg: seg == 0.0)
    chunk = 4096
    if backward:
        hi = stop
        while hi > start:
            lo = max(start, hi - chunk)
            z = np.flatnonzero(hit(col[lo:hi]))
            if z.size:
                return lo + int(z[-1])
            hi, chunk = lo, chunk * 2
    else:
        lo = start
        while lo < stop:
            hi = min(stop, lo + chunk)
            z = np.flatnonzero(hit(col[lo:hi]))
            if z.size:
                return lo + int(z[0])
            lo, chunk = hi, chunk * 2
    return -1


def max_drawdown_array(prices) -> MaxDrawdownArrays:
    """Maximum drawdown per column with the positions of peak, trough and recovery.

    The trough is the first row with the lowest drawdown; the peak the last row at or before it where the
    price stood at its running high; the recovery the first row after the trough back at (or above) that
    peak price. A series that never falls has value 0 with peak = trough = first valid row and no recovery.
    Columns without any valid price give NaN and -1 positions. Shapes are ``prices.shape[1:]``.
    """
    x, has_nan = _array(prices)
    if _wide(x):
        return _family(x, has_nan, None, 0, max_dd=True).max_drawdown
    dd2 = _as2d(drawdown_array(x))
    T, A = dd2.shape
    value = np.full(A, np.nan)
    peak = np.full(A, -1, dtype=np.int64)
    trough = peak.copy()
    recovery = peak.copy()
    if T:
        with np.errstate(invalid="ignore"):
            mins = np.fmin.reduce(dd2, axis=0)
        for a in range(A):
            if np.isnan(mins[a]):
                continue
            col = dd2[:, a]
            tr = int(np.argmin(col)) if not np.isnan(col).any() else int(np.nanargmin(col))
            value[a] = col[tr]
            if col[tr] == 0.0:
                peak[a] = trough[a] = tr
                continue
            trough[a] = tr
            peak[a] = _search(col, 0, tr, backward=True)
            recovery[a] = _search(col, tr + 1, T, backward=False)
    shape = x.shape[1:]
    return MaxDrawdownArrays(value.reshape(shape), peak.reshape(shape), trough.reshape(shape),
                             recovery.reshape(shape))


@dataclass(frozen=True)
class MaxDrawdown:
    """The maximum drawdown of a price history.

    ``value`` is a fraction ≤ 0. ``duration`` runs from the peak to the recovery, or to the last observation
    while the drawdown is not recovered (then ``recovery_date`` is None); it is zero when value == 0.
    """

    value: float
    peak_date: pd.Timestamp
    trough_date: pd.Timestamp
    recovery_date: pd.Timestamp | None
    duration: pd.Timedelta


@dataclass(frozen=True)
class Drop:
    """A drop ``value`` (fraction ≤ 0) at ``trough_date`` measured from the price at ``peak_date``."""

    value: float
    peak_date: pd.Timestamp
    trough_date: pd.Timestamp


def drawdown(prices: pd.Series) -> pd.Series:
    """Drawdown series ``p_t / max(p_0..p_t) − 1``.

    Parameters
    ----------
    prices : pd.Series
        Positive prices, tz-aware ascending DatetimeIndex. NaN = missing observation.

    Returns
    -------
    pd.Series
        Fractions ≤ 0 on the same index (0 at every new all-time high; NaN at NaN prices).
    """
    x, _, _ = _series(prices)
    return pd.Series(drawdown_array(x), index=prices.index, name=prices.name)


def max_drawdown(prices: pd.Series) -> MaxDrawdown:
    """Maximum drawdown with peak, trough and recovery dates (see :class:`MaxDrawdown`); raises
    :class:`InsufficientDataError` when the series has no valid price."""
    x, _, _ = _series(prices)
    r = max_drawdown_array(x)
    if np.isnan(r.value):
        raise InsufficientDataError("no valid price; cannot compute a maximum drawdown")
    idx = prices.index
    peak = idx[int(r.peak)]
    rec = idx[int(r.recovery)] if r.recovery >= 0 else None
    if r.value == 0:
        duration = pd.Timedelta(0)
    else:
        end = rec if rec is not None else idx[_last_valid(x)]
        duration = end - peak
    return MaxDrawdown(float(r.value), peak, idx[int(r.trough)], rec, duration)


def current_drawdown(prices: pd.Series) -> float:
    """Drawdown of the last valid price from the all-time high (fraction ≤ 0; NaN when no price)."""
    x, _, _ = _series(prices)
    if np.isnan(x).all():
        return math.nan
    return float(x[_last_valid(x)] / np.nanmax(x) - 1.0)


def _last_valid(x: np.ndarray) -> int:
    return len(x) - 1 - int(np.argmax(~np.isnan(x[::-1])))


def trailing_high(prices: pd.Series, window="30D") -> pd.Series:
    """Trailing high ``max{p_s : t − W < s ≤ t}`` over the calendar window W (pandas ``rolling(W).max()``)."""
    x, t, _ = _series(prices)
    return pd.Series(trailing_high_array(x, t, window), index=prices.index, name=prices.name)


def drop_from_high(prices: pd.Series, window="30D") -> pd.Series:
    """Drop from the trailing high: ``p_t / max{p_s : t − W < s ≤ t} − 1``.

    The "BTC is 17 % below its 30-day high" measure. Calendar window (``"30D"`` = the last 30 days including
    t, the same set as pandas ``rolling("30D")``); a new high inside the window resets it to 0.

    Returns
    -------
    pd.Series
        Fractions ≤ 0 on the index of ``prices`` (NaN at NaN prices).
    """
    x, t, _ = _series(prices)
    out = drop_from_high_array(x, t, window)
    return pd.Series(out, index=prices.index, name=prices.name)


def max_drawdown_in_window(prices: pd.Series, window="30D") -> pd.Series:
    """Worst peak-to-trough drawdown inside each trailing calendar window ``(t − W, t]``.

    ``min{p_u / p_s − 1 : t − W < s ≤ u ≤ t}``: the peak and the trough both lie in the window, so the
    value is ≤ :func:`drop_from_high` at every t (a deeper fall recovered within the window still counts).
    O(n). Windows at the start of the history are partial.
    """
    x, t, _ = _series(prices)
    out = max_drawdown_in_window_array(x, t, window)
    return pd.Series(out, index=prices.index, name=prices.name)


def _peak_before(x: np.ndarray, t: np.ndarray, i: int, wns: int) -> int:
    """Row of the (latest) window high that the drop at row i is measured against."""
    j = int(np.searchsorted(t, t[i] - wns, side="right"))
    seg = x[j:i + 1]
    m = np.nanmax(seg)
    return j + int(np.flatnonzero(seg == m)[-1])


def worst_drop_from_high(prices: pd.Series, window="30D") -> Drop:
    """The lowest :func:`drop_from_high` over the history (first occurrence) with its peak and trough dates;
    raises :class:`InsufficientDataError` when the series has no valid price."""
    x, t, _ = _series(prices)
    wns = window_ns(window)
    value, row = window_family(x, t, wns, worst_drop=True).worst_drop
    if row < 0:
        raise InsufficientDataError("no valid price; cannot compute the worst drop from the trailing high")
    i = int(row)
    return Drop(float(value), prices.index[_peak_before(x, t, i, wns)], prices.index[i])


def worst_drop_from_high_by_year(prices: pd.Series, window="30D") -> dict[int, Drop]:
    """:func:`worst_drop_from_high` per calendar year (UTC) of the trough; the peak may lie in the year before."""
    x, t, _ = _series(prices)
    wns = window_ns(window)
    drop = drop_from_high_array(x, t, wns)
    years = prices.index.tz_convert("UTC").year.to_numpy()
    out: dict[int, Drop] = {}
    if len(x) == 0:
        return out
    starts = np.flatnonzero(np.r_[True, years[1:] != years[:-1]])
    for s, e in zip(starts, np.r_[starts[1:], len(x)]):
        seg = drop[s:e]
        if np.isnan(seg).all():
            continue
        i = int(s + np.nanargmin(seg))
        out[int(years[s])] = Drop(float(drop[i]), prices.index[_peak_before(x, t, i, wns)], prices.index[i])
    return out
