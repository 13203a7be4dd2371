"""Liquidity signals from histories and prices: volume collapse, ±2 % depth against its 7-day median, the
stablecoin peg, perpetual funding, open-interest change, and the equities' dollar volume and days to
liquidate. Functions return ``nan`` when the data cannot give the figure (never a zero).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from riskwatch.domain.liquidity_exit import check_amount
from riskwatch.domain.model import utc

#: Funding periods of 8 hours in a year (3 a day × 365 days), the annualisation factor of ``funding_8h``.
FUNDING_PERIODS_PER_YEAR = 3 * 365
#: Share of the daily volume a position may take when it is sold over several days.
DEFAULT_PARTICIPATION = 0.20


def float_array(values: Iterable[float | None] | np.ndarray) -> np.ndarray:
    """Values as a flat float64 array; ``None`` becomes NaN."""
    if isinstance(values, np.ndarray):
        return values.astype(np.float64, copy=False).ravel()
    return np.array([math.nan if v is None else v for v in values], dtype=np.float64)


def valid_number(x: float | None) -> bool:
    """A real number (not None, not a bool, finite)."""
    return x is not None and not isinstance(x, bool) and math.isfinite(x)


def volume_ratio(current: float | None, prior_daily: Sequence[float] | np.ndarray, *, window: int = 30,
                 min_periods: int = 20) -> float:
    """Volume collapse: ``current / median(last `window` prior daily volumes)``.

    ``current`` is the latest 24 h volume (crypto) or the last daily volume (equities), in the same unit as
    ``prior_daily`` (base units or money; do not mix). ``prior_daily`` is in time order, oldest first, and
    must not include the period of ``current``. Missing (NaN) and negative entries are ignored. ``nan``
    when fewer than ``min_periods`` valid prior days remain, the median is zero, or ``current`` is invalid.
    0.4 means the market trades 40 % of its usual volume.
    """
    if not valid_number(current) or current < 0:  # type: ignore[operator]
        return math.nan
    arr = float_array(prior_daily)[-window:] if window > 0 else np.empty(0)
    arr = arr[np.isfinite(arr) & (arr >= 0)]
    if arr.size < max(1, min_periods):
        return math.nan
    med = float(np.median(arr))
    return float(current) / med if med > 0 else math.nan  # type: ignore[arg-type]


def peg_deviation(price: float | None, peg: float = 1.0) -> float:
    """Deviation of a stablecoin from its peg: ``price / peg − 1`` (signed fraction; −0.02 = 2 % below).

    ``price`` is the stablecoin's price in the pegged currency (e.g. USDT/USD). ``nan`` for a missing,
    non-finite or non-positive price.
    """
    if not valid_number(price) or price <= 0:  # type: ignore[operator]
        return math.nan
    return float(price) / peg - 1.0  # type: ignore[arg-type]


def funding_rate_8h(rate: float, interval_hours: float = 8.0) -> float:
    """A funding rate per ``interval_hours`` expressed per 8 hours: ``rate × 8 / interval_hours``."""
    if not (interval_hours > 0 and math.isfinite(interval_hours)):
        raise ValueError(f"interval_hours must be positive, got {interval_hours!r}")
    return float(rate) * 8.0 / interval_hours


def annualised_funding(rate_8h: float) -> float:
    """Simple (not compounded) annualisation of an 8-hour funding rate: ``rate_8h × 3 × 365``."""
    return float(rate_8h) * FUNDING_PERIODS_PER_YEAR


@dataclass(frozen=True)
class FundingSignal:
    """Perpetual funding as fractions: ``rate_8h`` per 8 hours, ``annual`` = rate_8h × 3 × 365."""

    rate_8h: float
    annual: float
    as_of: datetime | None = None


def funding_signal(rate: float, interval_hours: float = 8.0, as_of: datetime | None = None) -> FundingSignal:
    """Normalise a venue's funding rate (per ``interval_hours``) to 8 h and annualise it."""
    r8 = funding_rate_8h(rate, interval_hours)
    return FundingSignal(r8, annualised_funding(r8), as_of)


def open_interest_change(current: float | None, previous: float | None) -> float:
    """``current / previous − 1``; ``nan`` when either is missing, not finite or not positive."""
    if not (valid_number(current) and valid_number(previous)) or previous <= 0 or current < 0:  # type: ignore[operator]
        return math.nan
    return float(current) / float(previous) - 1.0  # type: ignore[arg-type]


