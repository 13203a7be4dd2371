"""AlertService: commit first, then listeners; acknowledge and snooze; robust against broken listeners."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_store import DB_FILENAME, SqliteStore
from riskwatch.domain.alerts import AlertState, EventKind, Rule, Scope, Severity
from riskwatch.domain.errors import StoreError
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.snapshot import MetricValue, Snapshot
from riskwatch.services.alerting import SNOOZE_CHOICES, AlertService

T0 = datetime(2025, 11, 4, 8, 0, tzinfo=UTC)
H = timedelta(hours=1)
KEY = "btc_drop|BTC"
RULES = [Rule("btc_w", "BTC 17", "drop_from_high", Scope.asset("BTC"), "<=", -0.17, "warning", "30D", 0.02, 43200,
              escalation_group="btc_drop"),
         Rule("btc_c", "BTC 25", "drop_from_high", Scope.asset("BTC"), "<=", -0.25, "critical", "30D", 0.02, 43200,
              escalation_group="btc_drop")]


class Clock:
    def __init__(self):
        self.t = T0

    def now(self):
        return self.t


class MemoryAlertStore:
    """A fake store: ``update`` is atomic (all or nothing) and records what was committed."""

    def __init__(self, rules=RULES):
        self.rules = list(rules)
        self.state = AlertState()
        self.events = []
        self.fail = False

    def update(self, fn):
        if self.fail:
            raise StoreError("disk full")
        events, state = fn(list(self.rules), self.state)
        stored = [replace(e, id=len(self.events) + i + 1) for i, e in enumerate(events)]
        self.events += stored
        self.state = state
        return stored, state

    def list_rules(self):
        return list(self.rules)

    def load_state(self):
        return self.state

    def list_events(self, **filters):
        kinds = filters.get("kind")
        return [e for e in self.events if kinds is None or e.kind.value in kinds]


def snap(value, ts=T0):
    return Snapshot(ts, {("BTC", "drop_from_high:30D"): MetricValue(value)}, {"BTC": Asset("BTC", AssetKind.CRYPTO)})


@pytest.fixture
def env():
    store, clock = MemoryAlertStore(), Clock()
    return store, clock, AlertService(store, clock)


def test_listeners_run_after_the_commit_and_get_the_stored_events(env):
    store, _, svc = env
    seen = []
    svc.add_listener(lambda events: seen.append([(e.id, e in store.events) for e in events]))
    events = svc.process(snap(-0.2))
    assert [e.kind for e in events] == [EventKind.FIRED] and events[0].id == 1
    assert seen == [[(1, True)]]
    assert svc.process(snap(-0.21)) == [] and len(seen) == 1  # nothing new, nobody called


def test_a_raising_listener_loses_no_events_and_does_not_stop_the_others(env, caplog):
    store, _, svc = env
    calls = []

    def broken(events):
        calls.append("broken")
        raise RuntimeError("widget gone")
    svc.add_listener(broken)
    svc.add_listener(lambda events: calls.append("ok"))
    with caplog.at_level(logging.ERROR):
        events = svc.process(snap(-0.3))
    assert calls == ["broken", "ok"] and events and store.events == events
    assert "alert listener" in caplog.text


def test_a_store_failure_raises_and_tells_nobody(env):
    store, _, svc = env
    seen = []
    svc.add_listener(seen.append)
    store.fail = True
    with pytest.raises(StoreError):
        svc.process(snap(-0.3))
    assert seen == [] and store.state == AlertState()


def test_acknowledge_persists_and_notifies_once(env):
    store, clock, svc = env
    svc.process(snap(-0.2))
    seen = []
    svc.add_listener(seen.append)
    clock.t = T0 + H
    event = svc.acknowledge(KEY)
    assert event.kind is EventKind.ACKNOWLEDGED and event.ts == T0 + H
    assert store.state.get(KEY).acknowledged and seen == [[event]]
    assert svc.acknowledge(KEY) is None and len(seen) == 1
    assert svc.alerts_needing_attention() == [] and [a.alert_key for a in svc.active_alerts()] == [KEY]


def test_snooze_hides_until_the_end_then_the_next_cycle_reminds(env):
    _, clock, svc = env
    svc.process(snap(-0.2))
    assert SNOOZE_CHOICES == (H, timedelta(days=1))
    event = svc.snooze(KEY, H)
    assert event.kind is EventKind.SNOOZED and event.params["until"] == (T0 + H).isoformat()
    assert svc.alerts_needing_attention() == []
    clock.t = T0 + H
    assert [a.alert_key for a in svc.alerts_needing_attention()] == [KEY]
    assert [e.kind for e in svc.process(snap(-0.2, T0 + H))] == [EventKind.SNOOZE_ENDED]
    with pytest.raises(ValueError):
        svc.snooze(KEY, timedelta(0))


def test_removed_listener_is_not_called(env):
    _, _, svc = env
    seen = []
    remove = svc.add_listener(seen.append)
    remove()
    svc.process(snap(-0.2))
    assert seen == []


def test_history_and_rules_pass_through(env):
    _, _, svc = env
    svc.process(snap(-0.3))
    assert [e.severity for e in svc.history(kind=["fired"])] == [Severity.CRITICAL]
    assert svc.rules() == RULES


def test_with_the_real_store_the_event_is_on_disk_before_any_listener_runs(data_dir):
    store = SqliteStore.in_dir(data_dir)
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    svc = AlertService(repo, Clock())
    on_disk = []

    def listener(events):
        other = sqlite3.connect(data_dir / DB_FILENAME)  # another connection sees only committed data
        try:
            on_disk.append(other.execute("SELECT COUNT(*) FROM alert_events").fetchone()[0])
            on_disk.append(other.execute("SELECT COUNT(*) FROM alert_state WHERE active = 1").fetchone()[0])
        finally:
            other.close()
    svc.add_listener(listener)
    try:
        events = svc.process(snap(-0.3))
        assert len(events) == 1 and on_disk == [1, 1]
    finally:
        store.close()
