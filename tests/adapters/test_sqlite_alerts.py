"""Alert rules, state and history on a real SQLite file; restart and kill-after-commit survival."""

from __future__ import annotations

import json

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from riskwatch.adapters.rules_io import load_default_rules, parse_rules, rules_to_json
from riskwatch.adapters.sqlite_alerts import FIRST_DEFAULT_KEYS, SEEDED_KEY, AlertRepository
from riskwatch.adapters.sqlite_store import DB_FILENAME, MIGRATIONS, SCHEMA_VERSION, SqliteStore
from riskwatch.domain.alerts import AlertState, EventKind, Rule, Scope, Severity, evaluate
from riskwatch.domain.errors import InputError, StoreError
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.snapshot import MetricValue, Snapshot
from riskwatch.services.alerting import AlertService

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2025, 11, 4, 8, 30, 15, 123456, tzinfo=UTC)
H = timedelta(hours=1)
DROP = "drop_from_high:30D"
ASSETS = {"BTC": Asset("BTC", AssetKind.CRYPTO), "MARA": Asset("MARA", AssetKind.EQUITY)}


class Clock:
    def __init__(self, now=T0):
        self.t = now

    def now(self):
        return self.t


def snap(btc=None, mara=None, ts=T0) -> Snapshot:
    vals = {}
    if btc is not None:
        vals[("BTC", DROP)] = MetricValue(btc)
    if mara is not None:
        vals[("MARA", DROP)] = MetricValue(mara)
    return Snapshot(ts, vals, ASSETS)


@pytest.fixture
def store(data_dir):
    s = SqliteStore.in_dir(data_dir)
    yield s
    s.close()


@pytest.fixture
def repo(store):
    r = AlertRepository(store)
    r.seed_default_rules(load_default_rules())
    return r


def user_rule(**kw) -> Rule:
    base = dict(key="", name="ETH 10 % down", metric="drop_from_high", scope=Scope.asset("ETH"), comparator="<=",
                threshold=-0.10, severity="info", window="7D", hysteresis=0.01, cooldown=3600)
    base.update(kw)
    return Rule(**base)


# -- schema ----------------------------------------------------------------------------------------------
def test_migration_2_adds_the_alert_tables(store, data_dir):
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    cols = {r[1] for r in conn.execute("PRAGMA table_info(alert_rules)")}
    assert {"escalation_group", "message_code", "builtin_key"} <= cols
    assert {"alert_key", "rule_key"} <= {r[1] for r in conn.execute("PRAGMA table_info(alert_events)")}
    assert {"alert_key", "active", "record"} <= {r[1] for r in conn.execute("PRAGMA table_info(alert_state)")}


