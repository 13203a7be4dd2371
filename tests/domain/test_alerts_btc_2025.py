"""The shipped BTC rules replayed day by day over the real BTC-USD history of 2025.

In the October–November 2025 sell-off the 17 % rule ("BTC ≥ 17 % below its 30-day high") fires first on
2025-11-04. The drop from the trailing 30-calendar-day high is computed here with pandas
(``close / close.rolling("30D").max() - 1``), independent of ``riskwatch.domain.metrics``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest

from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.domain.alerts import AlertState, EventKind, evaluate
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.snapshot import MetricValue, Snapshot, metric_key

DATA = Path(__file__).resolve().parents[1] / "data" / "history"  # real history, see its SOURCES.md
CSV = DATA / "btc_usd_daily.csv"
KEY = metric_key("drop_from_high", "30D")


@pytest.fixture(scope="module")
def drop() -> pd.Series:
    close = pd.read_csv(CSV, parse_dates=["date"], index_col="date")["close"].sort_index()
    return close / close.rolling("30D").max() - 1


@pytest.fixture(scope="module")
def replay(drop):
    rules = [r for r in load_default_rules() if r.key.startswith("btc_drop_30d")]
    assert {r.threshold for r in rules} == {-0.17, -0.25}
    btc = {"BTC": Asset("BTC", AssetKind.CRYPTO)}
    state, events, states = AlertState(), [], {}
    for day, value in drop["2025-01-01":].items():
        now = datetime(day.year, day.month, day.day, tzinfo=UTC)
        snapshot = Snapshot(now, {("BTC", KEY): MetricValue(float(value), as_of=now)}, btc)
        new, state = evaluate(snapshot, rules, state, now)
        events += new
        states[now.date()] = state
    return events, states


def test_the_17_percent_rule_fires_first_on_2025_11_04(replay, drop):
    events, states = replay
    assert not states[date(2025, 9, 30)].get("btc_drop_30d|BTC") or \
        not states[date(2025, 9, 30)].get("btc_drop_30d|BTC").active
    selloff = [e for e in events if e.ts >= datetime(2025, 10, 1, tzinfo=UTC)]
    first = next(e for e in selloff if e.kind is EventKind.FIRED)
    assert first.ts.date() == date(2025, 11, 4)
    assert first.rule_key == "btc_drop_30d_warning" and first.severity.value == "warning"
    assert first.value == pytest.approx(drop["2025-11-04"]) and first.value <= -0.17
    assert first.value == pytest.approx(-0.1857, abs=1e-4)


def test_the_whole_selloff_escalates_and_recovers_in_order(replay):
    events, _ = replay
    got = [(e.ts.date().isoformat(), e.kind.value, e.severity.value) for e in events
           if datetime(2025, 10, 1, tzinfo=UTC) <= e.ts < datetime(2025, 12, 1, tzinfo=UTC)]
    assert got == [
        ("2025-11-04", "fired", "warning"),        # −18.6 %
        ("2025-11-08", "resolved", "warning"),     # −11.3 %: recovered past −15 % (17 % minus the 2-point band)
        ("2025-11-14", "fired", "warning"),        # −17.5 %
        ("2025-11-21", "escalated", "critical"),   # −25.7 %
        ("2025-11-24", "deescalated", "warning"),  # −22.9 %: recovered past −23 %
    ]


def test_cross_check_with_the_metrics_module(drop):
    from riskwatch.domain import metrics
    close = pd.read_csv(CSV, parse_dates=["date"], index_col="date")["close"].sort_index()
    theirs = metrics.drop_from_high(close.tz_localize("UTC"), "30D").tz_localize(None)
    pd.testing.assert_series_equal(theirs["2025-10-01":"2025-11-30"], drop["2025-10-01":"2025-11-30"],
                                   check_names=False, check_freq=False, rtol=1e-9, atol=1e-12)
