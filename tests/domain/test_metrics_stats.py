"""Returns, volatility, VaR/ES, beta/correlation: hand-worked cases and empyrical-reloaded cross-checks."""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from riskwatch.domain import metrics as m
from riskwatch.domain.model import AssetKind

ep = pytest.importorskip("empyrical")


def series(values, start="2025-01-01", freq="D") -> pd.Series:
    return pd.Series(np.asarray(values, float), index=pd.date_range(start, periods=len(values), freq=freq, tz="UTC"))


def fat_tailed(n: int, seed: int, cols: int | None = None) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.standard_t(3, size=n if cols is None else (n, cols)) * 0.02


# -- returns ----------------------------------------------------------------------------------------

def test_simple_returns_hand_worked():
    r = m.simple_returns(series([100, 110, 99]))
    assert r.tolist() == [110 / 100 - 1, 99 / 110 - 1]
    assert r.index[0] == pd.Timestamp("2025-01-02", tz="UTC")
    assert m.returns_array(np.array([100.0, np.nan, 110.0]))[2] == 110 / 100 - 1


def test_trailing_returns_use_the_last_price_at_or_before_the_start():
    # Monday 2025-11-03 .. Friday, then Monday again: the 1-day return of Monday is measured from Friday
    s = pd.Series([100.0, 101, 102, 103, 104, 110],
                  index=pd.DatetimeIndex(["2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06", "2025-11-07",
                                          "2025-11-10"], tz="UTC"))
    got = m.trailing_returns(s, ("1D", "7D", "30D"))
    assert got["1D"] == 110 / 104 - 1
    assert got["7D"] == 110 / 100 - 1  # 2025-11-03 is exactly 7 days back
    assert np.isnan(got["30D"])        # the history does not reach back 30 days


def test_periods_per_year():
    assert m.periods_per_year(AssetKind.CRYPTO, "1D") == 365
    assert m.periods_per_year("equity", "1D") == 252
    assert m.periods_per_year("crypto", "1h") == 365 * 24
    assert m.periods_per_year("equity", "1h") == 252 * 6.5
    assert m.periods_per_year("stablecoin", "15min") == 365 * 96
    assert m.periods_per_year("index", "30min") == 252 * 13
    assert m.periods_per_year("crypto", "7D") == pytest.approx(365 / 7)
    assert m.infer_bar(pd.bdate_range("2025-01-01", periods=30, tz="UTC")) == pd.Timedelta(days=1)


# -- volatility ---------------------------------------------------------------------------------

def test_volatility_hand_worked_and_nan_dropped():
    r = np.array([0.01, -0.01, 0.02, np.nan, 0.0])
    valid = np.array([0.01, -0.01, 0.02, 0.0])
    expected = np.sqrt(((valid - valid.mean()) ** 2).sum() / 3) * np.sqrt(365)
    assert m.annualized_volatility(r, 365) == pytest.approx(expected, rel=1e-15)
    assert np.isnan(m.annualized_volatility(np.array([0.01]), 365))
    assert m.annualized_volatility(np.zeros(10), 365) == 0.0


@pytest.mark.parametrize("ann", [365, 252, 8760, 1638])
def test_volatility_matches_empyrical(ann):
    r = fat_tailed(3000, ann, cols=4)
    assert np.allclose(m.annualized_volatility(r, ann), ep.annual_volatility(r, annualization=ann), rtol=1e-12)
    s = pd.Series(r[:, 0])
    assert m.annualized_volatility(s, ann) == pytest.approx(ep.annual_volatility(s, annualization=ann), rel=1e-12)


# -- VaR / ES -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 2, 3, 7, 20, 21, 100, 101, 1000, 4097, 10_000, 87_600])
def test_var_and_es_match_empyrical(n):
    r = fat_tailed(n, n, cols=3)
    if n % 2:
        r = np.round(r, 3)  # ties
    var, es = m.var_es_array(r, (0.95, 0.99, 0.9))
    for a in range(3):
        for i, cutoff in enumerate((0.05, 0.01, 0.1)):
            assert abs(var[i, a] - ep.value_at_risk(r[:, a], cutoff)) <= 1e-15
            assert abs(es[i, a] - ep.conditional_value_at_risk(r[:, a], cutoff)) <= 1e-9
    s = pd.Series(r[:, 0])
    assert m.value_at_risk(s, 0.99) == ep.value_at_risk(s, 0.01)
    assert m.expected_shortfall(s, 0.95) == pytest.approx(ep.conditional_value_at_risk(s, 0.05), abs=1e-15)


