"""What the catalogue's metric functions compute from: one scope's prices as aligned numpy arrays.

A :class:`History` is built once per asset (its daily closes plus the live quote) and once for the portfolio
(the value of the current holdings over time). Every metric function of :mod:`riskwatch.domain.metric_functions`
takes ``(history, window)``; the windowed slices, the daily returns and the benchmark-aligned returns they share
are computed once per history and memoised, so ten figures of one asset cost one pass over its closes.
Pandas only appears at the edge (:func:`asset_history` reads a Series); the rest is numpy on int64
nanoseconds, because the pandas glue (alignment, concat, index slicing) used to cost more than the metrics.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from riskwatch.domain import metrics as m

#: 1-day historical VaR/ES use the daily closes of the last 365 calendar days.
VAR_LOOKBACK = pd.Timedelta(days=365)
VAR_MIN_RETURNS = 20   # fewer daily returns in the lookback: VaR/ES are unavailable
BETA_MIN_RETURNS = 10  # fewer aligned returns in the window: beta/correlation are unavailable
#: An asset whose last daily close lies further from its benchmark's than this has no beta: its 90-day window
#: would describe a past period of one of the two (BITF's history ending in April against BTC's November).
#: A week covers weekends and exchange holidays of a stock against 24/7 BTC.
BETA_MAX_LAG = pd.Timedelta(days=7)


@dataclass(frozen=True)
class Member:
    """A held position as the portfolio's figures see it: its weight and its per-asset figures."""

    symbol: str
    weight: float
    is_miner: bool
    figures: Mapping[str, float | None]   # metric key (code:window) -> value
    stale: bool = False                   # its inputs are stale (the report's freshness rule): it contributes nothing


@dataclass(frozen=True)
class MinerCoverage:
    """Which held miners contributed to the portfolio's miner beta: ``str()`` is ``"2/5"`` (the snapshot's
    ``detail``), so "not available (2 of 5 miners)" can be said."""

    contributed: tuple[str, ...]
    held: tuple[str, ...]

    def __str__(self) -> str:
        return f"{len(self.contributed)}/{len(self.held)}"


def miner_coverage(members: tuple[Member, ...], key: str) -> MinerCoverage:
    """The held miners, and those whose figure ``key`` (e.g. ``beta_btc:90D``) is usable: known, not stale,
    with a weight. The portfolio's miner beta is the value-weighted mean over exactly those."""
    miners = [mb for mb in members if mb.is_miner]
    ok = tuple(mb.symbol for mb in miners if mb.figures.get(key) is not None and not mb.stale and mb.weight)
    return MinerCoverage(ok, tuple(mb.symbol for mb in miners))


