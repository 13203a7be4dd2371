"""Traffic lights of the liquidity tab: the alert rules' thresholds on liquidity metrics, and which light a value
gets (red past a critical threshold, amber past a warning or info one, green otherwise; none without a rule)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from riskwatch.domain.catalogue import LIQUIDITY_METRICS
from riskwatch.domain.snapshot import PORTFOLIO
from riskwatch.gui.theme import SEVERITY_LIGHT, severity_rank

# the colours of the lights are theme roles (riskwatch.gui.theme: good, amber, bad, neutral)
GREEN, AMBER, RED = "green", "amber", "red"


@dataclass(frozen=True)
class Threshold:
    """One alert threshold as the traffic lights read it. ``scope`` None: every scope that has the metric."""

    metric: str
    comparator: str     # "<", "<=", ">", ">="
    value: float
    severity: str       # info | warning | critical
    scope: str | None = None

    def crossed(self, value: float) -> bool:
        return {"<": value < self.value, "<=": value <= self.value, ">": value > self.value,
                ">=": value >= self.value}.get(self.comparator, False)

    def applies(self, scope: str) -> bool:
        if self.scope is None:
            return scope != PORTFOLIO
        return self.scope == scope


def thresholds_from_rules(rules: Iterable, metric_keys: Iterable[str] = LIQUIDITY_METRICS) -> tuple[Threshold, ...]:
    """The traffic-light thresholds of the enabled alert rules (``domain.alerts.Rule``) whose metric key (metric
    and window, ``drawdown`` or ``drop_from_high:30D``) is one of ``metric_keys``; by default the liquidity
    metrics, which take no window."""
    keys = frozenset(metric_keys)
    out = []
    for r in rules:
        if not getattr(r, "enabled", True) or r.metric_key not in keys:
            continue
        stype = r.scope.type
        scope = r.scope.symbol if stype == "asset" else (PORTFOLIO if stype == "portfolio" else None)
        out.append(Threshold(r.metric_key, str(r.comparator), float(r.threshold), str(r.severity), scope))
    return tuple(out)


def traffic_light(thresholds: Iterable[Threshold], scope: str, metric: str, value: float | None) -> str | None:
    """RED / AMBER / GREEN for ``value``; None when no threshold applies or the value is unavailable."""
    applicable = [t for t in thresholds if t.metric == metric and t.applies(scope)]
    if not applicable or value is None or not math.isfinite(value):
        return None
    crossed = [t for t in applicable if t.crossed(value)]
    if not crossed:
        return GREEN
    return SEVERITY_LIGHT.get(max(crossed, key=lambda t: severity_rank(t.severity)).severity, AMBER)


def usable_value(mv) -> float | None:
    """The value of a MetricValue when it is available, else None (unavailable is never shown as zero)."""
    if mv is None:
        return None
    if mv.value is None or not mv.available:
        return None
    value = mv.value
    v = float(value)
    return v if math.isfinite(v) else None
