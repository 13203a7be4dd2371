"""Alerting use cases: evaluate a snapshot, acknowledge, snooze; events are committed, then announced.

``AlertService.process(snapshot)`` loads rules and state, evaluates, writes the new events and state in one
transaction (``AlertStore.update``) and only then calls the listeners. A listener that raises is logged and
does not stop the others; the events are already stored. Listeners run on the calling thread: the GUI
listener must be a Qt signal emit (see DESIGN.md, "How data flows").
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Protocol

from riskwatch.domain.alerts import (
    AlertEvent,
    AlertRecord,
    AlertState,
    EventKind,
    Rule,
    Severity,
    acknowledge,
    active_alerts,
    evaluate,
    snooze,
)
from riskwatch.domain.ports import Clock
from riskwatch.domain.snapshot import Snapshot

log = logging.getLogger(__name__)

Listener = Callable[[list[AlertEvent]], None]
UpdateFn = Callable[[list[Rule], AlertState], tuple[Sequence[AlertEvent], AlertState]]

#: The snooze choices the alert window offers.
SNOOZE_CHOICES = (timedelta(hours=1), timedelta(days=1))


class AlertStore(Protocol):
    """What the service needs from the store (``adapters.sqlite_alerts.AlertRepository`` implements it)."""

    def update(self, fn: UpdateFn) -> tuple[list[AlertEvent], AlertState]:
        """Read rules and state, apply ``fn``, write events and new state: one transaction."""

    def list_rules(self) -> list[Rule]: ...
    def load_state(self) -> AlertState: ...

    def list_events(self, *, since: datetime | None = None, until: datetime | None = None,
                    severity: Severity | str | Iterable | None = None, kind: EventKind | str | Iterable | None = None,
                    scope: str | Iterable[str] | None = None, alert_key: str | None = None,
                    limit: int | None = None, newest_first: bool = False) -> list[AlertEvent]: ...


class AlertService:
    def __init__(self, repo: AlertStore, clock: Clock):
        self._repo = repo
        self._clock = clock
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    # -- listeners ----------------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """``listener(events)`` is called after every commit that stored events; returns a remover."""
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)
        return remove

    def _notify(self, events: list[AlertEvent]) -> None:
        if not events:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(list(events))
            except Exception:  # a broken listener must not lose events or silence the others
                log.exception("alert listener %r failed; the events are stored", listener)

    # -- use cases ----------------------------------------------------------------------------------
    def process(self, snapshot: Snapshot) -> list[AlertEvent]:
        """One evaluation: returns the new events (already committed; listeners already called)."""
        now = self._clock.now()
        events, _ = self._repo.update(lambda rules, state: evaluate(snapshot, rules, state, now))
        self._notify(events)
        return events

    def acknowledge(self, alert_key: str) -> AlertEvent | None:
        """Acknowledge an active alert; None when it is no longer active or already acknowledged."""
        now = self._clock.now()
        return self._one(lambda _rules, state: acknowledge(state, alert_key, now))

    def snooze(self, alert_key: str, duration: timedelta) -> AlertEvent | None:
        """Hide an active alert for ``duration`` (the window offers SNOOZE_CHOICES); None when not active."""
        if duration <= timedelta(0):
            raise ValueError(f"snooze duration must be positive, got {duration}")
        now = self._clock.now()
        return self._one(lambda _rules, state: snooze(state, alert_key, now + duration, now))

    def _one(self, step) -> AlertEvent | None:
        def fn(rules, state):
            event, new_state = step(rules, state)
            return ([event] if event else []), new_state
        events, _ = self._repo.update(fn)
        self._notify(events)
        return events[0] if events else None

    # -- queries ------------------------------------------------------------------------------------
    def active_alerts(self, *, include_acknowledged: bool = True, include_snoozed: bool = True) -> list[AlertRecord]:
        return active_alerts(self._repo.load_state(), self._clock.now(), include_acknowledged=include_acknowledged,
                             include_snoozed=include_snoozed)

    def alerts_needing_attention(self) -> list[AlertRecord]:
        """What the alert window shows: active, unacknowledged, not snoozed; most severe first."""
        return self.active_alerts(include_acknowledged=False, include_snoozed=False)

    def history(self, **filters) -> list[AlertEvent]:
        """The alert history; filters as ``AlertStore.list_events`` (since, until, severity, kind, scope…)."""
        return self._repo.list_events(**filters)

    def rules(self) -> list[Rule]:
        return self._repo.list_rules()


__all__ = ["AlertService", "AlertStore", "Listener", "SNOOZE_CHOICES"]
