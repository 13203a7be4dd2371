"""A missing beta is never a zero move (issue 15): the held-out case IREN/WULF/CORZ/CLSK without a beta under
BTC −30 %, a beta the user sets for the scenario, and the rules under stress."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import pytest

from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.domain.errors import InputError
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue, Snapshot
from riskwatch.domain.stress import (
    Basis,
    Flag,
    Holding,
    beta_shock,
    historical_shock,
    rules_that_would_fire,
    scenario,
    stressed_snapshot,
)

NOW = datetime(2025, 11, 10, 12, tzinfo=UTC)
MINERS = ("IREN", "WULF", "CORZ", "CLSK")
# BTC 60 000 and four miners of 10 000 each: 100 000 in total, 40 % of it without a beta.
HOLDINGS = [Holding("BTC", 60_000.0, AssetKind.CRYPTO, 0.6, 100_000.0),
            *(Holding(s, 10_000.0, AssetKind.EQUITY, 1000.0, 10.0) for s in MINERS)]
NO_BETAS = {s: None for s in ("BTC", *MINERS)}


def _snapshot():
    assets = {s: Asset(s, AssetKind.EQUITY) for s in MINERS} | {"BTC": Asset("BTC", AssetKind.CRYPTO)}
    values = {("BTC", "drop_from_high:30D"): MetricValue(-0.05), (PORTFOLIO, "drawdown"): MetricValue(-0.02),
              (PORTFOLIO, "drop_from_high:30D"): MetricValue(-0.02)}
    values |= {(s, "drop_from_high:30D"): MetricValue(-0.10) for s in MINERS}
    return Snapshot(NOW, values, assets)


def test_no_miner_is_silently_unchanged_and_the_portfolio_is_not_available():
    r = beta_shock(HOLDINGS, NO_BETAS, -0.30)
    assert r.lacking_beta == MINERS and not r.complete
    for sym in MINERS:
        p = r.position(sym)
        assert p.basis is Basis.NO_BETA and Flag.MISSING_BETA_BTC in p.flags
        assert not p.shock_known and p.price_after is None
        assert sym not in r.shocks                          # no move anyone could read as 0
    assert r.pnl_pct is None                                # not "−18 %" with the miners counted at 0
    assert r.pnl == pytest.approx(-18_000.0)                # the result without them …
    assert r.covered_value_before == pytest.approx(60_000.0)
    assert r.covered_pnl_pct == pytest.approx(-0.30)        # … is BTC's own move
    assert r.lacking_share == pytest.approx(0.40)
    assert r.position("BTC").shock_known and r.shocks == {"BTC": pytest.approx(-0.30)}


def test_the_rules_are_not_judged_on_an_unknown_move():
    r = beta_shock(HOLDINGS, NO_BETAS, -0.30)
    post = stressed_snapshot(r, _snapshot())
    assert post.value("BTC", "drop_from_high:30D") == pytest.approx(0.95 * 0.70 - 1)
    assert all(post.get(s, "drop_from_high:30D") is None for s in MINERS)
    assert post.get(PORTFOLIO, "drawdown") is None and post.get(PORTFOLIO, "largest_weight") is None
    fired = rules_that_would_fire(r, load_default_rules(), _snapshot())
    assert {w.member for w in fired} == {"BTC"}


def test_a_beta_set_by_the_user_is_used_and_labelled():
    r = beta_shock(HOLDINGS, {**NO_BETAS, "WULF": 1.5}, -0.30, user_betas={"IREN": 2.0, "WULF": None})
    iren, wulf = r.position("IREN"), r.position("WULF")
    assert iren.shock == pytest.approx(-0.60) and iren.basis is Basis.BETA_BTC
    assert Flag.USER_BETA_BTC in iren.flags and Flag.MISSING_BETA_BTC not in iren.flags
    assert iren.value_after == pytest.approx(4_000.0) and iren.price_after == pytest.approx(4.0)
    assert wulf.shock == pytest.approx(-0.45) and Flag.USER_BETA_BTC not in wulf.flags   # the report's beta
    assert r.lacking_beta == ("CORZ", "CLSK") and r.pnl_pct is None
    # the user's beta replaces the report's one
    over = beta_shock(HOLDINGS, {**NO_BETAS, "IREN": 1.0}, -0.30, user_betas={"IREN": 2.0}).position("IREN")
    assert over.shock == pytest.approx(-0.60) and Flag.USER_BETA_BTC in over.flags


def test_with_a_beta_for_every_asset_the_portfolio_result_is_complete():
    user = {"IREN": 2.0, "WULF": 1.0, "CORZ": 0.5, "CLSK": 1.5}
    r = beta_shock(HOLDINGS, NO_BETAS, -0.30, user_betas=user)
    assert r.complete and r.lacking_beta == () and r.lacking_share == pytest.approx(0.0)
    loss = 18_000 + 10_000 * 0.30 * (2.0 + 1.0 + 0.5 + 1.5)
    assert r.pnl_pct == pytest.approx(-loss / 100_000) and r.covered_pnl_pct == pytest.approx(r.pnl_pct)
    post = stressed_snapshot(r, _snapshot())
    assert post.value(PORTFOLIO, "drawdown") == pytest.approx(0.98 * (1 - loss / 100_000) - 1)


def test_a_user_beta_must_be_a_number():
    with pytest.raises(InputError):
        beta_shock(HOLDINGS, NO_BETAS, -0.30, user_betas={"IREN": float("nan")})


def test_historical_scenario_uses_the_user_beta_for_an_asset_without_data_in_the_period():
    btc = pd.Series([100.0, 120.0, 90.0, 110.0],
                    index=pd.date_range("2022-11-02", periods=4, freq="7D", tz="UTC"))
    hs = [Holding("BTC", 1000.0, AssetKind.CRYPTO), Holding("CORZ", 100.0, AssetKind.EQUITY),
          Holding("CLSK", 100.0, AssetKind.EQUITY)]
    r = historical_shock({"BTC": btc}, scenario("ftx_2022"), hs, {}, user_betas={"CORZ": 2.0})
    corz, clsk = r.position("CORZ"), r.position("CLSK")
    assert corz.basis is Basis.BETA_BTC and corz.shock == pytest.approx(2.0 * (90 / 120 - 1))
    assert {Flag.NO_DATA_IN_PERIOD, Flag.USER_BETA_BTC} <= corz.flags
    assert clsk.basis is Basis.NO_BETA and r.lacking_beta == ("CLSK",) and r.pnl_pct is None
