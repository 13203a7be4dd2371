"""Baskets: a CoinDesk-20-like index of 20 coins and an equal-weight basket of miner stocks, priced like an asset.

No exchange lists a CoinDesk 20 ticker, so the app builds one from the constituents' own daily closes: the
factsheet's weights (or the user's), **bought at the start of each figure's window and held** (buy and hold, no
rebalancing inside the window), renormalised over the constituents that have a price at that start. A
constituent without one (not listed on the exchange, no history yet, a series that ended) is *missing* and
named, never priced at zero. The basket's level is 1.0 at the window's start.

Each figure of the catalogue's asset scope (drop from the 30-day high, 30-day return, beta and correlation to
BTC and QQQ …) is computed on the path bought at the start of *its* window: the 30-day return of the basket is
then exactly the weighted mean of the constituents' 30-day returns, ``Σ wᵢ rᵢ / Σ wᵢ`` over those with prices —
what "the CoinDesk 20 is 19.3 % down in 30 days" means. Figures without a window use a path bought
``SPAN_WITHOUT_WINDOW`` ago (VaR/ES use the last 365 days anyway).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from riskwatch.domain import metrics as m
from riskwatch.domain.catalogue import Scope, computed
from riskwatch.domain.metric_functions import RISE_WINDOWS
from riskwatch.domain.metric_inputs import History
from riskwatch.domain.basket_spec import (BASKET_CODES, CD20, LISTED_MINERS, MINER_BASKET, MINER_MODES, Basket,
                                          miner_basket)
from riskwatch.domain.snapshot import metric_key

SPAN_WITHOUT_WINDOW = "365D"
#: figures of two windows: each correlation on the path bought at the start of its own window, so that the rise
#: is the difference of the two correlations the panel shows (one path of a year would give another number)
FROM_WINDOWS = {f"corr_rise_{b}": tuple(f"corr_{b}:{w}" for w in RISE_WINDOWS) for b in ("btc", "qqq")}
#: a constituent's price at the window's start may be this old (a weekend and a holiday for stocks)
MAX_START_GAP_NS = 7 * 86_400_000_000_000


@dataclass(frozen=True)
class BasketPath:
    """The level of a basket bought at ``times[0]`` (1.0 there): int64 ns times and float64 levels, ascending.
    ``weights``: the renormalised weights it was bought with; ``missing``: constituents without a price then."""

    times: np.ndarray
    values: np.ndarray
    weights: tuple[tuple[str, float], ...]
    missing: tuple[str, ...]


def basket_path(weights: Sequence[tuple[str, float]], series: Mapping[str, tuple[np.ndarray, np.ndarray]],
                start_ns: int | None, union: np.ndarray | None = None) -> BasketPath:
    """Buy ``weights`` at the last common timestamp at or before ``start_ns`` and hold.

    ``series``: per symbol (times int64 ns, prices), ascending, positive. The basket's timestamps are the union of
    its members' from the start on; each member's last price is carried forward. A member is bought when it has
    a price at most ``MAX_START_GAP_NS`` before the start; the others are ``missing``. None ``start_ns``: the
    first timestamp of the union. ``union``: the members' timestamps merged already (it covers the start)."""
    present = [(s, w) for s, w in weights if s in series and len(series[s][0])]
    if not present:
        return BasketPath(np.empty(0, np.int64), np.empty(0), (), tuple(s for s, _ in weights))
    if union is None:
        union = np.unique(np.concatenate([series[s][0] for s, _ in present]))
    if start_ns is None:
        i0 = 0
    else:
        i0 = max(int(np.searchsorted(union, start_ns, side="right")) - 1, 0)
    t0 = union[i0]
    times = union[i0:]
    bought: list[tuple[str, float, np.ndarray, np.ndarray]] = []
    for s, w in present:
        t, x = series[s]
        j = int(np.searchsorted(t, t0, side="right")) - 1
        if j < 0 or t0 - t[j] > MAX_START_GAP_NS:
            continue
        bought.append((s, w, t, x))
    total = sum(w for _, w, _, _ in bought)
    missing = tuple(s for s, _ in weights if s not in {b[0] for b in bought})
    if not bought or total <= 0:
        return BasketPath(np.empty(0, np.int64), np.empty(0), (), missing)
    level = np.zeros(len(times))
    used = []
    for s, w, t, x in bought:
        pos = np.searchsorted(t, times, side="right") - 1
        p0 = x[int(np.searchsorted(t, t0, side="right")) - 1]
        level += (w / total) * x[pos] / p0   # pos ≥ 0: every member has a price at or before t0
        used.append((s, w / total))
    return BasketPath(times, level, tuple(used), missing)


def basket_figures(basket: Basket, series: Mapping[str, tuple[np.ndarray, np.ndarray]],
                   benchmarks: Mapping[str, History], *, panel_window: str = "30D",
                   common_end: bool = False) -> tuple[dict[str, float | None], BasketPath]:
    """Every catalogue figure of the asset scope for a basket, keyed ``code:window``, each on the path bought at
    the start of its window (see the module docstring); and the path bought at the start of ``panel_window``
    (whose weights and missing constituents the panel shows). The figures are as of the newest close of any
    constituent; ``common_end``: as of the oldest constituent's last close instead (a basket of stale series,
    dated by its oldest: its 30 days are then the same 30 days for every constituent)."""
    ppy = m.periods_per_year(basket.kind)
    ends = [series[s][0][-1] for s in basket.symbols if s in series and len(series[s][0])]
    out: dict[str, float | None] = {}
    if not ends:
        return out, basket_path(basket.weights, series, None)
    t_last = int(min(ends) if common_end else max(ends))
    if common_end:
        series = {s: (t[:np.searchsorted(t, t_last, side="right")], x[:np.searchsorted(t, t_last, side="right")])
                  for s, (t, x) in series.items()}
    spans = {w or SPAN_WITHOUT_WINDOW for sp in computed(Scope.ASSET) for w in (sp.windows or (None,))}
    # merged once, from just before the longest window: the whole history's timestamps are not needed
    oldest = t_last - max(m.window_ns(w) for w in spans) - MAX_START_GAP_NS
    tails = [t[np.searchsorted(t, oldest):] for t, _ in (series[s] for s in basket.symbols if s in series)]
    union = np.unique(np.concatenate(tails))
    paths: dict[str, tuple[BasketPath, History]] = {}

    def path_of(span: str) -> tuple[BasketPath, History]:
        if span not in paths:
            p = basket_path(basket.weights, series, t_last - m.window_ns(span), union)
            paths[span] = (p, History(p.times, p.values, p.times, p.values, ppy, benchmarks))
        return paths[span]

    for sp in computed(Scope.ASSET):
        for window in sp.windows or (None,):
            key = metric_key(sp.code, window)
            if key in FROM_WINDOWS:
                continue
            p, h = path_of(window or SPAN_WITHOUT_WINDOW)
            v = float(sp.function(h, window)) if len(p.times) else math.nan
            out[key] = v if math.isfinite(v) else None
    for key, (short, long) in FROM_WINDOWS.items():
        a, b = out.get(short), out.get(long)
        out[key] = a - b if a is not None and b is not None else None
    return out, path_of(panel_window)[0]


__all__ = ["BASKET_CODES", "CD20", "LISTED_MINERS", "MINER_BASKET", "MINER_MODES", "SPAN_WITHOUT_WINDOW", "Basket",
           "BasketPath", "basket_figures", "basket_path", "miner_basket"]
