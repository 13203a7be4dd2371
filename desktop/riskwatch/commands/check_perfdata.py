"""Performance data of ``check`` in the Nagios plugin format: ``'label'=value[UOM];[warn];[crit];[min];[max]``.

Units: fractions as percent (``-17.8%``), ages in seconds (``s``), money and plain numbers without a unit (the
plugin format knows no currency). ``value`` is ``U`` when the figure is unavailable or stale (a grapher must not
draw an old figure as today's); the status line says why. ``warn``/``crit`` are the thresholds of the enabled
warning and critical rules on that figure and member, in the figure's unit and in the plugin's range syntax
(``-17:`` alerts below −17, ``~:50`` above 50), empty when there is none; ``min``/``max`` are the metric's
range from the catalogue. Labels are ``portfolio_<metric>`` and ``<SYMBOL>_<metric>`` (``drop_from_high:30D``
becomes ``drop_from_high_30d``); one with a space, ``=`` or ``'`` is quoted (``'`` doubled).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from riskwatch.commands.check_verdict import network_signal
from riskwatch.domain.catalogue import Unit, spec
from riskwatch.domain.rules import usable_statuses
from riskwatch.domain.snapshot import PORTFOLIO

#: The figures every run reports (more come from the user's rules), by scope.
PORTFOLIO_FIGURES = ("drawdown", "drop_from_high:30D", "max_drawdown", "var_95", "es_95")
ASSET_FIGURES = ("drop_from_high:30D", "drawdown", "max_drawdown", "price_age")


def label(text: str) -> str:
    """``text`` as a perfdata label, quoted when it must be."""
    if any(c in text for c in " ='") or not text:
        return "'" + text.replace("'", "''") + "'"
    return text


def number(x: float) -> str:
    """A plain decimal (the format has no exponent), at most 6 decimals, no trailing zeros, no ``-0``."""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _unit(metric: str) -> tuple[str, float]:
    sp = spec(metric)
    if sp is None:
        return "", 1.0
    if sp.unit is Unit.FRACTION:
        return "%", 100.0
    if sp.unit is Unit.SECONDS:
        return "s", 1.0
    return "", 1.0


def _threshold(rules: Sequence, scale: float) -> str:
    """The plugin range of the rule that fires first (several rules of one severity: the strictest)."""
    if not rules:
        return ""
    low = [r for r in rules if r.comparator.low_is_bad]
    if low:
        return f"{number(max(r.threshold for r in low) * scale)}:"
    return f"~:{number(min(r.threshold for r in rules) * scale)}"


def _key_label(member: str, key: str, max_drawdown_days: int) -> str:
    name = f"max_drawdown_{max_drawdown_days}d" if key == "max_drawdown" else key.replace(":", "_").lower()
    return f"{'portfolio' if member == PORTFOLIO else member}_{name}"


def perfdata(report, rules: Iterable, *, max_drawdown_days: int) -> str:
    """The perfdata items of one cycle, space-separated (the text after ``|`` on the first line)."""
    snapshot = report.snapshot
    rules = [r for r in rules if r.enabled and r.severity in ("warning", "critical")]
    members = ([PORTFOLIO] if report.portfolio is not None else []) + [a.symbol for a in report.assets]
    wanted: dict[tuple[str, str], None] = {}
    for m in members:
        for key in PORTFOLIO_FIGURES if m == PORTFOLIO else ASSET_FIGURES:
            wanted[(m, key)] = None
    covering: dict[tuple[str, str], list] = {}
    for rule in rules:
        for m in rule.scope.members(snapshot):
            # a figure this member never has (a coin's days to liquidate) is left out; an exchange signal that
            # did not arrive stays, as U
            if m in members and (snapshot.get(m, rule.metric_key) is not None
                                 or network_signal(snapshot, m, rule.metric)):
                wanted[(m, rule.metric_key)] = None
                covering.setdefault((m, rule.metric_key), []).append(rule)
    items = []
    pf = report.portfolio
    if pf is not None and pf.value is not None:  # stale holdings make the sum a mix of dates: U
        items.append(f"{label('portfolio_value')}={number(pf.value) if pf.status.usable else 'U'};;;0;")
    for (m, key) in wanted:
        metric = key.split(":", 1)[0]
        uom, scale = _unit(metric)
        mv = snapshot.get(m, key)
        ok = (mv is not None and mv.value is not None and mv.status in usable_statuses(metric)
              and math.isfinite(float(mv.value)))
        value = number(float(mv.value) * scale) if ok else "U"
        sp = spec(metric)
        lo = number(sp.low * scale) if sp is not None and sp.low is not None else ""
        hi = number(sp.high * scale) if sp is not None and sp.high is not None else ""
        rs = covering.get((m, key), [])
        warn = _threshold([r for r in rs if r.severity == "warning"], scale)
        crit = _threshold([r for r in rs if r.severity == "critical"], scale)
        items.append(f"{label(_key_label(m, key, max_drawdown_days))}={value}{uom if ok else ''};"
                     f"{warn};{crit};{lo};{hi}")
    return " ".join(items)


__all__ = ["ASSET_FIGURES", "PORTFOLIO_FIGURES", "label", "number", "perfdata"]
