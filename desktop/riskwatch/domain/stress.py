"""Stress tests: shocks and historical scenarios applied to the current holdings (pure functions), and the
alert rules that would fire right after a shock.

The shocks and their conventions live in :mod:`riskwatch.domain.stress_shocks`, the types in
:mod:`riskwatch.domain.stress_model`, the weekend gap in :mod:`riskwatch.domain.stress_weekend`; this module
holds the rules under stress and re-exports the public names.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain import catalogue
from riskwatch.domain.alerts import AlertState, Rule, Severity, evaluate, preview
from riskwatch.domain.errors import InputError
from riskwatch.domain.model import MINER_SYMBOLS, Asset, AssetKind, utc
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue, Snapshot, metric_key
from riskwatch.domain.stress_model import (
    AI_UNWIND_QQQ_SHOCK,
    BTC,
    BTC_SHOCK_PRESETS,
    HISTORICAL_SCENARIOS,
    QQQ,
    Basis,
    Flag,
    HistoricalScenario,
    Holding,
    StressPosition,
    StressResult,
    historical_scenarios,
    scenario,
)
from riskwatch.domain.stress_shocks import (
    beta_shock,
    betas_from_report,
    historical_shock,
    holdings_from_report,
    period_closes,
    worst_move,
)
from riskwatch.domain.stress_weekend import weekend_gap, weekend_gap_for_report


# -- alert rules under stress -------------------------------------------------------------------------
#: Snapshot metrics a shock changes (the catalogue's ``stressed`` flag); everything else (volatility, VaR, price
#: age …) is left out.
STRESSED_ASSET_METRICS = catalogue.codes(stressed=True)
_DRAWDOWN_LIKE = ("drop_from_high", "drawdown")


def _post(current: float | None, shock: float, *, floor_zero: bool) -> float:
    v = (1.0 + (current or 0.0)) * (1.0 + shock) - 1.0
    return min(v, 0.0) if floor_zero else v


def stressed_snapshot(result: StressResult, snapshot: Snapshot | None = None, *,
                      now: datetime | None = None) -> Snapshot:
    """The Snapshot the rules would see right after the shock.

    Per shocked asset (held or driver) and for the portfolio, every drawdown-like figure ``d`` becomes
    ``(1 + d) × (1 + shock) − 1`` (capped at 0): the shock is an instantaneous move from the current price and
    the high it is measured against does not change. That is exact for drawdown from the peak and for the drop
    from the 30-day high as long as the high stays inside the window. Returns over a window compound the same
    way (``return:1D`` becomes today's return so far compounded with the shock). A figure missing from
    ``snapshot`` counts as 0 (the asset at its high). The portfolio's shock is ``value after / value before −
    1``; its ``largest_weight`` and ``hhi`` are those of the new weights. Other metrics are not included.
    An asset whose move is unknown (``result.lacking_beta``) gets no stressed figure, and while there is one
    the portfolio gets none either: a rule is not judged on a move nobody knows.
    """
    if snapshot is None and now is None:
        raise ValueError("stressed_snapshot needs the current snapshot or now")
    ts = snapshot.ts if snapshot is not None else utc(now)  # type: ignore[arg-type]
    assets = dict(snapshot.assets) if snapshot is not None else {}
    for p in result.positions:
        if not p.shock_known:
            continue
        if p.symbol not in assets and p.kind is not None:
            assets[p.symbol] = Asset(p.symbol, p.kind)
        elif p.symbol not in assets:
            kind = AssetKind.EQUITY if p.symbol in MINER_SYMBOLS else AssetKind.CRYPTO
            assets[p.symbol] = Asset(p.symbol, kind)
    values: dict[tuple[str, str], MetricValue] = {}

    def put(scope: str, base_keys: Iterable[str], shock: float) -> None:
        keys = dict.fromkeys(base_keys)
        if snapshot is not None:
            for s, k in snapshot.values:
                if s == scope and k.partition(":")[0] in STRESSED_ASSET_METRICS:
                    keys.setdefault(k)
        for k in keys:
            cur = snapshot.value(scope, k) if snapshot is not None else None
            floor = k.partition(":")[0] in _DRAWDOWN_LIKE
            values[(scope, k)] = MetricValue(_post(cur, shock, floor_zero=floor), DataStatus.OK, ts)

    asset_keys = (metric_key("drop_from_high", "30D"), "drawdown", metric_key("return", "1D"))
    for sym, shock in result.shocks.items():
        put(sym, asset_keys, shock)
    if result.value_before > 0 and result.complete:
        put(PORTFOLIO, (metric_key("drop_from_high", "30D"), "drawdown"), result.pnl_pct or 0.0)
        weights = [p.weight_after for p in result.positions if p.weight_after is not None]
        if weights:
            values[(PORTFOLIO, "largest_weight")] = MetricValue(max(weights), DataStatus.OK, ts)
            values[(PORTFOLIO, "hhi")] = MetricValue(sum(w * w for w in weights), DataStatus.OK, ts)
    return Snapshot(ts, values, assets, True)


@dataclass(frozen=True)
class WouldFire:
    """A rule that would fire for ``member`` after the shock; ``fires_now`` when it fires already today."""

    rule_key: str
    rule_name: str
    severity: Severity
    member: str
    metric: str
    value: float | None
    threshold: float
    fires_now: bool = False


def _firing(snapshot: Snapshot, rules: Sequence[Rule]) -> dict[tuple[str, str], WouldFire]:
    """(group, member) -> the strongest firing rule, as a fresh alert state would fire it."""
    out: dict[tuple[str, str], WouldFire] = {}
    try:
        events, _ = evaluate(snapshot, rules, AlertState(), snapshot.ts)
        for e in events:
            group = e.alert_key.rpartition("|")[0]
            out[(group, e.member)] = WouldFire(e.rule_key, e.rule_name, e.severity, e.member, e.metric, e.value,
                                               e.threshold if e.threshold is not None else math.nan)
    except InputError:  # an inconsistent rule set: fall back to each rule on its own
        for r in rules:
            for member, value, fires in preview(r, snapshot):
                key = (r.group, member)
                if fires and (key not in out or out[key].severity.rank < r.severity.rank):
                    out[key] = WouldFire(r.key, r.name, r.severity, member, r.metric_key, value, r.threshold)
    return out


def rules_that_would_fire(result: StressResult, rules: Sequence[Rule], snapshot: Snapshot | None = None, *,
                          now: datetime | None = None) -> list[WouldFire]:
    """The enabled rules that would fire after the shock (per member, the strongest rule of a group).

    Evaluated with the real engine on a fresh alert state against :func:`stressed_snapshot`; ``fires_now``
    tells whether the same rule (same level) fires on today's values of the same figures. Most severe first.
    """
    usable = [r for r in rules if r.enabled and r.key]
    post = stressed_snapshot(result, snapshot, now=now)
    after = _firing(post, usable)
    before: dict = {}
    if snapshot is not None:
        same = {k: v for k, v in snapshot.values.items() if k in post.values}
        before = _firing(Snapshot(snapshot.ts, same, post.assets, True), usable)
    out = [WouldFire(w.rule_key, w.rule_name, w.severity, w.member, w.metric, w.value, w.threshold,
                     key in before and before[key].rule_key == w.rule_key) for key, w in after.items()]
    return sorted(out, key=lambda w: (-w.severity.rank, w.member != PORTFOLIO, w.member, w.rule_key))


__all__ = [
    "BTC", "QQQ", "STRESSED_ASSET_METRICS", "AI_UNWIND_QQQ_SHOCK", "BTC_SHOCK_PRESETS", "Basis", "Flag", "HISTORICAL_SCENARIOS", "HistoricalScenario",
    "Holding", "StressPosition", "StressResult", "WouldFire", "beta_shock", "betas_from_report",
    "historical_scenarios", "historical_shock", "holdings_from_report", "period_closes", "rules_that_would_fire",
    "scenario", "stressed_snapshot", "weekend_gap", "weekend_gap_for_report", "worst_move",
]
