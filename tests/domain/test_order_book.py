"""The one validated order book: what its errors say, and that it is the type every layer uses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain import liquidity
from riskwatch.domain.errors import InvalidData
from riskwatch.domain.liquidity import Unavailable, book_signals, sell_slippage
from riskwatch.domain.order_book import BOOK_REASONS, InvalidOrderBook, OrderBook

from riskwatch.domain.validation import REASONS, RejectedValue

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def test_a_crossed_book_names_the_market_the_prices_and_what_was_expected():
    with pytest.raises(InvalidOrderBook) as info:
        OrderBook([[102.0, 1.0]], [[101.0, 1.0]], T0, "BTC/USD", "kraken:BTC/USD")
    err = info.value
    assert (err.reason, err.symbol, err.side, err.level, err.value) == ("crossed_book", "BTC/USD", "bid", 0,
                                                                        (102.0, 101.0))
    assert str(err) == ("BTC/USD order book: crossed book: best bid 102.0 ≥ best ask 101.0 "
                        "(expected best bid < best ask)")
    # one error type for every layer: a RejectedValue (what the feed counts), InvalidData, ValueError
    assert isinstance(err, RejectedValue) and isinstance(err, InvalidData) and isinstance(err, ValueError)
    assert err.field == "order book"


@pytest.mark.parametrize("bids, asks, reason, side, level, words", [
    ([], [], "missing", None, None, "both sides are empty (expected at least one level per side)"),
    ((), [[101, 1]], "empty_side", "bid", None, "bid side is empty (expected at least one level)"),
    ([[99, 1]], (), "empty_side", "ask", None, "ask side is empty"),
    ([[99, 1], [98, 0]], [[101, 1]], "non_positive_size", "bid", 1, "bid level 1 has size 0.0 (must be > 0)"),
    ([[99, 1]], [[101, 1], [102, 1], [101.5, 1]], "unsorted", "ask", 2, "ascending (best ask first)"),
    ([[99, 1]], [[float("inf"), 1]], "non_finite", "ask", 0, "ask level 0 has a non-finite price"),
])
def test_each_rejection_says_which_side_and_level(bids, asks, reason, side, level, words):
    with pytest.raises(InvalidOrderBook) as info:
        OrderBook(bids, asks, symbol="ETH/USD")
    err = info.value
    assert (err.reason, err.side, err.level) == (reason, side, level)
    assert words in str(err) and str(err).startswith("ETH/USD order book: ")
    assert err.reason in BOOK_REASONS


def test_the_shared_reason_codes_agree_with_the_price_checks():
    # the codes both kinds of rejection use mean the same thing
    assert {"missing", "non_finite", "crossed_book"} <= set(BOOK_REASONS) & set(REASONS)


def test_the_book_the_feed_builds_is_the_book_the_figures_read():
    book = OrderBook(((99.0, 1.0), (98.0, 2.0)), ((101.0, 1.0),), T0, "BTC/USD", "kraken:BTC/USD")
    assert liquidity.OrderBook is OrderBook
    assert book.market == book.symbol == "BTC/USD" and book.source == "kraken:BTC/USD"
    assert book_signals(book).mid == 100.0 and sell_slippage(book, 1.0).average_price == 99.0


def test_a_rejected_book_becomes_an_invalid_signal_with_its_reason():
    with pytest.raises(InvalidOrderBook) as info:
        OrderBook([], [], symbol="BTC/USD")
    assert Unavailable.from_error(info.value) == Unavailable(DataStatus.INVALID, "missing")
