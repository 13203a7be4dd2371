"""Alert thresholds per symbol, for traffic lights and chart lines (no pandas: used on the start-up path)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone

from riskwatch.domain.alerts import Rule, Scope
from riskwatch.domain.model import Asset
from riskwatch.domain.snapshot import Snapshot


def drop_thresholds(rules: Iterable[Rule], assets: Mapping[str, Asset], window: str = "30D"
                    ) -> dict[str, tuple[float, ...]]:
    """Per symbol, the enabled thresholds of the rules on the drop from the trailing ``window`` high."""
    snap = Snapshot(datetime.now(timezone.utc), {}, assets)
    out: dict[str, list[float]] = {}
    for r in rules:
        if not r.enabled or r.metric != "drop_from_high" or (r.window or "") != window:
            continue
        scope = r.scope if isinstance(r.scope, Scope) else Scope.parse(r.scope)
        for member in scope.members(snap):
            out.setdefault(member, []).append(float(r.threshold))
    return {s: tuple(sorted(set(v), reverse=True)) for s, v in out.items()}


def traffic_thresholds(thresholds: Mapping[str, tuple[float, ...]]) -> dict[str, tuple[float | None, float | None]]:
    """(warning, critical) per symbol: the mildest threshold warns, a second, deeper one is critical."""
    out = {}
    for s, ths in thresholds.items():
        ths = sorted(ths, reverse=True)
        out[s] = (ths[0] if ths else None, ths[1] if len(ths) > 1 else None)
    return out
