"""Alert rules: severities, comparators, rule scopes, the :class:`Rule` itself and the checks of a rule set.

What a metric *is* (its threshold range, whether it takes a window, whether it needs the app online, which
statuses of its value a rule may read) comes from the metric catalogue (:mod:`riskwatch.domain.catalogue`);
a rule on a code the catalogue does not know (a stored rule of another version) is accepted with any finite
threshold and no window requirement, and simply finds no value. The engine is :mod:`riskwatch.domain.alerts`.

Scopes: one ``asset``; ``miners`` (snapshot assets with ``Asset.is_miner``); ``crypto`` (``AssetKind.CRYPTO``
only – stablecoins are excluded because price-drop rules make no sense for them; their own scope is
``stablecoins``, e.g. for a peg-deviation rule); ``all`` (every snapshot asset); ``portfolio``; ``market`` (the
market regime: ``regime_level``, ``regime_count``). The baskets are assets of their own: ``asset:CD20``,
``asset:MINER_BASKET``.

Rules may share an ``escalation_group``; a group's rules share metric, window, scope and comparator direction,
have distinct severities, and a more severe rule has a threshold strictly further in the bad direction
(checked by :func:`validate_rules`).
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from types import MappingProxyType

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.catalogue import CATALOGUE, Inputs
from riskwatch.domain.errors import InputError, Problem
from riskwatch.domain.model import AssetKind, normalize_symbol
from riskwatch.domain.snapshot import MARKET, PORTFOLIO, Snapshot, metric_key


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.CRITICAL: 2}


class Comparator(StrEnum):
    LE = "<="
    LT = "<"
    GE = ">="
    GT = ">"

    @property
    def low_is_bad(self) -> bool:
        return self in (Comparator.LE, Comparator.LT)

    def __call__(self, value: float, threshold: float) -> bool:
        return _OPS[self](value, threshold)


_OPS = {Comparator.LE: operator.le, Comparator.LT: operator.lt, Comparator.GE: operator.ge,
        Comparator.GT: operator.gt}


class ScopeType(StrEnum):
    ASSET = "asset"
    MINERS = "miners"
    CRYPTO = "crypto"
    STABLECOINS = "stablecoins"
    ALL = "all"
    PORTFOLIO = "portfolio"
    MARKET = "market"


#: Metrics whose rules are evaluated only while the app is online (an offline app has old prices by design).
ONLINE_ONLY_METRICS = frozenset(s.code for s in CATALOGUE.values() if s.online_only)
_USABLE = frozenset(s for s in DataStatus if s.usable)
#: Per-metric usable statuses: a figure that *is* the age of a price (``Inputs.CLOCK``) is usable when the price
#: is stale – that is exactly what a stale-price rule needs.
_USABLE_BY_METRIC = MappingProxyType({s.code: frozenset({DataStatus.OK, DataStatus.STALE})
                                      for s in CATALOGUE.values() if s.inputs is Inputs.CLOCK})
#: Threshold ranges of the catalogue's metrics (a code the catalogue does not know: any finite number).
METRIC_RANGES: Mapping[str, tuple[float | None, float | None]] = MappingProxyType({
    s.code: (s.low, s.high) for s in CATALOGUE.values() if s.low is not None or s.high is not None})
#: Metrics that need a window (``drop_from_high:30D``).
WINDOWED_METRICS = frozenset(s.code for s in CATALOGUE.values() if s.windowed)


def usable_statuses(metric: str) -> frozenset[DataStatus]:
    """The statuses of a value that a rule on ``metric`` reads (others: unavailable, nothing changes)."""
    return _USABLE_BY_METRIC.get(metric, _USABLE)


_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
_METRIC_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_WINDOW_RE = re.compile(r"^[1-9][0-9]{0,4}[A-Za-z]{1,3}$")
MAX_COOLDOWN = timedelta(days=30)


@dataclass(frozen=True)
class Scope:
    type: ScopeType
    symbol: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", ScopeType(self.type))
        if self.type is ScopeType.ASSET:
            object.__setattr__(self, "symbol", normalize_symbol(self.symbol or ""))
        elif self.symbol is not None:
            raise ValueError(f"scope '{self.type.value}' takes no symbol")

    @classmethod
    def asset(cls, symbol: str) -> Scope:
        return cls(ScopeType.ASSET, symbol)

    @classmethod
    def parse(cls, value: object) -> Scope:
        """From ``{"type": "asset", "symbol": "BTC"}``, ``"asset:BTC"`` or ``"miners"``/``"portfolio"``/…"""
        if isinstance(value, Scope):
            return value
        if isinstance(value, Mapping):
            kind, symbol = value.get("type"), value.get("symbol")
        elif isinstance(value, str):
            kind, _, rest = value.partition(":")
            symbol = rest or None
        else:
            raise ValueError(f"scope must be an object or a text, got {value!r}")
        try:
            stype = ScopeType(str(kind).strip().lower())
        except ValueError:
            raise ValueError(f"unknown scope '{kind}', expected one of: "
                             f"{', '.join(t.value for t in ScopeType)}") from None
        if stype is ScopeType.ASSET and not symbol:
            raise ValueError("scope 'asset' needs a symbol")
        return cls(stype, symbol)

    def encode(self) -> str:
        return f"asset:{self.symbol}" if self.type is ScopeType.ASSET else self.type.value

    def to_dict(self) -> dict:
        return {"type": self.type.value, "symbol": self.symbol} if self.symbol else {"type": self.type.value}

    def members(self, snapshot: Snapshot) -> tuple[str, ...]:
        t = self.type
        if t is ScopeType.ASSET:
            return (self.symbol,)  # type: ignore[return-value]
        if t is ScopeType.PORTFOLIO:
            return (PORTFOLIO,)
        if t is ScopeType.MARKET:
            return (MARKET,)
        assets = snapshot.assets.values()
        if t is ScopeType.MINERS:
            chosen = [a.symbol for a in assets if a.is_miner]
        elif t is ScopeType.CRYPTO:
            chosen = [a.symbol for a in assets if a.kind is AssetKind.CRYPTO]
        elif t is ScopeType.STABLECOINS:
            chosen = [a.symbol for a in assets if a.kind is AssetKind.STABLECOIN]
        else:
            chosen = [a.symbol for a in assets]
        return tuple(sorted(chosen))


@dataclass(frozen=True)
class Rule:
    """One alert rule. Thresholds are in the metric's unit: fractions (−0.17 = 17 % down), seconds for ages.

    ``key`` is the stable identity (shipped rules: their builtin key; rules made in the editor: assigned by
    the store, ``"user.<id>"``; ``""`` for a rule not saved yet). Constructing a rule validates it and raises
    :class:`InputError` listing every bad field.
    """

    key: str
    name: str
    metric: str
    scope: Scope
    comparator: Comparator
    threshold: float
    severity: Severity
    window: str | None = None
    hysteresis: float = 0.0
    cooldown: timedelta = timedelta(0)
    enabled: bool = True
    escalation_group: str | None = None
    message_code: str | None = None
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        problems: list[Problem] = []

        def fix(name: str, conv) -> None:
            try:
                object.__setattr__(self, name, conv(getattr(self, name)))
            except (ValueError, TypeError) as exc:
                problems.append(Problem(None, name, str(exc)))

        fix("key", lambda v: _checked_key(v, allow_empty=True))
        fix("name", _checked_name)
        fix("metric", _checked_metric)
        fix("scope", Scope.parse)
        fix("comparator", lambda v: _enum(Comparator, v, "comparator"))
        fix("severity", lambda v: _enum(Severity, v, "severity"))
        fix("window", _checked_window)
        fix("threshold", lambda v: _finite(v, "threshold"))
        fix("hysteresis", lambda v: _finite(v, "hysteresis band"))
        fix("cooldown", _checked_cooldown)
        fix("escalation_group", lambda v: None if v in (None, "") else _checked_key(v, allow_empty=False))
        fix("message_code", lambda v: None if v in (None, "") else _checked_key(v, allow_empty=False))
        object.__setattr__(self, "enabled", bool(self.enabled))
        if not problems:
            problems.extend(self._range_problems())
        if problems:
            raise InputError(None, problems)

    def _range_problems(self) -> list[Problem]:
        out = []
        lo, hi = METRIC_RANGES.get(self.metric, (None, None))
        if (lo is not None and self.threshold < lo) or (hi is not None and self.threshold > hi):
            span = f"between {lo:g} and {hi:g}" if lo is not None and hi is not None else (
                f"at least {lo:g}" if lo is not None else f"at most {hi:g}")
            out.append(Problem(None, "threshold", f"threshold of '{self.metric}' must be {span} "
                                                  f"(fractions: -0.17 means 17 % down), got {self.threshold:g}"))
        if self.hysteresis < 0:
            out.append(Problem(None, "hysteresis", f"hysteresis band must be ≥ 0, got {self.hysteresis:g}"))
        elif lo == -1.0 and self.hysteresis >= 1:
            out.append(Problem(None, "hysteresis", f"hysteresis band of a fraction metric must be below 1 "
                                                   f"(0.02 = 2 percentage points), got {self.hysteresis:g}"))
        if self.metric in WINDOWED_METRICS and not self.window:
            out.append(Problem(None, "window", f"metric '{self.metric}' needs a window such as 30D"))
        return out

    @property
    def group(self) -> str:
        return self.escalation_group or self.key

    @property
    def metric_key(self) -> str:
        return metric_key(self.metric, self.window)

    @property
    def clear_threshold(self) -> float:
        """The hold condition's threshold: past it (in the safe direction) the level is left.

        Rounded to 12 decimals so that -0.17 + 0.02 is -0.15, as the user typed it, not -0.15000000000000002.
        """
        shifted = self.threshold + self.hysteresis if self.comparator.low_is_bad else self.threshold - self.hysteresis
        return round(shifted, 12)

    def fires(self, value: float) -> bool:
        return self.comparator(value, self.threshold)

    def holds(self, value: float) -> bool:
        return self.comparator(value, self.clear_threshold)


def _enum(cls, value, what):
    try:
        return cls(value.strip().lower() if isinstance(value, str) else value)
    except ValueError:
        raise ValueError(f"unknown {what} '{value}', expected one of: {', '.join(m.value for m in cls)}") from None


def _finite(value, what) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    return float(value)


def _checked_key(value, *, allow_empty: bool) -> str:
    text = "" if value is None else str(value).strip()
    if not text and allow_empty:
        return ""
    if not _KEY_RE.match(text):
        raise ValueError(f"'{value}' is not a valid key (lower-case letters, digits, _ . - only, at most 64)")
    return text


def _checked_name(value) -> str:
    text = (value or "").strip() if isinstance(value, str) else ""
    if not text:
        raise ValueError("name is empty")
    if len(text) > 100:
        raise ValueError(f"name is longer than 100 characters ({len(text)})")
    return text


def _checked_metric(value) -> str:
    text = str(value or "").strip()
    if not _METRIC_RE.match(text):
        raise ValueError(f"'{value}' is not a metric name (lower-case letters, digits and _ such as drop_from_high)")
    return text


def _checked_window(value) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not _WINDOW_RE.match(text):
        raise ValueError(f"'{value}' is not a window (a count and a unit such as 30D, 7D, 4H)")
    return text


def _checked_cooldown(value) -> timedelta:
    if not isinstance(value, timedelta):
        value = timedelta(seconds=_finite(value, "cooldown"))
    if value < timedelta(0) or value > MAX_COOLDOWN:
        raise ValueError(f"cooldown must be between 0 and 30 days, got {value.total_seconds():g} s")
    return value


def validate_rules(rules: Sequence[Rule], known_symbols: Iterable[str] | None = None) -> list[Problem]:
    """Problems of a rule *set*: duplicate keys, inconsistent escalation groups, unknown symbols.

    ``known_symbols`` (the symbols the monitor can price) enables the symbol check of asset scopes.
    Field names are ``"<rule key or name>.<field>"``.
    """
    problems: list[Problem] = []
    known = None if known_symbols is None else {normalize_symbol(s) for s in known_symbols}
    keys: dict[str, Rule] = {}
    for r in rules:
        if r.key and r.key in keys:
            problems.append(Problem(None, f"{r.key}.key", f"rule key '{r.key}' is used twice"))
        keys.setdefault(r.key, r)
        if known is not None and r.scope.type is ScopeType.ASSET and r.scope.symbol not in known:
            problems.append(Problem(None, f"{r.key or r.name}.scope", f"unknown symbol '{r.scope.symbol}'"))
    groups: dict[str, list[Rule]] = {}
    for r in rules:
        if r.escalation_group:
            groups.setdefault(r.escalation_group, []).append(r)
    for g, members in groups.items():
        where = f"{g}.escalation_group"
        if g in keys and keys[g].escalation_group != g:
            problems.append(Problem(None, where, f"escalation group '{g}' has the name of another rule's key"))
        first = members[0]
        for r in members[1:]:
            if (r.metric_key, r.scope, r.comparator.low_is_bad) != (first.metric_key, first.scope,
                                                                    first.comparator.low_is_bad):
                problems.append(Problem(None, where, f"rules '{first.key}' and '{r.key}' of escalation group "
                                                     f"'{g}' differ in metric, window, scope or direction"))
        by_sev = sorted(members, key=lambda r: r.severity.rank)
        for weak, strong in zip(by_sev, by_sev[1:]):
            if weak.severity is strong.severity:
                problems.append(Problem(None, where, f"escalation group '{g}' has two {weak.severity.value} rules"))
            elif (strong.threshold >= weak.threshold if weak.comparator.low_is_bad
                  else strong.threshold <= weak.threshold):
                problems.append(Problem(None, where, f"in escalation group '{g}' the {strong.severity.value} "
                                                     f"threshold must be beyond the {weak.severity.value} one"))
    return problems


def check_rules(rules: Sequence[Rule], known_symbols: Iterable[str] | None = None) -> None:
    """Raise :class:`InputError` with every problem :func:`validate_rules` finds."""
    problems = validate_rules(rules, known_symbols)
    if problems:
        raise InputError("alert rules", problems)


__all__ = ["MAX_COOLDOWN", "METRIC_RANGES", "ONLINE_ONLY_METRICS", "WINDOWED_METRICS", "Comparator", "Rule", "Scope",
           "ScopeType", "Severity", "check_rules", "usable_statuses", "validate_rules"]
