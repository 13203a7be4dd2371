"""Traffic lights of the liquidity tab: the alert rules' thresholds on liquidity metrics, and which light a value
gets (red past a critical threshold, amber past a warning or info one, green otherwise; none without a rule)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from riskwatch.domain.liquidity import LIQUIDITY_METRICS
from riskwatch.domain.snapshot import PORTFOLIO, MetricStatus

GREEN, AMBER, RED = "green", "amber", "red"
# the colours of the lights are theme roles (riskwatch.gui.theme: good, amber, bad, neutral)
_SEVERITY_LIGHT = {"critical": RED, "warning": AMBER, "info": AMBER}
_SEVERITY_RANK = {"info": 0, "warning": 1, "critical": 2}


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


# The shipped liquidity rules (resources/rules/default_rules.json), used until set_rules() is called.
DEFAULT_THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("spread_bps", ">", 50.0, "warning"),
    Threshold("depth_2pct_ratio", "<", 0.5, "warning"),
    Threshold("slippage_exit", ">", 0.02, "warning"),
    Threshold("peg_deviation", ">", 0.005, "warning", "USDT"),
    Threshold("peg_deviation", ">", 0.02, "critical", "USDT"),
    Threshold("peg_deviation", ">", 0.005, "warning", "USDC"),
    Threshold("peg_deviation", ">", 0.02, "critical", "USDC"),
    Threshold("funding_8h", "<", -0.0005, "info", "BTC"),
    Threshold("funding_8h", ">", 0.001, "info", "BTC"),
    Threshold("volume_ratio", "<", 0.5, "info"),
    Threshold("days_to_liquidate", ">", 3.0, "warning"),
)


def thresholds_from_rules(rules: Iterable) -> tuple[Threshold, ...]:
    """The traffic-light thresholds of the enabled alert rules on liquidity metrics (``domain.alerts.Rule``)."""
    out = []
    for r in rules:
        if not getattr(r, "enabled", True) or r.metric not in LIQUIDITY_METRICS or getattr(r, "window", None):
            continue
        stype = getattr(r.scope.type, "value", r.scope.type)
        scope = r.scope.symbol if stype == "asset" else (PORTFOLIO if stype == "portfolio" else None)
        out.append(Threshold(r.metric, getattr(r.comparator, "value", r.comparator), float(r.threshold),
                             getattr(r.severity, "value", r.severity), scope))
    return tuple(out)


def traffic_light(thresholds: Iterable[Threshold], scope: str, metric: str, value: float | None) -> str | None:
    """RED / AMBER / GREEN for ``value``; None when no threshold applies or the value is unavailable."""
    applicable = [t for t in thresholds if t.metric == metric and t.applies(scope)]
    if not applicable or value is None or not math.isfinite(value):
        return None
    crossed = [t for t in applicable if t.crossed(value)]
    if not crossed:
        return GREEN
    return _SEVERITY_LIGHT[max(crossed, key=lambda t: _SEVERITY_RANK.get(t.severity, 0)).severity]


def usable_value(mv) -> float | None:
    """The value of a MetricValue when it is available, else None (unavailable is never shown as zero)."""
    if mv is None:
        return None
    value = getattr(mv, "value", None)
    status = getattr(mv, "status", MetricStatus.OK)
    if value is None or status not in (MetricStatus.OK, MetricStatus.MARKET_CLOSED):
        return None
    v = float(value)
    return v if math.isfinite(v) else None
