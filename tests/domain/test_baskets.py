"""Baskets by hand: buy-and-hold levels from made-up prices, missing and late constituents, and which
constituents a stale feed leaves out of the figures (``domain.baskets``, ``domain.basket_report``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from riskwatch.domain.basket_report import basket_values
from riskwatch.domain.baskets import CD20, Basket, basket_figures, basket_path
from riskwatch.domain.freshness import DataStatus, PriceState
from riskwatch.domain.metric_inputs import History

T0 = datetime(2025, 1, 1, tzinfo=UTC)
DAY_NS = 86_400_000_000_000
WEIGHTS = (("A", 50.0), ("B", 30.0), ("C", 20.0))


def _ns(day: int) -> int:
    return int((T0 + timedelta(days=day)).timestamp()) * 1_000_000_000


def _series(prices, first_day: int = 0) -> tuple[np.ndarray, np.ndarray]:
    return (np.array([_ns(first_day + i) for i in range(len(prices))], dtype=np.int64),
            np.array(prices, dtype=float))


SIX_DAYS = {"A": _series([100, 110, 120, 90, 100, 130]),
            "B": _series([10, 10, 12, 12, 9, 11]),
            "C": _series([1, 2, 2, 1, 1, 1.5])}


def test_three_constituents_50_30_20_give_the_weighted_sum_of_their_price_relatives():
    p = basket_path(WEIGHTS, SIX_DAYS, _ns(0))
    # 0.5·A/100 + 0.3·B/10 + 0.2·C/1, day by day
    assert p.values == pytest.approx([1.0, 1.25, 1.36, 1.01, 0.97, 1.28], abs=1e-12)
    assert list(p.times) == [_ns(d) for d in range(6)]
    assert p.weights == (("A", 0.5), ("B", 0.3), ("C", 0.2)) and p.missing == ()


def test_bought_at_the_window_start_and_held_the_weights_drift():
    p = basket_path(WEIGHTS, SIX_DAYS, _ns(2))
    assert list(p.times) == [_ns(d) for d in range(2, 6)]
    # bought at day 2 (A 120, B 12, C 2) and held: 0.5·A/120 + 0.3·B/12 + 0.2·C/2
    assert p.values == pytest.approx([1.0, 0.775, 0.5 * 100 / 120 + 0.225 + 0.1, 0.5 * 130 / 120 + 0.275 + 0.15],
                                     abs=1e-12)
    # rebalancing back to 50/30/20 after day 3 would give another level on day 4: the basket is not rebalanced
    rebalanced = 0.775 * (0.5 * 100 / 90 + 0.3 * 9 / 12 + 0.2 * 1 / 1)
    assert abs(p.values[2] - rebalanced) > 0.01
    # a start between two timestamps buys at the last one before it
    assert basket_path(WEIGHTS, SIX_DAYS, _ns(2) + DAY_NS // 2).values == pytest.approx(p.values, abs=1e-12)


def test_a_constituent_without_a_series_is_missing_and_the_others_renormalised():
    series = {"A": SIX_DAYS["A"], "B": SIX_DAYS["B"]}
    p = basket_path(WEIGHTS, series, _ns(0))
    assert p.missing == ("C",)
    assert p.weights == (("A", 0.625), ("B", 0.375))
    assert p.values[1] == pytest.approx(0.625 * 1.1 + 0.375 * 1.0, abs=1e-12)
    assert p.values[5] == pytest.approx(0.625 * 1.3 + 0.375 * 1.1, abs=1e-12)


def test_a_constituent_listed_after_the_window_start_is_missing_there_but_in_a_shorter_window():
    series = {"A": SIX_DAYS["A"], "B": SIX_DAYS["B"], "C": _series([1, 1, 1.5], first_day=3)}
    long = basket_path(WEIGHTS, series, _ns(0))
    assert long.missing == ("C",) and dict(long.weights) == pytest.approx({"A": 0.625, "B": 0.375})
    short = basket_path(WEIGHTS, series, _ns(3))
    assert short.missing == () and dict(short.weights) == pytest.approx({"A": 0.5, "B": 0.3, "C": 0.2})
    assert short.values == pytest.approx([1.0, 0.5 * 100 / 90 + 0.3 * 9 / 12 + 0.2,
                                          0.5 * 130 / 90 + 0.3 * 11 / 12 + 0.2 * 1.5], abs=1e-12)


def test_a_start_price_older_than_seven_days_is_missing():
    a = _series([100.0 + i for i in range(30)])
    c = (np.array([_ns(0), _ns(25)], dtype=np.int64), np.array([1.0, 2.0]))   # C traded on day 0, then day 25
    series = {"A": a, "C": c}
    assert basket_path((("A", 1.0), ("C", 1.0)), series, _ns(10)).missing == ("C",)     # 10 days old
    held = basket_path((("A", 1.0), ("C", 1.0)), series, _ns(7))                          # 7 days: still bought
    assert held.missing == () and held.values[-1] == pytest.approx(0.5 * 129 / 107 + 0.5 * 2.0, abs=1e-12)


def _closes_40_days():
    rng = np.random.default_rng(7)
    return {s: _series(100 * np.cumprod(1 + rng.normal(0, 0.03, 40))) for s in ("A", "B", "C")}


def test_the_30_day_return_is_the_weighted_mean_of_the_constituents_returns():
    series = _closes_40_days()
    figs, path = basket_figures(Basket(CD20, WEIGHTS), series, {})
    r = {s: x[-1] / x[np.searchsorted(t, t[-1] - 30 * DAY_NS, side="right") - 1] - 1 for s, (t, x) in series.items()}
    assert figs["return:30D"] == pytest.approx((50 * r["A"] + 30 * r["B"] + 20 * r["C"]) / 100, abs=1e-12)
    assert path.weights == (("A", 0.5), ("B", 0.3), ("C", 0.2))
    # a drop from the 30-day high is on the path bought 30 days ago: ≤ 0, and 0 exactly at a new high
    assert figs["drop_from_high:30D"] <= 0.0


# -- basket_report.basket_values: a stale constituent ---------------------------------------------------------
NOW = T0 + timedelta(days=39, hours=12)


def _histories():
    return {s: History(t, x, t, x, 365.0) for s, (t, x) in _closes_40_days().items()}


def _states(stale: dict[str, int]):
    """OK daily closes as of NOW, except ``stale``: symbol -> days its closes are old."""
    out = {}
    for s in ("A", "B", "C"):
        if s in stale:
            as_of = NOW - timedelta(days=stale[s])
            out[s] = PriceState(DataStatus.STALE, daily=DataStatus.STALE, as_of=as_of, daily_as_of=as_of)
        else:
            out[s] = PriceState(DataStatus.OK, daily=DataStatus.OK, as_of=NOW, daily_as_of=NOW)
    return out


def test_a_stale_constituent_with_less_than_a_fifth_of_the_weight_is_left_out_and_named():
    basket = Basket(CD20, (("A", 60.0), ("B", 25.0), ("C", 15.0)))
    values, (shown,) = basket_values([basket], _histories(), _states({"C": 5}), {})
    assert shown.stale == (("C", NOW - timedelta(days=5)),)
    assert shown.status is DataStatus.OK and shown.as_of == NOW
    assert dict(shown.weights) == pytest.approx({"A": 60 / 85, "B": 25 / 85})
    assert shown.missing == () and shown.covered_weight == pytest.approx(0.85)
    mv = values[(CD20, "return:30D")]
    assert mv.status is DataStatus.OK and mv.as_of == NOW
    alone, _ = basket_figures(Basket(CD20, (("A", 60.0), ("B", 25.0))),
                              {s: (h.daily_times, h.daily_prices) for s, h in _histories().items()}, {})
    assert mv.value == pytest.approx(alone["return:30D"], abs=1e-15)


def test_a_fifth_or_more_of_the_weight_stale_makes_the_figures_stale_as_of_the_oldest():
    basket = Basket(CD20, (("A", 60.0), ("B", 25.0), ("C", 15.0)))
    values, (shown,) = basket_values([basket], _histories(), _states({"B": 3, "C": 6}), {})
    assert shown.stale == ()                                     # nothing left out: all of it, stale
    assert dict(shown.weights) == pytest.approx({"A": 0.6, "B": 0.25, "C": 0.15})
    assert shown.status is DataStatus.STALE and shown.as_of == NOW - timedelta(days=6)
    mv = values[(CD20, "return:30D")]
    assert mv.status is DataStatus.STALE and mv.as_of == NOW - timedelta(days=6)
    # 25 % stale alone is enough
    _, (one,) = basket_values([basket], _histories(), _states({"B": 3}), {})
    assert one.status is DataStatus.STALE and one.stale == ()


def _ending_early(symbol: str, days_early: int):
    """The 40-day histories, ``symbol``'s cut ``days_early`` days before the others' end."""
    out = {}
    for s, (t, x) in _closes_40_days().items():
        n = len(t) - days_early if s == symbol else len(t)
        out[s] = History(t[:n], x[:n], t[:n], x[:n], 365.0)
    return out


def test_a_stale_basket_leaves_out_a_series_that_ended_long_before_the_others():
    """All stale (an offline app long after the bundle): a series that stopped twenty days before the rest (BITF's
    history ending in April 2025) does not date the whole basket back to its end while the rest carries it."""
    basket = Basket(CD20, (("A", 60.0), ("B", 25.0), ("C", 15.0)))
    hist = _ending_early("C", 20)
    _, (shown,) = basket_values([basket], hist, _states({"A": 30, "B": 30, "C": 50}), {})
    assert [s for s, _ in shown.stale] == ["C"] and dict(shown.weights).keys() == {"A", "B"}
    assert shown.status is DataStatus.STALE
    alone, _ = basket_figures(Basket(CD20, (("A", 60.0), ("B", 25.0))),
                              {s: (hist[s].daily_times, hist[s].daily_prices) for s in ("A", "B")}, {})
    assert shown.figures["return:30D"] == pytest.approx(alone["return:30D"], abs=1e-15)


def test_a_stale_basket_whose_early_series_carries_much_weight_is_dated_by_that_series_end():
    """Too much weight ends early to leave it out: the basket's figures are as of the oldest last close, so the
    30 days are the same 30 days for every constituent (not 30 days of which one series has only ten)."""
    basket = Basket(CD20, (("A", 30.0), ("B", 20.0), ("C", 50.0)))
    hist = _ending_early("C", 5)
    _, (shown,) = basket_values([basket], hist, _states({"A": 30, "B": 30, "C": 50}), {})
    assert shown.stale == () and shown.status is DataStatus.STALE
    end = int(hist["C"].daily_times[-1])
    cut = {s: (h.daily_times[h.daily_times <= end], h.daily_prices[h.daily_times <= end]) for s, h in hist.items()}
    r = {s: x[-1] / x[np.searchsorted(t, end - 30 * DAY_NS, side="right") - 1] - 1 for s, (t, x) in cut.items()}
    assert shown.figures["return:30D"] == pytest.approx((30 * r["A"] + 20 * r["B"] + 50 * r["C"]) / 100, abs=1e-12)
