"""Streaming updates give bit-identical results to the batch functions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskwatch.domain import metrics as m
from riskwatch.domain.streaming import StreamingRisk

HOUR = 3_600_000_000_000
T0 = 1_735_689_600_000_000_000  # 2025-01-01 UTC in ns

ticks_st = st.lists(
    st.tuples(st.integers(1, 30), st.one_of(st.floats(0.5, 2000.0), st.sampled_from([100.0, 100.0, float("nan")]))),
    min_size=1, max_size=120)


def as_series(ticks) -> pd.Series:
    t = T0 + np.cumsum([d for d, _ in ticks]) * HOUR
    return pd.Series([p for _, p in ticks], index=pd.DatetimeIndex(t.view("datetime64[ns]")).tz_localize("UTC"))


def check_against_batch(s: pd.Series, sr: StreamingRisk, i: int, window: str) -> None:
    prefix = s.iloc[: i + 1]
    drop = m.drop_from_high(prefix, window).iloc[-1]
    wmdd = m.max_drawdown_in_window(prefix, window).iloc[-1]
    if np.isnan(s.iloc[i]):
        return
    assert sr.drop_from_high == drop
    assert sr.window_max_drawdown == wmdd
    assert sr.drawdown == m.drawdown(prefix).iloc[-1]
    assert sr.window_high == m.trailing_high(prefix, window).iloc[-1]
    mdd = m.max_drawdown(prefix)
    assert sr.max_drawdown == mdd.value
    assert pd.Timestamp(sr.max_drawdown_trough_time, tz="UTC") == mdd.trough_date
    assert pd.Timestamp(sr.max_drawdown_peak_time, tz="UTC") == mdd.peak_date


@settings(max_examples=40, deadline=None)
@given(ticks_st, st.integers(1, 60))
def test_every_tick_equals_the_batch_result(ticks, window_hours):
    s = as_series(ticks)
    window = f"{window_hours}h"
    sr = StreamingRisk(window)
    for i, (ts, p) in enumerate(zip(s.index, s.to_numpy())):
        sr.update(ts, p)
        check_against_batch(s, sr, i, window)


@settings(max_examples=40, deadline=None)
@given(ticks_st, st.integers(1, 60), st.data())
def test_from_history_then_updates_equals_streaming_from_scratch(ticks, window_hours, data):
    s = as_series(ticks)
    k = data.draw(st.integers(0, len(s)))
    window = f"{window_hours}h"
    scratch = StreamingRisk(window)
    for ts, p in zip(s.index.as_unit("ns").asi8.tolist(), s.tolist()):
        scratch.update(ts, p)
    resumed = StreamingRisk.from_history(s.iloc[:k], window)
    for ts, p in zip(s.index[k:].as_unit("ns").asi8.tolist(), s.iloc[k:].tolist()):
        resumed.update(ts, p)
    for name in ("drop_from_high", "window_max_drawdown", "drawdown", "max_drawdown", "window_high",
                 "window_high_time", "peak", "peak_time", "max_drawdown_peak_time", "max_drawdown_trough_time",
                 "last_price", "last_time"):
        a, b = getattr(scratch, name), getattr(resumed, name)
        assert a == b or (a != a and b != b), name


def test_window_high_time_is_the_latest_time_of_the_high():
    sr = StreamingRisk("3D")
    for day, p in enumerate([100.0, 120.0, 90.0, 120.0, 80.0]):
        sr.update(pd.Timestamp("2025-01-01", tz="UTC") + pd.Timedelta(days=day), p)
    assert sr.window_high == 120.0
    assert pd.Timestamp(sr.window_high_time, tz="UTC") == pd.Timestamp("2025-01-04", tz="UTC")
    assert sr.drop_from_high == 80 / 120 - 1
    assert sr.window_max_drawdown == 80 / 120 - 1
    assert sr.max_drawdown == 80 / 120 - 1


def test_a_new_high_resets_and_old_prices_leave_the_window():
    sr = StreamingRisk("2D")
    day = pd.Timedelta(days=1)
    t = pd.Timestamp("2025-03-01", tz="UTC")
    sr.update(t, 200.0)
    sr.update(t + day, 100.0)
    assert sr.drop_from_high == -0.5
    sr.update(t + 2 * day, 110.0)       # 200 has left the window (t + 2 d − 2 d, t + 2 d]
    assert sr.window_high == 110.0 and sr.drop_from_high == 0.0
    assert sr.window_max_drawdown == 0.0
    assert sr.drawdown == 110 / 200 - 1 and sr.max_drawdown == -0.5


def test_bad_ticks_are_rejected_and_nan_is_skipped():
    sr = StreamingRisk("30D")
    t = pd.Timestamp("2025-01-01", tz="UTC")
    sr.update(t, 10.0)
    with pytest.raises(m.MetricInputError, match="not after"):
        sr.update(t, 11.0)
    with pytest.raises(m.MetricInputError, match="not after"):
        sr.update(t - pd.Timedelta("1h"), 11.0)
    with pytest.raises(m.MetricInputError, match="positive finite"):
        sr.update(t + pd.Timedelta("1h"), 0.0)
    with pytest.raises(m.MetricInputError, match="positive finite"):
        sr.update(t + pd.Timedelta("2h"), -5.0)
    with pytest.raises(m.MetricInputError, match="timezone-aware"):
        sr.update(pd.Timestamp("2025-02-01"), 5.0)
    before = sr.drop_from_high
    sr.update(t + pd.Timedelta("3h"), float("nan"))
    assert sr.drop_from_high == before and sr.last_price == 10.0
    sr.update(int((t + pd.Timedelta("4h")).value), 5.0)  # int nanoseconds work too
    assert sr.drop_from_high == -0.5


def test_from_history_validates_like_the_batch_functions():
    s = pd.Series([1.0, 2.0], index=pd.DatetimeIndex(["2025-01-02", "2025-01-01"], tz="UTC"))
    with pytest.raises(m.MetricInputError, match="ascending"):
        StreamingRisk.from_history(s)
    empty = StreamingRisk.from_history(pd.Series([], dtype=float, index=pd.DatetimeIndex([], tz="UTC")))
    assert np.isnan(empty.drop_from_high) and empty.last_time is None


def test_many_ticks_stay_amortised_constant():
    """Each price enters and leaves the two stacks once: the stacks never hold more than the window."""
    rng = np.random.default_rng(0)
    sr = StreamingRisk("24h")
    for i, p in enumerate(100 * np.exp(rng.normal(0, 0.01, 5000).cumsum())):
        sr.update(T0 + i * HOUR, float(p))
        assert len(sr._front) + len(sr._back) <= 24