def test_a_version_1_store_is_migrated_and_keeps_its_rules_and_events(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO alert_rules (name, metric, scope, window, comparator, threshold, severity) "
                 "VALUES ('old', 'drawdown', 'portfolio', NULL, '<=', -0.2, 'warning')")
    conn.execute("INSERT INTO alert_events (rule_id, kind, severity, scope_key, metric, value, threshold, ts) "
                 "VALUES (1, 'fired', 'warning', 'portfolio', 'drawdown', -0.21, -0.2, 1700000000000)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = SqliteStore(path)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        repo = AlertRepository(store)
        [r] = repo.list_rules()
        assert (r.key, r.scope, r.threshold, r.escalation_group) == ("user.1", Scope("portfolio"), -0.2, None)
        [e] = repo.list_events()
        assert (e.kind, e.member, e.value, e.alert_key) == (EventKind.FIRED, "portfolio", -0.21, "")
    finally:
        store.close()


# -- rules ------------------------------------------------------------------------------------------------
def test_defaults_are_seeded_once_only(store):
    repo = AlertRepository(store)
    defaults = load_default_rules()
    assert repo.seed_default_rules(defaults) is True
    assert [r.key for r in repo.list_rules()] == [r.key for r in defaults]
    assert repo.list_rules() == defaults
    repo.delete_rule("qqq_drop_30d_info")
    assert repo.seed_default_rules(defaults) is False  # a second start does not bring it back
    assert "qqq_drop_30d_info" not in [r.key for r in repo.list_rules()]
    assert json.loads(store.get_setting(SEEDED_KEY)) == sorted(r.key for r in defaults)


def test_a_default_rule_shipped_later_reaches_an_existing_data_directory_once(store):
    repo = AlertRepository(store)
    defaults = load_default_rules()
    old, new = defaults[:-2], defaults[-2:]
    assert repo.seed_default_rules(old) is True
    repo.delete_rule(old[0].key)                      # the user removed one
    assert repo.seed_default_rules(defaults) is True  # the next version ships two more
    keys = [r.key for r in repo.list_rules()]
    assert all(r.key in keys for r in new) and old[0].key not in keys
    repo.delete_rule(new[0].key)
    assert repo.seed_default_rules(defaults) is False  # offered once: a deleted new rule stays deleted
    assert new[0].key not in [r.key for r in repo.list_rules()]


def test_a_first_version_data_directory_gets_only_the_rules_it_never_had(store):
    repo = AlertRepository(store)
    defaults = load_default_rules()
    first = [r for r in defaults if r.key in FIRST_DEFAULT_KEYS]
    repo.seed_default_rules(first)
    repo.delete_rule("qqq_drop_30d_info")
    store.set_setting(SEEDED_KEY, "1")                 # how the first versions marked a seeded directory
    assert repo.seed_default_rules(defaults) is True
    keys = {r.key for r in repo.list_rules()}
    assert keys == {r.key for r in defaults} - {"qqq_drop_30d_info"}   # the liquidity rules arrived
    assert repo.seed_default_rules(defaults) is False


def test_restore_defaults_resets_edits_recreates_deleted_and_keeps_user_rules(repo):
    defaults = load_default_rules()
    before = {r.key: r.id for r in repo.list_rules()}
    repo.save_rule(replace(repo.get_rule("btc_drop_30d_warning"), threshold=-0.12, enabled=False))
    repo.delete_rule("stale_price_info")
    mine = repo.save_rule(user_rule())
    restored = repo.restore_default_rules(defaults)
    by_key = {r.key: r for r in restored}
    assert by_key["btc_drop_30d_warning"] == defaults[0] and by_key["btc_drop_30d_warning"].id == before[
        "btc_drop_30d_warning"]
    assert "stale_price_info" in by_key and by_key[mine.key] == mine
    assert [r for r in restored if r.key != mine.key] == defaults


def test_user_rules_get_a_store_key_and_can_be_edited_and_deleted(repo):
    mine = repo.save_rule(user_rule())
    assert mine.key == f"user.{mine.id}" and mine.id is not None
    edited = repo.save_rule(replace(mine, threshold=-0.12, name="ETH 12 % down"))
    assert repo.get_rule(mine.key) == edited and edited.threshold == -0.12
    assert repo.delete_rule(mine.key) is True
    assert repo.get_rule(mine.key) is None
    with pytest.raises(StoreError, match="no longer exists"):
        repo.save_rule(edited)


def test_an_inconsistent_rule_set_is_refused_and_nothing_is_written(repo):
    before = repo.list_rules()
    bad = replace(repo.get_rule("btc_drop_30d_critical"), threshold=-0.10)  # critical above warning
    with pytest.raises(InputError, match="threshold must be beyond"):
        repo.save_rule(bad)
    assert repo.list_rules() == before


def test_rules_file_round_trip_keeps_user_rules_importable(repo):
    repo.save_rule(user_rule())
    again = parse_rules(rules_to_json(repo.list_rules()))
    assert [r.key for r in again][-1].startswith("custom-")
    assert [replace(r, key="") for r in again][-1] == user_rule()


# -- state and events -------------------------------------------------------------------------------------
def test_events_and_state_are_written_together(repo):
    events, state = evaluate(snap(btc=-0.30), repo.list_rules(), AlertState(), T0)
    stored = repo.append_events(events, state)
    assert [e.id for e in stored] == sorted(e.id for e in stored) and all(e.id for e in stored)
    assert repo.load_state() == state
    assert repo.list_events() == stored == events  # ids are not compared; the exact timestamp survives
    assert repo.list_events()[0].ts == T0


def test_a_failure_while_writing_the_state_rolls_the_events_back(repo, monkeypatch):
    events, state = evaluate(snap(btc=-0.30), repo.list_rules(), AlertState(), T0)

    def boom(conn, st):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(AlertRepository, "_write_state", staticmethod(boom))
    with pytest.raises(StoreError):
        repo.append_events(events, state)
    monkeypatch.undo()
    assert repo.list_events() == [] and repo.load_state() == AlertState()


def test_update_is_all_or_nothing(repo):
    def fn(rules, state):
        evaluate(snap(btc=-0.3), rules, state, T0)
        raise RuntimeError("evaluation failed")
    with pytest.raises(RuntimeError):
        repo.update(fn)
    assert repo.list_events() == []


def test_history_filters(repo):
    clock = Clock()
    svc = AlertService(repo, clock)
    svc.process(snap(btc=-0.20, mara=-0.35))             # fired warning BTC, fired warning MARA
    clock.t = T0 + H
    svc.process(snap(btc=-0.30, mara=-0.35))             # escalated critical BTC
    clock.t = T0 + 2 * H
    svc.acknowledge("btc_drop_30d|BTC")
    clock.t = T0 + 3 * H
    svc.process(snap(btc=-0.05, mara=-0.10))             # resolved BTC, resolved MARA
    assert len(repo.list_events()) == 6
    assert [e.kind.value for e in repo.list_events(scope="BTC")] == ["fired", "escalated", "acknowledged",
                                                                    "resolved"]
    assert [e.member for e in repo.list_events(kind=EventKind.FIRED)] == ["BTC", "MARA"]
    assert {e.kind for e in repo.list_events(severity=Severity.CRITICAL)} == {EventKind.ESCALATED,
                                                                             EventKind.ACKNOWLEDGED,
                                                                             EventKind.RESOLVED}
    assert [e.ts for e in repo.list_events(since=T0 + H, until=T0 + 2 * H)] == [T0 + H, T0 + 2 * H]
    assert repo.list_events(newest_first=True, limit=1)[0].kind is EventKind.RESOLVED
    assert len(repo.list_events(kind=["fired", "resolved"], scope=["BTC", "MARA"])) == 4
    fired = repo.list_events(kind="fired")[0]
    assert (fired.rule_name, fired.code, fired.threshold, fired.params["window"]) == (
        "BTC 17 % below its 30-day high", "drop_from_high", -0.17, "30D")
    row = repo._store._query("SELECT rule_id FROM alert_events WHERE id=?", (fired.id,))[0][0]
    assert row == repo.get_rule("btc_drop_30d_warning").id


# -- restart and crash ------------------------------------------------------------------------------------
def test_a_restart_neither_refires_nor_forgets_an_unacknowledged_alert(data_dir):
    store = SqliteStore.in_dir(data_dir)
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    fired = AlertService(repo, Clock()).process(snap(btc=-0.20))
    assert [e.kind for e in fired] == [EventKind.FIRED]
    store.close()

    store = SqliteStore.in_dir(data_dir)
    repo = AlertRepository(store)
    assert repo.seed_default_rules(load_default_rules()) is False
    svc = AlertService(repo, Clock(T0 + H))
    [alert] = svc.alerts_needing_attention()
    assert alert.alert_key == "btc_drop_30d|BTC" and alert.severity is Severity.WARNING and not alert.acknowledged
    assert svc.process(snap(btc=-0.21, ts=T0 + H)) == []
    svc.acknowledge(alert.alert_key)
    store.close()

    store = SqliteStore.in_dir(data_dir)
    svc = AlertService(AlertRepository(store), Clock(T0 + 2 * H))
    assert svc.alerts_needing_attention() == [] and svc.active_alerts()[0].acknowledged
    assert [e.kind.value for e in svc.history()] == ["fired", "acknowledged"]
    store.close()


_CHILD = textwrap.dedent("""
    import os, signal, sys
    from datetime import UTC, datetime
    from riskwatch.adapters.rules_io import load_default_rules
    from riskwatch.adapters.sqlite_alerts import AlertRepository
    from riskwatch.adapters.sqlite_store import SqliteStore
    from riskwatch.domain.model import Asset, AssetKind
    from riskwatch.domain.snapshot import MetricValue, Snapshot
    from riskwatch.services.alerting import AlertService

    T0 = datetime(2025, 11, 4, 8, 30, tzinfo=UTC)

    class Clock:
        def now(self):
            return T0

    def die(*_):
        os.kill(os.getpid(), signal.SIGKILL)
        os._exit(99)  # not reached where SIGKILL exists

    store = SqliteStore.in_dir(sys.argv[1])
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    if sys.argv[2] == "before-commit":
        original = AlertRepository._write_state
        def write_then_die(conn, state):
            original(conn, state)
            die()
        AlertRepository._write_state = staticmethod(write_then_die)
    svc = AlertService(repo, Clock())
    svc.add_listener(die)  # the first thing after the commit
    snapshot = Snapshot(T0, {("BTC", "drop_from_high:30D"): MetricValue(-0.30)},
                        {"BTC": Asset("BTC", AssetKind.CRYPTO)})
    svc.process(snapshot)
    sys.exit(3)  # never reached: the listener killed the process
""")


def _run_child(data_dir: Path, mode: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "desktop"), os.environ.get("PYTHONPATH", "")]))
    return subprocess.run([sys.executable, "-c", _CHILD, str(data_dir), mode], capture_output=True, text=True,
                          env=env, timeout=120)