def test_var_and_es_column_groups_with_gaps_match_empyrical(monkeypatch):
    from riskwatch.domain.metrics import risk

    monkeypatch.setattr(risk, "_GROUP_BYTES", 3 * 8 * 5000)   # groups of 3 columns: boundaries inside the panel
    r = fat_tailed(5000, 17, cols=11)
    r[::7, 4] = np.nan
    r[:, 9] = np.nan
    r[3, 10] = np.nan
    var, es = m.var_es_array(r, (0.99, 0.95, 0.5))
    for a in range(11):
        col = r[~np.isnan(r[:, a]), a]
        for i, cutoff in enumerate((0.01, 0.05, 0.5)):
            if not len(col):
                assert np.isnan(var[i, a]) and np.isnan(es[i, a])
                continue
            assert var[i, a] == ep.value_at_risk(col, cutoff)
            assert abs(es[i, a] - ep.conditional_value_at_risk(col, cutoff)) <= 1e-15
    assert r[5, 0] == fat_tailed(5000, 17, cols=11)[5, 0]    # the input is not reordered


def test_var_es_hand_worked():
    r = np.arange(1, 21) / -100.0  # −0.01 … −0.20, n = 20
    # 5 % quantile: virtual index 19 · 0.05 = 0.95 → −0.20 + 0.95 · 0.01
    assert m.value_at_risk(r, 0.95) == pytest.approx(-0.1905, abs=1e-15)
    assert m.expected_shortfall(r, 0.95) == -0.20           # int(19 · 0.05) + 1 = 1 lowest return
    assert m.expected_shortfall(r, 0.85) == pytest.approx(np.mean([-0.20, -0.19, -0.18]), abs=1e-15)
    assert m.value_at_risk(np.full(50, 0.003), 0.99) == 0.003  # constant returns


def test_var_es_nan_dropped_and_empty():
    r = np.array([0.01, np.nan, -0.05, 0.02])
    assert m.value_at_risk(r, 0.95) == ep.value_at_risk(r[~np.isnan(r)], 0.05)
    assert np.isnan(m.value_at_risk(np.array([]), 0.95)) and np.isnan(m.expected_shortfall(np.array([np.nan])))
    with pytest.raises(m.MetricInputError, match="between 0 and 1"):
        m.value_at_risk(r, 95)


def test_parametric_var_is_mean_plus_z_sigma():
    r = fat_tailed(500, 9)
    z = NormalDist().inv_cdf(0.05)
    assert m.parametric_var(r, 0.95) == pytest.approx(r.mean() + z * r.std(ddof=1), rel=1e-12)
    assert m.parametric_var(r, 0.99) < m.parametric_var(r, 0.95) < 0


# -- beta and correlation ---------------------------------------------------------------------------

def test_beta_and_correlation_hand_worked():
    b = series([0.01, -0.02, 0.03, 0.0])
    assert m.beta(2 * b, b) == pytest.approx(2.0, rel=1e-15)
    assert m.correlation(-3 * b + 0.001, b) == pytest.approx(-1.0, rel=1e-15)
    assert np.isnan(m.beta(b, series([0.01] * 4)))  # a benchmark without variance
    assert np.isnan(m.beta(b.iloc[:1], b.iloc[:1]))


def test_beta_matches_empyrical_and_correlation_matches_numpy():
    rng = np.random.default_rng(4)
    bench = rng.normal(0, 0.02, 2000)
    r = 1.3 * bench[:, None] + rng.normal(0, 0.01, (2000, 5))
    beta, corr = m.beta_corr_array(r, bench)
    assert np.allclose(beta, ep.beta(r, bench), rtol=0, atol=1e-12)
    assert np.allclose(corr, [np.corrcoef(r[:, a], bench)[0, 1] for a in range(5)], atol=1e-12)
    r[rng.random(r.shape) < 0.1] = np.nan  # pairwise NaN handling, as empyrical
    bench[::17] = np.nan
    beta, _ = m.beta_corr_array(r, bench)
    assert np.allclose(beta, ep.beta(r, bench), rtol=0, atol=1e-12)


