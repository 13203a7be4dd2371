"""Stress tests against hand computations: beta shock, cap, manual, no beta, historical worst moves, weekend gap,
and which rules a shock would make fire."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pandas as pd
import pytest

from riskwatch.adapters.bundle import load_bundled_closes
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.domain.errors import InputError
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue, Snapshot
from riskwatch.domain.stress import (
    Basis,
    Flag,
    Holding,
    beta_shock,
    historical_scenarios,
    historical_shock,
    rules_that_would_fire,
    scenario,
    stressed_snapshot,
    weekend_gap,
    weekend_gap_for_report,
)

# BTC 1 @ 100 000 and IREN 1000 @ 10 (beta 2 to BTC): 110 000 in total.
HOLDINGS = [Holding("BTC", 100_000.0, AssetKind.CRYPTO, 1.0, 100_000.0),
            Holding("IREN", 10_000.0, AssetKind.EQUITY, 1000.0, 10.0)]
BETAS = {"BTC": None, "IREN": 2.0}


def test_btc_minus_30_percent_by_hand():
    r = beta_shock(HOLDINGS, BETAS, -0.30)
    btc, iren = r.position("BTC"), r.position("IREN")
    assert btc.shock == pytest.approx(-0.30) and btc.basis is Basis.DIRECT
    assert iren.shock == pytest.approx(-0.60) and iren.basis is Basis.BETA_BTC   # 2 × −30 %
    assert btc.value_after == pytest.approx(70_000.0) and btc.pnl == pytest.approx(-30_000.0)
    assert iren.value_after == pytest.approx(4_000.0) and iren.pnl == pytest.approx(-6_000.0)
    assert iren.price_after == pytest.approx(4.0)
    assert r.value_before == pytest.approx(110_000.0) and r.value_after == pytest.approx(74_000.0)
    assert r.pnl == pytest.approx(-36_000.0) and r.pnl_pct == pytest.approx(-36 / 110)
    assert btc.weight_before == pytest.approx(100 / 110) and iren.weight_before == pytest.approx(10 / 110)
    assert btc.weight_after == pytest.approx(70 / 74) and iren.weight_after == pytest.approx(4 / 74)
    assert sum(p.weight_after for p in r.positions) == pytest.approx(1.0)
    assert dict(iren.parts) == pytest.approx({"BTC": -0.60})
    assert r.flagged == (iren,)


def test_a_beta_shock_below_minus_100_percent_is_capped():
    r = beta_shock(HOLDINGS, {"IREN": 2.5}, -0.50)             # 2.5 × −50 % = −125 %
    iren = r.position("IREN")
    assert iren.shock == -1.0 and Flag.CAPPED in iren.flags
    assert iren.value_after == 0.0 and iren.pnl == pytest.approx(-10_000.0)
    assert iren.weight_after == 0.0 and r.position("BTC").weight_after == pytest.approx(1.0)


def test_manual_override_no_beta_and_stablecoin():
    holdings = [*HOLDINGS, Holding("WULF", 2_000.0, AssetKind.EQUITY), Holding("USDT", 8_000.0, AssetKind.STABLECOIN)]
    r = beta_shock(holdings, BETAS, -0.30, manual={"IREN": -0.10})
    iren, wulf, usdt = r.position("IREN"), r.position("WULF"), r.position("USDT")
    assert iren.basis is Basis.MANUAL and iren.value_after == pytest.approx(9_000.0)
    assert wulf.basis is Basis.NO_BETA and wulf.shock == 0.0 and Flag.MISSING_BETA_BTC in wulf.flags
    assert wulf.value_after == 2_000.0
    assert usdt.basis is Basis.STABLECOIN and usdt.value_after == 8_000.0 and not usdt.flags
    assert r.value_after == pytest.approx(70_000 + 9_000 + 2_000 + 8_000)
    assert {p.symbol for p in r.flagged} == {"WULF"}
    # a manual shock beats a driver's own shock, too
    assert beta_shock(HOLDINGS, BETAS, -0.30, manual={"BTC": 0.0}).position("BTC").value_after == 100_000.0


def test_qqq_part_is_added_to_the_btc_part():
    betas_qqq = {"IREN": 1.5}
    both = beta_shock(HOLDINGS, BETAS, -0.10, qqq_shock=-0.20, betas_to_qqq=betas_qqq).position("IREN")
    assert both.shock == pytest.approx(2 * -0.10 + 1.5 * -0.20) and both.basis is Basis.BETA_BTC_QQQ
    assert dict(both.parts) == pytest.approx({"BTC": -0.20, "QQQ": -0.30})
    only_qqq = beta_shock(HOLDINGS, BETAS, 0.0, qqq_shock=-0.20, betas_to_qqq=betas_qqq)
    assert only_qqq.position("IREN").shock == pytest.approx(-0.30)
    assert only_qqq.position("IREN").basis is Basis.BETA_QQQ
    assert only_qqq.position("BTC").shock == 0.0 and only_qqq.position("BTC").basis is Basis.DIRECT
    assert only_qqq.shocks["QQQ"] == -0.20                      # the driver, though not held
    no_qqq_beta = beta_shock(HOLDINGS, BETAS, -0.10, qqq_shock=-0.20, betas_to_qqq={}).position("IREN")
    assert no_qqq_beta.shock == pytest.approx(-0.20) and Flag.MISSING_BETA_QQQ in no_qqq_beta.flags
    assert no_qqq_beta.basis is Basis.BETA_BTC


def test_inputs_are_checked():
    with pytest.raises(InputError):
        beta_shock(HOLDINGS, BETAS, -1.5)
    with pytest.raises(InputError):
        beta_shock(HOLDINGS, BETAS, -0.3, manual={"IREN": float("nan")})
    r = beta_shock({"BTC": 50.0, "MARA": 50.0}, {"MARA": 1.0}, 0.10)   # a plain mapping of values; upside too
    assert r.value_after == pytest.approx(110.0) and r.pnl_pct == pytest.approx(0.10)


# -- historical ---------------------------------------------------------------------------------------------
def _daily(start: str, values) -> pd.Series:
    return pd.Series(list(values), index=pd.date_range(start, periods=len(values), freq="D", tz="UTC"), dtype=float)


def test_historical_worst_move_is_restricted_to_the_period():
    # October: a high of 200 (outside the period); November: 100 → 120 (Nov 5) → 90 (Nov 21) → 110
    btc = pd.concat([_daily("2022-10-01", [200.0] * 31),
                     _daily("2022-11-01", [100, 105, 110, 115, 120] + [118 - 2 * i for i in range(14)]
                            + [95, 90] + [100, 105, 110, 110, 110, 110, 110, 110, 110])])
    wulf = _daily("2022-11-20", [10, 8, 9, 9, 9, 9, 9, 9, 9, 9, 9])        # only the last 11 days
    closes = {"BTC": btc, "WULF": wulf}
    holdings = [Holding("BTC", 1000.0, AssetKind.CRYPTO), Holding("IREN", 500.0, AssetKind.EQUITY),
                Holding("WULF", 100.0, AssetKind.EQUITY), Holding("CORZ", 100.0, AssetKind.EQUITY)]
    r = historical_shock(closes, scenario("ftx_2022"), holdings, {"IREN": 2.0, "WULF": 3.0})
    b, iren, wulf, corz = (r.position(s) for s in ("BTC", "IREN", "WULF", "CORZ"))
    assert b.shock == pytest.approx(90 / 120 - 1) and b.basis is Basis.DIRECT        # −25 %, not 90/200 − 1
    assert b.peak_date == pd.Timestamp("2022-11-05", tz="UTC")
    assert b.trough_date == pd.Timestamp("2022-11-21", tz="UTC")
    assert r.btc_shock == pytest.approx(-0.25) and r.period == (date(2022, 11, 1), date(2022, 11, 30))
    assert iren.basis is Basis.BETA_BTC and iren.shock == pytest.approx(2.0 * -0.25)
    assert Flag.NO_DATA_IN_PERIOD in iren.flags
    assert wulf.basis is Basis.DIRECT and wulf.shock == pytest.approx(-0.20) and Flag.PARTIAL_DATA in wulf.flags
    assert corz.basis is Basis.NO_BETA and corz.shock == 0.0
    assert {Flag.NO_DATA_IN_PERIOD, Flag.MISSING_BETA_BTC} <= corz.flags
    assert r.value_after == pytest.approx(1000 * 0.75 + 500 * 0.5 + 100 * 0.8 + 100)
    assert r.scenario == "ftx_2022"


def test_historical_scenarios_are_the_four_named_periods():
    got = {s.code: (s.start, s.end) for s in historical_scenarios()}
    assert got == {"covid_crash_2020": (date(2020, 3, 1), date(2020, 3, 31)),
                   "terra_celsius_3ac_2022": (date(2022, 5, 1), date(2022, 6, 30)),
                   "ftx_2022": (date(2022, 11, 1), date(2022, 11, 30)),
                   "selloff_2025": (date(2025, 10, 1), date(2025, 11, 30))}


def test_ftx_november_2022_on_the_bundled_history():
    holdings = [Holding("BTC", 50_000.0, AssetKind.CRYPTO), Holding("IREN", 4_000.0, AssetKind.EQUITY),
                Holding("CORZ", 4_000.0, AssetKind.EQUITY)]
    r = historical_shock(load_bundled_closes, scenario("ftx_2022"), holdings, {"IREN": 1.8, "CORZ": 1.6})
    btc = r.position("BTC")
    assert -0.30 < btc.shock < -0.20                                  # ≈ −25.8 %, Nov 5 → Nov 21
    assert btc.peak_date.month == 11 and btc.trough_date.month == 11 and btc.peak_date < btc.trough_date
    assert r.position("IREN").basis is Basis.DIRECT                     # IREN traded in November 2022
    corz = r.position("CORZ")                                           # the bundle's CORZ starts in 2024
    assert corz.basis is Basis.BETA_BTC and Flag.NO_DATA_IN_PERIOD in corz.flags
    assert corz.shock == pytest.approx(1.6 * btc.shock)


# -- weekend gap --------------------------------------------------------------------------------------------
def test_weekend_gap_by_hand():
    assert weekend_gap(100_000.0, datetime(2025, 11, 7, 21, tzinfo=UTC), 90_000.0,
                       {"IREN": 2.0, "WULF": 1.5, "CORZ": None}) == pytest.approx({"IREN": -0.20, "WULF": -0.15})
    btc = _daily("2025-11-05", [101_000.0, 99_000.0, 100_000.0, 95_000.0, 90_000.0])   # Wed … Sun
    gap = weekend_gap(btc, datetime(2025, 11, 7, 21, tzinfo=UTC), 90_000.0, {"IREN": 2.0, "X": 8.0})
    assert gap == pytest.approx({"IREN": -0.20, "X": -0.80})         # from Friday's 100 000
    assert weekend_gap(btc, datetime(2025, 11, 1, tzinfo=UTC), 90_000.0, {"IREN": 2.0}) == {}
    assert weekend_gap(50.0, datetime(2025, 11, 7, tzinfo=UTC), 250.0, {"A": -1.0}) == {"A": -1.0}   # capped


def _report(ts, btc_price, betas):
    rows = [SimpleNamespace(symbol="BTC", asset=Asset("BTC", AssetKind.CRYPTO), price=btc_price, beta_btc=None)]
    rows += [SimpleNamespace(symbol=s, asset=Asset(s, AssetKind.EQUITY), price=10.0, beta_btc=b)
             for s, b in betas.items()]
    return SimpleNamespace(ts=ts, assets=rows, usd_per_base=1.0,
                           asset=lambda s: next((r for r in rows if r.symbol == s), None))


def test_weekend_gap_for_a_report_only_while_the_market_is_closed():
    btc = _daily("2025-11-05", [101_000.0, 99_000.0, 100_000.0, 95_000.0, 90_000.0])
    sunday = datetime(2025, 11, 9, 18, tzinfo=UTC)
    gap = weekend_gap_for_report(_report(sunday, 88_000.0, {"IREN": 2.0, "WULF": None}), btc)
    assert gap == pytest.approx({"IREN": 2.0 * (88_000 / 100_000 - 1)})
    wednesday_open = datetime(2025, 11, 5, 15, tzinfo=UTC)                 # 10:00 in New York
    assert weekend_gap_for_report(_report(wednesday_open, 88_000.0, {"IREN": 2.0}), btc) is None


# -- rules under stress -------------------------------------------------------------------------------------
NOW = datetime(2025, 11, 10, 12, tzinfo=UTC)


def _snapshot(btc_drop=-0.05):
    assets = {"BTC": Asset("BTC", AssetKind.CRYPTO), "IREN": Asset("IREN", AssetKind.EQUITY)}
    values = {("BTC", "drop_from_high:30D"): MetricValue(btc_drop), ("BTC", "drawdown"): MetricValue(-0.10),
              ("IREN", "drop_from_high:30D"): MetricValue(-0.10), ("IREN", "drawdown"): MetricValue(-0.40),
              (PORTFOLIO, "drawdown"): MetricValue(-0.02), (PORTFOLIO, "drop_from_high:30D"): MetricValue(-0.02),
              ("QQQ", "drop_from_high:30D"): MetricValue(-0.01), ("IREN", "volatility:90D"): MetricValue(1.2)}
    return Snapshot(NOW, values, assets)


def test_stressed_snapshot_compounds_today_with_the_shock():
    r = beta_shock(HOLDINGS, BETAS, -0.30)
    post = stressed_snapshot(r, _snapshot())
    assert post.value("BTC", "drop_from_high:30D") == pytest.approx(0.95 * 0.70 - 1)
    assert post.value("IREN", "drop_from_high:30D") == pytest.approx(0.90 * 0.40 - 1)
    assert post.value("IREN", "drawdown") == pytest.approx(0.60 * 0.40 - 1)
    assert post.value("IREN", "return:1D") == pytest.approx(-0.60)            # missing today: counts as 0
    assert post.value(PORTFOLIO, "drawdown") == pytest.approx(0.98 * (74 / 110) - 1)
    assert post.value(PORTFOLIO, "largest_weight") == pytest.approx(70 / 74)
    assert post.value("IREN", "volatility:90D") is None                       # not changed by a shock: left out
    up = stressed_snapshot(beta_shock(HOLDINGS, BETAS, 0.50), _snapshot())
    assert up.value("BTC", "drop_from_high:30D") == 0.0                       # a rise beyond the high: at the high


def test_rules_that_would_fire_after_minus_30_percent():
    rules = load_default_rules()
    fired = rules_that_would_fire(beta_shock(HOLDINGS, BETAS, -0.30), rules, _snapshot())
    got = {(w.member, w.rule_key, w.fires_now) for w in fired}
    assert got == {("BTC", "btc_drop_30d_critical", False),                  # −33.5 % ≤ −25 %: the stronger level
                   ("IREN", "miner_drop_30d_warning", False),                # −64 %
                   (PORTFOLIO, "portfolio_drawdown_warning", False)}         # −34.1 %
    assert fired[0].severity.value == "critical"
    mild = rules_that_would_fire(beta_shock(HOLDINGS, BETAS, -0.17), rules, _snapshot())
    assert {(w.member, w.rule_key) for w in mild} >= {("BTC", "btc_drop_30d_warning")}
    # already 20 % down today: the warning fires now, the critical level only under the shock
    worse = rules_that_would_fire(beta_shock(HOLDINGS, BETAS, -0.10), rules, _snapshot(btc_drop=-0.20))
    btc = next(w for w in worse if w.member == "BTC")
    assert btc.rule_key == "btc_drop_30d_critical" and not btc.fires_now
    same = rules_that_would_fire(beta_shock(HOLDINGS, BETAS, -0.01), rules, _snapshot(btc_drop=-0.20))
    assert next(w for w in same if w.member == "BTC").fires_now


def test_rules_without_a_snapshot_and_disabled_rules():
    from dataclasses import replace

    rules = [replace(r, enabled=False) if r.key == "miner_drop_30d_warning" else r for r in load_default_rules()]
    fired = rules_that_would_fire(beta_shock(HOLDINGS, BETAS, -0.30), rules, None, now=NOW)
    assert {w.member for w in fired} == {"BTC", PORTFOLIO}
    assert next(w for w in fired if w.member == "BTC").value == pytest.approx(-0.30)
    with pytest.raises(ValueError):
        stressed_snapshot(beta_shock(HOLDINGS, BETAS, -0.30))


def test_days_are_utc_calendar_days():
    s = _daily("2022-10-31", [100.0, 60.0, 30.0, 10.0])
    s.index = s.index + timedelta(hours=23)                                  # 23:00 UTC stamps
    r = historical_shock({"BTC": s}, (date(2022, 11, 1), date(2022, 11, 2)), [Holding("BTC", 1.0)], {})
    assert r.position("BTC").shock == pytest.approx(30 / 60 - 1)            # Nov 1 and Nov 2 only
