"""Old data never raises, escalates or resolves an alarm: the held-out cases of the real bundled history.

The Monitor runs for real (SQLite on disk, the shipped default rules, the bundled history of resources/data as
the fallback) at a chosen clock time; nothing is fetched.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from riskwatch.adapters.bundle import load_bundled_closes
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.alerts import EventKind
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.model import Asset, AssetKind, Bar, Position
from riskwatch.domain.snapshot import PORTFOLIO
from riskwatch.services.alerting import AlertService
from riskwatch.services.monitor import Monitor

MINERS = ("IREN", "WULF", "CORZ", "CLSK", "BITF")


@pytest.fixture
def env(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    clock = ManualClock(datetime(2025, 11, 4, 12, tzinfo=UTC))
    monitor = Monitor(store, AlertService(repo, clock), clock, None, fallback_closes=load_bundled_closes)
    yield store, repo, clock, monitor
    store.close()


def _hold(store, *symbols):
    for sym in symbols:
        kind = AssetKind.CRYPTO if sym == "BTC" else AssetKind.EQUITY
        store.add_position(Position(Asset(sym, kind), Decimal("10"), Decimal("100")))


def _fired(result):
    return {(e.rule_key, e.member) for e in result.events if e.kind is EventKind.FIRED}


def test_bitf_ending_in_april_never_fires_while_fresh_btc_does(env):
    """BITF's history ends 2025-04-04 at −39 % from its 30-day high; on 2025-11-04 that is seven months old."""
    store, repo, clock, monitor = env
    _hold(store, "BTC", "BITF")
    result = monitor.evaluate(store.portfolio(), None, offline=True)
    snap = result.report.snapshot
    bitf = snap.get("BITF", "drop_from_high:30D")
    assert bitf.value == pytest.approx(-0.391, abs=1e-3)           # the figure is there, and old
    assert bitf.status is DataStatus.STALE and not bitf.available
    assert bitf.as_of.date().isoformat() == "2025-04-04"           # the close of its last session
    assert ("miner_drop_30d_warning", "BITF") not in _fired(result)
    # BTC on the same day is fresh (its bar of 2025-11-04 counts until the end of 11-05) and fires at −18.6 %
    assert snap.get("BTC", "drop_from_high:30D").status is DataStatus.OK
    assert ("btc_drop_30d_warning", "BTC") in _fired(result)
    # the portfolio's miner beta is not BITF's April beta: it is marked stale, as of BITF's last close
    beta = snap.get(PORTFOLIO, "beta_btc:90D")
    assert not beta.available and beta.as_of.date().isoformat() == "2025-04-04"
    assert beta.status in (DataStatus.STALE, DataStatus.MISSING) and beta.detail == "sample_data"
    pf = result.report.portfolio
    assert pf.status is DataStatus.STALE and [s for s, _ in pf.stale] == ["BITF"]
    # the event records the as-of time of its data beside the time it was raised
    fired = next(e for e in result.events if e.rule_key == "btc_drop_30d_warning")
    assert fired.data_as_of == datetime(2025, 11, 4, 12, tzinfo=UTC)  # today's bar, read at 12:00
    stored = next(e for e in repo.list_events() if e.rule_key == "btc_drop_30d_warning")
    assert stored.data_as_of == fired.data_as_of and stored.ts == fired.ts


def test_btc_368_days_old_offline_fires_nothing_and_says_sample_data(env):
    store, repo, clock, monitor = env
    clock.set(datetime(2026, 12, 2, 19, 18, tzinfo=UTC))
    _hold(store, "BTC", "IREN")
    result = monitor.evaluate(store.portfolio(), None, offline=True)
    btc = result.report.snapshot.get("BTC", "drop_from_high:30D")
    assert btc.value is not None and btc.status is DataStatus.STALE
    assert btc.as_of == datetime(2025, 11, 30, tzinfo=UTC)       # the close of the bar of 2025-11-29
    assert btc.detail == "sample_data"
    assert result.events == () and result.active == ()
    row = result.report.asset("BTC")
    assert row.price_state is DataStatus.STALE and row.sample and row.as_of == btc.as_of
    assert result.report.portfolio.as_of == btc.as_of             # the oldest holding's date, not IREN's


