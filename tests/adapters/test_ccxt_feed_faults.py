"""Every fault the fake Kraken can inject maps to the right domain error, retry behaviour and count."""

from __future__ import annotations

import asyncio

import pytest

from riskwatch.adapters.ccxt_feed import CcxtFeed, RetryPolicy, error_code
from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited
from riskwatch.domain.model import Quote, Timeframe
from riskwatch.domain.validation import RejectedValue
from tests.fakes.fake_kraken import FakeKraken, fake_kraken  # noqa: F401 - pytest fixture


class Sleeps(list):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make(server: FakeKraken, **kw) -> tuple[CcxtFeed, Sleeps]:
    sleeps = Sleeps()
    kw.setdefault("timeout_ms", 3000)
    feed = CcxtFeed("kraken", api_url=server.url, rate_limit_ms=1, sleep=sleeps, random=lambda: 1.0,
                    retry=RetryPolicy(attempts=3, base_delay=0.5, rate_limit_attempts=2, rate_limit_delay=5.0), **kw)
    return feed, sleeps


def run(feed: CcxtFeed, fn):
    async def main():
        try:
            await feed.markets()            # markets first, so faults hit only the call under test
            return await fn(feed)
        finally:
            await feed.close()

    return asyncio.run(main())


def quotes(f):
    return f.fetch_quotes(["BTC/USD", "ETH/USD"])


def test_one_5xx_is_retried_after_a_backoff_and_succeeds(fake_kraken):  # noqa: F811
    fake_kraken.inject("Ticker", "500", times=1)
    feed, sleeps = make(fake_kraken)
    out = run(feed, quotes)
    assert all(isinstance(q, Quote) for q in out.values())
    assert sleeps == [0.5] and feed.retries == 1
    assert [r.status for r in fake_kraken.requests("Ticker")] == [500, 200]


@pytest.mark.parametrize("kind, code", [("500", "unavailable"), ("502", "unavailable"), ("503", "unavailable"),
                                        ("unavailable", "unavailable"), ("reset", "unavailable")])
def test_persistent_server_errors_give_up_after_the_retries(fake_kraken, kind, code):  # noqa: F811
    fake_kraken.inject("Ticker", kind)
    feed, sleeps = make(fake_kraken)
    with pytest.raises(DataUnavailable) as info:
        run(feed, quotes)
    assert not isinstance(info.value, RateLimited)
    assert error_code(info.value) == code and info.value.retryable
    # aiohttp itself re-sends once on a reset connection, so count attempts by our backoff sleeps
    assert len(fake_kraken.requests("Ticker")) == 3 or kind == "reset"
    assert sleeps == [0.5, 1.0]                                   # exponential


@pytest.mark.parametrize("kind", ["429", "lockout", "rate_limit"])
def test_rate_limit_answers_back_off_longer(fake_kraken, kind):  # noqa: F811
    fake_kraken.inject("Ticker", kind)
    feed, sleeps = make(fake_kraken)
    with pytest.raises(RateLimited) as info:
        run(feed, quotes)
    assert error_code(info.value) == "rate_limited"
    assert len(fake_kraken.requests("Ticker")) == 2
    assert sleeps == [5.0]


def test_timeout_maps_to_timeout(fake_kraken):  # noqa: F811
    fake_kraken.inject("Ticker", "timeout", seconds=2)
    feed, sleeps = make(fake_kraken, timeout_ms=300)
    with pytest.raises(DataUnavailable) as info:
        run(feed, quotes)
    assert error_code(info.value) == "timeout"
    assert len(sleeps) == 2


def test_latency_below_the_timeout_is_fine(fake_kraken):  # noqa: F811
    fake_kraken.inject("Ticker", "latency", seconds=0.2)
    feed, sleeps = make(fake_kraken)
    assert all(isinstance(q, Quote) for q in run(feed, quotes).values()) and sleeps == []


# ccxt's safe_ticker turns a zero last price into None; the raw answer (ticker["info"]) tells a zero from a
# field the exchange did not send. ccxt cannot parse "nan" at all: that market alone is rejected.
@pytest.mark.parametrize("kind, reason", [("malformed", "missing"), ("empty", "missing"), ("no_last", "missing"),
                                          ("zero", "zero"), ("negative", "negative"), ("nan", "non_finite")])
def test_bad_ticker_data_is_rejected_and_counted_not_raised(fake_kraken, kind, reason):  # noqa: F811
    fake_kraken.inject("Ticker", kind)
    feed, sleeps = make(fake_kraken)
    out = run(feed, quotes)
    assert all(isinstance(v, RejectedValue) and v.reason == reason for v in out.values()), out
    assert feed.rejections.snapshot() == {("kraken", "BTC", reason): 1, ("kraken", "ETH", reason): 1}
    assert sleeps == []