def test_events_survive_a_process_killed_right_after_the_commit(data_dir):
    r = _run_child(data_dir, "after-commit")
    assert r.returncode in (-signal.SIGKILL, 99), r.stderr
    store = SqliteStore.in_dir(data_dir)
    try:
        repo = AlertRepository(store)
        [event] = repo.list_events()
        assert (event.kind, event.severity, event.alert_key) == (EventKind.FIRED, Severity.CRITICAL,
                                                                  "btc_drop_30d|BTC")
        assert repo.load_state().get("btc_drop_30d|BTC").active
        again = AlertService(repo, Clock(T0 + H)).process(
            Snapshot(T0 + H, {("BTC", DROP): MetricValue(-0.30)}, {"BTC": ASSETS["BTC"]}))
        assert again == []  # the restarted process does not fire the same alert twice
    finally:
        store.close()


def test_a_process_killed_before_the_commit_leaves_neither_events_nor_state(data_dir):
    r = _run_child(data_dir, "before-commit")
    assert r.returncode in (-signal.SIGKILL, 99), r.stderr
    store = SqliteStore.in_dir(data_dir)
    try:
        repo = AlertRepository(store)
        assert repo.list_events() == [] and repo.load_state() == AlertState()
        assert len(repo.list_rules()) == len(load_default_rules())  # the earlier seeding transaction is kept
    finally:
        store.close()
