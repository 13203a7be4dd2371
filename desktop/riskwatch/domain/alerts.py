"""The pure alert engine: ``evaluate(snapshot, rules, state, now) -> (events, state)``.

The rule types (:class:`Rule`, :class:`Scope`, :class:`Severity` …) and their validation are in
:mod:`riskwatch.domain.rules` and re-exported here.

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

* value unavailable (no MetricValue, ``None``/non-finite, status not usable — stale, unconfirmed … —, or an
  online-only metric such as ``price_age`` offline): nothing changes – bad or old data neither fires, escalates
  nor resolves; an active alert whose data went stale is marked ``stale_since`` (the data's as-of time). A
  ``bound`` figure (a drop on a live price whose closes are stale: at least this deep) may fire or escalate a
  rule on the low side, and never de-escalates or resolves one;
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

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from riskwatch.domain.alert_records import AlertEvent, AlertRecord, AlertState, EventKind, active_alerts, alert_key
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.catalogue import spec
from riskwatch.domain.model import utc
from riskwatch.domain.rules import (
    MAX_COOLDOWN,
    METRIC_RANGES,
    ONLINE_ONLY_METRICS,
    WINDOWED_METRICS,
    Comparator,
    Rule,
    Scope,
    ScopeType,
    Severity,
    check_rules,
    usable_statuses,
    validate_rules,
)
from riskwatch.domain.snapshot import Snapshot


@dataclass(frozen=True)
class Observation:
    """What a rule reads of one member: ``value`` None when unavailable; ``stale_as_of`` set when a value is
    there but its data is stale (the as-of time of that data)."""

    value: float | None
    as_of: datetime | None = None
    stale_as_of: datetime | None = None
    bound: bool = False  # a drop at least this deep (live price, stale closes): may fire or escalate, not recover


def _bound_side(rule: Rule) -> str | None:
    """The side a ``bound`` value of the rule's metric is a bound on (see ``MetricSpec.bound``)."""
    sp = spec(rule.metric)
    return sp.bound if sp is not None else None


def _observe(snapshot: Snapshot, member: str, rule: Rule) -> Observation:
    mv = snapshot.get(member, rule.metric_key)
    if mv is None:
        return Observation(None)
    bound = mv.status is DataStatus.BOUND and _bound_side(rule) == ("below" if rule.comparator.low_is_bad else "above")
    if mv.status not in usable_statuses(rule.metric) and not bound:  # before the value: a figure its old data left empty is stale too
        return Observation(None, stale_as_of=(mv.as_of or snapshot.ts) if mv.status is DataStatus.STALE else None)
    if mv.value is None:
        return Observation(None)
    if rule.metric in ONLINE_ONLY_METRICS and not snapshot.online:
        return Observation(None)
    try:
        value = float(mv.value)
    except (TypeError, ValueError):
        return Observation(None)
    return Observation(value, mv.as_of, bound=bound) if math.isfinite(value) else Observation(None)


def preview(rule: Rule, snapshot: Snapshot) -> list[tuple[str, float | None, bool]]:
    """For the rule editor: per scope member the current value (None: unavailable) and whether it would fire."""
    out = []
    for member in rule.scope.members(snapshot):
        value = _observe(snapshot, member, rule).value
        out.append((member, value, value is not None and rule.fires(value)))
    return out


def _event(kind: EventKind, rec: AlertRecord, now: datetime, *, value: float | None,
           previous: Severity | None = None, **params) -> AlertEvent:
    return AlertEvent(kind, rec.alert_key, rec.rule_key, rec.rule_name, rec.severity, rec.member, rec.metric,
                      value, rec.threshold, now, rec.code, previous, params, data_as_of=rec.data_as_of)


def _level(rec: AlertRecord, rule: Rule, value: float, now: datetime) -> AlertRecord:
    return replace(rec, rule_key=rule.key, rule_name=rule.name, severity=rule.severity, threshold=rule.threshold,
                   metric=rule.metric_key, code=rule.message_code or rule.metric, changed_at=now, fired_value=value,
                   last_value=value)


def _step(rules: Sequence[Rule], key: str, member: str, rec: AlertRecord | None, obs: Observation,
          now: datetime) -> tuple[AlertRecord | None, list[AlertEvent]]:
    """One alert, one evaluation. ``rules`` is the group, weakest first. Unavailable data changes nothing,
    except that an active alert whose data went stale is marked so (and unmarked when fresh data returns)."""
    value = obs.value
    if value is None:
        if rec is not None and rec.active and obs.stale_as_of is not None and rec.stale_since is None:
            return replace(rec, stale_since=obs.stale_as_of), []
        return rec, []
    if rec is not None:
        rec = replace(rec, data_as_of=obs.as_of, stale_since=None)
    params = {"window": rules[0].window} if rules[0].window else {}
    if rec is None or not rec.active:
        firing = [r for r in rules if r.fires(value)]
        if not firing:
            return (replace(rec, last_value=value) if rec else None), []
        target = firing[-1]
        if rec is not None and target.severity.rank <= rec.severity.rank and now < rec.fired_at + target.cooldown:
            return replace(rec, last_value=value), []
        base = rec or AlertRecord(key, rules[0].group, member, "", "", rules[0].metric_key, "", target.severity,
                                  target.threshold, False, now, now, data_as_of=obs.as_of)
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
    if obs.bound:  # a drop understated by missing closes never recovers an alert: held as it is
        return rec, []
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


# the rule types live in rules.py and are re-exported
__all__ = [
    "MAX_COOLDOWN", "AlertEvent", "AlertRecord", "AlertState", "Comparator", "EventKind", "Rule", "Scope",
    "ScopeType", "Severity", "ONLINE_ONLY_METRICS", "METRIC_RANGES", "WINDOWED_METRICS", "acknowledge", "active_alerts", "alert_key",
    "check_rules", "evaluate", "preview", "snooze", "validate_rules",
]
