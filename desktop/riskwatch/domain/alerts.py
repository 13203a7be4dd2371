"""Alert rules and the pure alert engine: ``evaluate(snapshot, rules, state, now) -> (events, state)``.

No clock, no I/O: time comes in as ``now``, the state goes in and a new state comes out. Events carry codes
and numbers, never user-facing prose (the GUI translates).

Rules and alerts
----------------
A :class:`Rule` compares one metric of the :class:`~riskwatch.domain.snapshot.Snapshot`
(key ``metric_key(rule.metric, rule.window)``) for every member of its :class:`Scope` with a threshold.
Scopes: one ``asset``; ``miners`` (snapshot assets with ``Asset.is_miner``); ``crypto`` (``AssetKind.CRYPTO``
only – stablecoins are excluded because price-drop rules make no sense for them; their own scope is
``stablecoins``, e.g. for a peg-deviation rule); ``all`` (every snapshot asset); ``portfolio``.
Group scopes produce one independent alert per member.

Rules may share an ``escalation_group``; the rules of a group form *one* alert per member, whose level is
one of the group's rules. ``alert_key = "<group>|<member>"`` where ``<group>`` is the escalation group or,
for an ungrouped rule, the rule key. A group's rules share metric, window, scope and comparator direction,
have distinct severities, and a more severe rule has a threshold strictly further in the bad direction
(checked by :func:`validate_rules`).

Conditions, for comparator ``c``, threshold ``t`` and hysteresis band ``h ≥ 0``:

* fire condition ``c(v, t)``;
* hold condition ``c(v, t')`` with ``t' = t + h`` for ``<``/``<=`` (low values are bad) and ``t' = t − h``
  for ``>``/``>=``. An alert stays at a level until its value has recovered *past* the band.

Each evaluation does, per alert (rules of a group ordered weakest → strongest):

* value unavailable (no MetricValue, ``None``/non-finite, status not usable, or an online-only metric such
  as ``price_age`` while ``snapshot.online`` is False): nothing changes – bad data neither fires nor resolves;
* inactive: the strongest rule whose fire condition holds **fires** – unless ``now`` is inside its cooldown
  (from the last ``fired_at``) and it is no more severe than the level the alert was resolved at (a re-fire
  above that is an escalation: never delayed); a held-back re-fire fires once the cooldown has passed;
* active at rule ``r``: if a stronger rule's fire condition holds → **escalated** to the strongest such rule
  (never delayed by a cooldown; clears acknowledgement and snooze, so the user is told again);
  else if ``r``'s hold condition fails → **deescalated** to the strongest weaker rule whose hold condition
  still holds, or **resolved** when there is none (at most one event per evaluation and alert);
* an active, unacknowledged alert whose snooze has run out emits **snooze_ended** (the window shows it again);
* an active alert whose group has no enabled rule any more (rule deleted or disabled) is **resolved** with
  ``params["reason"] == "rule_removed"``; an active alert of an asset that is no longer held (it left a
  group scope such as "all miners", or an asset rule's symbol is neither held nor priced any more) is
  **resolved** with ``params["reason"] == "position_removed"``. A held asset whose value is missing is
  not "removed": its alert is held.

``acknowledge`` and ``snooze`` change an active alert and return the event to persist with the new state.
``active_alerts`` lists active alerts by severity; ``preview`` shows a rule's current values for the editor.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import Enum
from types import MappingProxyType

from riskwatch.domain.errors import InputError, Problem
from riskwatch.domain.model import AssetKind, normalize_symbol, utc
from riskwatch.domain.snapshot import PORTFOLIO, MetricStatus, Snapshot, metric_key


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.CRITICAL: 2}


class Comparator(str, Enum):
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


class ScopeType(str, Enum):
    ASSET = "asset"
    MINERS = "miners"
    CRYPTO = "crypto"
    STABLECOINS = "stablecoins"
    ALL = "all"
    PORTFOLIO = "portfolio"


class EventKind(str, Enum):
    FIRED = "fired"
    ESCALATED = "escalated"
    DEESCALATED = "deescalated"
    RESOLVED = "resolved"
    ACKNOWLEDGED = "acknowledged"
    SNOOZED = "snoozed"
    SNOOZE_ENDED = "snooze_ended"


#: Metrics whose rules are evaluated only while the app is online (an offline app has old prices by design).
ONLINE_ONLY_METRICS = frozenset({"price_age"})
_USABLE = frozenset({MetricStatus.OK, MetricStatus.MARKET_CLOSED})
#: Per-metric usable statuses; the age of a stale price is exactly what a stale-price rule needs.
_USABLE_BY_METRIC = {"price_age": frozenset({MetricStatus.OK, MetricStatus.STALE})}
#: Threshold ranges of the metrics the engine knows (others: any finite number).
METRIC_RANGES: Mapping[str, tuple[float | None, float | None]] = MappingProxyType({
    "drop_from_high": (-1.0, 0.0), "drawdown": (-1.0, 0.0), "return": (-1.0, None), "volatility": (0.0, None),
    "var_95": (-1.0, 0.0), "es_95": (-1.0, 0.0), "var_99": (-1.0, 0.0), "es_99": (-1.0, 0.0),
    "price_age": (0.0, None),
})
#: Metrics that need a window (``drop_from_high:30D``).
WINDOWED_METRICS = frozenset({"drop_from_high", "return", "volatility"})

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


@dataclass(frozen=True)
class AlertRecord:
    """The persisted state of one alert (``alert_key``). ``fired_at`` is the start of the latest episode and
    the reference of the cooldown; ``changed_at`` the last fire/escalation/de-escalation/resolution."""

    alert_key: str
    group: str
    member: str
    rule_key: str
    rule_name: str
    metric: str  # metric key, e.g. "drop_from_high:30D"
    code: str
    severity: Severity
    threshold: float
    active: bool
    fired_at: datetime
    changed_at: datetime
    fired_value: float | None = None
    last_value: float | None = None
    acknowledged: bool = False
    acknowledged_at: datetime | None = None
    snoozed_until: datetime | None = None

    def is_snoozed(self, now: datetime) -> bool:
        return self.snoozed_until is not None and now < self.snoozed_until

    def needs_attention(self, now: datetime) -> bool:
        """Active, not acknowledged and not snoozed: what the alert window must show."""
        return self.active and not self.acknowledged and not self.is_snoozed(now)

    def to_dict(self) -> dict:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["severity"] = self.severity.value
        for k in ("fired_at", "changed_at", "acknowledged_at", "snoozed_until"):
            d[k] = d[k].isoformat() if d[k] is not None else None
        return d

    @classmethod
    def from_dict(cls, d: Mapping) -> AlertRecord:
        kw = {k: d.get(k) for k in cls.__dataclass_fields__ if k in d}
        kw["severity"] = Severity(d["severity"])
        for k in ("fired_at", "changed_at", "acknowledged_at", "snoozed_until"):
            if kw.get(k) is not None:
                kw[k] = utc(datetime.fromisoformat(kw[k]))
        return cls(**kw)


@dataclass(frozen=True)
class AlertState:
    """alert_key -> AlertRecord (active and resolved alerts; resolved ones keep the cooldown reference)."""

    records: Mapping[str, AlertRecord] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "records", MappingProxyType(dict(self.records)))

    def get(self, alert_key: str) -> AlertRecord | None:
        return self.records.get(alert_key)

    def with_record(self, record: AlertRecord) -> AlertState:
        return AlertState({**self.records, record.alert_key: record})

    def to_json(self) -> str:
        return json.dumps({k: r.to_dict() for k, r in sorted(self.records.items())}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> AlertState:
        return cls({k: AlertRecord.from_dict(d) for k, d in json.loads(text).items()})


@dataclass(frozen=True)
class AlertEvent:
    """Something that happened to an alert. ``code`` names the message (the rule's message code or its
    metric); ``params`` holds extra numbers/codes (window, clear_threshold, reason, until, previous_rule)."""

    kind: EventKind
    alert_key: str
    rule_key: str
    rule_name: str
    severity: Severity
    member: str
    metric: str
    value: float | None
    threshold: float | None
    ts: datetime
    code: str
    previous_severity: Severity | None = None
    params: Mapping[str, object] = field(default_factory=dict, hash=False)
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))


def alert_key(group: str, member: str) -> str:
    return f"{group}|{member}"


def active_alerts(state: AlertState, now: datetime | None = None, *, include_acknowledged: bool = True,
                  include_snoozed: bool = True) -> list[AlertRecord]:
    """Active alerts, most severe first, newest first within a severity.

    ``include_acknowledged=False, include_snoozed=False`` (with ``now``) lists what the alert window must show.
    """
    if not include_snoozed and now is None:
        raise ValueError("now is needed to leave out snoozed alerts")
    out = [r for r in state.records.values()
           if r.active and (include_acknowledged or not r.acknowledged)
           and (include_snoozed or not r.is_snoozed(utc(now)))]  # type: ignore[arg-type]
    return sorted(out, key=lambda r: (r.severity.rank, r.changed_at, r.alert_key), reverse=True)


# -- the engine -------------------------------------------------------------------------------------------
def _observe(snapshot: Snapshot, member: str, rule: Rule) -> float | None:
    mv = snapshot.get(member, rule.metric_key)
    if mv is None or mv.value is None or mv.status not in _USABLE_BY_METRIC.get(rule.metric, _USABLE):
        return None
    if rule.metric in ONLINE_ONLY_METRICS and not snapshot.online:
        return None
    try:
        value = float(mv.value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def preview(rule: Rule, snapshot: Snapshot) -> list[tuple[str, float | None, bool]]:
    """For the rule editor: per scope member the current value (None: unavailable) and whether it would fire."""
    out = []
    for member in rule.scope.members(snapshot):
        value = _observe(snapshot, member, rule)
        out.append((member, value, value is not None and rule.fires(value)))
    return out


def _event(kind: EventKind, rec: AlertRecord, now: datetime, *, value: float | None,
           previous: Severity | None = None, **params) -> AlertEvent:
    return AlertEvent(kind, rec.alert_key, rec.rule_key, rec.rule_name, rec.severity, rec.member, rec.metric,
                      value, rec.threshold, now, rec.code, previous, params)


def _level(rec: AlertRecord, rule: Rule, value: float, now: datetime) -> AlertRecord:
    return replace(rec, rule_key=rule.key, rule_name=rule.name, severity=rule.severity, threshold=rule.threshold,
                   metric=rule.metric_key, code=rule.message_code or rule.metric, changed_at=now, fired_value=value,
                   last_value=value)


def _step(rules: Sequence[Rule], key: str, member: str, rec: AlertRecord | None, value: float | None,
          now: datetime) -> tuple[AlertRecord | None, list[AlertEvent]]:
    """One alert, one evaluation. ``rules`` is the group, weakest first."""
    if value is None:
        return rec, []
    params = {"window": rules[0].window} if rules[0].window else {}
    if rec is None or not rec.active:
        firing = [r for r in rules if r.fires(value)]
        if not firing:
            return (replace(rec, last_value=value) if rec else None), []
        target = firing[-1]
        if rec is not None and target.severity.rank <= rec.severity.rank and now < rec.fired_at + target.cooldown:
            return replace(rec, last_value=value), []
        base = rec or AlertRecord(key, rules[0].group, member, "", "", rules[0].metric_key, "", target.severity,
                                  target.threshold, False, now, now)
        new = replace(_level(base, target, value, now), active=True, fired_at=now, acknowledged=False,
                      acknowledged_at=None, snoozed_until=None)
        return new, [_event(EventKind.FIRED, new, now, value=value, **params)]
    keys = [r.key for r in rules]
    cur = keys.index(rec.rule_key) if rec.rule_key in keys else None
    if cur is not None:
        stronger = [r for r in rules[cur + 1:] if r.fires(value)]
        if stronger:
            new = replace(_level(rec, stronger[-1], value, now), acknowledged=False, acknowledged_at=None,
                          snoozed_until=None)
            return new, [_event(EventKind.ESCALATED, new, now, value=value, previous=rec.severity,
                                previous_rule=rec.rule_key, **params)]
        if rules[cur].holds(value):
            return replace(rec, last_value=value), []
        below = [r for r in rules[:cur] if r.holds(value)]
    else:  # the level's rule was edited out of the group: re-level on the hold conditions
        below = [r for r in rules if r.holds(value)]
    if not below:
        clear = rules[cur].clear_threshold if cur is not None else None
        new = replace(rec, active=False, changed_at=now, last_value=value, snoozed_until=None)
        return new, [_event(EventKind.RESOLVED, new, now, value=value, reason="recovered",
                            clear_threshold=clear, **params)]
    target = below[-1]
    new = _level(rec, target, value, now)
    if target.severity.rank == rec.severity.rank:
        return new, []
    kind = EventKind.ESCALATED if target.severity.rank > rec.severity.rank else EventKind.DEESCALATED
    if kind is EventKind.ESCALATED:
        new = replace(new, acknowledged=False, acknowledged_at=None, snoozed_until=None)
    return new, [_event(kind, new, now, value=value, previous=rec.severity, previous_rule=rec.rule_key, **params)]


def _groups(rules: Sequence[Rule]) -> dict[str, list[Rule]]:
    groups: dict[str, list[Rule]] = {}
    for r in rules:
        if r.enabled:
            if not r.key:
                raise ValueError(f"rule '{r.name}' has no key; save it before evaluating")
            groups.setdefault(r.group, []).append(r)
    for members in groups.values():
        members.sort(key=lambda r: r.severity.rank)
    return groups


def _no_longer_held(scope: Scope, member: str, in_scope: set[str], snapshot: Snapshot) -> bool:
    """The alert's asset left the portfolio: a group scope no longer lists it, or an asset rule's symbol is
    neither held nor has any value in the snapshot (a benchmark such as BTC or QQQ keeps its values)."""
    if scope.type is ScopeType.PORTFOLIO:
        return False
    if scope.type is ScopeType.ASSET:
        return member not in snapshot.assets and member not in snapshot.scopes()
    return member not in in_scope


def evaluate(snapshot: Snapshot, rules: Sequence[Rule], state: AlertState,
             now: datetime) -> tuple[list[AlertEvent], AlertState]:
    """Evaluate every enabled rule against ``snapshot``; return the new events (in order) and the new state.

    Raises InputError when the rule set is inconsistent (see :func:`validate_rules`).
    """
    now = utc(now)
    check_rules(rules)
    records = dict(state.records)
    events: list[AlertEvent] = []
    visited: set[str] = set()
    for group, grules in _groups(rules).items():
        members = dict.fromkeys(grules[0].scope.members(snapshot))
        for rec in state.records.values():
            if rec.group == group and rec.active:
                members.setdefault(rec.member)
        in_scope = set(grules[0].scope.members(snapshot))
        for member in members:
            key = alert_key(group, member)
            visited.add(key)
            rec = records.get(key)
            if rec is not None and rec.active and _no_longer_held(grules[0].scope, member, in_scope, snapshot):
                records[key] = replace(rec, active=False, changed_at=now, snoozed_until=None)
                events.append(_event(EventKind.RESOLVED, records[key], now, value=None, reason="position_removed"))
                continue
            rec, evs = _step(grules, key, member, rec, _observe(snapshot, member, grules[0]), now)
            if rec is not None and rec.active and rec.snoozed_until is not None and rec.snoozed_until <= now:
                rec = replace(rec, snoozed_until=None)
                if not rec.acknowledged and not evs:
                    evs = [_event(EventKind.SNOOZE_ENDED, rec, now, value=rec.last_value)]
            if rec is not None:
                records[key] = rec
            events.extend(evs)
    for key, rec in state.records.items():
        if rec.active and key not in visited:
            new = replace(rec, active=False, changed_at=now, snoozed_until=None)
            records[key] = new
            events.append(_event(EventKind.RESOLVED, new, now, value=None, reason="rule_removed"))
    return events, AlertState(records)


def acknowledge(state: AlertState, alert_key: str, now: datetime) -> tuple[AlertEvent | None, AlertState]:
    """Acknowledge an active alert. ``(None, state)`` when it is not active or already acknowledged."""
    now = utc(now)
    rec = state.get(alert_key)
    if rec is None or not rec.active or rec.acknowledged:
        return None, state
    new = replace(rec, acknowledged=True, acknowledged_at=now, snoozed_until=None)
    return _event(EventKind.ACKNOWLEDGED, new, now, value=rec.last_value), state.with_record(new)


def snooze(state: AlertState, alert_key: str, until: datetime,
           now: datetime) -> tuple[AlertEvent | None, AlertState]:
    """Hide an active, unacknowledged alert until ``until``; ``(None, state)`` when there is nothing to snooze."""
    now, until = utc(now), utc(until)
    if until <= now:
        raise ValueError(f"snooze end {until.isoformat()} is not after now ({now.isoformat()})")
    rec = state.get(alert_key)
    if rec is None or not rec.active or rec.acknowledged:
        return None, state
    new = replace(rec, snoozed_until=until)
    return _event(EventKind.SNOOZED, new, now, value=rec.last_value, until=until.isoformat()), state.with_record(new)


__all__ = [
    "AlertEvent", "AlertRecord", "AlertState", "Comparator", "EventKind", "Rule", "Scope", "ScopeType", "Severity",
    "ONLINE_ONLY_METRICS", "METRIC_RANGES", "WINDOWED_METRICS", "acknowledge", "active_alerts", "alert_key",
    "check_rules", "evaluate", "preview", "snooze", "validate_rules",
]
