"""The market panel in ``riskwatch check``: the regime and the baskets in the JSON document, the regime on the
status line (only when it is not calm: a calm market is not news) and as performance data.

The regime's count is a lower bound while an indicator's data is stale (its values are ``bound``): the JSON
says which (``stale``), the perfdata shows the number anyway (a grapher may draw a lower bound), and only an
unavailable regime (too few usable indicators) is ``U``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from riskwatch.commands.check_perfdata import _threshold, label, number
from riskwatch.domain.catalogue import LIQUIDITY_METRICS
from riskwatch.domain.rules import ScopeType
from riskwatch.domain.snapshot import MARKET
from riskwatch.i18n import tr
from riskwatch.texts.catalog import QT_TRANSLATE_NOOP

#: The regime levels as the status line names them (German in the translation file, context "Cli").
LEVEL_TEXTS = {
    "calm": QT_TRANSLATE_NOOP("Cli", "calm"),
    "pressure": QT_TRANSLATE_NOOP("Cli", "under pressure"),
    "stressed": QT_TRANSLATE_NOOP("Cli", "stressed"),
}
_MESSAGES = (QT_TRANSLATE_NOOP("Cli", "Market: {level} ({count} of {total})"),
             QT_TRANSLATE_NOOP("Cli", "Market: unavailable (too few current indicators)"))


def _iso(ts):
    return ts.isoformat() if ts is not None else None


def regime_json(regime) -> dict | None:
    """The regime with every indicator's reading; None when the cycle evaluated none."""
    if regime is None:
        return None
    return {
        "level": regime.level_code, "count": regime.count, "usable": regime.usable, "stale": list(regime.stale),
        "as_of": _iso(regime.as_of), "indicators": [{
            "code": r.indicator.code, "scope": r.indicator.scope, "metric": r.indicator.metric,
            "comparator": r.indicator.comparator.value, "threshold": r.indicator.threshold,
            "value": r.value, "status": str(r.status), "as_of": _iso(r.as_of), "beyond": r.beyond}
            for r in regime.readings]}


def baskets_json(report, metrics: Callable[[object, str], dict]) -> list[dict]:
    """Per basket what the panel shows; ``metrics(snapshot, scope)`` gives its catalogue figures (as an asset's)."""
    return [{
        "code": b.code, "origin": b.origin,
        "factsheet_as_of": b.factsheet_as_of.isoformat() if b.factsheet_as_of else None,
        "constituents": b.constituents, "weights": {s: w for s, w in b.weights}, "missing": list(b.missing),
        "stale": [{"symbol": s, "as_of": _iso(t)} for s, t in b.stale], "covered_weight": b.covered_weight,
        "status": str(b.status), "as_of": _iso(b.as_of), "sample": b.sample,
        "metrics": metrics(report.snapshot, b.code)}
        for b in getattr(report, "baskets", ())]


def market_json(result, metrics: Callable[[object, str], dict]) -> dict:
    return {"regime": regime_json(getattr(result, "regime", None)), "baskets": baskets_json(result.report, metrics)}


def liquidity_only(values) -> dict:
    """The liquidity signals of a cycle's extra values: not the regime's (market scope) nor anything else the
    cycle added besides them."""
    return {(scope, metric): mv for (scope, metric), mv in values.items()
            if scope != MARKET and metric.partition(":")[0] in LIQUIDITY_METRICS}


def regime_phrase(regime: dict | None, lang: str, *, calm: bool = False) -> str | None:
    """``Marktlage: angespannt (4 von 11)`` for the status line; None when unavailable or (unless ``calm``)
    calm. ``regime``: as :func:`regime_json` (``total`` is the number of its indicators)."""
    if not regime or regime.get("level") is None or (regime["level"] == "calm" and not calm):
        return None
    level = tr(LEVEL_TEXTS[regime["level"]], lang)
    return tr("Market: {level} ({count} of {total})", lang).format(
        level=level, count=regime["count"], total=len(regime.get("indicators") or ()))


def regime_unavailable(lang: str) -> str:
    return tr("Market: unavailable (too few current indicators)", lang)


def regime_perfdata(snapshot, rules: Iterable = ()) -> str:
    """``regime_level=1;1:;2:;0;2 regime_count=3;;;0;`` (``U`` while the regime is unavailable); warn/crit
    from the enabled market-scope rules on each figure."""
    rules = [r for r in rules if r.enabled and r.severity in ("warning", "critical") and r.scope.type is ScopeType.MARKET]
    items = []
    for key, hi in (("regime_level", "2"), ("regime_count", "")):
        mv = snapshot.get(MARKET, key)
        ok = mv is not None and mv.value is not None
        on = [r for r in rules if r.metric_key == key]
        warn = _threshold([r for r in on if r.severity == "warning"], 1.0)
        crit = _threshold([r for r in on if r.severity == "critical"], 1.0)
        items.append(f"{label(key)}={number(float(mv.value)) if ok else 'U'};{warn};{crit};0;{hi}")
    return " ".join(items)


__all__ = ["LEVEL_TEXTS", "baskets_json", "liquidity_only", "market_json", "regime_json", "regime_perfdata",
           "regime_phrase", "regime_unavailable"]
