"""Alert records: the persisted state of each alert and the events that change it.

:class:`AlertRecord` is one alert's state (what :func:`riskwatch.domain.alerts.evaluate` reads and returns);
:class:`AlertEvent` is something that happened to it, committed to the store before anyone is told. Both carry
the as-of time of the data behind their value beside the time they changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType

from riskwatch.domain.model import utc
from riskwatch.domain.rules import Severity


class EventKind(StrEnum):
    FIRED = "fired"
    ESCALATED = "escalated"
    DEESCALATED = "deescalated"
    RESOLVED = "resolved"
    ACKNOWLEDGED = "acknowledged"
    SNOOZED = "snoozed"
    SNOOZE_ENDED = "snooze_ended"


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
    data_as_of: datetime | None = None   # the as-of time of the data of the last value the rules read
    stale_since: datetime | None = None  # active, but its data went stale: the as-of time of that stale data

    def is_snoozed(self, now: datetime) -> bool:
        return self.snoozed_until is not None and now < self.snoozed_until

    def needs_attention(self, now: datetime) -> bool:
        """Active, not acknowledged and not snoozed: what the alert window must show."""
        return self.active and not self.acknowledged and not self.is_snoozed(now)

    def to_dict(self) -> dict:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["severity"] = self.severity.value
        for k in _RECORD_TIMES:
            d[k] = d[k].isoformat() if d[k] is not None else None
        return d

    @classmethod
    def from_dict(cls, d: Mapping) -> AlertRecord:
        kw = {k: d.get(k) for k in cls.__dataclass_fields__ if k in d}
        kw["severity"] = Severity(d["severity"])
        for k in _RECORD_TIMES:
            if kw.get(k) is not None:
                kw[k] = utc(datetime.fromisoformat(kw[k]))
        return cls(**kw)


_RECORD_TIMES = ("fired_at", "changed_at", "acknowledged_at", "snoozed_until", "data_as_of", "stale_since")


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
    data_as_of: datetime | None = None   # the as-of time of the data behind ``value`` (``ts``: when it was raised)

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


__all__ = ["AlertEvent", "AlertRecord", "AlertState", "EventKind", "active_alerts", "alert_key"]
