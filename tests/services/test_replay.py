"""The replay runs the real monitor and alert engine day by day on a separate store.

Over the October–November 2025 sell-off (example portfolio, bundled history) the BTC 17 % rule fires first on
2025-11-04; the live store is not changed by a single byte.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pandas as pd
import pytest

from riskwatch import app
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.alerts import EventKind
from riskwatch.domain.model import Asset, AssetKind, Bar, Portfolio, Position
from riskwatch.services.replay import DEMO_END, DEMO_START, ReplayService, end_of_day, events_of, history_closes


def _service(closes, **kw) -> ReplayService:
    return ReplayService(make_store=lambda: SqliteStore(":memory:"), open_alerts=app.open_alerts,
                         make_clock=ManualClock, closes=closes, **kw)


def _digest(directory) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def selloff(tmp_path_factory):
    """The demo period replayed against a live store holding the example portfolio (no own bars)."""
    live_dir = tmp_path_factory.mktemp("live")
    live = SqliteStore.in_dir(live_dir)
    live.add_positions(app.example_positions())
    AlertRepository(live).seed_default_rules(load_default_rules())
    live.set_setting("language", "de")
    live.close()
    before = _digest(live_dir)
    live = SqliteStore.in_dir(live_dir)
    try:
        portfolio = live.portfolio()
        service = _service(history_closes(live, app.bundled_closes), rules=AlertRepository(live).list_rules())
        steps = list(service.run(portfolio, DEMO_START, DEMO_END))
    finally:
        live.close()
    return steps, before, _digest(live_dir), service


def test_the_btc_17_percent_warning_fires_first_on_2025_11_04(selloff):
    steps, *_ = selloff
    assert [s.date for s in steps] == [DEMO_START + timedelta(days=i) for i in range(60)]
    btc_fired = [e for e in events_of(steps) if e.member == "BTC" and e.kind is EventKind.FIRED]
    first = btc_fired[0]
    assert first.ts.date() == date(2025, 11, 4)
    assert first.rule_key == "btc_drop_30d_warning" and first.severity.value == "warning"
    assert first.metric == "drop_from_high:30D" and first.value == pytest.approx(-0.1857, abs=1e-4)
    day = next(s for s in steps if s.date == date(2025, 11, 4))
    assert first in day.result.events
    assert day.result.report.ts == end_of_day(date(2025, 11, 4))


def test_the_sell_off_escalates_and_the_miners_follow(selloff):
    steps, *_ = selloff
    btc = [(e.ts.date().isoformat(), e.kind.value, e.severity.value) for e in events_of(steps) if e.member == "BTC"]
    assert btc == [("2025-11-04", "fired", "warning"), ("2025-11-08", "resolved", "warning"),
                   ("2025-11-14", "fired", "warning"), ("2025-11-21", "escalated", "critical"),
                   ("2025-11-24", "deescalated", "warning")]
    miners = {e.member for e in events_of(steps) if e.rule_key == "miner_drop_30d_warning"
              and e.kind is EventKind.FIRED and e.ts.date() >= date(2025, 11, 1)}
    assert {"IREN", "CORZ", "CLSK"} <= miners
    last = steps[-1].result
    assert last.history_sources["BTC"] == "bundle"
    assert last.report.asset("BTC").price_ts.date() == date(2025, 11, 29)
    assert any(a.member == "BTC" for a in last.active)


def test_the_live_store_is_byte_identical_afterwards(selloff):
    _steps, before, after, service = selloff
    assert after == before
    assert not service.running and service.store is None


def test_step_api_for_the_gui_timer():
    service = _service(app.bundled_closes)
    portfolio = Portfolio(tuple(app.example_positions()))
    assert service.step() is None                                        # not started
    service.start(portfolio, date(2025, 11, 3), date(2025, 11, 5))
    assert service.running and service.days_total == 3 and service.days_done == 0
    got = []
    while (step := service.step()) is not None:
        day, result = step                                               # a (date, CycleResult) pair
        got.append((day, [(e.member, e.kind.value) for e in result.events]))
    assert [d for d, _ in got] == [date(2025, 11, 3), date(2025, 11, 4), date(2025, 11, 5)]
    assert ("BTC", "fired") in got[1][1]
    assert service.finished and service.days_done == 3 and service.step() is None
    # the replay's own alert service still answers until stop(): the alert window can show the alerts
    assert any(a.member == "BTC" for a in service.alerts.active_alerts())
    assert [p.symbol for p in service.store.list_positions()] == list(portfolio.symbols)
    service.stop()
    service.stop()
    assert not service.running and service.alerts is None


def test_given_rules_replace_the_default_rules():
    btc_only = [r for r in load_default_rules() if r.key.startswith("btc_drop_30d")]
    service = _service(app.bundled_closes, rules=btc_only)
    steps = list(service.run(Portfolio(tuple(app.example_positions())), date(2025, 11, 1), date(2025, 11, 10)))
    assert {e.member for e in events_of(steps)} == {"BTC"}


def test_coverage_and_symbols_with_data():
    service = _service(app.bundled_closes)
    assert service.symbols_with_data(["BTC", "BITF", "NOPE"], date(2025, 10, 1), date(2025, 11, 29)) == ["BTC"]
    assert service.symbols_with_data(["BTC"], date(2030, 1, 1), date(2030, 1, 31)) == []
    cover = service.coverage(["BTC", "NOPE"])
    assert cover == {"BTC": (date(2020, 1, 1), date(2025, 11, 29))}
    with pytest.raises(ValueError):
        service.start(Portfolio(()), date(2025, 2, 1), date(2025, 1, 1))


START = datetime(2025, 1, 1, tzinfo=UTC)


def test_history_closes_prefers_the_store_and_prepends_only_older_bundle_days(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    store.upsert_bars([Bar("BTC", START + timedelta(days=i), 1000.0 + i) for i in range(3)])
    bundle = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0],
                       index=pd.date_range(START - timedelta(days=2), periods=5, freq="D", tz="UTC"))
    closes = history_closes(store, lambda s: bundle if s in ("BTC", "IREN") else None)
    btc = closes("BTC")
    assert list(btc) == [1.0, 2.0, 1000.0, 1001.0, 1002.0]             # bundle before the first stored bar only
    assert list(closes("IREN")) == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert closes("NOPE") is None
    store.close()


def test_a_eur_portfolio_gets_the_exchange_rate_of_each_simulated_day():
    days = pd.date_range(START - timedelta(days=100), periods=130, freq="D", tz="UTC")
    series = {"BTC": pd.Series([100.0] * 130, index=days),
              "EURUSD": pd.Series([1.0 + i / 1000 for i in range(130)], index=days)}
    service = _service(series.get)
    portfolio = Portfolio((Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), Decimal("50")),), "EUR")
    steps = list(service.run(portfolio, date(2025, 1, 10), date(2025, 1, 12)))
    rates = [s.result.report.usd_per_base for s in steps]
    assert rates == pytest.approx([series["EURUSD"][pd.Timestamp(d, tz="UTC")] for d in
                                   (date(2025, 1, 10), date(2025, 1, 11), date(2025, 1, 12))])
    assert steps[0].result.report.asset("BTC").price == pytest.approx(100.0 / rates[0])


def test_the_replay_never_fires_on_bitf_whose_history_ended_in_april(selloff):
    """BITF's bundled history ends 2025-04-04 at −39 % from its 30-day high: in October and November that is
    old data, and the replay neither fires nor counts it (the held-out case of the first replay)."""
    steps, *_ = selloff
    assert [e for e in events_of(steps) if e.member == "BITF"] == []
    last = steps[-1].result.report
    assert last.asset("BITF").price_state == "stale"
    assert last.snapshot.get("BITF", "drop_from_high:30D").status == "stale"
    assert "BITF" in dict(last.portfolio.stale)
