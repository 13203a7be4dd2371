"""The status and as-of time of each figure, from the freshness of its inputs (per the metric catalogue).

Shared by the risk report (assets, the portfolio) and the baskets: a figure takes the worst status of the inputs
it is computed from and is dated by the oldest of them (see ``PriceState.inputs``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import pandas as pd

from riskwatch.domain.catalogue import Inputs, spec
from riskwatch.domain.freshness import DataStatus, PriceState, worst
from riskwatch.domain.metric_inputs import History
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue


def _utc_ns(ns) -> datetime:
    return pd.Timestamp(int(ns), tz="UTC").to_pydatetime()


def inputs_of(sym: str, inputs: Inputs, benchmark: str | None, states: Mapping[str, PriceState],
               histories: Mapping[str, History], *, bound: bool = False) -> tuple[DataStatus, datetime | None, bool]:
    """Status, as-of time and sample flag of one asset's inputs of a kind (and of the benchmark it needs)."""
    st = states.get(sym)
    if st is None:  # not assessed (a bare report): as of the newest input it has
        h = histories[sym]
        times = h.daily_times if inputs is Inputs.DAILY else h.times
        return DataStatus.OK, (_utc_ns(times[-1]) if len(times) else None), False
    status, as_of = st.inputs(inputs, bound=bound)
    sample = st.sample
    bench = states.get(benchmark) if benchmark and benchmark != sym else None
    if bench is not None:
        b_status, b_as_of = bench.inputs(Inputs.DAILY)
        if b_status.rank > status.rank:
            status, as_of = b_status, b_as_of
        sample = sample or bench.sample
    return status, as_of, sample


def put_figures(values: dict, scope: str, figs: Mapping[str, float | None], members: Sequence[str],
                states: Mapping[str, PriceState], histories: Mapping[str, History], *,
                single_path: bool | None = None) -> None:
    """Put one scope's figures: the worst status of its members' inputs, as of the oldest of them. A portfolio
    figure of holdings on different dates with one of them stale is marked ``mixed_dates``. ``single_path``:
    the scope is one asset's own price path (default: any scope but the portfolio), where a ``bound`` holds."""
    single = scope != PORTFOLIO if single_path is None else single_path
    # one scope's figures share a handful of input kinds: worked out once per kind (a basket has 20 members)
    summaries: dict[tuple, tuple[DataStatus, datetime | None, str]] = {}
    for key, v in figs.items():
        sp = spec(key.partition(":")[0])
        # a bound holds for one asset's own path, not for a portfolio of paths on different dates
        bound = bool(sp.bound) and single
        kind = (sp.inputs, sp.benchmark, bound)
        if kind not in summaries:
            summaries[kind] = _summary([inputs_of(s, sp.inputs, sp.benchmark, states, histories, bound=bound)
                                        for s in members])
        status, as_of, detail = summaries[kind]
        # a figure its stale inputs could not give (a beta of a series that stopped) is stale, not just missing
        missing = v is None and status.usable
        values[(scope, key)] = MetricValue(v, DataStatus.MISSING if missing else status, as_of, detail)


def _summary(ins: Sequence[tuple[DataStatus, datetime | None, bool]]) -> tuple[DataStatus, datetime | None, str]:
    status = worst(i[0] for i in ins)
    dates = [i[1] for i in ins if i[1] is not None]
    detail = ""
    if any(i[2] for i in ins):
        detail = "sample_data"
    elif len(ins) > 1 and not status.usable and any(i[0].usable for i in ins):
        detail = "mixed_dates"
    return status, (min(dates) if dates else None), detail


def portfolio_time(priced: Sequence[str], states: Mapping[str, PriceState],
                    histories: Mapping[str, History]) -> dict:
    ins = {s: inputs_of(s, Inputs.PRICE, None, states, histories) for s in priced}
    dates = [i[1] for i in ins.values() if i[1] is not None]
    return dict(status=worst(i[0] for i in ins.values()), as_of=min(dates) if dates else None,
                stale=tuple((s, i[1]) for s, i in ins.items() if i[0] is DataStatus.STALE))


__all__ = ["inputs_of", "portfolio_time", "put_figures"]
