"""DerivativesFeed: real ccxt (binanceusdm) against the loopback fake Binance USDⓈ-M venue."""

from __future__ import annotations

import asyncio
import math
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from riskwatch.domain.freshness import DataStatus
from riskwatch.adapters.derivatives_feed import (
    DEFAULT_VENUE,
    DerivativesFeed,
    FundingReading,
    OpenInterestReading,
    fetch_funding_rate,
    fetch_leverage,
    fetch_open_interest,
    rewrite_api_urls,
)
from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited
from riskwatch.domain.liquidity import AssetLiquidity, liquidity_metric_values

from tests.fakes.fake_derivatives import FakeBinanceFutures, fake_derivatives  # noqa: F401 - pytest fixture


def run(feed: DerivativesFeed, fn):
    async def main():
        try:
            return await fn(feed)
        finally:
            await feed.close()

    return asyncio.run(main())


def make(server: FakeBinanceFutures, **kw) -> DerivativesFeed:
    kw.setdefault("timeout_ms", 3000)
    kw.setdefault("enable_rate_limit", False)
    return DerivativesFeed(api_url=server.url, **kw)


def test_module_import_does_not_import_ccxt():
    code = "import sys, riskwatch.adapters.derivatives_feed; print('ccxt' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_default_venue_offers_public_funding_and_open_interest():
    import ccxt

    assert DEFAULT_VENUE == "binanceusdm"
    has = getattr(ccxt, DEFAULT_VENUE)().has
    assert has["fetchFundingRate"] is True and has["fetchOpenInterest"] is True
    assert has["fetchOpenInterestHistory"] is True


def test_api_urls_are_rewritten_in_nested_structures():
    api = {"fapiPublic": "https://fapi.binance.com/fapi/v1", "fapiData": "https://fapi.binance.com/futures/data",
           "nested": {"x": "https://api.binance.com/api/v3?a=1", "list": ["https://e.example/p"]}, "weight": 5}
    out = rewrite_api_urls(api, "http://127.0.0.1:8798/")
    assert out == {"fapiPublic": "http://127.0.0.1:8798/fapi/v1", "fapiData": "http://127.0.0.1:8798/futures/data",
                   "nested": {"x": "http://127.0.0.1:8798/api/v3?a=1", "list": ["http://127.0.0.1:8798/p"]},
                   "weight": 5}
    with pytest.raises(ValueError):
        rewrite_api_urls(api, "127.0.0.1:8798")


def test_funding_rate_is_parsed_normalised_and_annualised(fake_derivatives):  # noqa: F811
    fake_derivatives.set_funding("BTCUSDT", 0.00012)
    reading = run(make(fake_derivatives), lambda f: f.fetch_funding())
    assert isinstance(reading, FundingReading)
    assert reading.symbol == "BTC/USDT:USDT" and reading.venue == "binanceusdm"
    assert reading.rate == pytest.approx(0.00012) and reading.interval_hours == 8.0
    assert reading.rate_8h == pytest.approx(0.00012)
    assert reading.annual == pytest.approx(0.00012 * 3 * 365)
    assert reading.mark_price == 60000.0
    assert reading.ts.tzinfo is not None and abs(datetime.now(UTC) - reading.ts) < timedelta(minutes=1)
    assert reading.next_funding is not None and reading.next_funding > reading.ts
    paths = [r.path for r in fake_derivatives.requests()]
    assert paths == ["/fapi/v1/exchangeInfo", "/fapi/v1/premiumIndex"]


