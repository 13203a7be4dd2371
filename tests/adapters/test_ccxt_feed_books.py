"""The feed builds the validated order book: a bad book from the exchange is rejected there and counted."""

from __future__ import annotations

import asyncio

import pytest

from riskwatch.adapters.ccxt_feed import CcxtFeed
from riskwatch.domain.order_book import InvalidOrderBook, OrderBook
from riskwatch.domain.validation import RejectedValue
from tests.fakes.fake_kraken import FakeKraken, fake_kraken  # noqa: F401 - pytest fixture


def fetch_book(server: FakeKraken, shape: str):
    real_depth = server._depth

    def bad_depth(pid, params, px):
        answer = real_depth(pid, params, px)
        book = answer["result"][pid]
        if shape == "crossed":
            book["bids"], book["asks"] = book["asks"], book["bids"]
        elif shape == "one_side":
            book["asks"] = []
        elif shape == "empty":
            book["asks"], book["bids"] = [], []
        elif shape == "bad_levels":  # levels with a zero price or amount are dropped, not the book
            book["bids"][0][0] = "0"
            book["asks"][0][1] = "0"
        return answer

    server._depth = bad_depth
    feed = CcxtFeed("kraken", api_url=server.url, rate_limit_ms=1, timeout_ms=3000)

    async def main():
        try:
            return await feed.fetch_order_book("BTC/USD", 10)
        finally:
            await feed.close()

    return feed, main


@pytest.mark.parametrize("shape, reason", [("crossed", "crossed_book"), ("one_side", "empty_side"),
                                           ("empty", "missing")])
def test_a_bad_book_is_rejected_by_the_feed_with_its_reason_and_counted(fake_kraken, shape, reason):  # noqa: F811
    feed, main = fetch_book(fake_kraken, shape)
    with pytest.raises(InvalidOrderBook) as info:
        asyncio.run(main())
    assert isinstance(info.value, RejectedValue) and info.value.reason == reason
    assert info.value.symbol == "BTC/USD" and str(info.value).startswith("BTC/USD order book: ")
    assert feed.rejections.snapshot() == {("kraken", "BTC", reason): 1}


def test_bad_levels_are_dropped_and_the_rest_is_a_valid_book(fake_kraken):  # noqa: F811
    feed, main = fetch_book(fake_kraken, "bad_levels")
    book = asyncio.run(main())
    assert isinstance(book, OrderBook) and len(book.bids) == len(book.asks) == 9
    assert book.source == "kraken:BTC/USD" and book.market == "BTC/USD" and book.timestamp is not None
    assert book.best_bid < book.best_ask and feed.rejections.total() == 0