def open_interest_change_24h(current: float | None, current_ts: datetime,
                             history: Iterable[tuple[datetime, float]], *,
                             lookback: timedelta = timedelta(hours=24),
                             tolerance: timedelta = timedelta(hours=2)) -> float:
    """Open-interest change over ``lookback``: ``current / OI(current_ts − lookback) − 1``.

    The reference is the history point nearest to ``current_ts − lookback``, accepted when it lies within
    ``tolerance`` of that instant; ``nan`` when there is none. Measure OI in contracts/base units (not
    money) so that a price move alone does not read as a leverage change.
    """
    target = utc(current_ts) - lookback
    best: tuple[timedelta, float] | None = None
    for ts, value in history:
        gap = abs(utc(ts) - target)
        if gap <= tolerance and (best is None or gap < best[0]):
            best = (gap, value)
    if best is None:
        return math.nan
    return open_interest_change(current, best[1])


def depth_vs_median_ratio(current: float | None, history_7d: Sequence[float] | np.ndarray, *,
                          min_periods: int = 1) -> float:
    """Today's ±2 % depth against its median over the last 7 days: ``current / median(history_7d)``.

    ``history_7d`` are stored ``depth_2pct`` values of the last 7 days (any sampling; NaN ignored).
    ``nan`` when fewer than ``min_periods`` valid values exist, the median is not positive, or ``current``
    is invalid. The shipped rule warns below 0.5 (metric ``depth_2pct_ratio``).
    """
    if not valid_number(current) or current < 0:  # type: ignore[operator]
        return math.nan
    arr = float_array(history_7d)
    arr = arr[np.isfinite(arr) & (arr >= 0)]
    if arr.size < max(1, min_periods):
        return math.nan
    med = float(np.median(arr))
    return float(current) / med if med > 0 else math.nan  # type: ignore[arg-type]


# -- equities ---------------------------------------------------------------------------------------

def average_dollar_volume(closes: Sequence[float] | np.ndarray, volumes: Sequence[float] | np.ndarray, *,
                          window: int = 20, min_periods: int = 15) -> float:
    """Average daily dollar volume over the last ``window`` daily bars: mean of ``close × volume``.

    Pass completed daily bars, oldest first, in the currency of the position. Bars with a missing,
    non-finite or non-positive close or a missing/negative volume are skipped; ``nan`` when fewer than
    ``min_periods`` valid bars remain in the window.
    """
    c = float_array(closes)
    v = float_array(volumes)
    if c.shape != v.shape:
        raise ValueError(f"closes and volumes differ in length ({c.size} vs {v.size})")
    c, v = c[-window:], v[-window:]
    ok = np.isfinite(c) & (c > 0) & np.isfinite(v) & (v >= 0)
    if int(ok.sum()) < max(1, min_periods):
        return math.nan
    return float(np.mean(c[ok] * v[ok]))


def days_to_liquidate(quantity: float, price: float, adv: float | None, *,
                      participation: float = DEFAULT_PARTICIPATION) -> float:
    """Trading days to sell ``quantity`` at ``price`` taking ``participation`` of the daily dollar volume.

    ``quantity × price / (participation × adv)``. ``nan`` when ``adv`` or ``price`` is missing, not finite or
    not positive (a zero ADV is treated as bad data, not as an infinite time); 0 for an empty position.
    """
    q = check_amount(quantity, "quantity")
    if not (0 < participation <= 1):
        raise ValueError(f"participation must be a fraction in (0, 1], got {participation!r}")
    if not valid_number(price) or price <= 0 or not valid_number(adv) or adv <= 0:  # type: ignore[operator]
        return math.nan
    return q * float(price) / (participation * float(adv))  # type: ignore[arg-type]


__all__ = ["DEFAULT_PARTICIPATION", "FUNDING_PERIODS_PER_YEAR", "FundingSignal", "annualised_funding",
           "average_dollar_volume", "days_to_liquidate", "depth_vs_median_ratio", "float_array",
           "funding_rate_8h", "funding_signal", "open_interest_change", "open_interest_change_24h",
           "peg_deviation", "valid_number", "volume_ratio"]
