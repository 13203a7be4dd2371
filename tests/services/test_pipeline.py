"""The monitoring cycle as one pipeline on a real store: report computer and signal sources injected, the rules
evaluated once, a failing source leaves the price rules alone, and ``Monitor.aclose`` closes everything once."""

import asyncio
import logging
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from riskwatch.domain.freshness import DataStatus
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Bar, Position
from riskwatch.domain.ports import SignalContext
from riskwatch.domain.risk_report import compute_risk_report
from riskwatch.domain.snapshot import MetricValue
from riskwatch.domain.validation import RejectionCounter
from riskwatch.services.alerting import AlertService
from riskwatch.services.market_data import MarketDataService
from riskwatch.services.monitor import Monitor

START = datetime(2025, 1, 1, tzinfo=timezone.utc)
NOW = START + timedelta(days=80, hours=12)
BTC = Asset("BTC", AssetKind.CRYPTO)


class CountingAlerts(AlertService):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.processed = 0

    def process(self, snapshot, context=None):
        self.processed += 1
        return super().process(snapshot, context)


class Source:
    """A signal source that adds one value and counts its calls and closes."""

    def __init__(self, value=0.5, fail=False):
        self.value, self.fail = value, fail
        self.contexts: list[SignalContext] = []
        self.closed = 0

    async def collect(self, context):
        self.contexts.append(context)
        if self.fail:
            raise RuntimeError("venue exploded")
        return {("BTC", "test_signal"): MetricValue(self.value, DataStatus.OK, as_of=context.report.ts)}

    async def aclose(self):
        self.closed += 1


class Computer:
    """A report computer as the worker process is one: ``compute(inputs)``, ``aclose()``."""

    def __init__(self):
        self.computed = 0
        self.closed = 0

    async def compute(self, inputs):
        self.computed += 1
        return compute_risk_report(**inputs)

    async def aclose(self):
        self.closed += 1


class ClosingFeed:
    """A crypto feed that is never asked (offline cycles) but counts how often it is closed."""

    source = "counting"
    page_limit = 100

    def __init__(self):
        self.rejections = RejectionCounter()
        self.closed = 0

    async def close(self):
        self.closed += 1


@pytest.fixture
def env(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    clock = ManualClock(NOW)
    # BTC: 60 days at 100, then 20 days down to 80 (−20 % from the 30-day high: the warning rules fire)
    closes = [100.0] * 60 + [100.0 - i for i in range(1, 21)]
    store.upsert_bars([Bar("BTC", START + timedelta(days=i), c) for i, c in enumerate(closes)])
    store.add_position(Position(BTC, Decimal("2"), Decimal("50")))
    yield store, repo, clock
    store.close()


def test_one_cycle_runs_report_computer_and_sources_and_evaluates_the_rules_once(env):
    store, repo, clock = env
    alerts = CountingAlerts(repo, clock)
    source, computer = Source(), Computer()
    monitor = Monitor(store, alerts, clock, None, signal_sources=[source], report_computer=computer)
    result = asyncio.run(monitor.run_cycle(offline=True))
    assert computer.computed == 1 and alerts.processed == 1 and len(source.contexts) == 1
    ctx = source.contexts[0]
    assert ctx.offline and ctx.market_result is None and ctx.portfolio.symbols == store.portfolio().symbols
    assert ctx.report.asset("BTC").price == 80.0           # the source sees the report of this cycle
    assert result.report.snapshot.value("BTC", "test_signal") == 0.5
    assert result.liquidity[("BTC", "test_signal")].value == 0.5
    assert ("fired", "BTC") in {(e.kind.value, e.member) for e in result.events}
    assert result.events == tuple(repo.list_events())


def test_a_failing_source_is_logged_and_the_price_rules_still_fire(env, caplog):
    store, repo, clock = env
    good, bad = Source(value=0.25), Source(fail=True)
    monitor = Monitor(store, AlertService(repo, clock), clock, None, signal_sources=[bad, good])
    with caplog.at_level(logging.ERROR):
        result = asyncio.run(monitor.run_cycle(offline=True))
    assert "signal source" in caplog.text and "venue exploded" in caplog.text
    assert result.report.snapshot.value("BTC", "test_signal") == 0.25     # the other source still counts
    assert ("fired", "BTC", "warning") in {(e.kind.value, e.member, e.severity.value) for e in result.events}


def test_evaluate_stays_the_synchronous_pipeline_without_sources(env):
    store, repo, clock = env
    source = Source()
    monitor = Monitor(store, AlertService(repo, clock), clock, None, signal_sources=[source])
    extra = {("BTC", "test_signal"): MetricValue(0.75, DataStatus.OK, as_of=NOW)}
    result = monitor.evaluate(store.portfolio(), None, offline=True, extra_values=extra)
    assert source.contexts == []                     # replay and tests: no fetching, no sources
    assert result.report.snapshot.value("BTC", "test_signal") == 0.75
    assert result.events and result.events == tuple(repo.list_events())


def test_aclose_closes_feeds_computer_and_sources_once(env):
    store, repo, clock = env
    feed, computer = ClosingFeed(), Computer()
    liquidity, other = Source(), Source()
    market = MarketDataService(store, feed, None, clock)
    monitor = Monitor(store, AlertService(repo, clock), clock, market, liquidity=liquidity,
                      signal_sources=[other], report_computer=computer)

    async def main():
        await monitor.run_cycle(offline=True)
        await monitor.aclose()
        await monitor.aclose()                       # idempotent: a second close closes nothing again

    asyncio.run(main())
    assert (feed.closed, computer.closed, liquidity.closed, other.closed) == (1, 1, 1, 1)


def test_a_closer_that_fails_does_not_keep_the_others_open(env, caplog):
    store, repo, clock = env

    class BadComputer(Computer):
        async def aclose(self):
            raise OSError("worker already gone")

    feed, source = ClosingFeed(), Source()
    monitor = Monitor(store, AlertService(repo, clock), clock, MarketDataService(store, feed, None, clock),
                      signal_sources=[source], report_computer=BadComputer())
    with caplog.at_level(logging.ERROR):
        asyncio.run(monitor.aclose())
    assert feed.closed == 1 and source.closed == 1 and "worker already gone" in caplog.text
