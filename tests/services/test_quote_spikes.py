"""Issue 20, item 1, in one long-running process: Monitor + MarketDataService + alerts against the loopback
Kraken (real ccxt, real SQLite, a manual clock). Spiked ticks never change an alert's state; two of them in a
row do not confirm each other; the correct price after them is used in the cycle it arrives."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from riskwatch.adapters.ccxt_feed import CcxtFeed, RetryPolicy
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.services.alerting import AlertService
from riskwatch.services.market_data import MarketDataConfig, MarketDataService
from riskwatch.services.monitor import Monitor
from tests.fakes.fake_kraken import FakeKraken

T0 = datetime(2026, 3, 10, 15, 0, 7, tzinfo=UTC)
DAY = 86400
HIGH, PRICE = 100_000.0, 82_200.0


async def _no_sleep(_s: float) -> None:
    return None


@pytest.fixture
def env(tmp_path):
    clock = ManualClock(T0)
    server = FakeKraken(now=lambda: clock.now().timestamp()).start()
    today = int(T0.timestamp()) // DAY * DAY
    server.set_daily_bars("XXBTZUSD", [(today - i * DAY, c, c * 1.001, c * 0.999, c, 50.0)
                                       for i in range(500, -1, -1) for c in [HIGH if i > 10 else PRICE]])
    store = SqliteStore.in_dir(tmp_path)
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), Decimal("50000")))
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    feed = CcxtFeed("kraken", api_url=server.url, rate_limit_ms=1, timeout_ms=1000, sleep=_no_sleep,
                    random=lambda: 1.0, clock=clock, retry=RetryPolicy(attempts=2))
    market = MarketDataService(store, feed, None, clock, MarketDataConfig())
    monitor = Monitor(store, AlertService(repo, clock), clock, market, refresh_s=15)
    yield clock, server, monitor
    store.close()
    server.stop()


def test_spiked_ticks_in_a_running_monitor(env):
    clock, server, monitor = env

    async def cycle():
        clock.set(clock.now() + timedelta(seconds=15))
        r = await monitor.run_cycle()
        return r, [(e.kind.value, e.member, e.severity.value) for e in r.events]

    async def scenario():
        try:
            r, events = await cycle()
            assert ("fired", "BTC", "warning") in events and ("fired", "portfolio", "warning") in events
            for _ in range(2):                                   # two consecutive spiked ticks
                server.inject("Ticker", "spike", times=1, factor=10)
                r, events = await cycle()
                assert events == [] and r.market.quotes["BTC"].price == pytest.approx(PRICE)
                assert "BTC" in r.market.unconfirmed
                assert r.report.snapshot.get("BTC", "drop_from_high:30D").status == "unconfirmed"
            r, events = await cycle()                            # the correct price: used at once
            assert events == [] and "BTC" not in r.market.unconfirmed and "BTC" not in r.market.errors
            assert r.market.quotes["BTC"].price == pytest.approx(PRICE)
            assert r.report.snapshot.get("BTC", "drop_from_high:30D").status == "ok"
            server.inject("Ticker", "spike", times=1, factor=0.01)
            r, events = await cycle()
            assert events == [] and "BTC" in r.market.unconfirmed
            server.set_price("BTC/USD", 33_000.0)                # a crash the order book confirms
            r, events = await cycle()
            assert ("escalated", "BTC", "critical") in events
            assert r.market.quotes["BTC"].price == pytest.approx(33_000.0)
            assert {(a.member, a.severity.value) for a in r.active} >= {("BTC", "critical"), ("portfolio", "warning")}
        finally:
            await monitor.market.close()

    asyncio.run(scenario())
