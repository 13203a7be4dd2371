"""Beta and Pearson correlation to a benchmark: full-period and rolling over a calendar window."""

from __future__ import annotations

import numpy as np
import pandas as pd

from riskwatch.domain.metrics._arrays import MetricInputError, _as2d, _series, times_ns, window_ns
from riskwatch.domain.metrics._blocks import _grid, _put, _scan, _slabs, _to_blocks, _work, _Work
from riskwatch.domain.metrics.returns import simple_returns
from riskwatch.domain.metrics.risk import _moments, _Moments


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
    n = np.full(r2.shape[1], float(len(b)))
    bc = b - b.mean() if len(b) else b
    cov = np.einsum("i,ij->j", bc, r2)           # no BLAS (see _blocks); NaN in a column or in b shows up here
    if not np.isnan(cov).any():
        vx = (_m or _moments(r2)).ss / n
        return _beta_corr(n, cov / n, np.full_like(n, np.einsum("i,i->", bc, bc)) / n, vx)
    rn, bn = np.isnan(r2), np.isnan(b)
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
    return _beta_corr(n, cov, vb, vx)


def _beta_corr(n: np.ndarray, cov: np.ndarray, vb: np.ndarray, vx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Beta and correlation from pair counts, covariance and the two variances (population moments)."""
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
        with _work() as work:
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
    return _rolling_series(returns, benchmark_returns, window, 0, "beta")


def rolling_correlation(returns: pd.Series, benchmark_returns: pd.Series, window="90D") -> pd.Series:
    """Rolling Pearson correlation over the calendar window ``(t − W, t]`` on the shared timestamps."""
    return _rolling_series(returns, benchmark_returns, window, 1, "correlation")


def _rolling_series(returns: pd.Series, benchmark_returns: pd.Series, window, which: int, name: str) -> pd.Series:
    r, b, idx = _pairs(returns, benchmark_returns)
    return pd.Series(rolling_beta_corr_array(r, b, idx, window)[which][0, :, 0], index=idx, name=name)
