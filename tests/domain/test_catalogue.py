"""The metric catalogue is the one source: what the editor offers is computed, validation enforces the catalogue's
ranges and windows, and the risk report produces every catalogue figure (var_99/es_99 included) from real history."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain import catalogue
from riskwatch.domain.alerts import (METRIC_RANGES, ONLINE_ONLY_METRICS, WINDOWED_METRICS, AlertState, EventKind,
                                     Rule, Scope, Severity, evaluate)
from riskwatch.domain.catalogue import CATALOGUE, Inputs
from riskwatch.domain.errors import InputError
from riskwatch.domain.liquidity import LIQUIDITY_METRICS
from riskwatch.domain.model import Asset, AssetKind, Portfolio, Position, Quote
from riskwatch.domain.freshness import PriceState
from riskwatch.domain.risk_report import compute_risk_report
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue, Snapshot, metric_key

ep = pytest.importorskip("empyrical")

DATA = Path(__file__).resolve().parents[1] / "data" / "history"  # real history, see its SOURCES.md


def _close(name: str) -> pd.Series:
    df = pd.read_csv(DATA / name, parse_dates=["date"])
    return pd.Series(df["close"].to_numpy(float), index=pd.DatetimeIndex(df["date"]).tz_localize("UTC"))


@pytest.fixture(scope="module")
def real():
    """BTC and BITF (a miner) up to BITF's last close, a live quote each the next day at noon."""
    bitf = _close("bitf_daily_ohlcv_2024.csv")
    btc = _close("btc_usd_daily.csv")
    btc = btc[btc.index <= bitf.index[-1]]
    now = (bitf.index[-1] + pd.Timedelta(hours=36)).to_pydatetime()
    quotes = {"BTC": Quote("BTC", float(btc.iloc[-1]) * 0.99, now - timedelta(minutes=1), "test"),
              "BITF": Quote("BITF", float(bitf.iloc[-1]) * 0.97, now - timedelta(minutes=1), "test")}
    pf = Portfolio((Position(Asset("BTC", AssetKind.CRYPTO), Decimal("0.5")),
                    Position(Asset("BITF", AssetKind.EQUITY), Decimal("20000"))))
    closes = {"BTC": btc, "BITF": bitf}
    return pf, closes, quotes, now, compute_risk_report(pf, closes, quotes, now)


def _year_returns(daily: pd.Series) -> np.ndarray:
    year = daily[daily.index > daily.index[-1] - pd.Timedelta(days=365)]
    return year.pct_change().dropna().to_numpy()


# -- the catalogue and the code that reads it ----------------------------------------------------------------
def test_every_metric_the_editor_offers_is_computed_by_something():
    signal_sources = set(LIQUIDITY_METRICS) | set(catalogue.REGIME_METRICS) | set(catalogue.FUNDAMENTAL_METRICS)
    for sp in CATALOGUE.values():
        if sp.editor:
            assert sp.compute is not None or sp.code in signal_sources or sp.inputs is Inputs.CLOCK, sp.code


def test_the_report_holds_every_computed_metric_for_every_scope_and_window(real):
    *_, rep = real
    for sp in CATALOGUE.values():
        if sp.compute is None:
            continue
        scopes = ([s.symbol for s in rep.assets] if catalogue.Scope.ASSET in sp.scopes else []) + (
            [PORTFOLIO] if catalogue.Scope.PORTFOLIO in sp.scopes else [])
        for scope in scopes:
            for window in sp.windows or (None,):
                mv = rep.snapshot.get(scope, metric_key(sp.code, window))
                assert mv is not None, (scope, sp.code)
                if sp.benchmark == "QQQ":  # no QQQ history in the test data: present, but missing, never zero
                    assert mv.status == DataStatus.MISSING and mv.value is None
                else:
                    assert mv.status == DataStatus.OK and mv.value is not None, (scope, sp.code)


def _rule(metric: str, threshold: float, **kw) -> Rule:
    sp = CATALOGUE.get(metric)
    scope = Scope.parse("portfolio") if sp and catalogue.Scope.ASSET not in sp.scopes else Scope.asset("BTC")
    return Rule("k", "n", metric, scope, "<=", threshold, Severity.WARNING,
                window=kw.pop("window", sp.default_window if sp else None), **kw)


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_validation_enforces_exactly_the_catalogue_range(code):
    sp = CATALOGUE[code]
    assert METRIC_RANGES.get(code, (None, None)) == (sp.low, sp.high)
    for bound, outside in ((sp.low, -1e-6), (sp.high, 1e-6)):
        if bound is None:
            _rule(code, (1e9 if outside > 0 else -1e9))  # unbounded on that side: accepted
        else:
            _rule(code, bound)                            # the bound itself is allowed
            with pytest.raises(InputError, match="threshold"):
                _rule(code, bound + outside)


def test_windows_online_only_and_usable_statuses_follow_the_catalogue():
    assert WINDOWED_METRICS == {s.code for s in CATALOGUE.values() if s.windowed}
    assert ONLINE_ONLY_METRICS == {"price_age"}
    with pytest.raises(InputError, match="window"):
        _rule("beta_btc", 1.0, window=None)
    # the age of a stale price is what a stale-price rule reads; a stale drawdown is not usable
    now = datetime(2025, 1, 1, tzinfo=UTC)
    snap = Snapshot(now, {("BTC", "price_age"): MetricValue(900.0, DataStatus.STALE, now),
                          ("BTC", "drawdown"): MetricValue(-0.5, DataStatus.STALE, now)},
                    {"BTC": Asset("BTC", AssetKind.CRYPTO)})
    age = Rule("age", "age", "price_age", Scope.asset("BTC"), ">=", 600, Severity.WARNING)
    dd = Rule("dd", "dd", "drawdown", Scope.asset("BTC"), "<=", -0.2, Severity.WARNING)
    events, _ = evaluate(snap, [age, dd], AlertState(), now)
    assert [e.rule_key for e in events] == ["age"]


