"""Many assets at once: the panel risk engine, and the portfolio of current holdings (benchmark code).

Only ``bench_metrics.py`` and its cross-check tests (tests/domain/test_portfolio_metrics.py, against
empyrical) use this engine; the app computes its report through :mod:`riskwatch.domain.risk_report`, so the
engine lives with the benchmarks instead of in the shipped package.

* :func:`panel_risk_arrays` computes the full per-asset metric set for a (T, A) price panel on one clock
  (the refresh of a large portfolio); :func:`panel_risk` is its DataFrame form.
* The portfolio functions value the **current holdings** over the price history: crypto trades every day,
  equities carry their last close over weekends, holidays and nights (forward fill on the union calendar).
  Rows before every held asset has a first price are dropped. Prices must be in the base currency, or
  ``fx`` gives, per symbol, the base-currency value of one unit of the quote currency over time.

Conventions as in :mod:`riskwatch.domain.metrics`: fractions, negative = loss, calendar windows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from riskwatch.domain import metrics as m
from riskwatch.domain.metrics import (
    Drop,
    MaxDrawdown,
    MaxDrawdownArrays,
    MetricInputError,
    beta_corr_array,
    rolling_beta_corr_array,
    var_es_array,
    window_ns,
)
from riskwatch.domain.metrics.relations import _beta_corr
from riskwatch.domain.metrics.risk import _price_stats, _return_stats
from riskwatch.domain.model import Portfolio

# --------------------------------------------------------------------------------------------------
# panel engine


@dataclass(frozen=True)
class PanelRisk:
    """Risk figures of A assets on T common timestamps. Fractions; NaN where an asset has too little data.

    Series are (T, A); per-asset figures (A,); per level (len(levels), A); per benchmark (K, A) or (K, T, A).
    ``rolling_beta`` / ``rolling_correlation`` are the values over the last ``beta_window`` (the current
    rolling figures); the full rolling histories are only computed with ``rolling_series=True``.
    """

    times: np.ndarray
    drawdown: np.ndarray
    drop_from_high: np.ndarray
    window_max_drawdown: np.ndarray
    max_drawdown: MaxDrawdownArrays
    current_drawdown: np.ndarray
    current_drop_from_high: np.ndarray
    worst_drop_from_high: np.ndarray
    worst_drop_row: np.ndarray
    trailing_returns: dict[str, np.ndarray]
    volatility: np.ndarray
    levels: tuple[float, ...]
    var: np.ndarray
    es: np.ndarray
    parametric_var: np.ndarray
    beta: np.ndarray
    correlation: np.ndarray
    rolling_beta: np.ndarray
    rolling_correlation: np.ndarray
    rolling_beta_series: np.ndarray | None = None
    rolling_correlation_series: np.ndarray | None = None


def _last_valid_rows(x2: np.ndarray, has_nan: bool) -> np.ndarray:
    if not has_nan:
        return np.full(x2.shape[1], len(x2) - 1)
    ok = ~np.isnan(x2)
    last = len(x2) - 1 - np.argmax(ok[::-1], axis=0)
    return np.where(ok.any(axis=0), last, -1)


def _at_rows(v: np.ndarray, rows: np.ndarray) -> np.ndarray:
    out = np.full(v.shape[1], np.nan)
    ok = rows >= 0
    out[ok] = v[rows[ok], np.flatnonzero(ok)]
    return out


def _trailing(x2: np.ndarray, t: np.ndarray, last: np.ndarray, pns: int, has_nan: bool) -> np.ndarray:
    """p_last / p_asof(t_last − period) − 1 per column (asof over valid prices)."""
    A = x2.shape[1]
    out = np.full(A, np.nan)
    if not len(t):
        return out
    if not has_nan:
        j = int(np.searchsorted(t, t[-1] - pns, side="right")) - 1
        if j >= 0:
            out = x2[-1] / x2[j] - 1.0
        return out
    for a in np.flatnonzero(last >= 0):
        ok = np.flatnonzero(~np.isnan(x2[:, a]))
        j = int(np.searchsorted(t[ok], t[last[a]] - pns, side="right")) - 1
        if j >= 0:
            out[a] = x2[last[a], a] / x2[ok[j], a] - 1.0
    return out


def panel_risk_arrays(prices, times, periods_per_year, benchmarks=None, *, window="30D", beta_window="90D",
                      levels=(0.95, 0.99), trailing=("1D", "7D", "30D"), rolling_series=False) -> PanelRisk:
    """The full metric set of a (T, A) price panel.

    Parameters
    ----------
    prices : array (T, A), positive, NaN = no price at that timestamp.
    times : (T,) ascending timestamps (DatetimeIndex, datetime64 or int64 ns).
    periods_per_year : float or (A,) array, see :func:`riskwatch.domain.metrics.periods_per_year`.
    benchmarks : array (T, K) of benchmark **prices** on the same timestamps (e.g. BTC, QQQ; NaN where the
        benchmark does not trade). Beta/correlation use returns over the timestamps where both the asset and
        the benchmark have a price (as :func:`riskwatch.domain.metrics.aligned_returns`), so an asset that
        trades 24/7 is compared with QQQ close to close on trading days.
    window : drop-from-high and window-max-drawdown window; beta_window : rolling beta/correlation window.
    levels : VaR/ES confidence levels (1-period historical VaR/ES and Gaussian VaR).
    trailing : periods of the trailing returns.
    rolling_series : also return the full rolling beta/correlation histories (K, T, A).
    """
    x, has_nan = m._array(prices)
    x2 = m._as2d(x)
    t = m.times_ns(times)
    m._check_len(x2, t)
    T, A = x2.shape
    bench = np.empty((T, 0)) if benchmarks is None else m._as2d(np.asarray(benchmarks, dtype=float))
    if len(bench) != T:
        raise MetricInputError(f"{T} price rows but {len(bench)} benchmark rows")
    fam = m._family(x2, has_nan, t, window_ns(window), drawdown=True, drop=True, window_mdd=True, max_dd=True,
                    worst_drop=True)
    last = _last_valid_rows(x2, has_nan)
    stats = _return_stats(x2, has_nan, bench, levels)
    mom, per_column = stats.moments, np.empty((0, A))   # per_column: the shape the figures come back in
    ppy = np.broadcast_to(np.asarray(periods_per_year, dtype=float), (A,))
    pvar = np.array([m.parametric_var(per_column, q, _m=mom) for q in levels]).reshape(len(levels), A)
    K = bench.shape[1]
    out_b, out_c, roll_b, roll_c = (np.full((K, A), np.nan) for _ in range(4))
    series_b = np.full((K, T, A), np.nan) if rolling_series else None
    series_c = np.full((K, T, A), np.nan) if rolling_series else None
    wns = window_ns(beta_window)
    for k in range(K):
        b = bench[:, k]
        brows = ~np.isnan(b)
        if brows.sum() < 3:
            continue
        m._check_prices(b[brows])
        every_row = bool(brows.all())
        sub = x2 if every_row else x2[brows]
        sub_nan = (np.isnan(sub).any(axis=0) if has_nan else np.zeros(A, dtype=bool))
        groups = [(np.flatnonzero(~sub_nan), brows)] + [(np.array([a]), brows & ~np.isnan(x2[:, a]))
                                                          for a in np.flatnonzero(sub_nan)]
        for gi, (cols, ok) in enumerate(groups):
            rows = np.flatnonzero(ok)
            if len(cols) == 0 or len(rows) < 3:
                continue
            bk = b[rows][1:] / b[rows][:-1] - 1.0
            tk = t[rows][1:]
            j = int(np.searchsorted(tk, tk[-1] - wns, side="right"))
            if every_row or gi > 0:              # the asset's prices on the rows of the pairs
                prices = x2[np.ix_(rows, cols)] if gi > 0 else x2 if len(cols) == A else x2[:, cols]
            else:
                prices = sub if len(cols) == A else sub[:, cols]
            rk = None
            if gi == 0:                          # NaN-free columns: sums from the fused return statistics
                if k in stats.cross:             # every row: already summed with the panel's statistics
                    n, cov, ss, bc = mom.n[cols], stats.cross[k][cols], mom.ss[cols], stats.centred[k]
                else:
                    bc = bk - bk.mean()
                    st = _price_stats(prices, (), bc[None])
                    n, cov, ss = st.moments.n, st.cross[0], st.moments.ss
                vb = np.full_like(n, np.einsum("i,i->", bc, bc)) / n
                out_b[k, cols], out_c[k, cols] = _beta_corr(n, cov / n, vb, ss / n)
                roll_b[k, cols], roll_c[k, cols] = beta_corr_array(m._returns(prices[j:], False)[1:], bk[j:])
            else:
                rk = m._returns(prices, False)[1:]
                out_b[k, cols], out_c[k, cols] = beta_corr_array(rk, bk)
                roll_b[k, cols], roll_c[k, cols] = beta_corr_array(rk[j:], bk[j:])
            if rolling_series:
                rk = m._returns(prices, False)[1:] if rk is None else rk
                sb, sc = rolling_beta_corr_array(rk, bk, tk, beta_window)
                series_b[k, rows[1:, None], cols] = sb[0]
                series_c[k, rows[1:, None], cols] = sc[0]
    return PanelRisk(
        times=t, drawdown=fam.drawdown, drop_from_high=fam.drop, window_max_drawdown=fam.window_mdd,
        max_drawdown=fam.max_drawdown, current_drawdown=_at_rows(fam.drawdown, last),
        current_drop_from_high=_at_rows(fam.drop, last), worst_drop_from_high=fam.worst_drop[0],
        worst_drop_row=fam.worst_drop[1],
        trailing_returns={str(p): _trailing(x2, t, last, window_ns(p), has_nan) for p in trailing},
        volatility=m.annualized_volatility(per_column, ppy, _m=mom), levels=tuple(levels), var=stats.var,
        es=stats.es, parametric_var=pvar, beta=out_b, correlation=out_c, rolling_beta=roll_b,
        rolling_correlation=roll_c, rolling_beta_series=series_b, rolling_correlation_series=series_c)


def panel_risk(prices: pd.DataFrame, kinds: Mapping[str, object] | object = "crypto",
               benchmarks: pd.DataFrame | None = None, **kwargs) -> PanelRisk:
    """:func:`panel_risk_arrays` for a DataFrame (one column per symbol, tz-aware ascending index).

    ``kinds`` is one asset kind for all columns or a mapping symbol → kind (AssetKind or "crypto", "equity" …);
    the bar length for annualising is inferred from the index. ``benchmarks`` (columns e.g. BTC, QQQ) is
    reindexed onto the panel's timestamps (no fill: a benchmark without a price at a timestamp is skipped there).
    """
    if not isinstance(prices, pd.DataFrame):
        raise MetricInputError("expected a DataFrame of prices, one column per symbol")
    idx = prices.index
    m._series(pd.Series(np.ones(len(idx)), index=idx))  # index checks: tz-aware, ascending, unique
    bar = m.infer_bar(idx)
    kind_of = kinds if isinstance(kinds, Mapping) else dict.fromkeys(prices.columns, kinds)
    ppy = np.array([m.periods_per_year(kind_of[c], bar) for c in prices.columns])
    bench = None if benchmarks is None else benchmarks.reindex(idx).to_numpy(dtype=float)
    return panel_risk_arrays(prices.to_numpy(dtype=float, na_value=np.nan), idx, ppy, bench, **kwargs)


# --------------------------------------------------------------------------------------------------
# portfolio of current holdings


def holdings_from_portfolio(portfolio: Portfolio) -> tuple[dict[str, float], dict[str, float]]:
    """(quantity per symbol, cost value per symbol) summed over accounts, as floats for the metrics."""
    qty: dict[str, float] = {}
    cost: dict[str, float] = {}
    for p in portfolio.positions:
        qty[p.symbol] = qty.get(p.symbol, 0.0) + float(p.quantity)
        cost[p.symbol] = cost.get(p.symbol, 0.0) + float(p.cost_value)
    return qty, cost


def aligned_prices(prices: Mapping[str, pd.Series] | pd.DataFrame,
                   fx: Mapping[str, pd.Series] | None = None) -> pd.DataFrame:
    """Prices of all symbols on the union of their timestamps, each carried forward (last close over weekends,
    holidays and nights), converted with ``fx`` where given, from the first row where every symbol has a price.
    """
    cols = dict(prices.items())
    if not cols:
        raise MetricInputError("no price histories given")
    for sym, s in cols.items():
        try:
            m._series(s)
        except MetricInputError as exc:
            raise MetricInputError(f"{sym}: {exc}") from None
    frame = pd.concat(cols, axis=1, sort=True).ffill()
    if fx:
        for sym, rate in fx.items():
            if sym in frame:
                frame[sym] = frame[sym] * rate.reindex(frame.index.union(rate.index)).ffill().reindex(frame.index)
    frame = frame.dropna(how="any")
    if frame.empty:
        raise m.InsufficientDataError("the price histories have no common period")
    return frame


def portfolio_value(quantities: Mapping[str, float], prices: Mapping[str, pd.Series] | pd.DataFrame,
                    fx: Mapping[str, pd.Series] | None = None) -> pd.Series:
    """Value of the current holdings over time: Σ quantity × carried-forward price (base currency)."""
    q = _quantities(quantities, prices)
    frame = aligned_prices({s: prices[s] for s in q.index}, fx)
    return pd.Series(frame.to_numpy() @ q.to_numpy(), index=frame.index, name="value")


def _quantities(quantities: Mapping[str, float], prices) -> pd.Series:
    q = pd.Series({str(k): float(v) for k, v in quantities.items()}, dtype=float)
    q = q[q != 0.0]
    if q.empty:
        raise MetricInputError("the portfolio holds nothing")
    if (q < 0).any() or not np.isfinite(q).all():
        raise MetricInputError("quantities must be finite and not negative")
    missing = [s for s in q.index if s not in prices]
    if missing:
        raise MetricInputError(f"no price history for {', '.join(missing)}")
    return q


def weights(values: Mapping[str, float] | pd.Series) -> pd.Series:
    """Weights w_i = v_i / Σ v (fractions summing to 1)."""
    v = pd.Series(values, dtype=float)
    total = v.sum()
    if not total > 0:
        raise MetricInputError("the portfolio value is zero; weights are undefined")
    return v / total


@dataclass(frozen=True)
class Concentration:
    """Largest position and Herfindahl-Hirschman index HHI = Σ w² (1/n for n equal weights, 1 for one asset);
    ``effective_positions`` = 1 / HHI."""

    largest_symbol: str
    largest_weight: float
    hhi: float
    effective_positions: float


def concentration(w: Mapping[str, float] | pd.Series) -> Concentration:
    s = pd.Series(w, dtype=float)
    if s.empty:
        raise MetricInputError("no weights")
    hhi = float((s * s).sum())
    top = s.idxmax()
    return Concentration(str(top), float(s[top]), hhi, 1.0 / hhi if hhi > 0 else math.nan)


def portfolio_returns(quantities: Mapping[str, float], prices: Mapping[str, pd.Series] | pd.DataFrame,
                      fx: Mapping[str, pd.Series] | None = None) -> pd.Series:
    """Historical simulation: R_t = Σ w_i r_i(t) with today's weights w and the aligned simple returns r_i
    (carried-forward prices, so an equity contributes 0 on a weekend)."""
    q = _quantities(quantities, prices)
    frame = aligned_prices({s: prices[s] for s in q.index}, fx)
    x = frame.to_numpy()
    w = x[-1] * q.to_numpy()
    w = w / w.sum()
    r = x[1:] / x[:-1] - 1.0
    return pd.Series(r @ w, index=frame.index[1:], name="portfolio_return")


def portfolio_var_es(quantities: Mapping[str, float], prices: Mapping[str, pd.Series] | pd.DataFrame,
                     levels=(0.95, 0.99), fx: Mapping[str, pd.Series] | None = None) -> dict[float, tuple[float, float]]:
    """1-period historical VaR and ES of the portfolio (see :func:`portfolio_returns`), {level: (var, es)}."""
    r = portfolio_returns(quantities, prices, fx).to_numpy()
    var, es = var_es_array(r, levels)
    return {float(q): (float(var[i, 0]), float(es[i, 0])) for i, q in enumerate(levels)}


@dataclass(frozen=True)
class PortfolioRisk:
    """Risk of the current holdings. Money in the base currency; fractions otherwise."""

    value: pd.Series
    total_value: float
    positions: pd.DataFrame          # quantity, price, value, cost, pnl, pnl_pct, weight (one row per symbol)
    cost: float
    pnl: float
    pnl_pct: float
    concentration: Concentration
    drawdown: pd.Series
    current_drawdown: float
    max_drawdown: MaxDrawdown
    drop_from_high: float
    worst_drop_from_high: Drop
    var_es: dict[float, tuple[float, float]]


def portfolio_risk(quantities: Mapping[str, float], prices: Mapping[str, pd.Series] | pd.DataFrame,
                   costs: Mapping[str, float] | None = None, *, window="30D", levels=(0.95, 0.99),
                   fx: Mapping[str, pd.Series] | None = None) -> PortfolioRisk:
    """Value, P&L against cost, weights, concentration, drawdown, drop from the trailing high and VaR/ES.

    ``costs`` is the cost value per symbol (quantity × cost basis, base currency); P&L = value − cost.
    """
    q = _quantities(quantities, prices)
    frame = aligned_prices({s: prices[s] for s in q.index}, fx)
    value = pd.Series(frame.to_numpy() @ q.to_numpy(), index=frame.index, name="value")
    last = frame.iloc[-1]
    pos = pd.DataFrame({"quantity": q, "price": last, "value": q * last})
    pos["cost"] = pd.Series(costs or {}, dtype=float).reindex(pos.index).fillna(0.0)
    pos["pnl"] = pos["value"] - pos["cost"]
    with np.errstate(divide="ignore", invalid="ignore"):
        pos["pnl_pct"] = np.where(pos["cost"] > 0, pos["value"] / pos["cost"] - 1.0, np.nan)
    pos["weight"] = weights(pos["value"])
    total, cost = float(pos["value"].sum()), float(pos["cost"].sum())
    r = frame.to_numpy()
    rets = (r[1:] / r[:-1] - 1.0) @ pos["weight"].to_numpy()
    var, es = var_es_array(rets, levels)
    return PortfolioRisk(
        value=value, total_value=total, positions=pos, cost=cost, pnl=total - cost,
        pnl_pct=total / cost - 1.0 if cost > 0 else math.nan, concentration=concentration(pos["weight"]),
        drawdown=m.drawdown(value), current_drawdown=m.current_drawdown(value), max_drawdown=m.max_drawdown(value),
        drop_from_high=float(m.drop_from_high(value, window).iloc[-1]),
        worst_drop_from_high=m.worst_drop_from_high(value, window),
        var_es={float(lv): (float(var[i, 0]), float(es[i, 0])) for i, lv in enumerate(levels)})