def test_beta_aligns_series_on_shared_timestamps():
    a = series([0.01, 0.02, -0.01, 0.03, 0.0])
    b = series([0.02, 0.01, -0.02, 0.01], start="2025-01-02")
    joined = pd.concat([a, b], axis=1, join="inner")
    assert m.beta(a, b) == pytest.approx(ep.beta(joined[0], joined[1]), abs=1e-12)


def test_aligned_returns_compare_24_7_asset_with_trading_days():
    btc = series(np.linspace(100, 130, 15))                                  # every day
    qqq = pd.Series([10.0, 11, 12], index=pd.DatetimeIndex(["2025-01-03", "2025-01-06", "2025-01-07"], tz="UTC"))
    r_btc, r_qqq = m.aligned_returns(btc, qqq)
    assert list(r_btc.index) == list(r_qqq.index) == list(qqq.index[1:])
    fri, mon = pd.Timestamp("2025-01-03", tz="UTC"), pd.Timestamp("2025-01-06", tz="UTC")
    assert r_btc.iloc[0] == btc[mon] / btc[fri] - 1  # Friday → Monday


@pytest.mark.parametrize("window", [10, 90])
def test_rolling_beta_and_correlation_match_empyrical_and_pandas(window):
    rng = np.random.default_rng(window)
    bench = series(rng.normal(0, 0.02, 400))
    r = 0.8 * bench + rng.normal(0, 0.01, 400)
    # a calendar window of `window` days on gapless daily returns holds `window` returns
    be = m.rolling_beta(r, bench, f"{window}D").to_numpy()[window - 1:]
    assert np.allclose(be, ep.roll_beta(r.to_numpy(), bench.to_numpy(), window), rtol=0, atol=1e-9)
    co = m.rolling_correlation(r, bench, f"{window}D")
    assert np.allclose(co.iloc[window - 1:], r.rolling(window).corr(bench).iloc[window - 1:], rtol=0, atol=1e-9)
    assert m.rolling_beta(r, bench, f"{window}D").iloc[-1] == pytest.approx(m.beta(r.iloc[-window:],
                                                                                  bench.iloc[-window:]), abs=1e-9)


def test_rolling_beta_with_gaps_and_nan_matches_a_direct_window_computation():
    rng = np.random.default_rng(8)
    idx = pd.bdate_range("2020-01-01", periods=600, tz="UTC")
    b = rng.normal(0, 0.02, 600)
    r = np.column_stack([1.5 * b + rng.normal(0, 0.01, 600), rng.normal(0, 0.01, 600)])
    r[rng.random(r.shape) < 0.05] = np.nan
    b[::23] = np.nan
    beta, corr = m.rolling_beta_corr_array(r, b, idx, "30D")
    t = idx.as_unit("ns").asi8
    for i in range(0, 600, 7):
        w = (t > t[i] - pd.Timedelta("30D").value) & (t <= t[i])
        eb, ec = m.beta_corr_array(r[w], b[w])
        assert np.allclose(beta[0, i], eb, atol=1e-9, equal_nan=True)
        assert np.allclose(corr[0, i], ec, atol=1e-9, equal_nan=True)


def test_rolling_on_irregular_timestamps_uses_the_sequential_path():
    rng = np.random.default_rng(1)
    t = pd.DatetimeIndex(np.cumsum(rng.integers(1, 10**6, 300)) * 1000 + 1.7e18, tz="UTC")
    b = rng.normal(0, 0.02, 300)
    r = 0.5 * b + rng.normal(0, 0.01, 300)
    beta, _ = m.rolling_beta_corr_array(r, b, t, "2min")
    for i in range(0, 300, 13):
        w = (t.asi8 > t.asi8[i] - 120 * 10**9) & (t.asi8 <= t.asi8[i])
        expected = m.beta_corr_array(r[w], b[w])[0][0] if w.sum() >= 2 else np.nan
        assert np.allclose(beta[0, i, 0], expected, atol=1e-9, equal_nan=True)
