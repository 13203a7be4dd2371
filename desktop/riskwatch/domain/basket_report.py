"""The baskets' figures of one cycle: which constituents count, the figures, and their status and as-of time.

A constituent whose daily closes are stale (its series stopped) is left out of the basket and named, as long
as the constituents with current closes carry at least ``MIN_FRESH_WEIGHT`` of the basket's weight: a small
coin whose feed died does not make the whole CoinDesk 20 figure stale. Below that the basket is computed from
what it has and its figures are stale, as of the oldest constituent's last close (one window for all of them),
so a basket on old data never fires a rule; a series that ended long before the others is left out then too. The figures go into the Snapshot under the basket's code (``CD20``, ``MINER_BASKET``), where rules
read them like any asset's (``asset:CD20 drop_from_high:30D``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from riskwatch.domain.baskets import Basket, basket_figures
from riskwatch.domain.catalogue import Inputs
from riskwatch.domain.figure_status import inputs_of, put_figures
from riskwatch.domain.freshness import DataStatus, PriceState, worst
from riskwatch.domain.metric_inputs import History
from riskwatch.domain.model import AssetKind

MIN_FRESH_WEIGHT = 0.8
#: last closes this close together count as one date (a weekend and a holiday of the stock exchange)
_SAME_DATE_NS = 7 * 86_400_000_000_000


@dataclass(frozen=True)
class BasketFigures:
    """One basket as the panel shows it. ``weights``: the renormalised weights it was bought with at the start
    of the 30-day window; ``missing``: constituents without a price then (not listed, no history);
    ``stale``: constituents left out because their closes are stale, with the as-of time of their data."""

    code: str
    kind: AssetKind
    origin: str
    factsheet_as_of: date | None
    constituents: int
    weights: tuple[tuple[str, float], ...]
    missing: tuple[str, ...]
    stale: tuple[tuple[str, datetime | None], ...]
    status: DataStatus
    as_of: datetime | None
    sample: bool
    figures: Mapping[str, float | None] = field(default_factory=dict)
    covered_weight: float = 1.0   # share of the basket's weight (as defined) that has a price in it


def _closes_key(h: History) -> tuple:
    t, x = h.daily_times, h.daily_prices
    return (len(t), int(t[0]), int(t[-1]), float(x[-1])) if len(t) else (0,)


def basket_values(baskets: Sequence[Basket], histories: Mapping[str, History], states: Mapping[str, PriceState],
                  benchmarks: Mapping[str, History], cache: dict | None = None) -> tuple[dict, tuple[BasketFigures, ...]]:
    """The Snapshot values ``{(code, key): MetricValue}`` of every basket and what the panel shows of each.

    ``cache``: kept between cycles; a basket's figures are reused while its constituents' and the benchmarks'
    closes are the same (they change once a day; the cycle runs every 15 seconds)."""
    values: dict = {}
    shown: list[BasketFigures] = []
    for basket in baskets:
        with_closes = [s for s in basket.symbols if s in histories and len(histories[s].daily_times)]
        weight = dict(basket.weights)
        total = sum(weight.values())
        fresh = [s for s in with_closes if s not in states or states[s].inputs(Inputs.DAILY)[0].usable]
        if sum(weight[s] for s in fresh) >= MIN_FRESH_WEIGHT * total:
            used, left_out, common = fresh, [s for s in with_closes if s not in fresh], False
        else:  # too little current data: the basket of what there is, stale as a whole, as of its oldest close
            # … leaving out a series that ended long before the others (BITF's history stopping in April 2025
            # must not date the whole miner basket back to it) while the rest still carries the basket
            newest = max(int(histories[s].daily_times[-1]) for s in with_closes) if with_closes else 0
            recent = [s for s in with_closes if newest - int(histories[s].daily_times[-1]) <= _SAME_DATE_NS]
            if sum(weight[s] for s in recent) >= MIN_FRESH_WEIGHT * total:
                used, left_out = recent, [s for s in with_closes if s not in recent]
            else:
                used, left_out = with_closes, []
            common = True
        series = {s: (histories[s].daily_times, histories[s].daily_prices) for s in used}
        chosen = replace(basket, weights=tuple((s, w) for s, w in basket.weights if s in used)) if used else basket
        key = ("basket", chosen.code, chosen.weights, chosen.kind, common,
               tuple(_closes_key(histories[s]) for s in used),
               tuple((b, _closes_key(h)) for b, h in sorted(benchmarks.items())))
        if cache is not None and key in cache:
            figs, path = cache[key]
        else:
            figs, path = basket_figures(chosen, series, benchmarks, common_end=common) if used else ({}, None)
            if cache is not None:
                if len(cache) > 512:
                    cache.clear()
                cache[key] = (figs, path)
        put_figures(values, basket.code, figs, used, states, histories, single_path=False)
        ins = [inputs_of(s, Inputs.DAILY, None, states, histories) for s in used]
        dates = [i[1] for i in ins if i[1] is not None]
        in_path = {s for s, _ in path.weights} if path is not None else set()
        missing = tuple(s for s in basket.symbols if s not in in_path and s not in left_out)
        shown.append(BasketFigures(
            basket.code, basket.kind, basket.origin, basket.as_of, len(basket.symbols),
            path.weights if path is not None else (), missing,
            tuple((s, states[s].daily_as_of) for s in left_out),
            worst(i[0] for i in ins) if ins else DataStatus.MISSING, min(dates) if dates else None,
            any(i[2] for i in ins), figs, covered_weight=sum(weight[s] for s in in_path) / total if total else 0.0))
    return values, tuple(shown)


__all__ = ["MIN_FRESH_WEIGHT", "BasketFigures", "basket_values"]
