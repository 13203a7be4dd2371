"""Drawdown family: hand-worked cases, invariants, degenerate input, empyrical cross-checks, BTC regression."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskwatch.domain import metrics as m
from riskwatch.domain.metrics import _blocks
from riskwatch.domain.errors import InputError

DATA = Path(__file__).resolve().parents[1] / "data" / "history"  # real history, see its SOURCES.md


def daily(values, start="2025-01-01", freq="D") -> pd.Series:
    idx = pd.date_range(start, periods=len(values), freq=freq, tz="UTC")
    return pd.Series(np.asarray(values, dtype=float), index=idx)


HAND = daily([100, 120, 90, 108, 130, 65, 140])


# -- hand-worked ----------------------------------------------------------------------------------

def test_drawdown_hand_worked():
    assert m.drawdown(HAND).tolist() == [0.0, 0.0, -0.25, 108 / 120 - 1, 0.0, -0.5, 0.0]


def test_max_drawdown_hand_worked_with_dates_and_recovery():
    r = m.max_drawdown(HAND)
    assert r.value == -0.5
    assert r.peak_date == pd.Timestamp("2025-01-05", tz="UTC")
    assert r.trough_date == pd.Timestamp("2025-01-06", tz="UTC")
    assert r.recovery_date == pd.Timestamp("2025-01-07", tz="UTC")
    assert r.duration == pd.Timedelta(days=2)
    assert m.current_drawdown(HAND) == 0.0


def test_max_drawdown_not_recovered_runs_to_last_observation():
    r = m.max_drawdown(daily([100, 150, 75, 120]))
    assert (r.value, r.recovery_date) == (-0.5, None)
    assert r.duration == pd.Timedelta(days=2)
    assert m.current_drawdown(daily([100, 150, 75, 120])) == 120 / 150 - 1


def test_peak_is_the_latest_time_at_the_high():
    r = m.max_drawdown(daily([100, 200, 150, 200, 100]))
    assert r.peak_date == pd.Timestamp("2025-01-04", tz="UTC")  # the second visit of 200
    assert r.trough_date == pd.Timestamp("2025-01-05", tz="UTC")


def test_drop_from_high_hand_worked_3_day_window():
    # window (t − 3D, t] = t, t−1 d, t−2 d
    assert m.drop_from_high(HAND, "3D").tolist() == [0.0, 0.0, -0.25, 108 / 120 - 1, 0.0, -0.5, 0.0]
    assert m.trailing_high(HAND, "3D").tolist() == [100, 120, 120, 120, 130, 130, 140]


def test_max_drawdown_in_window_is_deeper_than_the_drop():
    w = m.max_drawdown_in_window(HAND, "3D")
    assert w.tolist() == [0.0, 0.0, -0.25, -0.25, 0.0, -0.5, -0.5]
    d = m.drop_from_high(HAND, "3D")
    assert d.iloc[3] == pytest.approx(-0.1) and w.iloc[3] == -0.25  # 120 → 90 inside the window, then 108


def test_worst_drop_from_high_and_by_year():
    s = pd.Series([100.0, 80, 90, 100, 70, 75],
                  index=pd.DatetimeIndex(["2024-12-20", "2024-12-30", "2025-01-02", "2025-01-10", "2025-01-15",
                                          "2025-03-01"], tz="UTC"))
    worst = m.worst_drop_from_high(s, "30D")
    assert (worst.value, worst.peak_date, worst.trough_date) == (
        70 / 100 - 1, pd.Timestamp("2025-01-10", tz="UTC"), pd.Timestamp("2025-01-15", tz="UTC"))
    by_year = m.worst_drop_from_high_by_year(s, "30D")
    assert sorted(by_year) == [2024, 2025]
    assert by_year[2024].value == pytest.approx(-0.2)
    assert by_year[2024].peak_date == pd.Timestamp("2024-12-20", tz="UTC")
    assert by_year[2025].value == 70 / 100 - 1


def test_calendar_window_with_weekend_gaps_matches_pandas_rolling():
    idx = pd.bdate_range("2025-01-01", periods=120, tz="UTC")
    rng = np.random.default_rng(3)
    s = pd.Series(100 * np.exp(rng.normal(0, 0.03, len(idx)).cumsum()), index=idx)
    for w in ("1D", "3D", "7D", "30D", "400D"):
        expected = s / s.rolling(w).max() - 1
        assert np.array_equal(m.drop_from_high(s, w).to_numpy(), expected.to_numpy()), w


def test_max_drawdown_in_window_brute_force_on_irregular_times():
    rng = np.random.default_rng(5)
    t = pd.DatetimeIndex(np.cumsum(rng.integers(1, 5000, 300)) * 10**9 + 1.7e18, tz="UTC")  # off any grid
    s = pd.Series(100 * np.exp(rng.normal(0, 0.02, 300).cumsum()), index=t)
    w = pd.Timedelta("3h")
    got = m.max_drawdown_in_window(s, w).to_numpy()
    x, ts = s.to_numpy(), t.asi8
    for i in range(len(x)):
        seg = x[(ts > ts[i] - w.value) & (ts <= ts[i])]
        assert got[i] == min(seg[j:].min() / seg[j] - 1 for j in range(len(seg)))


# -- invariants -----------------------------------------------------------------------------------

prices_st = st.lists(st.floats(0.01, 1e6, allow_nan=False), min_size=1, max_size=80)


@settings(max_examples=60, deadline=None)
@given(prices_st, st.integers(1, 40), st.integers(-8, 8))
def test_invariants(values, window_days, power):
    s = daily(values)
    dd = m.drawdown(s)
    drop = m.drop_from_high(s, f"{window_days}D")
    wmdd = m.max_drawdown_in_window(s, f"{window_days}D")
    assert (dd <= 0).all() and (drop <= 0).all() and (wmdd <= 0).all()
    assert (drop >= dd).all()                       # the window high is at most the all-time high
    assert (wmdd <= drop).all()                     # the window's worst fall includes the fall to today
    assert (wmdd >= m.max_drawdown(s).value).all()
    scaled = s * 2.0 ** power                       # exact scaling: bit-identical results
    assert m.drawdown(scaled).equals(dd)
    assert m.drop_from_high(scaled, f"{window_days}D").equals(drop)
    assert m.max_drawdown_in_window(scaled, f"{window_days}D").equals(wmdd)
    assert np.allclose(m.drawdown(s * 3.7), dd, rtol=0, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(prices_st, st.integers(1, 40))
def test_a_new_high_resets_the_drop_to_zero(values, window_days):
    s = daily(values)
    new = pd.concat([s, pd.Series([max(values) * 1.01], index=[s.index[-1] + pd.Timedelta(days=1)])])
    assert m.drop_from_high(new, f"{window_days}D").iloc[-1] == 0.0
    assert m.drawdown(new).iloc[-1] == 0.0
    assert m.current_drawdown(new) == 0.0


def test_panel_columns_equal_single_series():
    rng = np.random.default_rng(11)
    x = 50 * np.exp(rng.normal(0, 0.02, (900, 7)).cumsum(axis=0))
    t = pd.date_range("2020-01-01", periods=900, freq="h", tz="UTC")
    fam = m.window_family(x, t, "2D", drawdown=True, high=True, drop=True, window_mdd=True, max_dd=True,
                          worst_drop=True)
    for a in range(7):
        s = pd.Series(x[:, a], index=t)
        assert np.array_equal(fam.drawdown[:, a], m.drawdown(s).to_numpy())
        assert np.array_equal(fam.drop[:, a], m.drop_from_high(s, "2D").to_numpy())
        assert np.array_equal(fam.window_mdd[:, a], m.max_drawdown_in_window(s, "2D").to_numpy())
        r = m.max_drawdown(s)
        assert (fam.max_drawdown.value[a], t[fam.max_drawdown.peak[a]], t[fam.max_drawdown.trough[a]]) == (
            r.value, r.peak_date, r.trough_date)
        w = m.worst_drop_from_high(s, "2D")
        assert (fam.worst_drop[0][a], t[fam.worst_drop[1][a]]) == (w.value, w.trough_date)


def test_wide_panels_take_the_blocked_path_with_identical_results():
    rng = np.random.default_rng(9)
    x = np.round(20 * np.exp(rng.normal(0, 0.02, (5000, 9)).cumsum(axis=0)), 2)
    x[rng.random(x.shape) < 0.02] = np.nan
    x[:40, 4] = np.nan
    dd, mdd = m.drawdown_array(x), m.max_drawdown_array(x)
    for a in range(9):
        assert np.array_equal(dd[:, a], m.drawdown_array(x[:, a]), equal_nan=True)
        single = m.max_drawdown_array(x[:, a])
        assert [v[a] for v in mdd] == [v[()] for v in single]


def test_ties_after_rounding_pick_the_first_reported_minimum():
    r1 = 0.3
    r2 = np.nextafter(r1, 1.0)       # two ratios below 0.5 whose "− 1" rounds to the same fraction
    assert r1 - 1.0 == r2 - 1.0
    x = np.tile(np.array([[1.0], [r2], [1.0], [r1]]), (1200, 9))   # wide enough for the blocked engine
    fam = m.window_family(x, np.arange(len(x)) * 10**9, "2s", max_dd=True, drop=True, worst_drop=True)
    assert fam.max_drawdown.trough[0] == 1 == m.max_drawdown_array(x[:, 0]).trough
    assert fam.worst_drop[1][0] == 1 == np.nanargmin(fam.drop[:, 0])


def test_ties_across_slabs_pick_the_first_reported_minimum(monkeypatch):
    r1 = 0.3
    r2 = np.nextafter(r1, 1.0)       # the later, lower ratio reports the same fraction as the earlier one
    x = np.ones((4800, 9))
    x[1], x[3001] = r2, r1
    monkeypatch.setattr(_blocks, "_SLAB_ELEMS", 100)   # rows 1 and 3001 fall into different slabs
    fam = m.window_family(x, np.arange(len(x)) * 10**9, "2s", max_dd=True, drop=True, worst_drop=True)
    assert fam.max_drawdown.trough[0] == 1 == m.max_drawdown_array(x[:, 0]).trough
    assert fam.worst_drop[1][0] == 1 == np.nanargmin(fam.drop[:, 0])
    assert m.max_drawdown_array(x).trough[0] == 1


def test_scratch_buffers_are_per_thread_and_never_returned():
    rng = np.random.default_rng(5)
    x = 40 * np.exp(rng.normal(0, 0.01, (6000, 12)).cumsum(axis=0))
    t = np.arange(len(x)) * 3_600 * 10**9
    kw = dict(drawdown=True, drop=True, window_mdd=True, max_dd=True, worst_drop=True)
    first = m.window_family(x, t, "30D", **kw)
    copies = [None if v is None else np.copy(v) for v in first[:4]]
    with ThreadPoolExecutor(4) as pool:            # concurrent computations on other threads and this one
        others = list(pool.map(lambda k: m.window_family(x * (1 + k), t, "30D", **kw), range(8)))
    again = m.window_family(x, t, "30D", **kw)
    for a, b, c in zip(first[:4], copies, again[:4]):
        assert (a is None and b is None) or (np.array_equal(a, b) and np.array_equal(a, c))
    for k, fam in enumerate(others):
        assert np.allclose(fam.drop, m.window_family(x * (1 + k), t, "30D", drop=True).drop, rtol=0, atol=1e-15)


def test_time_slabs_do_not_change_results(monkeypatch):
    rng = np.random.default_rng(2)
    x = np.round(30 * np.exp(rng.normal(0, 0.05, (2000, 3)).cumsum(axis=0)), 1)  # ties
    x[rng.random(x.shape) < 0.05] = np.nan
    t = pd.bdate_range("2010-01-01", periods=2000, tz="UTC")
    kw = dict(drawdown=True, drop=True, window_mdd=True, max_dd=True, worst_drop=True)
    whole = m.window_family(x, t, "30D", **kw)
    monkeypatch.setattr(_blocks, "_SLAB_ELEMS", 100)
    sliced = m.window_family(x, t, "30D", **kw)
    for a, b in zip(whole[:4], sliced[:4]):
        assert a is None or np.array_equal(a, b, equal_nan=True)
    for a, b in zip(whole.max_drawdown, sliced.max_drawdown):
        assert np.array_equal(a, b, equal_nan=True)


# -- NaN gaps and degenerate input ---------------------------------------------------------------

def test_nan_is_a_missing_observation():
    s = daily([100, np.nan, 80, 120, np.nan, np.nan, 90, 95])
    clean = s.dropna()
    for f in (m.drawdown, lambda p: m.drop_from_high(p, "3D"), lambda p: m.max_drawdown_in_window(p, "3D")):
        assert f(s).equals(f(clean).reindex(s.index))
    assert m.max_drawdown(s) == m.max_drawdown(clean)
    assert m.simple_returns(s).equals(clean.pct_change().iloc[1:])
    assert m.simple_returns(s).iloc[2] == 90 / 120 - 1  # a return bridges the gap


def test_empty_one_point_and_constant_series():
    empty = daily([])
    assert m.drawdown(empty).empty and m.drop_from_high(empty).empty and m.max_drawdown_in_window(empty).empty
    with pytest.raises(m.InsufficientDataError):
        m.max_drawdown(empty)
    with pytest.raises(m.InsufficientDataError):
        m.worst_drop_from_high(daily([np.nan, np.nan]))
    assert np.isnan(m.current_drawdown(empty))
    one = m.max_drawdown(daily([42.0]))
    assert (one.value, one.peak_date, one.trough_date, one.recovery_date, one.duration) == (
        0.0, pd.Timestamp("2025-01-01", tz="UTC"), pd.Timestamp("2025-01-01", tz="UTC"), None, pd.Timedelta(0))
    flat = daily([5.0] * 10)
    assert (m.drawdown(flat) == 0).all() and (m.max_drawdown_in_window(flat, "4D") == 0).all()
    assert m.max_drawdown(flat).value == 0.0


@pytest.mark.parametrize("values, index, match", [
    ([1.0, 2.0, 3.0], ["2025-01-01", "2025-01-03", "2025-01-02"], "not in ascending order"),
    ([1.0, 2.0, 3.0], ["2025-01-01", "2025-01-02", "2025-01-02"], "duplicate timestamp"),
    ([1.0, 0.0, 3.0], ["2025-01-01", "2025-01-02", "2025-01-03"], "positive finite"),
    ([1.0, -2.0, 3.0], ["2025-01-01", "2025-01-02", "2025-01-03"], "positive finite"),
    ([1.0, np.inf, 3.0], ["2025-01-01", "2025-01-02", "2025-01-03"], "positive finite"),
])
def test_bad_input_is_rejected_with_a_clear_error(values, index, match):
    s = pd.Series(values, index=pd.DatetimeIndex(index, tz="UTC"))
    for f in (m.drawdown, m.max_drawdown, m.drop_from_high, m.max_drawdown_in_window, m.simple_returns):
        with pytest.raises(m.MetricInputError, match=match) as info:
            f(s)
        assert isinstance(info.value, InputError) and isinstance(info.value, ValueError)
        assert "\n" not in str(info.value)


def test_naive_timestamps_and_bad_windows_are_rejected():
    with pytest.raises(m.MetricInputError, match="timezone-aware"):
        m.drawdown(pd.Series([1.0, 2.0], index=pd.date_range("2025-01-01", periods=2)))
    with pytest.raises(m.MetricInputError, match="not a duration"):
        m.drop_from_high(HAND, "thirty days")
    with pytest.raises(m.MetricInputError, match="positive"):
        m.drop_from_high(HAND, "0D")
    with pytest.raises(m.MetricInputError, match="DatetimeIndex"):
        m.drawdown(pd.Series([1.0, 2.0]))


# -- empyrical-reloaded cross-checks ---------------------------------------------------------------

def test_drawdown_series_and_max_drawdown_match_empyrical():
    ep = pytest.importorskip("empyrical")
    from empyrical.stats import drawdown_series

    rng = np.random.default_rng(7)
    s = daily(100 * np.exp(rng.normal(0, 0.04, 1500).cumsum()), start="2015-01-01")
    r = s.pct_change().iloc[1:]
    assert np.allclose(m.drawdown(s).iloc[1:], drawdown_series(r), rtol=0, atol=1e-9)
    assert abs(m.max_drawdown(s).value - ep.max_drawdown(r)) < 1e-9
    x = s.to_numpy()[:, None] * np.array([1.0, 0.5, 3.0])
    assert np.allclose(m.max_drawdown_array(x).value, ep.max_drawdown(np.diff(x, axis=0) / x[:-1]), atol=1e-9)


@pytest.mark.parametrize("days", [2, 5, 30, 91])
def test_max_drawdown_in_window_matches_empyrical_roll_max_drawdown(days):
    ep = pytest.importorskip("empyrical")
    rng = np.random.default_rng(days)
    s = daily(100 * np.exp(rng.normal(0, 0.04, 700).cumsum()), start="2019-01-01")
    r = s.pct_change().iloc[1:].to_numpy()
    # a calendar window of `days` days on gapless daily prices holds `days` prices = `days − 1` returns
    expected = ep.roll_max_drawdown(r, days - 1)
    got = m.max_drawdown_in_window(s, f"{days}D").to_numpy()[days - 1:]
    assert np.allclose(got, expected, rtol=0, atol=1e-9)


# -- real BTC history ---------------------------------------------------------------------------

def load_close(name: str) -> pd.Series:
    path = DATA / name
    df = pd.read_csv(path, parse_dates=["date"])
    return pd.Series(df["close"].to_numpy(float), index=pd.DatetimeIndex(df["date"]).tz_localize("UTC"))


def test_btc_2025_worst_drop_from_30_day_high_regression():
    btc = load_close("btc_usd_daily.csv")
    worst = m.worst_drop_from_high_by_year(btc, "30D")[2025]
    assert worst.value == pytest.approx(-0.26, abs=0.01)
    assert worst.trough_date == pd.Timestamp("2025-11-22", tz="UTC")
    assert pd.Timestamp("2025-10-20", tz="UTC") <= worst.peak_date <= pd.Timestamp("2025-10-31", tz="UTC")
    drop = m.drop_from_high(btc, "30D")
    assert drop.loc["2025"].min() == worst.value
    assert (btc / btc.rolling("30D").max() - 1).equals(drop)
    mdd = m.max_drawdown(btc)
    assert mdd.peak_date.year == 2017 and mdd.trough_date.year == 2018 and mdd.value == pytest.approx(-0.834, abs=1e-3)
