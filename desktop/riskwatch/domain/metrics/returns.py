"""Simple and trailing returns, and the number of bars per year used for annualising."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from riskwatch.domain.metrics._arrays import InsufficientDataError, MetricInputError, _array, _as2d, _series, window_ns
from riskwatch.domain.model import AssetKind


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
