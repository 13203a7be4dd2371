"""Input handling shared by every metric: the error types, window and timestamp parsing, price validation."""

from __future__ import annotations

import numpy as np
import pandas as pd

from riskwatch.domain.errors import InputError, Problem


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


def _check_len(x: np.ndarray, t: np.ndarray) -> None:
    if len(x) != len(t):
        raise MetricInputError(f"{len(x)} prices but {len(t)} timestamps")


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
