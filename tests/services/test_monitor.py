"""One monitoring cycle offline on a real store: report, snapshot, alerts committed once."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pandas as pd
import pytest

from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Bar, Position
from riskwatch.services.alerting import AlertService
from riskwatch.services.monitor import Monitor

START = datetime(2025, 1, 1, tzinfo=timezone.utc)


def bars(symbol, closes, start=START):
    return [Bar(symbol, start + timedelta(days=i), c) for i, c in enumerate(closes)]


@pytest.fixture
def env(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    clock = ManualClock(START + timedelta(days=80, hours=12))
    service = AlertService(repo, clock)
    monitor = Monitor(store, service, clock, None)
    yield store, monitor, clock
    store.close()


def test_offline_cycle_computes_the_figures_and_fires_once(env):
    store, monitor, clock = env
    # BTC: 60 days at 100, then 20 days falling linearly to 80 (−20 % from the 30-day high)
    closes = [100.0] * 60 + [100.0 - i for i in range(1, 21)]
    store.upsert_bars(bars("BTC", closes))
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("2"), Decimal("50")))
    r1 = monitor.evaluate(store.portfolio(), None, offline=True)
    rep = r1.report
    btc = rep.asset("BTC")
    assert btc.price == 80.0 and btc.value == 160.0 and btc.pnl == 60.0
    assert btc.drop_from_high == pytest.approx(-0.20) and btc.drawdown == pytest.approx(-0.20)
    assert rep.portfolio.value == 160.0 and rep.portfolio.largest_symbol == "BTC"
    assert rep.portfolio.drawdown == pytest.approx(-0.20)
    assert rep.snapshot.value("BTC", "drop_from_high:30D") == pytest.approx(-0.20)
    fired = [(e.kind.value, e.member, e.severity.value) for e in r1.events]
    assert ("fired", "BTC", "warning") in fired
    assert ("fired", "portfolio", "warning") in fired
    assert r1.history_sources["BTC"] == "store"
    # a second cycle does not fire again
    clock.set(clock.now() + timedelta(minutes=1))
    r2 = monitor.evaluate(store.portfolio(), None, offline=True)
    assert r2.events == ()
    assert {a.member for a in r2.active} == {"BTC", "portfolio"}


def test_missing_prices_never_fire_and_are_reported(env):
    store, monitor, _clock = env
    store.add_position(Position(Asset("NOPE", AssetKind.EQUITY), Decimal("1"), Decimal("1")))
    r = monitor.evaluate(store.portfolio(), None, offline=True)
    assert r.events == () and not r.has_data
    assert r.report.missing == ("NOPE",)
    assert r.report.asset("NOPE").price is None


def test_bundle_serves_only_symbols_without_own_bars(env):
    store, _monitor, clock = env
    served = []

    def fallback(symbol):
        served.append(symbol)
        return pd.Series([1.0, 2.0], index=pd.DatetimeIndex([START, START + timedelta(days=1)]))

    monitor = Monitor(store, None, clock, None, fallback_closes=fallback)
    store.upsert_bars(bars("BTC", [10.0, 11.0, 12.0]))
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), Decimal("1")))
    store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal("1"), Decimal("1")))
    r = monitor.evaluate(store.portfolio(), None, offline=True)
    assert r.history_sources["BTC"] == "store" and r.history_sources["IREN"] == "bundle"
    assert "BTC" not in served
    assert r.report.asset("BTC").price == 12.0  # the store's own price, never the bundle's


@pytest.mark.parametrize("now, expected", [
    (datetime(2026, 11, 28, 15, 0, tzinfo=timezone.utc), "market_closed"),   # Saturday, Friday's bar
    (datetime(2026, 11, 30, 23, 0, tzinfo=timezone.utc), "market_closed"),   # Monday evening, Monday's bar
    (datetime(2026, 12, 9, 23, 0, tzinfo=timezone.utc), "stale"),            # a week later, same last bar
])
def test_a_stock_priced_from_stored_history_is_market_closed_when_the_market_is(tmp_path, now, expected):
    """The bar is stamped 00:00 UTC, before its session; its close counts from the session's close."""
    store = SqliteStore.in_dir(tmp_path)
    try:
        last = datetime(2026, 11, 30, tzinfo=timezone.utc) if now.day != 28 else datetime(2026, 11, 27,
                                                                                              tzinfo=timezone.utc)
        store.upsert_bars(bars("IREN", [40.0 + (i % 5) for i in range(60)], start=last - timedelta(days=59)))
        store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal("10"), Decimal("30")))
        repo = AlertRepository(store)
        monitor = Monitor(store, AlertService(repo, ManualClock(now)), ManualClock(now), None)
        report = monitor.evaluate(store.portfolio(), None, offline=True).report
        assert report.asset("IREN").price_state == expected
    finally:
        store.close()


def test_deleting_a_position_resolves_its_alerts_with_the_reason(env, qapp):
    """Its alert must not stay active in the overview and the alert window; the history says why it ended."""
    from riskwatch.gui.alert_text import AlertText

    store, monitor, clock = env
    wulf = [10.0] * 60 + [10.0 - 0.2 * i for i in range(1, 21)]       # −40 % from the 30-day high
    store.upsert_bars(bars("WULF", wulf) + bars("BTC", [100.0] * 80))
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), Decimal("50")))
    store.add_position(Position(Asset("WULF", AssetKind.EQUITY), Decimal("100"), Decimal("8")))
    first = monitor.evaluate(store.portfolio(), None, offline=True)
    assert "WULF" in {a.member for a in first.active}
    wulf_id = next(p.id for p in store.list_positions() if p.symbol == "WULF")
    store.delete_position(wulf_id)
    clock.set(clock.now() + timedelta(minutes=1))
    second = monitor.evaluate(store.portfolio(), None, offline=True)
    resolved = [e for e in second.events if e.member == "WULF"]
    assert [(e.kind.value, e.params.get("reason")) for e in resolved] == [("resolved", "position_removed")]
    assert "WULF" not in {a.member for a in second.active}
    assert AlertText().event_kind(resolved[0]) == "Resolved (position removed)"
