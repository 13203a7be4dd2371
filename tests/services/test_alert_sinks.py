"""Alert sinks: told after the commit, exactly the committed events, one broken sink stops nothing; the pop-up
policy without Qt; ``riskwatch check`` and the desktop close the Monitor's parts once."""

import argparse
import asyncio
import logging
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from riskwatch import app as rwapp
from riskwatch import launcher
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.alerts import AlertEvent, EventKind, Severity
from riskwatch.domain.model import Asset, AssetKind, Bar, Position
from riskwatch.domain.ports import SignalContext
from riskwatch.services.alert_policy import decide_popup, needs_popup
from riskwatch.services.alerting import AlertService
from riskwatch.services.monitor import Monitor
from tests.cli.inprocess import run_main

START = datetime(2025, 1, 1, tzinfo=timezone.utc)
BTC = Asset("BTC", AssetKind.CRYPTO)


class RecordingSink:
    def __init__(self, repo=None):
        self.repo = repo
        self.batches: list[tuple] = []
        self.stored_when_told: list[list] = []
        self.contexts: list = []

    def deliver(self, events, context=None):
        self.batches.append(tuple(events))
        self.contexts.append(context)
        if self.repo is not None:
            self.stored_when_told.append(self.repo.list_events())


class RaisingSink:
    def __init__(self):
        self.calls = 0

    def deliver(self, events, context=None):
        self.calls += 1
        raise RuntimeError("channel down")


def falling_btc(store, start=START):
    closes = [100.0] * 60 + [100.0 - i for i in range(1, 21)]
    store.upsert_bars([Bar("BTC", start + timedelta(days=i), c) for i, c in enumerate(closes)])
    store.add_position(Position(BTC, Decimal("2"), Decimal("50")))


