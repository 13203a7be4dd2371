"""The miner beta (issue 15): a miner whose history is stale or too short has no beta and does not contribute;
the portfolio's figure records how many held miners did, and is None when none did."""

from __future__ import annotations

import math
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from riskwatch.domain import metric_functions as mf
from riskwatch.domain.metric_inputs import History, Member, miner_coverage
from riskwatch.domain.model import Asset, AssetKind, Portfolio, Position
from riskwatch.domain.risk_report import compute_risk_report
from riskwatch.domain.snapshot import PORTFOLIO, metric_key

DATA = Path(__file__).resolve().parents[1] / "data" / "history"  # real history, see its SOURCES.md
KEY = metric_key("beta_btc", "90D")


def _close(name: str) -> pd.Series:
    df = pd.read_csv(DATA / name, parse_dates=["date"])
    return pd.Series(df["close"].to_numpy(float), index=pd.DatetimeIndex(df["date"]).tz_localize("UTC"))


def _follower(btc: pd.Series, beta: float, start: float) -> pd.Series:
    """Daily closes whose every return is ``beta`` × BTC's: a beta of exactly ``beta``."""
    r = btc.pct_change().fillna(0.0).to_numpy()
    return pd.Series(start * np.cumprod(1.0 + beta * r), index=btc.index)


@pytest.fixture(scope="module")
def report():
    """BTC to 2025-11-29; IREN (beta 2) and WULF (beta 1) to the same day; BITF's real history ends 2024-03-08
    (stale); CORZ has five closes (too short)."""
    btc_all = _close("btc_usd_daily.csv")   # BTC's closes overlap BITF's: only BITF's age keeps its beta out
    btc = btc_all[btc_all.index > btc_all.index[-1] - pd.Timedelta(days=200)]
    closes = {"BTC": btc_all, "IREN": _follower(btc, 2.0, 10.0), "WULF": _follower(btc, 1.0, 5.0),
              "BITF": _close("bitf_daily_ohlcv_2024.csv"), "CORZ": _follower(btc, 1.5, 12.0).iloc[-5:]}
    qty = {"BTC": "0.5", "IREN": "1000", "WULF": "2000", "BITF": "5000", "CORZ": "500"}
    pf = Portfolio(tuple(Position(Asset(s, AssetKind.CRYPTO if s == "BTC" else AssetKind.EQUITY), Decimal(q))
                         for s, q in qty.items()))
    now = (btc.index[-1] + timedelta(hours=12)).to_pydatetime()
    return compute_risk_report(pf, closes, {}, now)


def test_a_stale_or_too_short_miner_history_has_no_beta(report):
    assert report.asset("IREN").beta_btc == pytest.approx(2.0)
    assert report.asset("WULF").beta_btc == pytest.approx(1.0)
    assert report.asset("BITF").beta_btc is None      # its 90 days end in March 2024: not today's beta
    assert report.asset("CORZ").beta_btc is None      # four returns
    assert report.snapshot.value("BITF", KEY) is None


def test_the_miner_beta_is_made_of_the_contributing_miners_only(report):
    w = {s: report.asset(s).weight for s in ("IREN", "WULF")}
    expected = (w["IREN"] * 2.0 + w["WULF"] * 1.0) / (w["IREN"] + w["WULF"])
    assert report.portfolio.miner_beta_btc == pytest.approx(expected)
    # shown from the contributing miners, but not available to a rule while a held miner has no current beta
    mv = report.snapshot.get(PORTFOLIO, KEY)
    assert mv.value == pytest.approx(expected) and not mv.available
    assert mv.detail == str(report.portfolio.miner_beta_coverage)


def _members(**betas):
    return tuple(Member(s, 0.25, True, {KEY: b}, stale=s.endswith("_STALE")) for s, b in betas.items())


def test_miner_coverage_counts_the_contributing_miners_of_the_held_ones():
    members = (*_members(IREN=2.0, WULF=1.0, CORZ=None, BITF_STALE=0.88),
               Member("BTC", 0.25, False, {KEY: 1.0}))
    cov = miner_coverage(members, KEY)
    assert cov.contributed == ("IREN", "WULF") and cov.held == ("IREN", "WULF", "CORZ", "BITF_STALE")
    assert str(cov) == "2/4"
    h = History(*(np.empty(0, np.int64), np.empty(0)) * 2, members=members, is_portfolio=True)
    assert mf.beta_btc(h, "90D") == pytest.approx(1.5)   # the stale miner's 0.88 is not part of it


def test_without_a_contributing_miner_the_miner_beta_is_not_available():
    members = _members(CORZ=None, BITF_STALE=0.88)
    assert str(miner_coverage(members, KEY)) == "0/2"
    h = History(*(np.empty(0, np.int64), np.empty(0)) * 2, members=members, is_portfolio=True)
    assert math.isnan(mf.beta_btc(h, "90D"))
