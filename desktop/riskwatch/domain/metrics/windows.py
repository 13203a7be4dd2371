"""The drawdown family of a price panel from shared block scans: all-time drawdown, trailing-window high, drop
from that high, maximum drawdown inside the window, all-time maximum drawdown with positions, worst drop."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from riskwatch.domain.metrics._arrays import _array, _as2d, _check_len, times_ns, window_ns
from riskwatch.domain.metrics._blocks import _Grid, _grid, _put, _scan, _slabs, _to_blocks, _work


class MaxDrawdownArrays(NamedTuple):
    """Per column: value (fraction ≤ 0) and row positions of peak, trough, recovery (-1 = none)."""

    value: np.ndarray
    peak: np.ndarray
    trough: np.ndarray
    recovery: np.ndarray


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
        state = {"carry": np.full(A, np.nan), "bmax": [],
                 "best": np.full(A, np.inf), "block": np.zeros(A, dtype=np.int64), "carry0": np.full(A, np.nan),
                 "worst": np.full(A, np.inf), "wblock": np.zeros(A, dtype=np.int64)}
        with _work() as work:
            for slab in _slabs(T, A, L, grid):
                B = _to_blocks(x2[slab.rows], L, np.nan, slab.g, (slab.o1 - slab.c0) * L, work)
                nan = np.isnan(B) if has_nan else None
                _family_slab(B, nan, slab, outs, drawdown or max_dd, max_dd, mdd, worst_drop, worst, state, work)
        if max_dd:
            _mdd_locate(x2, mdd, state, grid, L)
        if worst_drop:
            d = outs["drop"]
            for a in np.flatnonzero(np.isfinite(state["worst"])):
                lo, hi = _block_rows(grid, L, T, int(state["wblock"][a]))
                i = lo + int(np.nanargmin(d[lo:hi, a]))
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
        if want_pos:                             # remember the block of the lowest drawdown; located at the end
            cols, first = _track_min(R, state["best"])
            state["block"][cols] = slab.o0 + first
            state["carry0"][cols] = excl[first, cols]
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
            if want_worst:                       # remember the block of the lowest drop; located at the end
                cols, first = _track_min(P[:, ob:], state["worst"])
                state["wblock"][cols] = slab.o0 + first


def _track_min(R: np.ndarray, best: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Columns whose lowest fraction ``R − 1`` in these blocks (L, nb, A) beats ``best`` (updated in place), and
    for each the first block holding it. Compared as reported fractions, so the first of two ratios that round
    to the same fraction wins."""
    with np.errstate(invalid="ignore"):
        frac = np.fmin.reduce(R, axis=0) - 1.0   # (nb, A)
        low = np.fmin.reduce(frac, axis=0)
        cols = np.flatnonzero(low < best)
    best[cols] = low[cols]
    return cols, np.argmax(frac[:, cols] == low[cols], axis=0)


def _block_rows(grid: _Grid, L: int, T: int, b: int) -> tuple[int, int]:
    """Observation rows [lo, hi) of block b."""
    if grid.g is None:
        return b * L, min((b + 1) * L, T)
    lo, hi = np.searchsorted(grid.g, (b * L, (b + 1) * L))
    return int(lo), int(hi)


def _mdd_locate(x2: np.ndarray, mdd: MaxDrawdownArrays, state: dict, grid: _Grid, L: int) -> None:
    """Trough, peak and recovery rows of each column's maximum drawdown, without another pass over the panel.

    The trough is found again inside the block that held the lowest drawdown (same ratios, same tie rule). The
    peak (last row at or before the trough at the running high v) and the recovery (first later row at or
    above v) lie in that block or in the nearest earlier / later block whose block maximum reaches v.
    """
    bmax = np.concatenate(state["bmax"]) if state["bmax"] else np.empty((0, x2.shape[1]))
    T = len(x2)
    for a in np.flatnonzero(np.isfinite(state["best"])):
        b = int(state["block"][a])
        start, stop = _block_rows(grid, L, T, b)
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
            lo, hi = _block_rows(grid, L, T, int(np.flatnonzero(bmax[:b, a] == v)[-1]))
            mdd.peak[a] = lo + int(np.flatnonzero(x2[lo:hi, a] == v)[-1])
        z = np.flatnonzero(seg[i + 1:] >= v)
        if z.size:
            mdd.recovery[a] = tr + 1 + int(z[0])
            continue
        later = np.flatnonzero(bmax[b + 1:, a] >= v)
        if later.size:
            lo, hi = _block_rows(grid, L, T, b + 1 + int(later[0]))
            mdd.recovery[a] = lo + int(np.argmax(x2[lo:hi, a] >= v))


def _window_family_sequential(x2, t, wns, outs, max_dd, mdd, want_worst, worst) -> None:
    """Irregular timestamps: the streaming algorithm column by column (same arithmetic, O(n))."""
    from riskwatch.domain.metrics.drawdown import drawdown_array, max_drawdown_array  # they call _family
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


def trailing_high_array(prices, times, window="30D") -> np.ndarray:
    """``max{p_s : t − W < s ≤ t}`` along axis 0 (calendar window W; NaN at NaN prices)."""
    return window_family(prices, times, window, high=True).high


def drop_from_high_array(prices, times, window="30D") -> np.ndarray:
    """Drop from the trailing high ``p_t / max{p_s : t − W < s ≤ t} − 1`` (fractions ≤ 0)."""
    return window_family(prices, times, window, drop=True).drop


def max_drawdown_in_window_array(prices, times, window="30D") -> np.ndarray:
    """Worst peak-to-trough ``min{p_u / p_s − 1 : t − W < s ≤ u ≤ t}`` inside each trailing window."""
    return window_family(prices, times, window, window_mdd=True).window_mdd
