"""Risk metrics of price histories: drawdown family, returns, volatility, VaR/ES, beta/correlation.

Pure functions; conventions as in DESIGN.md ("Metric conventions"): prices in, fractions out
(−0.17 means 17 % down), calendar-time windows written like pandas offsets ("30D", "90D", "12h").

Two layers:

* **Series functions** (``drawdown``, ``max_drawdown``, ``drop_from_high`` …) take a float ``pd.Series``
  of prices with a tz-aware DatetimeIndex (strictly ascending: unsorted or duplicate timestamps are
  rejected) and return Series or small frozen dataclasses with ``pd.Timestamp`` dates.
* **Positional cores** (``*_array``) take float64 numpy arrays, time along axis 0 and one column per asset,
  plus (for windows) the timestamps as int64 nanoseconds or datetime64. They return arrays of the same
  layout. The 2-D forms are the fast path for many assets on one clock.

Input rules, everywhere:

* Prices must be positive and finite; zero, negative or infinite prices raise :class:`MetricInputError`.
* **NaN price = missing observation.** It neither sets a peak nor a trough; the result at that timestamp is
  NaN and every other value equals the result for ``prices.dropna()``. Returns bridge a gap: the return at
  the first valid price after a gap is measured from the last valid price before it. Forward-fill first if
  you want carry-forward semantics (the portfolio valuation does that for weekend equities).
* Empty (or all-NaN) input: series functions return an empty / all-NaN result, dated summaries raise
  :class:`InsufficientDataError`, statistics (volatility, VaR, beta …) return NaN when they have too few
  observations (volatility and beta need 2, VaR/ES need 1).

Algorithms: every window metric is O(n) (van Herk / Gil-Werman block decomposition on the time grid of the
data; sequential two-stack aggregation for irregular timestamps). Scans run on a blocked (block-row, block,
asset) layout so numpy processes wide rows instead of one long dependency chain.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import NamedTuple

import numpy as np
import pandas as pd

from riskwatch.domain.errors import InputError, Problem
from riskwatch.domain.model import AssetKind


class MetricInputError(InputError, ValueError):
    """Input a metric cannot be computed on (unsorted or duplicate timestamps, non-positive prices …)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(None, [Problem(None, field, message)])


class InsufficientDataError(MetricInputError):
    """Too few valid observations for a dated result (e.g. the maximum drawdown of an empty series)."""


# --------------------------------------------------------------------------------------------------
# input handling

def window_ns(window: str | pd.Timedelta | object) -> int:
    """A calendar window ("30D", "12h", ``pd.Timedelta``, ``datetime.timedelta``) in nanoseconds, > 0."""
    try:
        td = pd.Timedelta(window)
    except (ValueError, TypeError):
        raise MetricInputError(f"window '{window}' is not a duration; expected e.g. '30D' or '12h'",
                               field="window") from None
    ns = int(td.as_unit("ns").value)
    if ns <= 0:
        raise MetricInputError(f"window '{window}' must be positive", field="window")
    return ns


def _check_prices(x: np.ndarray, index: pd.Index | None = None) -> bool:
    """Reject zero, negative and infinite prices; return whether NaN gaps are present."""
    if x.size == 0:
        return False
    lo = np.min(x)
    if lo > 0 and np.max(x) < np.inf:
        return False
    nan = np.isnan(x)
    bad = ~nan & ~((x > 0) & (x < np.inf))
    if bad.any():
        pos = np.argwhere(bad)[0]
        row = int(pos[0])
        where = f"at {index[row]}" if index is not None else f"at row {row}"
        raise MetricInputError(f"price {x[tuple(pos)]!r} {where} is not a positive finite number", field="price")
    return bool(nan.any())


def times_ns(times) -> np.ndarray:
    """Timestamps (DatetimeIndex, datetime64 array or int64 ns) as int64 ns, checked strictly ascending."""
    if isinstance(times, pd.DatetimeIndex):
        t = times.as_unit("ns").asi8
    else:
        t = np.asarray(times)
        if np.issubdtype(t.dtype, np.datetime64):
            t = t.astype("datetime64[ns]").view(np.int64)
        elif not np.issubdtype(t.dtype, np.integer):
            raise MetricInputError("timestamps must be datetime64 or int64 nanoseconds", field="time")
        t = t.astype(np.int64, copy=False)
    _check_ascending(t)
    return t


def _check_ascending(t: np.ndarray, index: pd.Index | None = None) -> None:
    if len(t) < 2:
        return
    d = np.diff(t)
    if d.min() > 0:
        return
    i = int(np.argmax(d <= 0))

    def show(j: int) -> str:
        return str(index[j]) if index is not None else str(pd.Timestamp(int(t[j]), tz="UTC"))

    if d[i] == 0:
        raise MetricInputError(f"duplicate timestamp {show(i + 1)}; expected one price per timestamp", field="time")
    raise MetricInputError(f"timestamps are not in ascending order: {show(i + 1)} comes after {show(i)}",
                           field="time")


def _series(prices: pd.Series) -> tuple[np.ndarray, np.ndarray, bool]:
    """Validate a price Series; return (values, int64 ns times, has_nan). Values may be a read-only view."""
    if not isinstance(prices, pd.Series):
        raise MetricInputError(f"expected a pandas Series of prices, got {type(prices).__name__}")
    idx = prices.index
    if not isinstance(idx, pd.DatetimeIndex):
        raise MetricInputError("prices need a DatetimeIndex", field="time")
    if idx.tz is None:
        raise MetricInputError("timestamps must be timezone-aware (UTC)", field="time")
    t = idx.as_unit("ns").asi8
    _check_ascending(t, idx)
    x = prices.to_numpy(dtype=np.float64, na_value=np.nan)
    return x, t, _check_prices(x, idx)


def _array(prices) -> tuple[np.ndarray, bool]:
    x = np.asarray(prices, dtype=np.float64)
    if x.ndim not in (1, 2):
        raise MetricInputError(f"expected a 1-D or 2-D array of prices, got {x.ndim} dimensions")
    return x, _check_prices(x)


def _as2d(x: np.ndarray) -> np.ndarray:
    return x if x.ndim == 2 else x[:, None]


# --------------------------------------------------------------------------------------------------
# blocked scans (the engine under every metric below)

_LOOP_MIN_WIDTH = 256  # below this row width, ufunc.accumulate beats a Python loop over rows