@pytest.mark.parametrize("kind, reason", [("zero", "zero"), ("nan", "non_finite"), ("no_last", "missing")])
def test_one_bad_market_in_a_batch_is_rejected_alone(fake_kraken, kind, reason):  # noqa: F811
    fake_kraken.inject("Ticker", kind, pairs=["XXBTZUSD"])
    feed, _ = make(fake_kraken)
    out = run(feed, quotes)
    assert isinstance(out["BTC/USD"], RejectedValue) and out["BTC/USD"].reason == reason
    assert isinstance(out["ETH/USD"], Quote) and out["ETH/USD"].price == pytest.approx(fake_kraken.last_price("XETHZUSD"))
    assert feed.rejections.snapshot() == {("kraken", "BTC", reason): 1}
    assert len(fake_kraken.requests("Ticker")) == 1                  # one batch request, no retries, no fallback


@pytest.mark.parametrize("price, reason", [(0.0, "zero"), (-5.0, "negative")])
def test_a_zero_or_negative_last_price_alone_is_named_by_what_the_exchange_sent(fake_kraken, price, reason):  # noqa: F811
    fake_kraken.set_price("BTC/USD", price)            # only the last trade price; bid, ask and open stay sane
    feed, _ = make(fake_kraken)
    out = run(feed, quotes)
    assert out["BTC/USD"].reason == reason and isinstance(out["ETH/USD"], Quote)
    assert feed.rejections.by_reason() == {reason: 1}


@pytest.mark.parametrize("kind", ["unknown_pair", "invalid_pair"])
def test_a_pair_error_in_a_batch_is_isolated_per_market(fake_kraken, kind):  # noqa: F811
    fake_kraken.inject("Ticker", kind, times=1)              # the batch fails, single requests work
    feed, _ = make(fake_kraken)
    out = run(feed, quotes)
    assert all(isinstance(q, Quote) for q in out.values())
    assert len(fake_kraken.requests("Ticker")) == 3


@pytest.mark.parametrize("kind", ["invalid_args", "unknown_pair"])
def test_exchange_error_is_not_retried(fake_kraken, kind):  # noqa: F811
    fake_kraken.inject("OHLC", kind)
    feed, sleeps = make(fake_kraken)
    with pytest.raises(DataUnavailable) as info:
        run(feed, lambda f: f.fetch_bars("BTC/USD", Timeframe.D1))
    assert error_code(info.value) == "exchange_error" and not info.value.retryable
    assert len(fake_kraken.requests("OHLC")) == 1 and sleeps == []


def test_bad_symbol_answer_is_not_retried(fake_kraken):  # noqa: F811
    fake_kraken.inject("OHLC", "invalid_pair")
    feed, sleeps = make(fake_kraken)
    with pytest.raises(BadSymbol):
        run(feed, lambda f: f.fetch_bars("BTC/USD", Timeframe.D1))
    assert sleeps == []


@pytest.mark.parametrize("kind, reason", [("zero", "zero"), ("negative", "negative")])
def test_bad_bars_are_rejected_and_counted(fake_kraken, kind, reason):  # noqa: F811
    fake_kraken.inject("OHLC", kind, times=1)
    feed, _ = make(fake_kraken)
    assert run(feed, lambda f: f.fetch_bars("BTC/USD", Timeframe.D1)) == []
    counts = feed.rejections.snapshot()
    assert counts[("kraken", "BTC", reason)] == 720


def test_malformed_ohlc_gives_no_bars_and_no_exception(fake_kraken):  # noqa: F811
    fake_kraken.inject("OHLC", "malformed", times=1)
    feed, _ = make(fake_kraken)
    assert run(feed, lambda f: f.fetch_bars("BTC/USD", Timeframe.D1)) == []


def test_malformed_markets_are_unavailable_then_recover(fake_kraken):  # noqa: F811
    fake_kraken.inject("AssetPairs", "malformed", times=1)
    feed, _ = make(fake_kraken)

    async def main():
        try:
            with pytest.raises(InvalidData) as info:
                await feed.find_market("BTC", "USD")
            assert error_code(info.value) == "malformed"
            return await feed.find_market("BTC", "USD")      # the fault cleared: markets reload
        finally:
            await feed.close()

    assert asyncio.run(main()) == "BTC/USD"
    assert len(fake_kraken.requests("AssetPairs")) == 2
