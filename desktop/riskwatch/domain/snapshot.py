"""The Snapshot: every figure of one monitoring cycle, keyed by scope and metric, as rules read them.

Producers (risk metrics, liquidity signals, price ages) put values in; the alert engine, the dashboard and
``riskwatch check`` read them. A value of ``None`` means *unavailable* (missing or bad data): it is shown as
such and never fires a rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.model import Asset, utc

PORTFOLIO = "portfolio"  # the scope key of portfolio-level figures
MARKET = "market"        # the scope key of the market regime (the whole risk-on complex)


def metric_key(metric: str, window: str | None = None) -> str:
    """``metric_key("drop_from_high", "30D") == "drop_from_high:30D"``; no window: the bare metric."""
    return f"{metric}:{window}" if window else metric


@dataclass(frozen=True)
class MetricValue:
    """One figure. Fractions for returns/drawdowns (−0.17 = 17 % down), seconds for ages."""

    value: float | None
    status: DataStatus = DataStatus.OK
    as_of: datetime | None = None   # the as-of time of the inputs (the newest price or close it was computed from)
    detail: str = ""                # a code: why it is unavailable, "mixed_dates", "sample_data" …

    def __post_init__(self) -> None:
        # statuses read back from the store or a worker process arrive as plain strings
        object.__setattr__(self, "status", DataStatus(self.status))

    @property
    def available(self) -> bool:
        return self.value is not None and self.status.usable


@dataclass(frozen=True)
class Snapshot:
    ts: datetime
    values: Mapping[tuple[str, str], MetricValue] = field(default_factory=dict)
    assets: Mapping[str, Asset] = field(default_factory=dict)
    online: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "ts", utc(self.ts))
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))
        object.__setattr__(self, "assets", MappingProxyType(dict(self.assets)))

    def __reduce__(self):
        """Picklable (the report is computed in a worker process): rebuilt from plain dicts."""
        return (Snapshot, (self.ts, dict(self.values), dict(self.assets), self.online))

    def get(self, scope: str, key: str) -> MetricValue | None:
        return self.values.get((scope, key))

    def value(self, scope: str, key: str) -> float | None:
        mv = self.values.get((scope, key))
        return mv.value if mv is not None and mv.available else None

    def scopes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for s, _ in self.values))

    def with_values(self, extra: Mapping[tuple[str, str], MetricValue] | Iterable) -> Snapshot:
        merged = dict(self.values)
        merged.update(dict(extra))
        return Snapshot(self.ts, merged, self.assets, self.online)
