"""Portfolio of current holdings and the multi-asset panel engine."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from riskwatch.domain import metrics as m
from riskwatch.domain.model import Asset, AssetKind, Portfolio, Position
from tests.benchmarks import panel_engine as pm

UTC = "UTC"


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz=UTC)


# Thursday 2025-11-06 .. Tuesday 2025-11-11: BTC every day, IREN on weekdays only
BTC = pd.Series([100.0, 90, 80, 70, 95, 100], index=pd.date_range("2025-11-06", periods=6, freq="D", tz=UTC))
IREN = pd.Series([10.0, 11, 12, 9], index=pd.DatetimeIndex(["2025-11-06", "2025-11-07", "2025-11-10", "2025-11-11"],
                                                          tz=UTC))
PRICES = {"BTC": BTC, "IREN": IREN}
QTY = {"BTC": 0.5, "IREN": 10.0}


def test_equities_carry_their_last_close_over_the_weekend():
    v = pm.portfolio_value(QTY, PRICES)
    assert list(v.index) == list(BTC.index)
    assert v[ts("2025-11-08")] == 0.5 * 80 + 10 * 11   # Saturday: IREN at Friday's close
    assert v[ts("2025-11-09")] == 0.5 * 70 + 10 * 11
    assert v[ts("2025-11-10")] == 0.5 * 95 + 10 * 12


def test_rows_before_every_asset_has_a_price_are_dropped_and_fx_converts():
    late = pd.Series([5.0, 6.0], index=pd.DatetimeIndex(["2025-11-08", "2025-11-10"], tz=UTC))
    v = pm.portfolio_value({"BTC": 1.0, "X": 2.0}, {"BTC": BTC, "X": late})
    assert v.index[0] == ts("2025-11-08") and v[ts("2025-11-09")] == 70 + 2 * 5
    eur = pd.Series([0.9, 0.8], index=pd.DatetimeIndex(["2025-11-01", "2025-11-09"], tz=UTC))
    v = pm.portfolio_value({"BTC": 1.0}, {"BTC": BTC}, fx={"BTC": eur})
    assert v[ts("2025-11-08")] == 80 * 0.9 and v[ts("2025-11-09")] == 70 * 0.8


def test_weights_concentration_and_pnl():
    w = pm.weights({"A": 30.0, "B": 10.0})
    assert w.to_dict() == {"A": 0.75, "B": 0.25}
    c = pm.concentration(w)
    assert (c.largest_symbol, c.largest_weight, c.hhi) == ("A", 0.75, 0.75**2 + 0.25**2)
    assert pm.concentration({"A": 0.25, "B": 0.25, "C": 0.25, "D": 0.25}).hhi == 0.25
    assert pm.concentration({"A": 1.0}).effective_positions == 1.0
    risk = pm.portfolio_risk(QTY, PRICES, costs={"BTC": 40.0, "IREN": 120.0})
    pos = risk.positions
    assert risk.total_value == 0.5 * 100 + 10 * 9 and risk.cost == 160.0
    assert risk.pnl == 140 - 160 and risk.pnl_pct == pytest.approx(140 / 160 - 1)
    assert pos.loc["BTC", "pnl"] == 10.0 and pos.loc["IREN", "pnl_pct"] == pytest.approx(90 / 120 - 1)
    assert pos["weight"].sum() == pytest.approx(1.0)
    assert risk.concentration.largest_symbol == "IREN"


def test_portfolio_drawdown_and_drop_use_the_value_series():
    risk = pm.portfolio_risk(QTY, PRICES, window="3D")
    v = pm.portfolio_value(QTY, PRICES)
    assert risk.drawdown.equals(m.drawdown(v))
    assert risk.max_drawdown == m.max_drawdown(v)
    assert risk.drop_from_high == m.drop_from_high(v, "3D").iloc[-1]
    assert risk.worst_drop_from_high == m.worst_drop_from_high(v, "3D")


def test_historical_simulation_var_uses_todays_weights():
    rng = np.random.default_rng(3)
    idx = pd.date_range("2023-01-01", periods=800, freq="D", tz=UTC)
    a = pd.Series(100 * np.exp(rng.normal(0, 0.03, 800).cumsum()), index=idx)
    b = pd.Series(20 * np.exp(rng.normal(0, 0.05, 800).cumsum()), index=idx)
    single = pm.portfolio_var_es({"A": 3.0}, {"A": a})
    r = m.simple_returns(a)
    assert single[0.95] == (m.value_at_risk(r, 0.95), m.expected_shortfall(r, 0.95))
    q = {"A": 1.0, "B": 10.0}
    w = np.array([a.iloc[-1], 10 * b.iloc[-1]]) / (a.iloc[-1] + 10 * b.iloc[-1])
    manual = m.simple_returns(a).to_numpy() * w[0] + m.simple_returns(b).to_numpy() * w[1]
    got = pm.portfolio_returns(q, {"A": a, "B": b})
    assert np.allclose(got.to_numpy(), manual, rtol=0, atol=1e-15)
    var_es = pm.portfolio_var_es(q, {"A": a, "B": b}, levels=(0.99,))
    assert var_es[0.99][0] == pytest.approx(m.value_at_risk(manual, 0.99), abs=1e-15)


def test_holdings_sum_accounts_and_bad_holdings_are_rejected():
    btc = Asset("BTC", AssetKind.CRYPTO)
    p = Portfolio((Position(btc, Decimal("0.5"), Decimal("60000"), account="a"),
                   Position(btc, Decimal("0.25"), Decimal("80000"), account="b")))
    qty, cost = pm.holdings_from_portfolio(p)
    assert qty == {"BTC": 0.75} and cost == {"BTC": 50000.0}
    with pytest.raises(m.MetricInputError, match="holds nothing"):
        pm.portfolio_value({"BTC": 0.0}, PRICES)
    with pytest.raises(m.MetricInputError, match="no price history for MARA"):
        pm.portfolio_value({"MARA": 1.0}, PRICES)
    with pytest.raises(m.MetricInputError, match="IREN"):
        pm.portfolio_value(QTY, {"BTC": BTC, "IREN": IREN.iloc[::-1]})


# -- panel engine -----------------------------------------------------------------------------------

def test_panel_risk_equals_the_single_asset_functions():
    rng = np.random.default_rng(12)
    idx = pd.date_range("2024-01-01", periods=24 * 200, freq="h", tz=UTC)
    x = 50 * np.exp(rng.normal(0, 0.01, (len(idx), 4)).cumsum(axis=0))
    x[100:130, 2] = np.nan
    btc = x[:, 0].copy()
    qqq = 300 * np.exp(rng.normal(0, 0.004, len(idx)).cumsum())
    trading = (idx.day_of_week < 5) & (idx.hour >= 15) & (idx.hour <= 20)
    qqq[~trading] = np.nan
    res = pm.panel_risk_arrays(x, idx, 8760.0, np.column_stack([btc, qqq]), window="7D", beta_window="30D",
                               rolling_series=True)
    bench_q = pd.Series(qqq, index=idx).dropna()
    for a in range(4):
        s = pd.Series(x[:, a], index=idx)
        assert np.array_equal(res.drawdown[:, a], m.drawdown(s).to_numpy(), equal_nan=True)
        assert np.array_equal(res.drop_from_high[:, a], m.drop_from_high(s, "7D").to_numpy(), equal_nan=True)
        assert np.array_equal(res.window_max_drawdown[:, a], m.max_drawdown_in_window(s, "7D").to_numpy(),
                              equal_nan=True)
        assert res.max_drawdown.value[a] == m.max_drawdown(s).value
        assert res.current_drawdown[a] == m.current_drawdown(s)
        assert res.worst_drop_from_high[a] == m.worst_drop_from_high(s, "7D").value
        r = m.simple_returns(s)
        assert res.volatility[a] == pytest.approx(m.annualized_volatility(r, 8760), rel=1e-12)
        assert res.var[0, a] == m.value_at_risk(r, 0.95) and res.es[1, a] == pytest.approx(
            m.expected_shortfall(r, 0.99), abs=1e-15)
        assert res.parametric_var[0, a] == pytest.approx(m.parametric_var(r, 0.95), rel=1e-12)
        for p in ("1D", "7D", "30D"):
            assert res.trailing_returns[p][a] == pytest.approx(m.trailing_return(s, p), rel=1e-15, nan_ok=True)
        rs, rq = m.aligned_returns(s, bench_q)
        assert res.beta[1, a] == pytest.approx(m.beta(rs, rq), abs=1e-12)
        assert res.correlation[1, a] == pytest.approx(m.correlation(rs, rq), abs=1e-12)
        roll = m.rolling_beta(rs, rq, "30D")
        assert res.rolling_beta[1, a] == pytest.approx(roll.iloc[-1], abs=1e-9)
        got = pd.Series(res.rolling_beta_series[1, :, a], index=idx).dropna()
        assert np.allclose(got.to_numpy(), roll.dropna().to_numpy(), atol=1e-9)
    assert res.beta[0, 0] == pytest.approx(1.0)


def test_panel_risk_without_gaps_uses_the_fused_return_statistics():
    rng = np.random.default_rng(3)
    idx = pd.date_range("2024-01-01", periods=24 * 120, freq="h", tz=UTC)
    x = 20 * np.exp(rng.normal(0, 0.01, (len(idx), 19)).cumsum(axis=0))
    btc = 100 * np.exp(rng.normal(0, 0.01, len(idx)).cumsum())
    res = pm.panel_risk_arrays(x, idx, 8760.0, btc[:, None], beta_window="10D", rolling_series=True)
    rb = m.simple_returns(pd.Series(btc, index=idx))
    for a in (0, 7, 18):
        s = pd.Series(x[:, a], index=idx)
        r = m.simple_returns(s)
        assert res.volatility[a] == pytest.approx(m.annualized_volatility(r, 8760), rel=1e-12)
        assert res.parametric_var[1, a] == pytest.approx(m.parametric_var(r, 0.99), rel=1e-12)
        assert res.var[0, a] == m.value_at_risk(r, 0.95) and res.var[1, a] == m.value_at_risk(r, 0.99)
        assert res.es[0, a] == pytest.approx(m.expected_shortfall(r, 0.95), abs=1e-15)
        assert res.beta[0, a] == pytest.approx(m.beta(r, rb), abs=1e-12)
        assert res.correlation[0, a] == pytest.approx(m.correlation(r, rb), abs=1e-12)
        roll = m.rolling_beta(r, rb, "10D")
        assert res.rolling_beta[0, a] == pytest.approx(roll.iloc[-1], abs=1e-9)
        assert np.allclose(res.rolling_beta_series[0, 1:, a], roll.to_numpy(), atol=1e-9, equal_nan=True)


def test_panel_risk_of_one_asset_with_a_gap():
    idx = pd.date_range("2025-01-01", periods=400, freq="h", tz=UTC)
    rng = np.random.default_rng(8)
    x = 30 * np.exp(rng.normal(0, 0.01, (400, 1)).cumsum(axis=0))
    x[50:120, 0] = np.nan
    btc = 100 * np.exp(rng.normal(0, 0.01, 400).cumsum())
    res = pm.panel_risk_arrays(x, idx, 8760.0, btc[:, None], beta_window="3D")
    s, b = pd.Series(x[:, 0], index=idx), pd.Series(btc, index=idx)
    rs, rb = m.aligned_returns(s, b)
    assert res.beta[0, 0] == pytest.approx(m.beta(rs, rb), abs=1e-12)
    assert res.volatility[0] == pytest.approx(m.annualized_volatility(m.simple_returns(s), 8760), rel=1e-12)


def test_panel_risk_dataframe_form_annualises_per_kind():
    rng = np.random.default_rng(1)
    idx = pd.bdate_range("2024-01-01", periods=300, tz=UTC)
    frame = pd.DataFrame(10 * np.exp(rng.normal(0, 0.02, (300, 2)).cumsum(axis=0)), index=idx, columns=["MARA", "X"])
    res = pm.panel_risk(frame, {"MARA": "equity", "X": AssetKind.CRYPTO})
    r = m.simple_returns(frame["MARA"])
    assert res.volatility[0] == pytest.approx(m.annualized_volatility(r, 252), rel=1e-12)
    assert res.volatility[1] == pytest.approx(m.annualized_volatility(m.simple_returns(frame["X"]), 365), rel=1e-12)
    assert res.beta.shape == (0, 2) and res.rolling_beta_series is None


@pytest.mark.parametrize("rows", [0, 1, 2])
def test_panel_risk_degenerate_sizes_and_an_all_nan_column(rows):
    idx = pd.date_range("2025-01-01", periods=rows, freq="D", tz=UTC)
    x = np.column_stack([np.linspace(10, 12, rows), np.full(rows, np.nan)])
    res = pm.panel_risk_arrays(x, idx, 365.0, np.linspace(100, 90, rows)[:, None])
    assert res.drawdown.shape == (rows, 2) and np.isnan(res.volatility).all()
    assert np.isnan(res.current_drawdown[1]) and res.max_drawdown.trough[1] == -1
    if rows:
        assert res.current_drawdown[0] == 0.0 and res.max_drawdown.value[0] == 0.0