def test_open_interest_and_its_24h_change(fake_derivatives):  # noqa: F811
    fake_derivatives.set_open_interest("BTCUSDT", 80000.0, day_ago=64000.0)
    reading = run(make(fake_derivatives), lambda f: f.fetch_open_interest())
    assert isinstance(reading, OpenInterestReading)
    assert reading.amount == pytest.approx(80000.0)
    # the reference is the hourly point nearest to 24 h ago: OI moves 16000 per day, so within 2 h
    assert reading.reference_amount is not None
    assert abs(reading.ts - timedelta(hours=24) - reading.reference_ts) <= timedelta(minutes=30)
    assert reading.change_24h == pytest.approx(80000.0 / reading.reference_amount - 1)
    assert reading.change_24h == pytest.approx(0.25, abs=0.01)
    hist = fake_derivatives.requests("openInterestHist")[0]
    assert hist.params == {"period": "1h", "limit": "30", "symbol": "BTCUSDT"}


def test_leverage_reading_feeds_the_snapshot(fake_derivatives):  # noqa: F811
    fake_derivatives.set_funding("BTCUSDT", -0.0006)
    reading = asyncio.run(fetch_leverage(api_url=fake_derivatives.url, timeout_ms=3000))
    values = liquidity_metric_values([reading.to_asset_liquidity("BTC")])
    assert values[("BTC", "funding_8h")].value == pytest.approx(-0.0006)
    assert values[("BTC", "funding_annual")].value == pytest.approx(-0.6570)
    assert values[("BTC", "oi_change_24h")].value == pytest.approx(80000 / 75000 - 1, abs=0.005)


def test_one_shot_helpers(fake_derivatives):  # noqa: F811
    f = asyncio.run(fetch_funding_rate(api_url=fake_derivatives.url, timeout_ms=3000))
    o = asyncio.run(fetch_open_interest(api_url=fake_derivatives.url, timeout_ms=3000))
    assert f.rate == pytest.approx(0.0001) and o.amount == pytest.approx(80000.0)


def test_unknown_market_is_a_bad_symbol(fake_derivatives):  # noqa: F811
    with pytest.raises(BadSymbol):
        run(make(fake_derivatives, symbol="DOGE/USDT:USDT"), lambda f: f.fetch_funding())


# -- faults ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("endpoint, kind, error, code", [
    ("premiumIndex", "500", DataUnavailable, "unavailable"),
    ("premiumIndex", "502", DataUnavailable, "unavailable"),
    ("premiumIndex", "503", DataUnavailable, "unavailable"),
    ("premiumIndex", "429", RateLimited, "rate_limited"),
    ("premiumIndex", "418", RateLimited, "rate_limited"),
    ("premiumIndex", "malformed", InvalidData, "invalid_data"),  # ccxt yields None fields
    ("premiumIndex", "empty", InvalidData, "invalid_data"),
    ("premiumIndex", "nulls", InvalidData, "invalid_data"),
    ("exchangeInfo", "500", DataUnavailable, "unavailable"),
    ("exchangeInfo", "malformed", InvalidData, "malformed"),    # no markets
    ("exchangeInfo", "empty", InvalidData, "malformed"),
])
def test_funding_faults_become_domain_errors(fake_derivatives, endpoint, kind, error, code):  # noqa: F811
    fake_derivatives.inject(endpoint, kind)
    with pytest.raises(error) as info:
        run(make(fake_derivatives), lambda f: f.fetch_funding())
    assert info.value.code == code and info.value.source == "binanceusdm"
    if error is DataUnavailable:
        assert not isinstance(info.value, RateLimited)


@pytest.mark.parametrize("endpoint, kind, error", [
    ("openInterest", "500", DataUnavailable),
    ("openInterest", "malformed", InvalidData),
    ("openInterest", "empty", InvalidData),
    ("openInterest", "nulls", InvalidData),
    ("openInterestHist", "503", DataUnavailable),
    ("openInterestHist", "malformed", InvalidData),
    ("openInterestHist", "nulls", InvalidData),
    ("openInterestHist", "429", RateLimited),
])
def test_open_interest_faults_become_domain_errors(fake_derivatives, endpoint, kind, error):  # noqa: F811
    fake_derivatives.inject(endpoint, kind)
    with pytest.raises(error):
        run(make(fake_derivatives), lambda f: f.fetch_open_interest())


