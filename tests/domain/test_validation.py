"""Pure validation: price checks, spike filters, rejection counts, market calendar, freshness."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from riskwatch.domain.freshness import DataStatus, assess_quote, stale_after
from riskwatch.domain.errors import InvalidData
from riskwatch.domain.model import Bar, Quote
from riskwatch.domain.order_book import OrderBook, clean_levels
from riskwatch.domain.validation import RejectedValue, RejectionCounter, SpikeRule, UsEquityCalendar, check_price, counts_since, filter_bar_spikes, new_york_utc_offset, optional_price, price_problem

T0 = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)  # a Tuesday, NYSE open (EDT since 2026-03-08)


@pytest.mark.parametrize("value, reason", [
    (None, "missing"), ("123", "not_a_number"), (True, "not_a_number"), (float("nan"), "non_finite"),
    (float("inf"), "non_finite"), (0, "zero"), (0.0, "zero"), (-1.5, "negative"),
])
def test_bad_prices_are_rejected_with_a_reason(value, reason):
    assert price_problem(value) == reason
    with pytest.raises(RejectedValue) as info:
        check_price(value, symbol="BTC")
    assert info.value.reason == reason
    assert isinstance(info.value, InvalidData)
    assert optional_price(value) is None


@pytest.mark.parametrize("value", [1, 0.0001, 65000.5, Decimal("1.23")])
def test_good_prices_pass(value):
    assert check_price(value) == pytest.approx(float(value))


def test_rejection_counter_counts_by_source_symbol_reason():
    c = RejectionCounter()
    before = c.snapshot()
    c.add("kraken", "BTC", "zero")
    c.add("kraken", "BTC", "zero")
    c.add("yfinance", "MARA", "missing", 3)
    c.add("kraken", "ETH", "zero", 0)
    assert c.total() == 5
    assert c.by_symbol() == {"BTC": 2, "MARA": 3}
    assert c.by_reason() == {"zero": 2, "missing": 3}
    assert counts_since(before, c.snapshot()) == {("kraken", "BTC", "zero"): 2, ("yfinance", "MARA", "missing"): 3}


def _ts(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def _bars(closes, start=datetime(2026, 1, 1, tzinfo=UTC)):
    return [Bar("BTC", start + timedelta(days=i), c, source="kraken") for i, c in enumerate(closes)]


def test_isolated_one_bar_spike_is_rejected_a_confirmed_jump_is_kept():
    res = filter_bar_spikes(_bars([100, 101, 500, 102, 103, 60, 59, 58]), SpikeRule(0.5))
    assert [b.close for b in res.accepted] == [100, 101, 102, 103, 60, 59, 58]
    assert [(b.close, r) for b, r in res.rejected] == [(500, "unconfirmed_spike")]
    assert res.held == ()


def test_trailing_jump_is_held_not_accepted():
    res = filter_bar_spikes(_bars([100, 101, 300]), SpikeRule(0.5))
    assert [b.close for b in res.accepted] == [100, 101]
    assert [b.close for b in res.held] == [300]
    assert res.rejected_count == 1


def test_reference_from_the_store_judges_the_first_bar():
    assert [b.close for b in filter_bar_spikes(_bars([10, 100]), SpikeRule(0.5), reference=100).accepted] == [100]
    res = filter_bar_spikes(_bars([10, 100]), SpikeRule(0.5), reference=100.0)
    assert [(b.close, r) for b, r in res.rejected] == [(10, "unconfirmed_spike")]


def test_inconsistent_bar_is_rejected():
    bar = Bar("BTC", T0, 100.0, open=100.0, high=90.0, low=110.0)
    assert filter_bar_spikes([bar]).rejected == ((bar, "inconsistent"),)


@given(st.lists(st.floats(min_value=50, max_value=60), min_size=3, max_size=40),
       st.integers(min_value=1, max_value=38), st.floats(min_value=3, max_value=1000))
def test_property_an_isolated_spike_in_a_calm_series_never_gets_through(closes, where, factor):
    where = min(where, len(closes) - 2)
    series = list(closes)
    series[where] = series[where] * factor
    res = filter_bar_spikes(_bars(series), SpikeRule(0.5))
    accepted = [b.close for b in res.accepted]
    assert series[where] not in accepted
    assert len(res.accepted) + len(res.rejected) + len(res.held) == len(series)


def test_order_book_levels_are_cleaned_and_crossed_books_rejected():
    bids, dropped = clean_levels([[99, 1], [0, 1], [98, None], [100, 2]], descending=True)
    assert bids == ((100.0, 2.0), (99.0, 1.0)) and dropped == 2
    book = OrderBook(bids, ((101.0, 1.0),), T0, "BTC/USD", "kraken")
    assert book.best_ask == 101.0
    with pytest.raises(RejectedValue) as info:
        OrderBook(((102.0, 1.0),), ((101.0, 1.0),), T0, "BTC/USD", "kraken")
    assert info.value.reason == "crossed_book"
    with pytest.raises(RejectedValue):
        OrderBook((), (), T0, "BTC/USD", "kraken")


# -- calendar --------------------------------------------------------------------------------------------------
CAL = UsEquityCalendar()


@pytest.mark.parametrize("day, trading", [
    ("2026-03-10", True), ("2026-03-14", False), ("2026-03-15", False),     # Tuesday, Saturday, Sunday
    ("2026-04-03", False), ("2025-01-09", False), ("2026-07-03", False),    # Good Friday, Carter, July 4 observed
    ("2027-06-18", False), ("2027-12-24", False), ("2027-12-31", True),     # observed holidays; 2028-01-01 is a Saturday
    ("2024-11-28", False), ("2024-11-29", True),
])
def test_trading_days(day, trading):
    assert CAL.is_trading_day(date.fromisoformat(day)) is trading


def test_sessions_follow_new_york_time_and_dst():
    assert new_york_utc_offset(date(2026, 3, 7)) == timedelta(hours=-5)
    assert new_york_utc_offset(date(2026, 3, 8)) == timedelta(hours=-4)
    assert new_york_utc_offset(date(2026, 11, 1)) == timedelta(hours=-5)
    open_, close = CAL.session(date(2026, 1, 6))
    assert (open_.hour, open_.minute, close.hour) == (14, 30, 21)
    open_, close = CAL.session(date(2026, 7, 6))
    assert (open_.hour, open_.minute, close.hour) == (13, 30, 20)
    _, early = CAL.session(date(2026, 11, 27))
    assert early.hour == 18                                                 # 13:00 EST
    assert CAL.is_open(datetime(2026, 3, 10, 14, 0, tzinfo=UTC))
    assert not CAL.is_open(datetime(2026, 3, 10, 13, 0, tzinfo=UTC))
    assert not CAL.is_open(datetime(2026, 3, 14, 15, 0, tzinfo=UTC))


def test_freshness_live_stale_missing():
    max_age = stale_after(timedelta(seconds=15))
    assert max_age == timedelta(seconds=45)
    q = Quote("BTC", 60000.0, T0, "kraken")
    assert assess_quote(q, T0 + timedelta(seconds=44), max_age).state is DataStatus.OK
    stale = assess_quote(q, T0 + timedelta(seconds=46), max_age)
    assert stale.state is DataStatus.STALE and stale.age == timedelta(seconds=46)
    assert assess_quote(None, T0, max_age).state is DataStatus.MISSING


def test_weekend_is_market_closed_not_stale_for_equities():
    friday_close = datetime(2026, 3, 13, 19, 59, tzinfo=UTC)
    saturday = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
    q = Quote("MARA", 12.5, friday_close, "yfinance")
    fresh = assess_quote(q, saturday, timedelta(minutes=5), calendar=CAL)
    assert fresh.state is DataStatus.MARKET_CLOSED and fresh.is_usable
    old = Quote("MARA", 12.5, friday_close - timedelta(days=2), "yfinance")
    assert assess_quote(old, saturday, timedelta(minutes=5), calendar=CAL).state is DataStatus.STALE
    good_friday = datetime(2026, 4, 3, 15, 0, tzinfo=UTC)
    thursday = Quote("MARA", 12.5, datetime(2026, 4, 2, 19, 59, tzinfo=UTC), "yfinance")
    assert assess_quote(thursday, good_friday, timedelta(minutes=5), calendar=CAL).state is DataStatus.MARKET_CLOSED
    # while the market is open the age rule applies
    assert assess_quote(q, datetime(2026, 3, 16, 15, 0, tzinfo=UTC), timedelta(minutes=5),
                        calendar=CAL).state is DataStatus.STALE
    assert math.isclose(assess_quote(q, saturday, timedelta(minutes=5), calendar=CAL).age.total_seconds(),
                        (saturday - friday_close).total_seconds())
