"""Alerting use cases: evaluate a snapshot, acknowledge, snooze; events are committed, then handed to the sinks.

``AlertService.process(snapshot)`` loads rules and state, evaluates, writes the new events and state in one
transaction (``AlertStore.update``) and only then calls ``deliver(events, context)`` on every registered
:class:`~riskwatch.domain.ports.AlertSink` (app.py registers them in one place, as napari's NotificationManager
holds its handlers). A sink that raises is logged and does not stop the others or the cycle; the events are
already stored. Sinks run on the calling thread (the loop thread during a cycle) and must return at once: the
GUI sink only emits a queued Qt signal (see DESIGN.md, "How data flows"); a remote channel must queue the
delivery (an outbox) and send it off the cycle.
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
from riskwatch.domain.ports import AlertSink, Clock
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


class _ListenerSink:
    """A plain ``listener(events)`` callable as a sink (``add_listener``)."""

    def __init__(self, listener: Listener):
        self.listener = listener

    def deliver(self, events: Sequence[AlertEvent], context: object = None) -> None:
        self.listener(list(events))

    def __repr__(self) -> str:
        return repr(self.listener)


class AlertService:
    def __init__(self, repo: AlertStore, clock: Clock, sinks: Iterable[AlertSink] = ()):
        self._repo = repo
        self._clock = clock
        self._sinks: list[AlertSink] = []
        self._lock = threading.Lock()
        for sink in sinks:
            self.add_sink(sink)

    # -- sinks --------------------------------------------------------------------------------------
    def add_sink(self, sink: AlertSink) -> Callable[[], None]:
        """``sink.deliver(events, context)`` after every commit that stored events; returns a remover. A sink
        registered twice (also through ``add_listener`` of its ``listener`` method) is told once."""
        with self._lock:
            if not any(s is sink or _listener_of(s) is sink for s in self._sinks):
                self._sinks.append(sink)

        def remove() -> None:
            with self._lock:
                if sink in self._sinks:
                    self._sinks.remove(sink)
        return remove

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """``listener(events)`` is called after every commit that stored events; returns a remover."""
        owner = getattr(listener, "__self__", None)
        with self._lock:
            if owner is not None and owner in self._sinks:  # already registered as a sink (app.py)
                return lambda: None
        return self.add_sink(_ListenerSink(listener))

    @property
    def sinks(self) -> tuple[AlertSink, ...]:
        with self._lock:
            return tuple(self._sinks)

    def _notify(self, events: list[AlertEvent], context: object = None) -> None:
        if not events:
            return
        for sink in self.sinks:
            try:
                sink.deliver(tuple(events), context)
            except Exception:  # a broken sink must not lose events, silence the others or stop the cycle
                log.exception("alert listener %r failed; the events are stored", sink)

    # -- use cases ----------------------------------------------------------------------------------
    def process(self, snapshot: Snapshot, context: object = None) -> list[AlertEvent]:
        """One evaluation: returns the new events (already committed; sinks already told, with ``context``)."""
        now = self._clock.now()
        events, _ = self._repo.update(lambda rules, state: evaluate(snapshot, rules, state, now))
        self._notify(events, context)
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


def _listener_of(sink: AlertSink) -> object:
    """The object whose bound method a listener sink wraps (MainWindow registers ``AlertBridge.listener``)."""
    return getattr(sink.listener, "__self__", None) if isinstance(sink, _ListenerSink) else None


__all__ = ["AlertService", "AlertStore", "Listener", "SNOOZE_CHOICES"]