def test_a_rule_on_a_code_the_app_does_not_know_is_still_accepted():
    r = _rule("some_future_metric", 1e12)
    assert r.metric == "some_future_metric" and r.window is None


# -- var_99 / es_99: computed, as empyrical, and a rule fires on them -------------------------------------------
def test_var_and_es_99_match_empyrical_per_asset_and_for_the_portfolio(real):
    pf, closes, quotes, now, rep = real
    for sym in ("BTC", "BITF"):
        r = _year_returns(closes[sym])
        for code, fn, cutoff in (("var_99", ep.value_at_risk, 0.01), ("es_99", ep.conditional_value_at_risk, 0.01),
                                 ("var_95", ep.value_at_risk, 0.05), ("es_95", ep.conditional_value_at_risk, 0.05)):
            assert rep.snapshot.value(sym, code) == pytest.approx(fn(r, cutoff), abs=1e-12), (sym, code)
        assert rep.asset(sym).var_99 == rep.snapshot.value(sym, "var_99")
    # the portfolio: daily value of today's holdings, equities carried forward over weekends
    frame = pd.concat(closes, axis=1).ffill().dropna()
    value = frame["BTC"] * 0.5 + frame["BITF"] * 20000
    r = _year_returns(value)
    assert rep.snapshot.value(PORTFOLIO, "var_99") == pytest.approx(ep.value_at_risk(r, 0.01), abs=1e-12)
    assert rep.snapshot.value(PORTFOLIO, "es_99") == pytest.approx(ep.conditional_value_at_risk(r, 0.01), abs=1e-12)
    assert rep.portfolio.es_99 == rep.snapshot.value(PORTFOLIO, "es_99") < rep.portfolio.var_99 < 0


def test_a_var_99_rule_fires_on_a_report_from_real_history(real):
    *_, now, rep = real
    rule = Rule("var99", "VaR 99", "var_99", Scope.asset("BITF"), "<=", -0.05, Severity.WARNING)
    events, state = evaluate(rep.snapshot, [rule], AlertState(), now)
    assert [(e.kind, e.member) for e in events] == [(EventKind.FIRED, "BITF")]
    assert events[0].value == rep.snapshot.value("BITF", "var_99") <= -0.05
    pf_rule = replace(rule, key="pvar99", scope=Scope.parse("portfolio"))
    events, _ = evaluate(rep.snapshot, [pf_rule], AlertState(), now)
    assert [e.member for e in events] == [PORTFOLIO]


# -- the other figures ------------------------------------------------------------------------------------------
def test_portfolio_beta_btc_is_the_value_weighted_beta_of_the_held_miners(real):
    *_, rep = real
    key = metric_key("beta_btc", "90D")
    assert rep.snapshot.value(PORTFOLIO, key) == pytest.approx(rep.snapshot.value("BITF", key))  # the only miner
    assert rep.portfolio.miner_beta_btc == rep.snapshot.value(PORTFOLIO, key)
    assert rep.snapshot.value("BTC", key) == pytest.approx(1.0)


def test_an_unconfirmed_price_holds_back_exactly_the_figures_on_the_live_price(real):
    pf, closes, quotes, now, _ = real
    rep = compute_risk_report(pf, closes, quotes, now, price_states={"BTC": PriceState(DataStatus.OK, 60.0, True)})
    for (scope, key), mv in rep.snapshot.values.items():
        sp = CATALOGUE[key.partition(":")[0]]
        if key == "price_age" or mv.value is None:
            continue
        unconfirmed = sp.inputs is Inputs.PRICE and scope in ("BTC", PORTFOLIO)
        assert (mv.status == DataStatus.UNCONFIRMED) is unconfirmed, (scope, key)


def test_the_sortino_ratio_is_computed_as_empyrical_and_a_rule_fires_on_it(real):
    """The catalogue's proof: the Sortino ratio (annualised, target 0) is one function in metric_functions, one
    catalogue entry and one label; it reaches the snapshot, the rules and the dashboard with no other change."""
    pf, closes, quotes, now, rep = real
    for sym, periods in (("BTC", 365), ("BITF", 252)):
        r = _year_returns(closes[sym])
        assert rep.snapshot.value(sym, "sortino:365D") == pytest.approx(
            ep.sortino_ratio(r, required_return=0.0, annualization=periods), rel=1e-12), sym
    frame = pd.concat(closes, axis=1).ffill().dropna()
    r = _year_returns(frame["BTC"] * 0.5 + frame["BITF"] * 20000)
    assert rep.snapshot.value(PORTFOLIO, "sortino:365D") == pytest.approx(
        ep.sortino_ratio(r, required_return=0.0, annualization=365), rel=1e-12)
    assert "sortino" in catalogue.codes(editor=True) and "sortino" in catalogue.codes(dashboard=True)
    bitf = rep.snapshot.value("BITF", "sortino:365D")
    rule = Rule("sortino", "Sortino", "sortino", Scope.asset("BITF"), "<", bitf + 0.01, Severity.INFO,
                window="365D")
    events, _ = evaluate(rep.snapshot, [rule], AlertState(), now)
    assert [(e.kind, e.member, e.value) for e in events] == [(EventKind.FIRED, "BITF", bitf)]