def test_an_active_alert_whose_data_goes_stale_stays_marked_and_resolves_only_on_fresh_data(env):
    store, repo, clock, monitor = env
    start = datetime(2025, 1, 1, tzinfo=UTC)
    closes = [100.0] * 60 + [100.0 - i for i in range(1, 21)]     # −20 % from the 30-day high
    store.upsert_bars([Bar("BTC", start + timedelta(days=i), c) for i, c in enumerate(closes)])
    _hold(store, "BTC")
    clock.set(start + timedelta(days=80, hours=12))
    first = monitor.evaluate(store.portfolio(), None, offline=True)
    assert ("btc_drop_30d_warning", "BTC") in _fired(first)
    # three days later no new bar came: nothing changes, the alert is marked "data stale since" its as-of
    clock.set(start + timedelta(days=83, hours=12))
    later = monitor.evaluate(store.portfolio(), None, offline=True)
    assert [e for e in later.events if e.member == "BTC"] == []
    rec = repo.load_state().get("btc_drop_30d|BTC")
    assert rec.active and rec.stale_since == start + timedelta(days=80)
    # a recovered price on fresh data resolves it and clears the mark
    store.upsert_bars([Bar("BTC", start + timedelta(days=d), 100.0) for d in (80, 81, 82, 83)])
    fresh = monitor.evaluate(store.portfolio(), None, offline=True)
    assert [e.kind for e in fresh.events if e.member == "BTC"] == [EventKind.RESOLVED]
    rec = repo.load_state().get("btc_drop_30d|BTC")
    assert not rec.active and rec.stale_since is None


def _stock_bars(store, symbol, last_day, n=60, last_close=70.0):
    days = [last_day - timedelta(days=i) for i in range(n * 2)]
    days = [d for d in days if d.weekday() < 5][:n][::-1]
    closes = [100.0] * (len(days) - 1) + [last_close]
    store.upsert_bars([Bar(symbol, d, c) for d, c in zip(days, closes)])


def test_a_stock_over_the_weekend_and_a_holiday_is_market_closed_and_its_rules_still_fire(env):
    store, repo, clock, monitor = env
    _hold(store, "IREN")
    # IREN's last bar: Wednesday 2025-11-26; Thursday 11-27 is Thanksgiving (NYSE closed)
    _stock_bars(store, "IREN", datetime(2025, 11, 26, tzinfo=UTC))
    clock.set(datetime(2025, 11, 27, 18, tzinfo=UTC))
    holiday = monitor.evaluate(store.portfolio(), None, offline=True)
    mv = holiday.report.snapshot.get("IREN", "drop_from_high:30D")
    assert mv.status is DataStatus.MARKET_CLOSED and mv.available
    assert ("miner_drop_30d_warning", "IREN") in _fired(holiday)


def test_a_stock_close_goes_stale_when_the_next_session_opens_and_its_daily_figures_a_session_later(env):
    store, repo, clock, monitor = env
    _hold(store, "IREN")
    _stock_bars(store, "IREN", datetime(2025, 11, 21, tzinfo=UTC))   # Friday
    clock.set(datetime(2025, 11, 23, 12, tzinfo=UTC))                  # Sunday: market closed, usable
    sunday = monitor.evaluate(store.portfolio(), None, offline=True).report.snapshot
    assert sunday.get("IREN", "drop_from_high:30D").status is DataStatus.MARKET_CLOSED
    assert sunday.get("IREN", "volatility:90D").status is DataStatus.OK
    clock.set(datetime(2025, 11, 24, 16, tzinfo=UTC))                  # Monday, the session is open
    monday = monitor.evaluate(store.portfolio(), None, offline=True)
    assert monday.report.snapshot.get("IREN", "drop_from_high:30D").status is DataStatus.STALE
    assert monday.report.snapshot.get("IREN", "volatility:90D").status is DataStatus.OK  # until Monday's close
    assert [e for e in monday.events if e.member == "IREN"] == []
    clock.set(datetime(2025, 11, 25, 12, tzinfo=UTC))                  # Tuesday: Monday's close is missing
    tuesday = monitor.evaluate(store.portfolio(), None, offline=True).report.snapshot
    assert tuesday.get("IREN", "volatility:90D").status is DataStatus.STALE