def test_zero_open_interest_is_invalid(fake_derivatives):  # noqa: F811
    fake_derivatives.set_open_interest("BTCUSDT", 0.0)
    with pytest.raises(InvalidData):
        run(make(fake_derivatives), lambda f: f.fetch_open_interest())


def test_absurd_funding_rate_is_invalid(fake_derivatives):  # noqa: F811
    fake_derivatives.set_funding("BTCUSDT", 0.5)
    with pytest.raises(InvalidData):
        run(make(fake_derivatives), lambda f: f.fetch_funding())


def test_empty_history_gives_an_unavailable_change_not_zero(fake_derivatives):  # noqa: F811
    fake_derivatives.inject("openInterestHist", "empty")
    reading = run(make(fake_derivatives), lambda f: f.fetch_open_interest())
    assert math.isnan(reading.change_24h) and reading.reference_amount is None
    mv = liquidity_metric_values([AssetLiquidity("BTC", oi_change_24h=reading.change_24h)])[("BTC", "oi_change_24h")]
    assert mv.value is None and mv.status == DataStatus.MISSING


def test_timeout_is_data_unavailable(fake_derivatives):  # noqa: F811
    fake_derivatives.inject("premiumIndex", "timeout", seconds=5)
    started = time.monotonic()
    with pytest.raises(DataUnavailable) as info:
        run(make(fake_derivatives, timeout_ms=300), lambda f: f.fetch_funding())
    assert info.value.code == "timeout" and info.value.retryable
    assert time.monotonic() - started < 4


def test_unreachable_venue_reads_as_unavailable_in_the_snapshot():
    with FakeBinanceFutures() as server:
        url = server.url
    reading = asyncio.run(fetch_leverage(api_url=url, timeout_ms=1000))   # nobody listens there any more
    assert isinstance(reading.funding, DataUnavailable) and isinstance(reading.open_interest, DataUnavailable)
    values = liquidity_metric_values([reading.to_asset_liquidity("BTC")])
    for metric in ("funding_8h", "funding_annual", "oi_change_24h"):
        assert values[("BTC", metric)].value is None and values[("BTC", metric)].status == DataStatus.ERROR


def test_partial_failure_keeps_the_other_reading(fake_derivatives):  # noqa: F811
    fake_derivatives.inject("openInterest", "500")
    reading = run(make(fake_derivatives), lambda f: f.fetch_leverage())
    assert isinstance(reading.funding, FundingReading)
    assert isinstance(reading.open_interest, DataUnavailable)


# -- recovery ----------------------------------------------------------------------------------------------
def test_recovers_after_faults_on_the_same_feed(fake_derivatives):  # noqa: F811
    fake_derivatives.inject("exchangeInfo", "malformed", times=1)
    fake_derivatives.inject("premiumIndex", "500", times=1)
    fake_derivatives.inject("openInterestHist", "timeout", times=1, seconds=5)

    async def cycle(feed: DerivativesFeed):
        out = []
        for fetch in (feed.fetch_funding, feed.fetch_funding, feed.fetch_funding,
                      feed.fetch_open_interest, feed.fetch_open_interest):
            try:
                out.append(await fetch())
            except Exception as exc:  # recorded for the assertion
                out.append(exc)
        return out

    out = run(make(fake_derivatives, timeout_ms=500), cycle)
    assert isinstance(out[0], InvalidData)           # markets malformed
    assert isinstance(out[1], DataUnavailable)       # markets reloaded, then funding 500
    assert isinstance(out[2], FundingReading)        # recovered
    assert isinstance(out[3], DataUnavailable) and out[3].code == "timeout"
    assert isinstance(out[4], OpenInterestReading) and not math.isnan(out[4].change_24h)
    assert [r.status for r in fake_derivatives.requests("exchangeInfo")] == [200, 200]