def _to_blocks(x: np.ndarray, L: int, fill: float, g: np.ndarray | None = None, G: int | None = None,
               work: _Work | None = None, name: str = "B") -> np.ndarray:
    """(T, A) -> (L, nb, A) with [i, b] = grid row b*L + i; grid rows are ``g`` (None: 0..T-1)."""
    T, A = x.shape
    G = T if G is None else G
    nb = -(-G // L)
    B = np.empty((L, nb, A)) if work is None else work.get(name, (L, nb, A))
    if g is not None:
        B.fill(fill)
        B[g % L, g // L] = x
        return B
    full = T // L
    if full:
        B[:, :full] = x[:full * L].reshape(full, L, A).transpose(1, 0, 2)
    if full < nb:
        rem = T - full * L
        B[:rem, full] = x[full * L:]
        B[rem:, full] = fill
    return B


class _Work:
    """Scratch buffers reused across column chunks: fresh memory costs page faults, reused memory does not."""

    def __init__(self) -> None:
        self._bufs: dict[str, np.ndarray] = {}

    def get(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        n = math.prod(shape)
        buf = self._bufs.get(name)
        if buf is None or buf.size < n:
            buf = self._bufs[name] = np.empty(n)
        return buf[:n].reshape(shape)


def _scan(B: np.ndarray, op: np.ufunc, reverse: bool = False, out: np.ndarray | None = None) -> np.ndarray:
    """Prefix (or suffix) ``op``-scan along axis 0 of a blocked array; ``out`` may be ``B``."""
    out = np.empty_like(B) if out is None else out
    L = B.shape[0]
    if B[0].size < _LOOP_MIN_WIDTH or L <= 2:
        if reverse:
            op.accumulate(B[::-1], axis=0, out=out[::-1])
        else:
            op.accumulate(B, axis=0, out=out)
        return out
    rows_in, rows_out = list(B), list(out)
    if reverse:
        rows_in.reverse()
        rows_out.reverse()
    prev = rows_out[0]
    prev[...] = rows_in[0]
    for cur_in, cur_out in zip(rows_in[1:], rows_out[1:]):
        op(prev, cur_in, out=cur_out)
        prev = cur_out
    return out


def _running(x: np.ndarray, op: np.ufunc) -> np.ndarray:
    """``op.accumulate(x, axis=0)`` (single series and narrow panels; wide panels use the blocked engine)."""
    return op.accumulate(x, axis=0)


class _Grid(NamedTuple):
    k: int                  # window length in grid cells
    G: int                  # grid size
    g: np.ndarray | None    # grid row of each observation (None: the observations are the grid)


def _grid(t: np.ndarray, wns: int) -> _Grid | None:
    """Lay the timestamps on a regular grid (step = gcd of the spacings); None when too sparse."""
    T = len(t)
    if T < 2:
        return _Grid(1, T, None)
    d = np.diff(t)
    dmin = int(d.min())
    if dmin == int(d.max()):
        return _Grid(-(-wns // dmin), T, None)
    step = int(np.gcd.reduce(d))
    G = int((t[-1] - t[0]) // step) + 1
    if G > 4 * T + 1024:
        return None
    return _Grid(-(-wns // step), G, (t - t[0]) // step)


_SLAB_ELEMS = 1 << 19  # ~4 MB of blocked data per slab: cache-sized, reused (fresh memory costs page faults)


class _Slab(NamedTuple):
    c0: int                # first block computed (one block before o0 except in the first slab)
    o0: int                # first block written
    o1: int                # end block
    rows: slice            # observation rows of blocks [c0, o1)
    out_rows: slice        # observation rows of blocks [o0, o1)
    g: np.ndarray | None   # grid cell of each row in ``rows`` relative to block c0 (None: regular)
    g_out: np.ndarray | None


def _slabs(T: int, A: int, L: int, grid: _Grid) -> list[_Slab]:
    """Time slabs of whole blocks for the van Herk scans; each overlaps the previous by one block."""
    nb = -(-grid.G // L)
    per = max(8, _SLAB_ELEMS // max(1, L * A))
    out, o0 = [], 0
    while o0 < nb:
        c0 = max(0, o0 - 1)
        o1 = min(nb, c0 + per)
        if grid.g is None:
            rows, orow = slice(c0 * L, min(o1 * L, T)), slice(o0 * L, min(o1 * L, T))
            out.append(_Slab(c0, o0, o1, rows, orow, None, None))
        else:
            r0, r1, q0 = np.searchsorted(grid.g, (c0 * L, o1 * L, o0 * L))
            gs = grid.g[r0:r1] - c0 * L
            out.append(_Slab(c0, o0, o1, slice(r0, r1), slice(q0, r1), gs, gs[q0 - r0:] - (o0 - c0) * L))
        o0 = o1
    return out


def _put(out: np.ndarray, R: np.ndarray, g: np.ndarray | None, op=np.subtract, arg=1.0) -> None:
    """out (rows, A) ← op(blocked R, arg), transposed back to time order (the op rides on the copy)."""
    T = out.shape[0]
    L = R.shape[0]
    if g is not None:
        gi, gb = g % L, g // L
        op(R[gi, gb], arg if np.ndim(arg) == 0 else arg[gi, gb], out=out)
        return
    full = T // L
    if full:
        view = np.reshape(out[:full * L], (full, L, out.shape[1]), copy=False)
        op(R[:, :full].transpose(1, 0, 2), arg if np.ndim(arg) == 0 else arg[:, :full].transpose(1, 0, 2), out=view)
    if full * L < T:
        op(R[:T - full * L, full], arg if np.ndim(arg) == 0 else arg[:T - full * L, full], out=out[full * L:])


def _col_min(R: np.ndarray) -> np.ndarray:
    """Per column of a blocked ratio array: the lowest ``R − 1`` (NaN for an all-NaN column)."""
    with np.errstate(invalid="ignore"):
        return np.fmin.reduce(np.fmin.reduce(R, axis=0), axis=0) - 1.0


class WindowFamily(NamedTuple):
    """Outputs of :func:`window_family` (None where not requested). Fractions, time along axis 0."""

    drawdown: np.ndarray | None
    high: np.ndarray | None
    drop: np.ndarray | None
    window_mdd: np.ndarray | None
    max_drawdown: MaxDrawdownArrays | None
    worst_drop: tuple[np.ndarray, np.ndarray] | None  # (value, row) of the lowest drop per column


def window_family(prices, times, window="30D", *, drawdown=False, high=False, drop=False, window_mdd=False,
                  max_dd=False, worst_drop=False) -> WindowFamily:
    """The drawdown family of a (T, A) price panel from shared block scans.

    ``drawdown`` ``p_t / max(p_0..p_t) − 1``; ``high`` ``max{p_s : t − W < s ≤ t}``; ``drop`` ``p_t / high − 1``;
    ``window_mdd`` ``min{p_u / p_s − 1 : t − W < s ≤ u ≤ t}``; ``max_dd`` the all-time maximum drawdown with
    positions (as :func:`max_drawdown_array`); ``worst_drop`` the lowest drop and its row. NaN price = missing
    (NaN result at that row). Fractions; arrays shaped like ``prices``.

    Method: the timestamps are laid on a regular grid (step = gcd of the spacings), the window becomes k grid
    cells, and van Herk / Gil-Werman prefix/suffix scans over blocks of k cells give every trailing window in
    O(n); the running all-time high reuses the block prefix maxima. The panel is processed in cache-sized time
    slabs. Irregular timestamps fall back to the sequential O(n) two-stack algorithm of
    :mod:`riskwatch.domain.streaming` (same arithmetic, same results).
    """
    x, has_nan = _array(prices)
    t = times_ns(times)
    _check_len(x, t)
    return _family(x, has_nan, t, window_ns(window), drawdown=drawdown, high=high, drop=drop,
                   window_mdd=window_mdd, max_dd=max_dd, worst_drop=worst_drop)


def _family(x, has_nan, t, wns, *, drawdown=False, high=False, drop=False, window_mdd=False, max_dd=False,
            worst_drop=False) -> WindowFamily:
    """:func:`window_family` on validated input; ``t`` may be None when no window output is requested."""
    x2 = _as2d(x)
    T, A = x2.shape
    outs = {k: np.empty((T, A)) for k, on in (("drawdown", drawdown), ("high", high), ("drop", drop or worst_drop),
                                              ("mdd", window_mdd)) if on}
    mdd = MaxDrawdownArrays(np.full(A, np.nan), *(np.full(A, -1, dtype=np.int64) for _ in range(3)))
    worst = (np.full(A, np.nan), np.full(A, -1, dtype=np.int64))
    if not T:
        grid = None
    elif outs.keys() - {"drawdown"}:
        grid = _grid(t, wns)
    else:                                        # all-time drawdown only: any block length, rows as the grid
        grid = _Grid(max(64, math.isqrt(T)), T, None)
    if T and grid is None:
        _window_family_sequential(x2, t, wns, outs, max_dd, mdd, worst_drop, worst)
    elif T:
        L = max(1, min(grid.k, grid.G))
        work = _Work()
        state = {"carry": np.full(A, np.nan), "best": np.full(A, np.inf), "start": np.zeros(A, dtype=np.int64),
                 "stop": np.zeros(A, dtype=np.int64), "carry0": np.full(A, np.nan), "bmax": [],
                 "block0": np.zeros(A, dtype=np.int64), "block1": np.zeros(A, dtype=np.int64),
                 "worst": np.full(A, np.inf), "wstart": np.zeros(A, dtype=np.int64),
                 "wstop": np.zeros(A, dtype=np.int64)}
        for slab in _slabs(T, A, L, grid):
            B = _to_blocks(x2[slab.rows], L, np.nan, slab.g, (slab.o1 - slab.c0) * L, work)
            nan = np.isnan(B) if has_nan else None
            _family_slab(B, nan, slab, outs, drawdown or max_dd, max_dd, mdd, worst_drop, worst, state, work)
        if max_dd:
            _mdd_locate(x2, mdd, state, grid, L)
        if worst_drop:
            d = outs["drop"]
            for a in np.flatnonzero(np.isfinite(state["worst"])):
                lo = int(state["wstart"][a])
                i = lo + int(np.nanargmin(d[lo:int(state["wstop"][a]), a]))
                worst[0][a], worst[1][a] = d[i, a], i
    shape = x.shape[1:]

    def shaped(key: str):
        return outs[key].reshape(x.shape) if key in outs else None

    return WindowFamily(
        shaped("drawdown"), shaped("high"), shaped("drop") if drop else None, shaped("mdd"),
        MaxDrawdownArrays(*(v.reshape(shape) for v in mdd)) if max_dd else None,
        (worst[0].reshape(shape), worst[1].reshape(shape)) if worst_drop else None)


def _family_slab(B, nan, slab, outs, want_dd, want_pos, mdd, want_worst, worst, state, work) -> None:
    L, nbc, A = B.shape
    ob = slab.o0 - slab.c0                       # blocks of this slab that were written by the previous one

    def put(key: str, R: np.ndarray, op=np.subtract, arg=1.0) -> None:
        _put(outs[key][slab.out_rows], R[:, ob:], slab.g_out, op, arg)

    P = _scan(B, np.fmax, out=work.get("P", B.shape))
    S = _scan(B, np.fmax, reverse=True, out=work.get("S", B.shape)) if nbc > 1 and (outs.keys() - {"drawdown"}) \
        else None
    if want_dd:                                  # running all-time high = block prefix max ⊕ earlier block maxima
        acc = np.fmax.accumulate(P[L - 1, ob:], axis=0)
        excl = np.empty_like(acc)
        excl[0] = state["carry"]
        np.fmax(acc[:-1], state["carry"], out=excl[1:])
        state["carry"] = np.fmax(acc[-1], state["carry"])
        R = work.get("R", (L, nbc - ob, A))
        np.fmax(P[:, ob:], excl[None], out=R)
        np.divide(B[:, ob:], R, out=R)
        if "drawdown" in outs:
            _put(outs["drawdown"][slab.out_rows], R, slab.g_out)
        if want_pos:                             # remember the slab of the lowest drawdown; located at the end
            mins = _col_min(R)
            better = mins < state["best"]
            state["best"][better] = mins[better]
            state["start"][better] = slab.out_rows.start
            state["stop"][better] = slab.out_rows.stop
            state["carry0"][better] = excl[0, better]
            state["block0"][better], state["block1"][better] = slab.o0, slab.o1
            state["bmax"].append(P[L - 1, ob:].copy())
    if "mdd" in outs:
        pm = np.divide(B, P, out=work.get("R", B.shape))
        _scan(pm, np.fmin, out=pm)
        if nbc > 1:
            pmin = _scan(B, np.fmin, out=work.get("pmin", B.shape))
            sm = _scan(B, np.fmin, reverse=True, out=work.get("sm", B.shape))
            np.divide(sm, B, out=sm)
            _scan(sm, np.fmin, reverse=True, out=sm)
            cross = np.divide(pmin[:-1, 1:], S[1:, :-1], out=pmin[:-1, 1:])
            np.fmin(pm[:-1, 1:], sm[1:, :-1], out=pm[:-1, 1:])
            np.fmin(pm[:-1, 1:], cross, out=pm[:-1, 1:])
        if nan is not None:
            pm[nan] = np.nan
        put("mdd", pm)
    if "high" in outs or "drop" in outs:
        if S is not None:
            np.fmax(S[1:, :-1], P[:-1, 1:], out=P[:-1, 1:])
        if nan is not None:
            P[nan] = np.nan
        if "high" in outs:
            put("high", P, np.add, 0.0)
        if "drop" in outs:
            np.divide(B, P, out=P)
            put("drop", P)
            if want_worst:                       # remember the slab of the lowest drop; located at the end
                mins = _col_min(P[:, ob:])
                better = mins < state["worst"]
                state["worst"][better] = mins[better]
                state["wstart"][better], state["wstop"][better] = slab.out_rows.start, slab.out_rows.stop


def _mdd_locate(x2: np.ndarray, mdd: MaxDrawdownArrays, state: dict, grid: _Grid, L: int) -> None:
    """Trough, peak and recovery rows of each column's maximum drawdown, without another pass over the panel.

    The trough is found again inside the slab that held the lowest drawdown (same ratios, same tie rule). The
    peak (last row at or before the trough at the running high v) and the recovery (first later row at or
    above v) lie in that slab or in the nearest earlier / later block whose block maximum reaches v.
    """
    bmax = np.concatenate(state["bmax"]) if state["bmax"] else np.empty((0, x2.shape[1]))
    T = len(x2)

    def rows_of(b: int) -> tuple[int, int]:
        if grid.g is None:
            return b * L, min((b + 1) * L, T)
        lo, hi = np.searchsorted(grid.g, (b * L, (b + 1) * L))
        return int(lo), int(hi)

    for a in np.flatnonzero(np.isfinite(state["best"])):
        start, stop = int(state["start"][a]), int(state["stop"][a])
        seg = x2[start:stop, a]
        run = np.fmax(np.fmax.accumulate(seg), state["carry0"][a])
        frac = seg / run - 1.0                   # the drawdowns of drawdown_array, bit for bit
        i = int(np.nanargmin(frac))              # first occurrence, decided on the reported fraction
        tr, v = start + i, run[i]
        mdd.value[a], mdd.trough[a] = frac[i], tr
        if frac[i] == 0.0:
            mdd.peak[a] = tr
            continue
        z = np.flatnonzero(seg[:i + 1] == v)
        if z.size:
            mdd.peak[a] = start + int(z[-1])
        else:
            bb = int(np.flatnonzero(bmax[:state["block0"][a], a] == v)[-1])
            lo, hi = rows_of(bb)
            mdd.peak[a] = lo + int(np.flatnonzero(x2[lo:hi, a] == v)[-1])
        z = np.flatnonzero(seg[i + 1:] >= v)
        if z.size:
            mdd.recovery[a] = tr + 1 + int(z[0])
            continue
        later = np.flatnonzero(bmax[state["block1"][a]:, a] >= v)
        if later.size:
            lo, hi = rows_of(int(state["block1"][a] + later[0]))
            mdd.recovery[a] = lo + int(np.argmax(x2[lo:hi, a] >= v))


def _window_family_sequential(x2, t, wns, outs, max_dd, mdd, want_worst, worst) -> None:
    """Irregular timestamps: the streaming algorithm column by column (same arithmetic, O(n))."""
    from riskwatch.domain.streaming import window_scan

    for a in range(x2.shape[1]):
        if outs.keys() - {"drawdown"}:
            high, ratio = window_scan(t, x2[:, a], wns)
            if "high" in outs:
                outs["high"][:, a] = high
            if "drop" in outs:
                np.subtract(x2[:, a] / high, 1.0, out=outs["drop"][:, a])
                if want_worst and not np.isnan(high).all():
                    i = int(np.nanargmin(outs["drop"][:, a]))
                    worst[0][a], worst[1][a] = outs["drop"][i, a], i
            if "mdd" in outs:
                np.subtract(ratio, 1.0, out=outs["mdd"][:, a])
    if "drawdown" in outs:
        outs["drawdown"][...] = drawdown_array(x2)
    if max_dd:
        for v, r in zip(mdd, max_drawdown_array(x2)):
            v[...] = r


# --------------------------------------------------------------------------------------------------
# drawdown family: positional cores

class MaxDrawdownArrays(NamedTuple):
    """Per column: value (fraction ≤ 0) and row positions of peak, trough, recovery (-1 = none)."""

    value: np.ndarray
    peak: np.ndarray
    trough: np.ndarray
    recovery: np.ndarray


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


def trailing_high_array(prices, times, window="30D") -> np.ndarray:
    """``max{p_s : t − W < s ≤ t}`` along axis 0 (calendar window W; NaN at NaN prices)."""
    return window_family(prices, times, window, high=True).high


def drop_from_high_array(prices, times, window="30D") -> np.ndarray:
    """Drop from the trailing high ``p_t / max{p_s : t − W < s ≤ t} − 1`` (fractions ≤ 0)."""
    return window_family(prices, times, window, drop=True).drop


def max_drawdown_in_window_array(prices, times, window="30D") -> np.ndarray:
    """Worst peak-to-trough ``min{p_u / p_s − 1 : t − W < s ≤ u ≤ t}`` inside each trailing window."""
    return window_family(prices, times, window, window_mdd=True).window_mdd


def _check_len(x: np.ndarray, t: np.ndarray) -> None:
    if len(x) != len(t):
        raise MetricInputError(f"{len(x)} prices but {len(t)} timestamps")


# --------------------------------------------------------------------------------------------------
# drawdown family: Series API

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
    """Maximum drawdown with peak, trough and recovery dates (see :class:`MaxDrawdown`).

    Raises
    ------
    InsufficientDataError
        When the series has no valid price.
    """
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
    """The lowest :func:`drop_from_high` over the history (first occurrence) with its peak and trough dates.

    Raises
    ------
    InsufficientDataError
        When the series has no valid price.
    """
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


# --------------------------------------------------------------------------------------------------
# returns and volatility

def returns_array(prices) -> np.ndarray:
    """Simple returns ``p_t / p_prev − 1`` along axis 0, same shape; row 0 is NaN.

    ``p_prev`` is the last valid price before t, so a return bridges a NaN gap; NaN at NaN prices.
    """
    x, has_nan = _array(prices)
    return _returns(x, has_nan)


def _returns(x: np.ndarray, has_nan: bool) -> np.ndarray:
    out = np.empty_like(x)
    if len(x) == 0:
        return out
    out[0] = np.nan
    prev = x[:-1]
    if has_nan:
        x2 = _as2d(x)
        rows = np.where(np.isnan(x2), 0, np.arange(len(x2))[:, None])
        np.maximum.accumulate(rows, axis=0, out=rows)
        prev = np.take_along_axis(x2, rows, axis=0)[:-1].reshape(prev.shape)
    np.divide(x[1:], prev, out=out[1:])
    out[1:] -= 1.0
    return out


def simple_returns(prices: pd.Series) -> pd.Series:
    """Simple returns of consecutive valid closes, ``p_t / p_prev − 1`` (fractions).

    NaN prices are dropped first, so the result has one row per valid price except the first, indexed by the
    later timestamp (the same values as ``prices.dropna().pct_change().iloc[1:]``).
    """
    x, _, _ = _series(prices)
    valid = prices.iloc[np.flatnonzero(~np.isnan(x))]
    v = valid.to_numpy(dtype=np.float64)
    return pd.Series(v[1:] / v[:-1] - 1.0, index=valid.index[1:], name=prices.name)


def trailing_return(prices: pd.Series, period="1D") -> float:
    """Return over the last ``period``: ``p_last / p_asof(t_last − period) − 1``.

    ``p_asof`` is the last valid price at or before ``t_last − period`` (so a Monday 1-day return of an equity
    is measured from Friday's close). NaN when the history does not reach back that far.
    """
    x, t, _ = _series(prices)
    ok = ~np.isnan(x)
    tv, xv = t[ok], x[ok]
    if len(xv) == 0:
        return math.nan
    j = int(np.searchsorted(tv, tv[-1] - window_ns(period), side="right")) - 1
    return float(xv[-1] / xv[j] - 1.0) if j >= 0 else math.nan


def trailing_returns(prices: pd.Series, periods=("1D", "7D", "30D")) -> dict[str, float]:
    """:func:`trailing_return` for several periods, keyed by the period as given."""
    return {str(p): trailing_return(prices, p) for p in periods}


_CRYPTO_CALENDAR = {AssetKind.CRYPTO, AssetKind.STABLECOIN}
_EQUITY_SESSION = pd.Timedelta(hours=6.5)


def periods_per_year(kind: AssetKind | str, bar="1D") -> float:
    """Bars per year for annualising: crypto trades 24/7, equities 252 sessions of 6.5 h.

    * daily bars: 365 (crypto, stablecoin) or 252 (equity, index);
    * intraday bars of length b: crypto 365 × 24 h / b (hourly: 8,760), equities 252 × 6.5 h / b (hourly: 1,638);
    * bars longer than a day: 365 days / b for both (weekly: 52.14).
    """
    k = kind if isinstance(kind, AssetKind) else AssetKind.parse(str(kind))
    b = pd.Timedelta(bar)
    if b <= pd.Timedelta(0):
        raise MetricInputError(f"bar length '{bar}' must be positive", field="bar")
    day = pd.Timedelta(days=1)
    if b == day:
        return 365.0 if k in _CRYPTO_CALENDAR else 252.0
    if b < day:
        return 365.0 * (day / b) if k in _CRYPTO_CALENDAR else 252.0 * (_EQUITY_SESSION / b)
    return pd.Timedelta(days=365) / b


def infer_bar(index: pd.DatetimeIndex) -> pd.Timedelta:
    """Typical bar length of an index: the median spacing (1 day for weekday equity closes)."""
    if len(index) < 2:
        raise InsufficientDataError("need two timestamps to infer the bar length")
    return pd.Timedelta(int(np.median(np.diff(index.as_unit("ns").asi8))), unit="ns")


def _returns2d(returns) -> np.ndarray:
    r = returns.to_numpy(dtype=np.float64, na_value=np.nan) if isinstance(returns, (pd.Series, pd.DataFrame)) \
        else np.asarray(returns, dtype=np.float64)
    if r.ndim not in (1, 2):
        raise MetricInputError(f"expected 1-D or 2-D returns, got {r.ndim} dimensions")
    r2 = _as2d(r)
    while len(r2) and np.isnan(r2[0]).all():  # the NaN first row of returns_array
        r2 = r2[1:]
    return r2


def _shape_out(returns, v: np.ndarray):
    nd = returns.ndim if hasattr(returns, "ndim") else np.ndim(returns)
    return float(v[0]) if nd == 1 else v


class _Moments(NamedTuple):
    n: np.ndarray       # valid observations per column
    mean: np.ndarray
    ss: np.ndarray      # sum of squared deviations from the mean


_ROW_CHUNK = 4096


def _moments(r2: np.ndarray) -> _Moments:
    """Count, mean and sum of squared deviations per column (two passes; row chunks, no full-size temporary).

    Columns with NaN are detected from the column sums (NaN propagates) and handled separately.
    """
    T, A = r2.shape
    n = np.full(A, float(T))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (np.ones(T) @ r2) / T if T else np.full(A, np.nan)
    ss = np.zeros(A)
    nan_cols = np.flatnonzero(np.isnan(mean)) if T else np.array([], dtype=np.int64)
    clean = np.isfinite(mean)
    if clean.all():
        buf = np.empty((min(T, _ROW_CHUNK), A))
        for i in range(0, T, _ROW_CHUNK):
            b = np.subtract(r2[i:i + _ROW_CHUNK], mean, out=buf[:min(_ROW_CHUNK, T - i)])
            ss += np.einsum("ij,ij->j", b, b)
    elif T:
        dev = r2[:, clean] - mean[clean]
        ss[clean] = np.einsum("ij,ij->j", dev, dev)
    for a in nan_cols:
        col = r2[:, a]
        col = col[~np.isnan(col)]
        n[a] = len(col)
        mean[a] = col.mean() if len(col) else np.nan
        ss[a] = ((col - mean[a]) ** 2).sum()
    return _Moments(n, mean, ss)


def annualized_volatility(returns, periods_per_year: float | np.ndarray, _m: _Moments | None = None):
    """Sample standard deviation (ddof = 1) of simple returns × √(periods per year).

    Parameters
    ----------
    returns : pd.Series, np.ndarray (1-D or 2-D, one column per asset)
        Simple returns (fractions); NaN dropped (per column).
    periods_per_year : float or array
        From :func:`periods_per_year`, e.g. 365 for daily crypto bars, 252 for daily equity bars.

    Returns
    -------
    float (1-D input) or array (one value per column); NaN with fewer than 2 returns.
    """
    m = _m or _moments(_returns2d(returns))
    with np.errstate(invalid="ignore", divide="ignore"):
        v = np.sqrt(m.ss / (m.n - 1)) * np.sqrt(np.asarray(periods_per_year, dtype=float))
    v = np.where(m.n >= 2, v, np.nan)
    return _shape_out(returns, v)


# --------------------------------------------------------------------------------------------------
# VaR and expected shortfall

def _cutoff(level: float) -> float:
    if not 0.0 < level < 1.0:
        raise MetricInputError(f"confidence level {level} must lie between 0 and 1, e.g. 0.95", field="level")
    return round(1.0 - level, 12)


def _transpose(x: np.ndarray, out: np.ndarray | None = None, tile: int = 512) -> np.ndarray:
    """Contiguous (A, T) copy of a (T, A) array, tile by tile (a cache-sized tile is ~4x faster than one copy)."""
    out = np.empty((x.shape[1], x.shape[0])) if out is None else out
    for i in range(0, x.shape[0], tile):
        out[:, i:i + tile] = x[i:i + tile].T
    return out


def _tail_plan(n: int, cutoffs: list[float]) -> list[tuple[int, int, float, int]]:
    """Per cutoff: (lower rank, upper rank, interpolation weight, ES count) for n valid returns."""
    plan = []
    for c in cutoffs:
        v = (n - 1) * ((100.0 * c) / 100.0)      # numpy's 'linear' virtual index for percentile 100·c
        lo = int(math.floor(v))
        plan.append((lo, min(lo + 1, n - 1), v - lo, int((n - 1) * c) + 1))
    return plan


def _tail(sub: np.ndarray, plan) -> tuple[list[float], list[float]]:
    """VaR (numpy 'linear' percentile) and ES from the lowest values of a column (``sub`` holds at least
    every rank the plan needs)."""
    kth = sorted({k for p in plan for k in (p[0], p[1], p[3] - 1)})
    part = np.partition(sub, kth)
    var, es = [], []
    for lo, hi, gamma, m in plan:
        a, b = part[lo], part[hi]
        diff = b - a
        var.append(float(b - diff * (1 - gamma) if gamma >= 0.5 else a + diff * gamma))
        es.append(float(np.mean(part[:m])))
    return var, es


def var_es_array(returns, levels=(0.95, 0.99)) -> tuple[np.ndarray, np.ndarray]:
    """Historical VaR and expected shortfall per column for several confidence levels.

    Returns ``(var, es)``, each of shape (len(levels), n_columns): 1-period fractions, negative = loss.
    VaR at level q is the (1 − q) quantile with numpy's linear interpolation; ES is the mean of the
    ``int((n − 1)(1 − q)) + 1`` lowest returns (both exactly as empyrical-reloaded). NaN returns dropped.

    Only the lower tail is partitioned: a threshold from a sample of rows pre-selects the candidates (checked:
    a column whose candidates do not cover the needed ranks is partitioned in full).
    """
    r2 = _returns2d(returns)
    cutoffs = [_cutoff(q) for q in levels]
    T, A = r2.shape
    var = np.full((len(cutoffs), A), np.nan)
    es = var.copy()
    if T == 0:
        return var, es
    nan_cols = np.isnan(r2).any(axis=0) if np.isnan(r2).any() else np.zeros(A, dtype=bool)
    clean = np.flatnonzero(~nan_cols)
    plan = _tail_plan(T, cutoffs)
    need = max(max(p[1], p[3] - 1) for p in plan) + 1
    if T > 8192 and need < T // 8 and len(clean):
        step = T // 4096                          # threshold = a quantile of a row sample, with a 4-sigma margin
        j = int(need / step * 1.05 + 4 * math.sqrt(need / step + 1) + 8)
        group = max(1, min(len(clean), (1 << 20) // T))
        buf = np.empty((group, T))                # one contiguous row per asset, reused for every group
        for g0 in range(0, len(clean), group):
            cols = clean[g0:g0 + group]
            rows = buf[:len(cols)]
            contiguous = cols[-1] - cols[0] + 1 == len(cols)
            _transpose(r2[:, cols[0]:cols[-1] + 1] if contiguous else r2[:, cols], out=rows)
            sample = rows[:, ::step]
            k = min(j, sample.shape[1] - 1)
            thr = np.partition(sample, k, axis=1)[:, k]
            mask = rows <= thr[:, None]
            counts = np.count_nonzero(mask, axis=1)
            cand = rows[mask]
            ends = np.cumsum(counts)
            for i, a in enumerate(cols):
                col = cand[ends[i] - counts[i]:ends[i]] if counts[i] >= need else rows[i]
                var[:, a], es[:, a] = _tail(col, plan)
    else:
        for a in clean:
            var[:, a], es[:, a] = _tail(r2[:, a], plan)
    for a in np.flatnonzero(nan_cols):
        col = r2[:, a]
        col = col[~np.isnan(col)]
        if len(col):
            var[:, a], es[:, a] = _tail(col, _tail_plan(len(col), cutoffs))
    return var, es


def value_at_risk(returns, level: float = 0.95):
    """Historical 1-period VaR: the (1 − level) quantile of the returns (negative = loss; linear interpolation).

    Matches ``empyrical.value_at_risk(returns, cutoff=1 − level)``. NaN returns are dropped; NaN when empty.
    """
    return _shape_out(returns, var_es_array(returns, (level,))[0][0])


def expected_shortfall(returns, level: float = 0.95):
    """Historical expected shortfall: mean of the ``int((n − 1)(1 − level)) + 1`` lowest returns.

    Matches ``empyrical.conditional_value_at_risk(returns, cutoff=1 − level)``; negative = loss.
    """
    return _shape_out(returns, var_es_array(returns, (level,))[1][0])


def parametric_var(returns, level: float = 0.95, _m: _Moments | None = None):
    """Gaussian VaR ``μ + z σ`` with z the (1 − level) standard-normal quantile (−1.645 at 95 %).

    μ and σ (ddof = 1) of the 1-period simple returns; result per period, not annualised; negative = loss.
    """
    z = NormalDist().inv_cdf(_cutoff(level))
    m = _m or _moments(_returns2d(returns))
    with np.errstate(invalid="ignore", divide="ignore"):
        v = m.mean + z * np.sqrt(m.ss / (m.n - 1))
    return _shape_out(returns, np.where(m.n >= 2, v, np.nan))


# --------------------------------------------------------------------------------------------------
# beta and correlation

_TINY_VAR = 1.0e-30


def beta_corr_array(returns, benchmark, _m: _Moments | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Full-period beta and Pearson correlation of each column to one benchmark (aligned rows).

    beta = cov(r, b) / var(b) on the rows where both are valid (population moments, as empyrical.beta;
    the ddof cancels); NaN with fewer than 2 pairs or var(b) < 1e-30. Returns two arrays of shape (A,).
    """
    r2 = _as2d(np.asarray(returns, dtype=np.float64))
    b = np.asarray(benchmark, dtype=np.float64).reshape(-1)
    if len(b) != len(r2):
        raise MetricInputError(f"{len(r2)} returns but {len(b)} benchmark returns")
    rn, bn = np.isnan(r2), np.isnan(b)
    if not rn.any() and not bn.any():
        n = np.full(r2.shape[1], float(len(b)))
        bc = b - b.mean() if len(b) else b
        cov = (bc @ r2) / n
        vb = np.full_like(n, bc @ bc) / n
        m = _m or _moments(r2)
        vx = m.ss / n
    else:
        M = ~rn & ~bn[:, None]
        n = M.sum(axis=0).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            bz = np.where(M, b[:, None], 0.0)
            bc = np.where(M, bz - bz.sum(axis=0) / n, 0.0)
            rz = np.where(M, r2, 0.0)
            cov = np.einsum("ij,ij->j", bc, rz) / n
            vb = np.einsum("ij,ij->j", bc, bc) / n
            rc = np.where(M, rz - rz.sum(axis=0) / n, 0.0)
            vx = np.einsum("ij,ij->j", rc, rc) / n
    ok = (n >= 2) & (vb >= _TINY_VAR)
    with np.errstate(invalid="ignore", divide="ignore"):
        beta = np.where(ok, cov / vb, np.nan)
        corr = np.where(ok & (vx >= _TINY_VAR), cov / np.sqrt(vx * vb), np.nan)
    return beta, corr


def _pairs(returns: pd.Series, benchmark: pd.Series) -> tuple[np.ndarray, np.ndarray, pd.DatetimeIndex]:
    if not isinstance(returns, pd.Series) or not isinstance(benchmark, pd.Series):
        raise MetricInputError("beta and correlation need two pandas Series of returns")
    j = pd.concat([returns.rename("r"), benchmark.rename("b")], axis=1, join="inner")
    return j["r"].to_numpy(dtype=np.float64), j["b"].to_numpy(dtype=np.float64), j.index


def aligned_returns(prices: pd.Series, benchmark_prices: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Simple returns of an asset and a benchmark over identical intervals.

    Both price Series are restricted to the timestamps where both have a valid price, then turned into
    returns: a 24/7 crypto asset against QQQ is compared close-to-close on trading days (Friday to Monday
    is one return for both). Use the result with :func:`beta`, :func:`correlation` and the rolling forms.
    """
    _series(prices)
    _series(benchmark_prices)
    j = pd.concat([prices.rename("a"), benchmark_prices.rename("b")], axis=1, join="inner").dropna()
    return simple_returns(j["a"]).rename(prices.name), simple_returns(j["b"]).rename(benchmark_prices.name)


def beta(returns: pd.Series, benchmark_returns: pd.Series) -> float:
    """Beta ``cov(r, b) / var(b)`` on the timestamps both Series share (NaN pairs dropped); as empyrical.beta."""
    r, b, _ = _pairs(returns, benchmark_returns)
    return float(beta_corr_array(r, b)[0][0])


def correlation(returns: pd.Series, benchmark_returns: pd.Series) -> float:
    """Pearson correlation on the same pairs as :func:`beta`."""
    r, b, _ = _pairs(returns, benchmark_returns)
    return float(beta_corr_array(r, b)[1][0])


def rolling_beta_corr_array(returns, benchmarks, times, window="90D",
                            min_periods: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Rolling beta and correlation over the calendar window ``(t − W, t]``, O(n) per column.

    Parameters
    ----------
    returns : array (T,) or (T, A) of simple returns.
    benchmarks : array (T,) or (T, K) of benchmark returns over the same intervals (see :func:`aligned_returns`);
        rows where either side is NaN are dropped pairwise.
    times : timestamps of the rows.
    window : calendar window; the first windows are partial (at least ``min_periods`` pairs, else NaN).

    Returns
    -------
    (beta, corr), each of shape (K, T, A). Window sums are exact two-block sums (no running-total cancellation)
    of globally centred data. A variance below 1e-30 or below 1e-12 of the window's mean square (no resolvable
    variation) gives NaN.
    """
    r2 = _as2d(np.asarray(returns, dtype=np.float64))
    b2 = _as2d(np.asarray(benchmarks, dtype=np.float64))
    t = times_ns(times)
    if not len(r2) == len(b2) == len(t):
        raise MetricInputError(f"{len(r2)} returns, {len(b2)} benchmark rows and {len(t)} timestamps")
    T, A = r2.shape
    K = b2.shape[1]
    beta_out = np.full((K, T, A), np.nan)
    corr_out = beta_out.copy()
    if T == 0:
        return beta_out, corr_out
    wns = window_ns(window)
    grid = _grid(t, wns)
    if grid is None:
        return _rolling_beta_pandas(r2, b2, t, wns, min_periods)
    L = max(1, min(grid.k, grid.G))
    rn = np.isnan(r2)
    with np.errstate(invalid="ignore"):
        x = np.where(rn, 0.0, r2 - np.nanmean(np.where(rn, np.nan, r2), axis=0)) if rn.any() \
            else r2 - r2.mean(axis=0)
    for k in range(K):
        b = b2[:, k]
        bn = np.isnan(b)
        y = np.where(bn, 0.0, b - np.nanmean(b)) if not bn.all() else np.zeros(T)
        mask = (~rn & ~bn[:, None]).astype(float) if (rn.any() or bn.any()) else None
        work = _Work()
        for slab in _slabs(T, A, L, grid):
            _rolling_slab(x, y, mask, slab, L, min_periods, beta_out[k], corr_out[k], work)
    return beta_out, corr_out


def _rolling_slab(x, y, mask, slab, L, min_periods, beta_out, corr_out, work) -> None:
    G = (slab.o1 - slab.c0) * L
    ob = slab.o0 - slab.c0
    Bx = _to_blocks(x[slab.rows], L, 0.0, slab.g, G, work, "Bx")
    if mask is None:                             # one pair pattern for all columns: narrow (L, nb, 1) sums
        By = _to_blocks(y[slab.rows, None], L, 0.0, slab.g, G, work, "By")
        Bm = _to_blocks(np.ones((len(y[slab.rows]), 1)), L, 0.0, slab.g, G, work, "Bm")
    else:
        Bm = _to_blocks(mask[slab.rows], L, 0.0, slab.g, G, work, "Bm")
        By = np.multiply(Bm, _to_blocks(y[slab.rows, None], L, 0.0, slab.g, G, work, "By"), out=work.get(
            "Byf", Bm.shape))
        np.multiply(Bx, Bm, out=Bx)

    def wsum(B: np.ndarray, name: str) -> np.ndarray:
        P = _scan(B, np.add, out=work.get(name, B.shape))
        if B.shape[1] > 1:
            S = _scan(B, np.add, reverse=True, out=work.get("S" + name[-1] if B.shape[2] > 1 else "s", B.shape))
            np.add(S[1:, :-1], P[:-1, 1:], out=P[:-1, 1:])
        return P[:, ob:]

    with np.errstate(invalid="ignore", divide="ignore"):
        inv_n = np.divide(1.0, wsum(Bm, "n"))
        inv_n[inv_n > 1.0 / min_periods] = np.nan   # fewer than min_periods pairs (or none)
        mx = np.multiply(wsum(Bx, "sx"), inv_n, out=work.get("mx", inv_n.shape[:2] + (Bx.shape[2],)))
        my = wsum(By, "sy") * inv_n
        inv_sdx = _inv_var(wsum(np.multiply(Bx, Bx, out=work.get("tmp", Bx.shape)), "sxx"), mx, inv_n, work, "vx")
        inv_vy = _inv_var(wsum(np.multiply(By, By, out=work.get("tmpy", By.shape)), "syy"), my, inv_n, work, "vy")
        np.sqrt(inv_sdx, out=inv_sdx)
        cov = wsum(np.multiply(Bx, By, out=work.get("tmp", Bx.shape)), "sxy")
        cov *= inv_n
        cov -= mx * my
        _put(beta_out[slab.out_rows], cov, slab.g_out, np.multiply, inv_vy)
        np.multiply(cov, inv_sdx, out=cov)
        cov *= np.sqrt(inv_vy)
        np.clip(cov, -1.0, 1.0, out=cov)
        _put(corr_out[slab.out_rows], cov, slab.g_out, np.add, 0.0)


def _inv_var(sqq: np.ndarray, mean: np.ndarray, inv_n: np.ndarray, work: _Work, name: str) -> np.ndarray:
    """1 / (window variance) with NaN where the variance is not resolvable (see rolling_beta_corr_array)."""
    msq = np.multiply(sqq, inv_n, out=work.get(name, mean.shape))
    v = msq - mean * mean
    bad = (v < _TINY_VAR) | (v <= 1e-12 * msq)
    np.divide(1.0, v, out=v)
    v[bad] = np.nan
    return v


def _rolling_beta_pandas(r2, b2, t, wns, min_periods):
    """Irregular timestamps: pandas' O(n) calendar rolling moments (same pairs, same definitions)."""
    idx = pd.DatetimeIndex(t.view("datetime64[ns]"))
    T, A = r2.shape
    K = b2.shape[1]
    beta_out = np.full((K, T, A), np.nan)
    corr_out = beta_out.copy()
    for kb in range(K):
        b = pd.Series(b2[:, kb], index=idx)
        for a in range(A):
            r = pd.Series(r2[:, a], index=idx)
            rr = r.where(b.notna())
            bb = b.where(r.notna())
            roll_b = bb.rolling(pd.Timedelta(wns, unit="ns"), min_periods=min_periods)
            roll_r = rr.rolling(pd.Timedelta(wns, unit="ns"), min_periods=min_periods)
            cov = roll_r.cov(bb)
            vb, vr = roll_b.var(), roll_r.var()
            be = (cov / vb).where(vb >= _TINY_VAR)
            beta_out[kb, :, a] = be.to_numpy()
            corr_out[kb, :, a] = (cov / np.sqrt(vr * vb)).where((vb >= _TINY_VAR) & (vr >= _TINY_VAR)).to_numpy()
    return beta_out, corr_out


def rolling_beta(returns: pd.Series, benchmark_returns: pd.Series, window="90D") -> pd.Series:
    """Rolling beta over the calendar window ``(t − W, t]`` on the shared timestamps (see :func:`beta`)."""
    r, b, idx = _pairs(returns, benchmark_returns)
    be, _ = rolling_beta_corr_array(r, b, idx, window)
    return pd.Series(be[0, :, 0], index=idx, name="beta")


def rolling_correlation(returns: pd.Series, benchmark_returns: pd.Series, window="90D") -> pd.Series:
    """Rolling Pearson correlation over the calendar window ``(t − W, t]`` on the shared timestamps."""
    r, b, idx = _pairs(returns, benchmark_returns)
    _, co = rolling_beta_corr_array(r, b, idx, window)
    return pd.Series(co[0, :, 0], index=idx, name="correlation")
