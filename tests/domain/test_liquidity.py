"""Liquidity signals: hand-made books with known answers, invariants, and the Snapshot conversion."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.errors import DataUnavailable, InvalidData, RateLimited
from riskwatch.domain.liquidity import (
    FUNDING_PERIODS_PER_YEAR,
    AssetLiquidity,
    HoldingLiquidity,
    InvalidOrderBook,
    LiquidityProfile,
    OrderBook,
    Unavailable,
    annualised_funding,
    average_dollar_volume,
    book_signals,
    buy_slippage,
    days_to_liquidate,
    depth,
    depth_vs_median_ratio,
    funding_rate_8h,
    funding_signal,
    imbalance,
    liquidity_metric_values,
    liquidity_profile,
    max_quantity_within,
    notional_slippage,
    open_interest_change,
    open_interest_change_24h,
    peg_deviation,
    sell_slippage,
    spread_bps,
    volume_ratio,
    walk_book,
)
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

# mid 100, spread 0.2 -> 20 bps; no level sits on a ±1 % / ±2 % boundary
NORMAL_BIDS = [[99.9, 2], [99.5, 3], [99.2, 5], [98.5, 10], [97.0, 20]]
NORMAL_ASKS = [[100.1, 1], [100.5, 4], [100.8, 5], [101.5, 10], [103.0, 20]]


def normal_book() -> OrderBook:
    return OrderBook(NORMAL_BIDS, NORMAL_ASKS, timestamp=T0, symbol="BTC/USD")


# -- construction and validation ---------------------------------------------------------------------
def test_a_book_is_an_immutable_copy_of_its_levels():
    bids = np.array(NORMAL_BIDS, dtype=float)
    book = OrderBook(bids, NORMAL_ASKS, timestamp=T0, symbol="BTC/USD")
    bids[0, 0] = 1.0
    assert book.best_bid == 99.9 and book.best_ask == 100.1 and book.mid == pytest.approx(100.0)
    assert book.bids.shape == (5, 2) and book.bids.dtype == np.float64
    with pytest.raises(ValueError):
        book.bids[0, 0] = 1.0
    with pytest.raises(AttributeError):
        book.symbol = "ETH/USD"  # type: ignore[misc]


def test_extra_columns_are_ignored_and_feed_shaped_levels_are_read():
    book = OrderBook([[99.0, 1.0, 1700000000]], [[101.0, 2.0, 1700000000]])
    assert book.bids.shape == (1, 2)
    feed = OrderBook(((99.0, 1.0), (98.0, 2.0)), ((101.0, 1.0),), T0, "BTC/USD", "kraken:BTC/USD")
    assert feed.symbol == feed.market == "BTC/USD" and feed.timestamp == T0 and feed.source == "kraken:BTC/USD"
    assert feed.bids.tolist() == [[99.0, 1.0], [98.0, 2.0]]


@pytest.mark.parametrize("bids, asks, reason, words", [
    ([], [[101, 1]], "empty_side", "bid side is empty"),
    ([[99, 1]], [], "empty_side", "ask side is empty"),
    ([[101, 1]], [[100, 1]], "crossed_book", "best bid 101.0 ≥ best ask 100.0"),
    ([[100, 1]], [[100, 1]], "crossed_book", "crossed"),
    ([[99, 1], [98, 0]], [[101, 1]], "non_positive_size", "bid level 1 has size 0.0"),
    ([[99, 1]], [[101, -2]], "non_positive_size", "ask level 0 has size -2.0"),
    ([[99, 1], [0, 1]], [[101, 1]], "non_positive_price", "bid level 1 has price 0.0"),
    ([[99, 1]], [[101, 1], [-102, 1]], "non_positive_price", "ask level 1"),
    ([[99, float("nan")]], [[101, 1]], "non_finite", "bid level 0"),
    ([[99, 1]], [[float("inf"), 1]], "non_finite", "ask level 0"),
    ([[98, 1], [99, 1]], [[101, 1]], "unsorted", "bid prices must be descending"),
    ([[99, 1]], [[101, 1], [102, 1], [101.5, 1]], "unsorted", "level 2 has 101.5 after 102.0"),
    ([99, 1], [[101, 1]], "shape", "rows of (price, size)"),
    ([["x", 1]], [[101, 1]], "shape", "not rows of numbers"),
    ([[99, 1], [98]], [[101, 1]], "shape", "bid levels"),
])
def test_bad_books_are_data_errors_naming_what_is_wrong(bids, asks, reason, words):
    with pytest.raises(InvalidOrderBook) as info:
        OrderBook(bids, asks, symbol="BTC/USD")
    err = info.value
    assert err.reason == reason
    assert isinstance(err, InvalidData) and isinstance(err, ValueError)
    assert words in str(err) and str(err).startswith("BTC/USD order book:")


def test_bad_books_become_invalid_metrics_not_signals():
    with pytest.raises(InvalidOrderBook) as info:
        OrderBook([[101, 1]], [[100, 1]], symbol="BTC/USD")
    values = liquidity_metric_values([AssetLiquidity("BTC", book=Unavailable.from_error(info.value),
                                                     exit=Unavailable.from_error(info.value))])
    for metric in ("spread_bps", "depth_1pct_bid", "depth_1pct_ask", "depth_2pct", "imbalance",
                   "slippage_exit", "book_too_thin"):
        mv = values[("BTC", metric)]
        assert mv.value is None and mv.status == DataStatus.INVALID and mv.detail == "crossed_book"
        assert not mv.available


# -- spread, depth, imbalance ------------------------------------------------------------------------
def test_normal_book_spread_depth_and_imbalance_by_hand():
    book = normal_book()
    assert spread_bps(book) == pytest.approx(20.0)
    # ±1 %: bids 99.9·2 + 99.5·3 + 99.2·5, asks 100.1·1 + 100.5·4 + 100.8·5
    assert depth(book, 0.01) == pytest.approx((994.3, 1006.1))
    # ±2 % adds 98.5·10 and 101.5·10; 97 and 103 are outside
    assert depth(book, 0.02) == pytest.approx((1979.3, 2021.1))
    assert imbalance(book) == pytest.approx((994.3 - 1006.1) / (994.3 + 1006.1))
    sig = book_signals(book)
    assert sig.depth_2pct == pytest.approx(4000.4)
    assert sig.imbalance == pytest.approx(imbalance(book)) and sig.as_of == T0


def test_one_level_per_side():
    book = OrderBook([[100.0, 1.0]], [[102.0, 3.0]])
    assert book.mid == 101.0
    assert spread_bps(book) == pytest.approx(2 / 101 * 1e4)
    assert depth(book, 0.01) == (100.0, 306.0)    # band [99.99, 102.01]: both levels count
    assert depth(book, 0.005) == (0.0, 0.0)
    assert math.isnan(imbalance(book, 0.005))
    fill = sell_slippage(book, 1.0)
    assert fill.complete and fill.average_price == 100.0 and fill.slippage == pytest.approx(1 / 101)


def test_depth_band_must_be_a_fraction():
    with pytest.raises(ValueError, match="band"):
        depth(normal_book(), 2.0)


# -- slippage ----------------------------------------------------------------------------------------
def test_selling_walks_the_bids_by_hand():
    book = normal_book()
    fill = sell_slippage(book, 4.0)        # 2 @ 99.9 + 2 @ 99.5 = 398.8
    assert fill.complete and not fill.too_thin and fill.levels == 2
    assert fill.notional == pytest.approx(398.8)
    assert fill.average_price == pytest.approx(99.7)
    assert fill.slippage == pytest.approx(0.003)


def test_selling_the_whole_visible_book_is_complete():
    fill = sell_slippage(normal_book(), 40.0)
    assert fill.complete and fill.levels == 5
    assert fill.notional == pytest.approx(3919.3)
    assert fill.slippage == pytest.approx(1 - 3919.3 / 40 / 100)


def test_a_book_too_thin_to_exit_is_flagged_with_the_remaining_quantity():
    thin = OrderBook([[99.0, 0.3], [98.0, 0.2]], [[101.0, 0.5]], symbol="XYZ/USD")
    fill = sell_slippage(thin, 2.0)
    assert fill.too_thin and not fill.complete
    assert fill.quantity == pytest.approx(0.5) and fill.remaining == pytest.approx(1.5)
    assert fill.notional == pytest.approx(99 * 0.3 + 98 * 0.2)
    assert fill.slippage == pytest.approx(1 - (29.7 + 19.6) / 0.5 / 100)  # lower bound of the real cost
    values = liquidity_metric_values([AssetLiquidity("XYZ", book_signals(thin), fill)])
    assert values[("XYZ", "book_too_thin")].value == 1.0
    assert values[("XYZ", "slippage_exit")].detail.startswith("lower_bound")


def test_zero_quantity_costs_the_half_spread():
    fill = sell_slippage(normal_book(), 0.0)
    assert fill.quantity == 0 and fill.levels == 0 and fill.complete
    assert fill.slippage == pytest.approx(0.001)


def test_buy_side_and_notional_walks():
    book = normal_book()
    buy = buy_slippage(book, 3.0)         # 1 @ 100.1 + 2 @ 100.5
    assert buy.average_price == pytest.approx((100.1 + 201.0) / 3)
    assert buy.slippage == pytest.approx((100.1 + 201.0) / 3 / 100 - 1)
    spend = notional_slippage(book, 500.0, "buy")   # 100.1 for 1, then 399.9 / 100.5 units
    assert spend.complete and spend.notional == pytest.approx(500.0)
    assert spend.quantity == pytest.approx(1 + 399.9 / 100.5)
    sell = notional_slippage(book, 398.8, "sell")   # the same as selling 4 units
    assert sell.quantity == pytest.approx(4.0) and sell.slippage == pytest.approx(0.003)
    huge = notional_slippage(book, 1e6, "sell")
    assert huge.too_thin and huge.remaining == pytest.approx(1e6 - 3919.3) and huge.by == "notional"


def test_walk_arguments_are_checked():
    book = normal_book()
    with pytest.raises(ValueError):
        walk_book(book, "sell")
    with pytest.raises(ValueError):
        walk_book(book, "sell", quantity=1, notional=1)
    with pytest.raises(ValueError):
        sell_slippage(book, -1)
    with pytest.raises(ValueError):
        walk_book(book, "short", quantity=1)  # type: ignore[arg-type]


def test_max_quantity_within_one_percent_by_hand():
    book = normal_book()
    # averages after whole levels: 99.9, 99.66, 99.43, 98.965 (< 99) -> solve on level 3:
    # x = (994.3 − 99·10) / (99 − 98.5) = 8.6 -> 18.6 units
    q = max_quantity_within(book, 0.01)
    assert q == pytest.approx(18.6)
    assert sell_slippage(book, q).slippage == pytest.approx(0.01)
    assert max_quantity_within(book, 0.0005) == 0.0       # half spread (0.1 %) is already over
    assert max_quantity_within(book, 0.5) == pytest.approx(40.0)  # capped at the visible book
    qb = max_quantity_within(book, 0.005, "buy")
    assert buy_slippage(book, qb).slippage == pytest.approx(0.005)


# -- invariants --------------------------------------------------------------------------------------
@st.composite
def books(draw) -> OrderBook:
    best_bid = draw(st.floats(0.01, 1e5))
    spread = draw(st.floats(1e-6, 0.05))
    n_bid = draw(st.integers(1, 30))
    n_ask = draw(st.integers(1, 30))
    gap = st.floats(1e-6, 0.01)
    size = st.floats(1e-4, 1e3)
    bid_steps = np.cumsum([0.0] + draw(st.lists(gap, min_size=n_bid - 1, max_size=n_bid - 1)))
    ask_steps = np.cumsum([0.0] + draw(st.lists(gap, min_size=n_ask - 1, max_size=n_ask - 1)))
    best_ask = best_bid * (1 + spread)
    bids = np.column_stack([best_bid * (1 - bid_steps), draw(st.lists(size, min_size=n_bid, max_size=n_bid))])
    asks = np.column_stack([best_ask * (1 + ask_steps), draw(st.lists(size, min_size=n_ask, max_size=n_ask))])
    assume(np.all(bids[:, 0] > 0))
    return OrderBook(bids, asks)


@settings(max_examples=200, deadline=None)
@given(books(), st.lists(st.floats(0, 2e4), min_size=2, max_size=6))
def test_slippage_is_non_negative_and_monotone_in_quantity(book, quantities):
    for side in ("sell", "buy"):
        costs = [walk_book(book, side, quantity=q).slippage for q in sorted(quantities)]
        assert all(c >= 0 for c in costs)
        assert all(b >= a - 1e-12 for a, b in zip(costs, costs[1:]))


@settings(max_examples=200, deadline=None)
@given(books(), st.floats(0, 1e7))
def test_notional_walk_agrees_with_quantity_walk(book, notional):
    by_money = notional_slippage(book, notional, "sell")
    if by_money.complete and by_money.quantity > 0:
        by_qty = sell_slippage(book, by_money.quantity)
        assert by_qty.notional == pytest.approx(notional, rel=1e-9)


@settings(max_examples=200, deadline=None)
@given(books())
def test_depth_within_two_percent_covers_depth_within_one(book):
    b1, a1 = depth(book, 0.01)
    b2, a2 = depth(book, 0.02)
    assert b2 >= b1 >= 0 and a2 >= a1 >= 0
    assert spread_bps(book) > 0
    imb = imbalance(book)
    assert math.isnan(imb) or -1 <= imb <= 1


@settings(max_examples=200, deadline=None)
@given(books(), st.floats(0.0001, 0.05))
def test_max_quantity_within_respects_the_limit(book, limit):
    q = max_quantity_within(book, limit)
    fill = sell_slippage(book, q)
    assert fill.slippage <= limit + 1e-9 or q == 0
    assert q <= book.bids[:, 1].sum() * (1 + 1e-12)


# -- volume, peg, funding, open interest -------------------------------------------------------------
def test_volume_ratio_against_the_median_of_the_prior_30_days():
    prior = [1000.0] * 10 + [float(v) for v in range(1, 31)]   # only the last 30 count: median 15.5
    assert volume_ratio(7.75, prior) == pytest.approx(0.5)
    assert volume_ratio(15.5, prior) == pytest.approx(1.0)
    with_gaps = [float(v) for v in range(1, 31)]
    with_gaps[3] = float("nan")
    assert volume_ratio(10.0, with_gaps) == pytest.approx(10.0 / np.median([v for v in with_gaps if v == v]))
    assert math.isnan(volume_ratio(10.0, [5.0] * 5))          # too little history
    assert math.isnan(volume_ratio(10.0, [0.0] * 30))         # zero median
    assert math.isnan(volume_ratio(None, [5.0] * 30))
    assert volume_ratio(0.0, [5.0] * 30) == 0.0               # a real collapse to zero is a value


def test_peg_deviation():
    assert peg_deviation(0.995) == pytest.approx(-0.005)
    assert peg_deviation(1.02) == pytest.approx(0.02)
    assert peg_deviation(1.0) == 0.0
    for bad in (None, 0.0, -1.0, float("nan"), float("inf")):
        assert math.isnan(peg_deviation(bad))


def test_funding_per_8h_and_annualised():
    assert FUNDING_PERIODS_PER_YEAR == 1095
    assert annualised_funding(0.0001) == pytest.approx(0.1095)
    assert funding_rate_8h(0.0001, 4) == pytest.approx(0.0002)
    assert funding_rate_8h(0.0003, 24) == pytest.approx(0.0001)
    sig = funding_signal(-0.0005, 8, as_of=T0)
    assert sig.rate_8h == -0.0005 and sig.annual == pytest.approx(-0.5475) and sig.as_of == T0
    with pytest.raises(ValueError):
        funding_rate_8h(0.0001, 0)


def test_open_interest_change_over_24h():
    assert open_interest_change(110.0, 100.0) == pytest.approx(0.10)
    assert math.isnan(open_interest_change(110.0, 0.0))
    assert math.isnan(open_interest_change(None, 100.0))
    history = [(T0 - timedelta(hours=h), 100.0 + h) for h in range(30)]   # 24 h ago: 124
    assert open_interest_change_24h(93.0, T0, history) == pytest.approx(93 / 124 - 1)
    now = T0 + timedelta(minutes=40)       # nearest to 24 h before: T0 − 23 h 20 min -> the point at T0 − 23 h
    assert open_interest_change_24h(123.0, now, history) == pytest.approx(0.0)
    assert math.isnan(open_interest_change_24h(100.0, T0, history[:20]))   # nothing near 24 h ago


def test_depth_vs_median_ratio():
    assert depth_vs_median_ratio(40.0, [100.0, 80.0, 120.0, float("nan")]) == pytest.approx(0.4)
    assert math.isnan(depth_vs_median_ratio(40.0, []))
    assert math.isnan(depth_vs_median_ratio(40.0, [100.0], min_periods=3))
    assert math.isnan(depth_vs_median_ratio(None, [100.0]))


# -- equities ----------------------------------------------------------------------------------------
def test_average_dollar_volume_over_20_days():
    closes = [1.0] * 5 + [10.0] * 20
    volumes = [1e9] * 5 + [1000.0] * 20
    assert average_dollar_volume(closes, volumes) == pytest.approx(10_000.0)
    volumes[-1] = float("nan")                         # one missing day is skipped
    closes[-2] = 20.0
    assert average_dollar_volume(closes, volumes) == pytest.approx((18 * 10_000 + 20_000) / 19)
    assert math.isnan(average_dollar_volume([10.0] * 10, [1000.0] * 10))
    with pytest.raises(ValueError):
        average_dollar_volume([1.0], [1.0, 2.0])


def test_days_to_liquidate_at_20_percent_participation():
    # 100 000 shares at $10 = $1 M; ADV $1 M, 20 % of it a day -> 5 days
    assert days_to_liquidate(100_000, 10.0, 1_000_000) == pytest.approx(5.0)
    assert days_to_liquidate(100_000, 10.0, 1_000_000, participation=0.5) == pytest.approx(2.0)
    assert days_to_liquidate(0, 10.0, 1_000_000) == 0.0
    assert math.isnan(days_to_liquidate(100, 10.0, 0.0))
    assert math.isnan(days_to_liquidate(100, 10.0, None))


# -- portfolio profile -------------------------------------------------------------------------------
def test_portfolio_liquidity_profile():
    holdings = [
        HoldingLiquidity("BTC", 3000.0, "crypto", quantity=30.0, book=normal_book()),  # 18.6 of 30 at ≤ 1 %
        HoldingLiquidity("MARA", 10_000.0, "equity", adv=20_000.0),                    # 20 % of ADV: 4000
        HoldingLiquidity("RIOT", 500.0, "equity", adv=1e9),                           # all of it
        HoldingLiquidity("USD", 1000.0, "cash"),
        HoldingLiquidity("CLSK", 5000.0, "equity", adv=None),                          # unknown
        HoldingLiquidity("ETH", 2000.0, "crypto", quantity=1.0, book=None),             # unknown
    ]
    prof = liquidity_profile(holdings)
    assert prof.sellable_value == pytest.approx(1860.0 + 4000.0 + 500.0 + 1000.0)
    assert prof.known_value == pytest.approx(14_500.0) and prof.total_value == pytest.approx(21_500.0)
    assert prof.share == pytest.approx(7360.0 / 14_500.0)
    assert prof.coverage == pytest.approx(14_500.0 / 21_500.0)
    assert prof.unknown == ("CLSK", "ETH")
    mv = liquidity_metric_values([], portfolio=prof)[(PORTFOLIO, "liquid_share_1d")]
    assert mv.value == pytest.approx(prof.share) and "unknown=CLSK,ETH" in mv.detail


def test_profile_without_any_data_is_unavailable_not_zero():
    prof = liquidity_profile([HoldingLiquidity("CLSK", 5000.0, "equity")])
    assert math.isnan(prof.share)
    mv = liquidity_metric_values([], portfolio=prof)[(PORTFOLIO, "liquid_share_1d")]
    assert mv.value is None and mv.status == DataStatus.MISSING
    assert liquidity_profile([]) == LiquidityProfile(0.0, 0.0, 0.0, ())


# -- snapshot values ---------------------------------------------------------------------------------
def test_snapshot_values_carry_every_metric_name():
    book = normal_book()
    btc = AssetLiquidity("BTC", book_signals(book), sell_slippage(book, 4.0), depth_2pct_ratio=0.4,
                         volume_ratio=0.8, funding=funding_signal(0.0001, 8), oi_change_24h=0.05)
    usdt = AssetLiquidity("USDT", peg_deviation=peg_deviation(0.994))
    mara = AssetLiquidity("MARA", volume_ratio=0.3, adv_20d_usd=2.5e8, days_to_liquidate=0.2)
    values = liquidity_metric_values([btc, usdt, mara], portfolio=LiquidityProfile(100.0, 100.0, 60.0),
                                     as_of=T0 + timedelta(seconds=5))
    expect = {
        ("BTC", "spread_bps"): 20.0, ("BTC", "depth_1pct_bid"): 994.3, ("BTC", "depth_1pct_ask"): 1006.1,
        ("BTC", "depth_2pct"): 4000.4, ("BTC", "imbalance"): (994.3 - 1006.1) / 2000.4,
        ("BTC", "slippage_exit"): 0.003, ("BTC", "book_too_thin"): 0.0, ("BTC", "depth_2pct_ratio"): 0.4,
        ("BTC", "volume_ratio"): 0.8, ("BTC", "funding_8h"): 0.0001, ("BTC", "funding_annual"): 0.1095,
        ("BTC", "oi_change_24h"): 0.05, ("USDT", "peg_deviation"): 0.006, ("MARA", "volume_ratio"): 0.3,
        ("MARA", "adv_20d_usd"): 2.5e8, ("MARA", "days_to_liquidate"): 0.2, (PORTFOLIO, "liquid_share_1d"): 0.6,
    }
    assert set(values) == set(expect)
    for key, value in expect.items():
        mv = values[key]
        assert isinstance(mv, MetricValue) and mv.status == DataStatus.OK and mv.available
        assert mv.value == pytest.approx(value), key
    assert values[("BTC", "spread_bps")].as_of == T0                       # the book's own time
    assert values[("MARA", "volume_ratio")].as_of == T0 + timedelta(seconds=5)


def test_unavailable_inputs_are_never_zero():
    down = Unavailable.from_error(DataUnavailable("binanceusdm unreachable"))
    slow = Unavailable.from_error(RateLimited("slow down"))
    values = liquidity_metric_values([
        AssetLiquidity("BTC", funding=down, oi_change_24h=slow, volume_ratio=float("nan")),
        AssetLiquidity("USDC", peg_deviation=Unavailable(DataStatus.STALE, "price_stale")),
        AssetLiquidity("CLSK", adv_20d_usd=float("nan"), days_to_liquidate=float("inf")),
    ])
    assert values[("BTC", "funding_8h")] == MetricValue(None, DataStatus.ERROR, None, "DataUnavailable")
    assert values[("BTC", "funding_annual")].value is None
    assert values[("BTC", "oi_change_24h")].status == DataStatus.ERROR
    assert values[("BTC", "volume_ratio")] == MetricValue(None, DataStatus.MISSING, None, "insufficient_data")
    assert values[("USDC", "peg_deviation")].status == DataStatus.STALE
    assert values[("CLSK", "days_to_liquidate")].status == DataStatus.INVALID
    assert all(mv.value is None and not mv.available for mv in values.values())