@dataclass(eq=False)
class History:
    """One scope's price path. ``times``/``prices``: every point, the live one last when it is newer than the
    last close; ``daily_times``/``daily_prices``: the daily closes only. int64 ns and float64, ascending.

    ``benchmarks``: the daily histories of BTC and QQQ for beta/correlation. ``members``: the held positions
    (portfolio only; empty for an asset).
    """

    times: np.ndarray
    prices: np.ndarray
    daily_times: np.ndarray
    daily_prices: np.ndarray
    periods_per_year: float = 365.0
    benchmarks: Mapping[str, History] = field(default_factory=dict)
    members: tuple[Member, ...] = ()
    is_portfolio: bool = False
    _memo: dict = field(default_factory=dict, repr=False)

    def since(self, window: str | pd.Timedelta, *, daily: bool = False) -> np.ndarray:
        """The prices of the calendar window ``(t_last − W, t_last]`` (of all points, or of the daily closes)."""
        key = ("since", str(window), daily)
        if key not in self._memo:
            t, x = (self.daily_times, self.daily_prices) if daily else (self.times, self.prices)
            self._memo[key] = x[np.searchsorted(t, t[-1] - m.window_ns(window), side="right"):] if len(t) else x
        return self._memo[key]

    def daily_returns(self, window: str | pd.Timedelta) -> np.ndarray:
        """Simple returns of consecutive daily closes inside the window (one fewer than the closes)."""
        key = ("returns", str(window))
        if key not in self._memo:
            x = self.since(window, daily=True)
            self._memo[key] = x[1:] / x[:-1] - 1.0
        return self._memo[key]

    def aligned_returns(self, benchmark: str, window: str) -> tuple[np.ndarray, np.ndarray] | None:
        """Daily returns of this history and a benchmark over identical intervals inside the window.

        Both are restricted to the timestamps where both have a close (as ``metrics.aligned_returns``): a 24/7
        crypto asset against QQQ is compared close-to-close on trading days. None without the benchmark, or when
        the last closes of the two lie more than ``BETA_MAX_LAG`` apart (the older one's input is stale).
        """
        b = self.benchmarks.get(benchmark)
        if b is None or len(b.daily_times) < 3 or len(self.daily_times) < 3:
            return None
        if abs(int(self.daily_times[-1]) - int(b.daily_times[-1])) > BETA_MAX_LAG.value:
            return None
        key = ("aligned", benchmark, window)
        if key not in self._memo:
            start = self.daily_times[-1] - m.window_ns(window)
            lo, blo = (np.searchsorted(t, start, side="right") for t in (self.daily_times, b.daily_times))
            t, bt = self.daily_times[lo:], b.daily_times[blo:]
            common, i, j = np.intersect1d(t, bt, assume_unique=True, return_indices=True)
            x, y = self.daily_prices[lo:][i], b.daily_prices[blo:][j]
            self._memo[key] = (x[1:] / x[:-1] - 1.0, y[1:] / y[:-1] - 1.0)
        return self._memo[key]

    def var_es(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Historical 1-day VaR and ES at 95 % and 99 % over the last 365 days: two arrays (95, 99)."""
        if "var_es" not in self._memo:
            r = self.daily_returns(VAR_LOOKBACK) if len(self.daily_times) >= 3 else np.empty(0)
            if len(r) < VAR_MIN_RETURNS:
                self._memo["var_es"] = None
            else:
                var, es = m.var_es_array(r, (0.95, 0.99))
                self._memo["var_es"] = (var[:, 0], es[:, 0])
        return self._memo["var_es"]


def _arrays(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Times (int64 ns) and prices of a Series without NaN, checked ascending and positive."""
    x = s.to_numpy(dtype=np.float64, na_value=np.nan)
    t = s.index.as_unit("ns").asi8 if isinstance(s.index, pd.DatetimeIndex) else np.asarray(s.index, np.int64)
    ok = ~np.isnan(x)
    if not ok.all():
        x, t = x[ok], t[ok]
    m._check_ascending(t, None)
    m._check_prices(x)
    return t, x


def asset_history(daily: pd.Series | None, live_price: float | None, live_ns: int | None,
                  periods_per_year: float, benchmarks: Mapping[str, History] | None = None) -> History:
    """An asset's history: its daily closes (USD), and the live quote appended when it is newer."""
    if daily is None or not len(daily):
        dt, dx = np.empty(0, np.int64), np.empty(0)
    else:
        dt, dx = _arrays(daily)
    t, x = dt, dx
    if live_price is not None and live_ns is not None and (not len(dt) or live_ns > dt[-1]):
        if len(dt):
            t, x = np.append(dt, live_ns), np.append(dx, live_price)
        else:  # a quote without any history: only the price-path figures of that single point
            t, x = np.array([live_ns], np.int64), np.array([float(live_price)])
    return History(t, x, dt, dx, periods_per_year, benchmarks or {})


def daily_history(daily: pd.Series) -> History:
    """A benchmark's daily closes as a History (no live point)."""
    t, x = _arrays(daily)
    return History(t, x, t, x)


_DAY_NS = 86_400_000_000_000


def portfolio_history(quantities: Mapping[str, float], histories: Mapping[str, History],
                      members: tuple[Member, ...] = ()) -> History | None:
    """Value of the current holdings over time (USD): each position's last price carried forward on the union
    of all timestamps, from the first timestamp at which every position has a price. The daily points are the
    midnight ones (the live point is not). None without a common history."""
    syms = [s for s in quantities if len(histories[s].times)]
    if not syms:
        return None
    union = np.unique(np.concatenate([histories[s].times for s in syms]))
    value = np.zeros(len(union))
    first = 0
    for s in syms:
        h = histories[s]
        pos = np.searchsorted(h.times, union, side="right") - 1
        first = max(first, int(np.searchsorted(pos, 0)))   # pos ascends: the first row with a price
        value += quantities[s] * h.prices[np.maximum(pos, 0)]
    t, x = union[first:], value[first:]
    if not len(t):
        return None
    day = t % _DAY_NS == 0
    return History(t, x, t[day], x[day], members=members, is_portfolio=True)


__all__ = ["BETA_MAX_LAG", "BETA_MIN_RETURNS", "VAR_LOOKBACK", "VAR_MIN_RETURNS", "History", "Member",
           "MinerCoverage", "asset_history", "miner_coverage",
           "daily_history", "portfolio_history"]
