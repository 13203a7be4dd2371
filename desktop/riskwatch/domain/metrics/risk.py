"""Volatility, historical VaR and expected shortfall (as empyrical-reloaded), Gaussian VaR."""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import NamedTuple

import numpy as np

from riskwatch.domain.metrics._arrays import MetricInputError, _check_prices, _returns2d, _shape_out
from riskwatch.domain.metrics._blocks import _work
from riskwatch.domain.metrics.returns import _returns


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
        mean = np.add.reduce(r2, axis=0) / T if T else np.full(A, np.nan)  # no BLAS (see _blocks)
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


def _cutoff(level: float) -> float:
    if not 0.0 < level < 1.0:
        raise MetricInputError(f"confidence level {level} must lie between 0 and 1, e.g. 0.95", field="level")
    return round(1.0 - level, 12)


def _transpose(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Contiguous (A, T) copy of a (T, A) array, tile by tile (a cache-sized tile is ~4x faster than one copy)."""
    out = np.empty((x.shape[1], x.shape[0])) if out is None else out
    if x.shape[1] == 1:
        np.copyto(out[0], x[:, 0])
        return out
    tile = max(64, (1 << 14) // x.shape[1])      # ~128 KB per tile
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


def _tails(rows: np.ndarray, plan) -> tuple[np.ndarray, np.ndarray]:
    """VaR (numpy 'linear' percentile) and ES per row of ``rows`` (g, n): NaN-free returns, reordered in place.

    One in-place partition of every row at the highest rank the plan needs (numpy's SIMD selection for a single
    kth), then each lower rank is selected inside the head left by the previous one: VaR reads the ranks, ES is
    the mean of the head at its count. Returns two (len(plan), g) arrays.
    """
    values = {r for lo, hi, _, _ in plan for r in (lo, hi)}
    counts = {m for *_, m in plan}
    picked: dict[int, np.ndarray] = {}
    means: dict[int, np.ndarray] = {}
    width = rows.shape[1]
    for r in sorted(values | {m - 1 for m in counts}, reverse=True):
        rows[:, :width].partition(r, axis=1)
        if r in values:
            picked[r] = rows[:, r].copy()
        if r + 1 in counts:
            means[r + 1] = rows[:, :r + 1].mean(axis=1)
        width = r + 1
    var = np.empty((len(plan), len(rows)))
    es = np.empty_like(var)
    for i, (lo, hi, gamma, m) in enumerate(plan):
        a, b = picked[lo], picked[hi]
        diff = b - a
        var[i] = b - diff * (1 - gamma) if gamma >= 0.5 else a + diff * gamma
        es[i] = means[m]
    return var, es


_GROUP_BYTES = 12 << 20  # transposed returns handled at once: a few MB (scratch kept by the thread)


def _group_size(T: int, A: int) -> int:
    """Columns per group: a multiple of 8 where possible (8 float64 = one cache line of a row of the panel)."""
    g = max(1, min(A, _GROUP_BYTES // (8 * max(T, 1))))
    return g if g == A or g < 8 else g - g % 8


def var_es_array(returns, levels=(0.95, 0.99)) -> tuple[np.ndarray, np.ndarray]:
    """Historical VaR and expected shortfall per column for several confidence levels.

    Returns ``(var, es)``, each of shape (len(levels), n_columns): 1-period fractions, negative = loss.
    VaR at level q is the (1 − q) quantile with numpy's linear interpolation; ES is the mean of the
    ``int((n − 1)(1 − q)) + 1`` lowest returns (both exactly as empyrical-reloaded). NaN returns dropped.

    Columns are copied, a group at a time, into contiguous rows that are partitioned in place (no sort).
    """
    r2 = _returns2d(returns)
    cutoffs = [_cutoff(q) for q in levels]
    T, A = r2.shape
    var = np.full((len(cutoffs), A), np.nan)
    es = var.copy()
    if T == 0:
        return var, es
    plan = _tail_plan(T, cutoffs)
    group = _group_size(T, A)
    with _work() as work:
        buf = work.get("P", (group, T))          # one contiguous row per column, reused for every group
        for c0 in range(0, A, group):
            rows = _transpose(r2[:, c0:c0 + group], out=buf[:min(group, A - c0)])
            _rows_var_es(rows, c0, plan, cutoffs, var, es)
    return var, es


def _rows_var_es(rows: np.ndarray, c0: int, plan, cutoffs, var: np.ndarray, es: np.ndarray) -> None:
    """VaR/ES of the return rows of columns c0, c0 + 1 … into ``var``/``es``; rows with NaN are compressed."""
    with np.errstate(invalid="ignore"):
        gaps = np.isnan(np.min(rows, axis=1))     # NaN propagates through min: one read of the rows
    if gaps.any():
        for i in np.flatnonzero(gaps):
            col = rows[i][~np.isnan(rows[i])]
            if len(col):
                var[:, c0 + i], es[:, c0 + i] = (v[:, 0] for v in _tails(col[None], _tail_plan(len(col), cutoffs)))
        ok = np.flatnonzero(~gaps)
        if len(ok):
            var[:, c0 + ok], es[:, c0 + ok] = _tails(rows[ok], plan)
    else:
        var[:, c0:c0 + len(rows)], es[:, c0:c0 + len(rows)] = _tails(rows, plan)


class _PriceStats(NamedTuple):
    moments: _Moments
    var: np.ndarray     # (len(levels), A)
    es: np.ndarray
    cross: np.ndarray   # (K, A): Σ_t r_t c_t with each of the K (centred) benchmark return series c


def _price_stats(x2: np.ndarray, levels, centred: np.ndarray | None = None) -> _PriceStats:
    """Moments, VaR/ES and benchmark cross sums of the simple returns of NaN-free price columns (T ≥ 2 rows).

    The (T − 1, A) returns are never materialised: a group of price columns at a time is copied into contiguous
    rows, turned into returns in a cache-sized buffer, summed, multiplied with the benchmarks and partitioned
    in place. ``centred`` is (K, T − 1), e.g. benchmark returns minus their mean.
    """
    T, A = x2.shape
    n = T - 1
    plan = _tail_plan(n, [_cutoff(q) for q in levels])
    K = 0 if centred is None else len(centred)
    mean, ss = np.empty(A), np.empty(A)
    var, es = np.empty((len(plan), A)), np.empty((len(plan), A))
    cross = np.empty((K, A))
    group = _group_size(T, A)
    with _work() as work:
        xbuf, rbuf = work.get("B", (group, T)), work.get("P", (group, n))
        for c0 in range(0, A, group):
            c1 = min(A, c0 + group)
            xs = _transpose(x2[:, c0:c1], out=xbuf[:c1 - c0])
            r = np.divide(xs[:, 1:], xs[:, :-1], out=rbuf[:c1 - c0])
            r -= 1.0
            mean[c0:c1] = r.mean(axis=1)
            dev = np.subtract(r, mean[c0:c1, None], out=xs[:, 1:])
            ss[c0:c1] = np.einsum("ij,ij->i", dev, dev)
            for k in range(K):
                cross[k, c0:c1] = np.einsum("ij,j->i", r, centred[k])
            var[:, c0:c1], es[:, c0:c1] = _tails(r, plan)
    return _PriceStats(_Moments(np.full(A, float(n)), mean, ss), var, es, cross)


class _ReturnStats(NamedTuple):
    moments: _Moments
    var: np.ndarray                  # (len(levels), A)
    es: np.ndarray
    centred: dict[int, np.ndarray]   # benchmark k with a price in every row: its returns minus their mean
    cross: dict[int, np.ndarray]     # Σ r · centred[k] per column (NaN for columns with gaps)


def _return_stats(x2: np.ndarray, has_nan: bool, bench: np.ndarray, levels) -> _ReturnStats:
    """Moments and VaR/ES of each column's returns, and cross sums with every benchmark priced in every row.

    NaN-free columns take the fused path of :func:`_price_stats` (no (T − 1, A) returns array); columns with gaps
    the general one (returns bridge the gaps, NaN dropped).
    """
    T, A = x2.shape
    gap_cols = np.isnan(x2).any(axis=0) if has_nan else np.zeros(A, dtype=bool)
    clean, gaps = np.flatnonzero(~gap_cols), np.flatnonzero(gap_cols)
    centred: dict[int, np.ndarray] = {}
    for k in range(bench.shape[1]):
        b = bench[:, k]
        if T >= 3 and not np.isnan(b).any():
            _check_prices(b)
            bk = b[1:] / b[:-1] - 1.0
            centred[k] = bk - bk.mean()
    mom = _Moments(np.full(A, float(max(T - 1, 0))), np.full(A, np.nan), np.zeros(A))
    var, es = np.full((len(levels), A), np.nan), np.full((len(levels), A), np.nan)
    cross = {k: np.full(A, np.nan) for k in centred}
    if T >= 2 and len(clean):
        st = _price_stats(x2 if len(clean) == A else x2[:, clean], levels,
                          np.array(list(centred.values())).reshape(len(centred), T - 1))
        mom.mean[clean], mom.ss[clean] = st.moments.mean, st.moments.ss
        var[:, clean], es[:, clean] = st.var, st.es
        for i, k in enumerate(centred):
            cross[k][clean] = st.cross[i]
    if len(gaps):
        r = _returns(x2[:, gaps], True)[1:]
        mg = _moments(r)
        mom.n[gaps], mom.mean[gaps], mom.ss[gaps] = mg.n, mg.mean, mg.ss
        var[:, gaps], es[:, gaps] = var_es_array(r, levels)
    return _ReturnStats(mom, var, es, centred, cross)


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