@pytest.fixture
def env(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    clock = ManualClock(START + timedelta(days=80, hours=12))
    falling_btc(store)
    yield store, repo, clock
    store.close()


def test_a_registered_sink_receives_exactly_the_committed_events_after_the_commit(env):
    store, repo, clock = env
    sink = RecordingSink(repo)
    alerts = AlertService(repo, clock)
    rwapp.register_alert_sinks(alerts, sink)
    monitor = Monitor(store, alerts, clock, None)
    result = asyncio.run(monitor.run_cycle(offline=True))
    assert result.events and sink.batches == [result.events]
    assert sink.stored_when_told == [list(result.events)]          # stored before the sink was told
    ctx = sink.contexts[0]
    assert isinstance(ctx, SignalContext) and ctx.offline and ctx.report.asset("BTC").price == 80.0
    clock.set(clock.now() + timedelta(minutes=1))
    again = asyncio.run(monitor.run_cycle(offline=True))
    assert again.events == () and len(sink.batches) == 1           # nothing committed: nobody told


def test_a_raising_sink_stops_neither_the_cycle_nor_the_other_sinks(env, caplog):
    store, repo, clock = env
    bad, good = RaisingSink(), RecordingSink()
    alerts = AlertService(repo, clock, sinks=[bad, good])
    monitor = Monitor(store, alerts, clock, None)
    with caplog.at_level(logging.ERROR):
        result = asyncio.run(monitor.run_cycle(offline=True))
    assert bad.calls == 1 and good.batches == [result.events] and result.events
    assert result.active and tuple(repo.list_events()) == result.events
    assert "channel down" in caplog.text


def test_a_sink_registered_twice_is_told_once(env):
    store, repo, clock = env
    sink = RecordingSink()
    alerts = AlertService(repo, clock)
    alerts.add_sink(sink)
    alerts.add_sink(sink)
    alerts.add_listener(sink.deliver)      # MainWindow still registers its bridge's method itself
    Monitor(store, alerts, clock, None).evaluate(store.portfolio(), None, offline=True)
    assert len(sink.batches) == 1


def event(kind, severity, key="BTC|drop"):
    return AlertEvent(kind=kind, alert_key=key, rule_key="r", rule_name="r", severity=severity, member="BTC",
                      metric="drop_from_high:30D", value=-0.2, threshold=-0.15,
                      ts=START, code="")


def test_popup_policy_warning_and_critical_fired_or_escalated_pop_up_while_needing_attention():
    fired_w = event(EventKind.FIRED, Severity.WARNING)
    fired_i = event(EventKind.FIRED, Severity.INFO, key="MARA|vol")
    escalated = event(EventKind.ESCALATED, Severity.CRITICAL, key="ETH|drop")
    resolved = event(EventKind.RESOLVED, Severity.WARNING, key="SOL|drop")
    assert needs_popup(fired_w) and needs_popup(escalated)
    assert not needs_popup(fired_i) and not needs_popup(resolved)
    batch = [fired_i, fired_w, escalated, resolved]
    decision = decide_popup(batch, {"BTC|drop", "ETH|drop", "MARA|vol"}, ["ETH|drop", "BTC|drop", "MARA|vol"])
    assert decision.urgent == (fired_w, escalated) and decision.select == "ETH|drop"
    assert decision.sound and decision.tray and decision.pops_up
    # acknowledged or snoozed meanwhile (no longer needing attention): no pop-up, no sound
    quiet = decide_popup(batch, {"MARA|vol"}, ["MARA|vol"])
    assert quiet.urgent == () and not quiet.sound and not quiet.tray and quiet.select == "MARA|vol"
    muted = decide_popup([fired_w], {"BTC|drop"}, ["BTC|drop"], notify_tray=False, play_sound=False)
    assert muted.pops_up and not muted.sound and not muted.tray


class CountingSource:
    instances: list = []

    def __init__(self):
        self.closed = 0
        CountingSource.instances.append(self)

    async def collect(self, context):
        return {}

    async def aclose(self):
        self.closed += 1


class CountingComputer:
    instances: list = []

    def __init__(self):
        self.closed = 0
        CountingComputer.instances.append(self)

    async def compute(self, inputs):
        from riskwatch.domain.risk_report import compute_risk_report

        return compute_risk_report(**inputs)

    async def aclose(self):
        self.closed += 1


@pytest.fixture
def counting(monkeypatch):
    CountingSource.instances, CountingComputer.instances = [], []
    monkeypatch.setattr(rwapp, "build_liquidity", lambda *a, **kw: CountingSource())
    monkeypatch.setattr(rwapp, "build_report_computer", CountingComputer)
    return CountingSource.instances, CountingComputer.instances


def test_check_closes_the_monitor_once(tmp_path, data_dir, counting, monkeypatch):
    sources, _ = counting
    build = rwapp.build_monitor
    monkeypatch.setattr(rwapp, "build_monitor",
                        lambda *a, **kw: build(*a, **kw, report_computer=CountingComputer()))
    store = SqliteStore.in_dir(data_dir)
    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    falling_btc(store, today - timedelta(days=79))   # current data: check evaluates it
    store.close()
    r = run_main("check", "--offline", "--json", data_dir=data_dir)
    assert r.returncode in (0, 1, 2), r.stderr
    assert [s.closed for s in sources] == [1]
    assert [c.closed for c in CountingComputer.instances] == [1]


def test_the_desktop_closes_the_monitor_once(qtbot, tmp_path, counting, monkeypatch):
    sources, computers = counting
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")
    store = SqliteStore.in_dir(tmp_path)
    args = argparse.Namespace(data_dir=None, exchange=None, exchange_api_url="http://127.0.0.1:9", demo=False,
                              replay_from=None, demo_speed=None)
    d = launcher.launch(args, store, language="en", offline=True)
    qtbot.addWidget(d.window)
    try:
        qtbot.waitUntil(lambda: d.bridge is not None, timeout=20000)
        assert d.window.alert_bridge in d.bridge.monitor.alerts.sinks or any(
            getattr(s, "listener", None) == d.window.alert_bridge.listener for s in d.bridge.monitor.alerts.sinks)
    finally:
        d.stop()
        store.close()
    assert [s.closed for s in sources] == [1] and [c.closed for c in computers] == [1]


def test_funding_and_open_interest_are_their_own_signal_source(tmp_path):
    from riskwatch.adapters.clock import SystemClock
    from riskwatch.services.derivatives import DerivativesSource
    from riskwatch.services.fundamentals_source import FundamentalsSource
    from riskwatch.services.liquidity import LiquidityCollector

    store = SqliteStore.in_dir(tmp_path)
    try:
        monitor = rwapp.build_monitor(store, SystemClock(), offline=True)
        kinds = [type(s) for s in monitor.signal_sources]
        assert kinds == [LiquidityCollector, DerivativesSource, FundamentalsSource]  # the balance sheets too
        assert rwapp.build_monitor(store, SystemClock(), store_only=True).signal_sources == ()
    finally:
        store.close()
