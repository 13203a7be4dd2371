"""The risk report computed in a worker process: same figures as in-process, errors raised, a dead worker
is replaced by the in-process computation (the cycle still has its report), and a cycle through the Monitor
fires the same alerts."""

import asyncio
import logging
import os
import pickle
import signal
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.report_process import ReportProcess
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Bar, Position
from riskwatch.domain.risk_report import compute_risk_report
from riskwatch.services.alerting import AlertService
from riskwatch.services.monitor import Monitor

START = datetime(2025, 1, 1, tzinfo=timezone.utc)
NOW = START + timedelta(days=80, hours=12)


def _bars(symbol, closes):
    return [Bar(symbol, START + timedelta(days=i), c) for i, c in enumerate(closes)]


BTC = [100.0] * 60 + [100.0 - i for i in range(1, 21)]               # −20 % from the 30-day high
IREN = [10.0 + (i % 7) * 0.3 - i * 0.02 for i in range(80)]


@pytest.fixture
def env(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    clock = ManualClock(NOW)
    store.upsert_bars(_bars("BTC", BTC) + _bars("IREN", IREN))
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("2"), Decimal("50")))
    store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal("100"), Decimal("8")))
    yield store, repo, clock
    store.close()


@pytest.fixture
def worker():
    process = ReportProcess().start()
    yield process
    process.close()


def _values(report):
    return {k: (v.value, v.status) for k, v in report.snapshot.values.items()}


def test_worker_report_equals_the_in_process_report(env, worker):
    store, _repo, clock = env
    monitor = Monitor(store, None, clock, None)
    inputs, _closes, _sources = monitor._inputs(store.portfolio(), None, clock.now())
    local = compute_risk_report(**inputs)
    remote = asyncio.run(worker.compute(inputs))
    assert worker.pid() not in (None, os.getpid())
    assert worker.remote_reports == 1 and worker.local_reports == 0
    assert remote.assets == local.assets and remote.portfolio == local.portfolio
    assert _values(remote) == _values(local)
    assert remote.snapshot.value("BTC", "drop_from_high:30D") == pytest.approx(-0.20)
    # the snapshot survives pickling as an immutable mapping
    again = pickle.loads(pickle.dumps(remote.snapshot))
    assert _values(remote) == {k: (v.value, v.status) for k, v in again.values.items()}
    with pytest.raises(TypeError):
        again.values[("BTC", "x")] = None  # type: ignore[index]


def test_an_error_of_the_computation_is_raised_and_keeps_the_worker(env, worker):
    store, _repo, clock = env
    monitor = Monitor(store, None, clock, None)
    inputs, _c, _s = monitor._inputs(store.portfolio(), None, clock.now())
    bad = dict(inputs, closes={"BTC": "not a series"})
    with pytest.raises(AttributeError):
        asyncio.run(worker.compute(bad))
    assert worker.available
    assert asyncio.run(worker.compute(inputs)).asset("BTC").price == 80.0
    assert worker.remote_reports == 1 and worker.local_reports == 0


def test_a_dead_worker_falls_back_to_the_in_process_computation(env, worker, caplog):
    store, _repo, clock = env
    monitor = Monitor(store, None, clock, None)
    inputs, _c, _s = monitor._inputs(store.portfolio(), None, clock.now())
    pid = worker.pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # wait until the process is gone
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.02)
    caplog.set_level(logging.WARNING)
    first = asyncio.run(worker.compute(inputs))
    second = asyncio.run(worker.compute(inputs))
    assert first.asset("BTC").price == 80.0 and _values(first) == _values(second)
    assert not worker.available and worker.local_reports == 2
    assert sum("computing in-process" in r.getMessage() for r in caplog.records) == 1  # said once


def test_a_monitor_cycle_through_the_worker_fires_the_alerts_once(env, worker):
    store, repo, clock = env
    monitor = Monitor(store, AlertService(repo, clock), clock, None, report_computer=worker)
    first = asyncio.run(monitor.run_cycle(offline=True))
    assert worker.remote_reports == 1
    fired = {(e.kind.value, e.member, e.severity.value) for e in first.events}
    assert ("fired", "BTC", "warning") in fired
    assert first.report.asset("IREN").beta_btc is not None  # daily-only figures computed in the worker
    clock.set(clock.now() + timedelta(minutes=1))
    second = asyncio.run(monitor.run_cycle(offline=True))
    assert second.events == () and worker.remote_reports == 2
    assert {a.member for a in second.active} >= {"BTC"}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its reaper counts as gone
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_the_worker_ends_by_itself_when_its_parent_is_killed(tmp_path):
    """SIGKILL of the app never shuts the pool down; the worker must notice and go within 5 s."""
    import subprocess
    import sys

    script = (
        "import sys, time\n"
        "from riskwatch.adapters.report_process import ReportProcess\n"
        "p = ReportProcess()\n"
        "print(p.pid(), flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert _alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait(5)
        deadline = time.monotonic() + 5
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(child), "the worker outlived its killed parent by more than 5 s"
    finally:
        parent.kill()
        parent.wait(5)
