"""CcxtFeed against the loopback fake Kraken: parsing, mapping, pagination, rate limiting."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from riskwatch.adapters.ccxt_feed import (
    SUPPORTED_EXCHANGES,
    CcxtFeed,
    RetryPolicy,
    market_candidates,
    quote_currency_of,
    rewrite_api_urls,
)
from riskwatch.domain.errors import BadSymbol
from riskwatch.domain.model import Quote, Timeframe
from riskwatch.domain.order_book import OrderBook
from tests.fakes.fake_kraken import FakeKraken, fake_kraken  # noqa: F401 - pytest fixture


def run_with(feed: CcxtFeed, coro_fn):
    async def main():
        try:
            return await coro_fn(feed)
        finally:
            await feed.close()

    return asyncio.run(main())


def make_feed(server: FakeKraken, **kw) -> CcxtFeed:
    kw.setdefault("rate_limit_ms", 1)
    kw.setdefault("timeout_ms", 3000)
    return CcxtFeed("kraken", api_url=server.url, **kw)


# -- pure helpers ----------------------------------------------------------------------------------------------
def test_supported_exchanges_and_symbol_mapping():
    assert {"kraken", "binance", "coinbase", "bitstamp"} <= set(SUPPORTED_EXCHANGES)
    assert market_candidates("kraken", "BTC", "USD")[0] == "BTC/USD"
    assert market_candidates("binance", "BTC", "USD")[0] == "BTC/USDT"
    assert market_candidates("kraken", "btc", "EUR") == ["BTC/EUR"]
    assert "USDT/USDT" not in market_candidates("kraken", "USDT", "USD")
    assert quote_currency_of("BTC/USDT") == "USD" and quote_currency_of("BTC/EUR") == "EUR"


def test_api_url_rewrite_kraken_and_nested():
    api = {"public": "https://api.kraken.com", "private": "https://api.kraken.com", "zendesk": "https://z.example/x"}
    out = rewrite_api_urls("kraken", api, "http://127.0.0.1:9/")
    assert out["public"] == out["private"] == "http://127.0.0.1:9"
    nested = {"public": "https://api.binance.com/api/v3", "sapi": {"v1": "https://api.binance.com/sapi/v1?x=1"},
              "rate": 5}
    out = rewrite_api_urls("binance", nested, "http://127.0.0.1:9/prefix")
    assert out == {"public": "http://127.0.0.1:9/prefix/api/v3", "sapi": {"v1": "http://127.0.0.1:9/prefix/sapi/v1?x=1"},
                   "rate": 5}


def test_retry_policy_backs_off_exponentially_with_jitter_and_longer_for_rate_limits():
    p = RetryPolicy(base_delay=0.5, max_delay=8, rate_limit_delay=5)
    assert [p.delay(n, rate_limited=False, rnd=1.0) for n in range(6)] == [0.5, 1, 2, 4, 8, 8]
    assert p.delay(2, rate_limited=False, rnd=0.0) == 1.0           # equal jitter: between d/2 and d
    assert p.delay(0, rate_limited=True, rnd=1.0) == 5.0
    assert p.delay(0, rate_limited=True, rnd=0.0) > p.delay(3, rate_limited=False, rnd=1.0) / 4


def test_importing_the_adapter_does_not_import_ccxt():
    import os
    import subprocess
    import sys

    code = "import sys, riskwatch.adapters.ccxt_feed, riskwatch.adapters.loop_thread; print('ccxt' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "desktop")})
    assert out.stdout.strip() == "False", out.stderr


# -- against the fake exchange ----------------------------------------------------------------------------------
def test_tickers_are_parsed_into_quotes_with_source_and_time(fake_kraken):  # noqa: F811
    feed = make_feed(fake_kraken)
    t0 = datetime.now(UTC)

    async def go(f):
        return await f.find_market("BTC", "USD"), await f.fetch_quotes(["BTC/USD", "EUR/USD", "USDT/USD"])

    market, quotes = run_with(feed, go)
    assert market == "BTC/USD"
    btc = quotes["BTC/USD"]
    assert isinstance(btc, Quote)
    assert btc.symbol == "BTC" and btc.source == "kraken:BTC/USD"
    assert btc.price == pytest.approx(fake_kraken.last_price("XXBTZUSD"))
    assert btc.bid < btc.price < btc.ask
    assert t0 - timedelta(seconds=1) <= btc.ts <= datetime.now(UTC)   # Kraken sends no time: receipt time
    assert quotes["EUR/USD"].symbol == "EUR"
    assert quotes["USDT/USD"].price == pytest.approx(1.0, abs=0.01)
    pairs = [r.params.get("pair") for r in fake_kraken.requests("Ticker")]
    assert pairs == ["XXBTZUSD,ZEURZUSD,USDTZUSD"]                     # one batched request


def test_unknown_market_is_a_per_asset_error(fake_kraken):  # noqa: F811
    async def go(f):
        with pytest.raises(BadSymbol):
            await f.find_market("DOGE", "USD")
        return await f.fetch_quotes(["BTC/USD", "DOGE/USD"])

    quotes = run_with(make_feed(fake_kraken), go)
    assert isinstance(quotes["BTC/USD"], Quote)
    assert isinstance(quotes["DOGE/USD"], BadSymbol)


def test_eur_market_is_found_when_listed(fake_kraken):  # noqa: F811
    async def go(f):
        return await f.find_market("BTC", "EUR"), await f.find_market("EUR", "USD")

    assert run_with(make_feed(fake_kraken), go) == ("BTC/EUR", "EUR/USD")


def test_ohlcv_pagination_with_since_requests_consecutive_pages(fake_kraken):  # noqa: F811
    fake_kraken.ohlc_max_rows = 150
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    since = today - timedelta(days=399)

    bars = run_with(make_feed(fake_kraken), lambda f: f.fetch_bars("BTC/USD", Timeframe.D1, since))
    assert len(bars) == 400
    assert bars[0].ts == since and bars[-1].ts == today
    assert all(b.source == "kraken" and b.symbol == "BTC" for b in bars)
    assert all((b2.ts - b1.ts) == timedelta(days=1) for b1, b2 in zip(bars, bars[1:], strict=False))
    ohlc = fake_kraken.requests("OHLC")
    assert len(ohlc) == 3                                                  # 150 + 150 + 100
    sinces = [int(r.params["since"]) for r in ohlc]
    # ccxt asks Kraken for one interval before the wanted bar; every page continues after the last one
    assert sinces[0] == int(since.timestamp()) - 86400
    assert sinces[1] == int((since + timedelta(days=150)).timestamp()) - 86400
    assert sinces[2] == int((since + timedelta(days=300)).timestamp()) - 86400


def test_ohlcv_until_stops_before_the_stored_part(fake_kraken):  # noqa: F811
    fake_kraken.ohlc_max_rows = 50
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    since, until = today - timedelta(days=120), today - timedelta(days=60)
    bars = run_with(make_feed(fake_kraken), lambda f: f.fetch_bars("BTC/USD", Timeframe.D1, since, until))
    assert bars[0].ts == since and bars[-1].ts == until - timedelta(days=1) and len(bars) == 60
    assert len(fake_kraken.requests("OHLC")) == 2


def test_order_book_is_a_validated_domain_object(fake_kraken):  # noqa: F811
    book = run_with(make_feed(fake_kraken), lambda f: f.fetch_order_book("BTC/USD", 10))
    assert isinstance(book, OrderBook)
    assert len(book.bids) == len(book.asks) == 10
    assert book.best_bid < book.best_ask
    assert [p for p, _ in book.bids] == sorted((p for p, _ in book.bids), reverse=True)
    assert fake_kraken.requests("Depth")[0].params == {"pair": "XXBTZUSD", "count": "10"}


def test_rate_limiter_spacing_respects_the_declared_limit(fake_kraken):  # noqa: F811
    """ccxt's limiter on (Kraken declares 1000 ms): the fake's request log shows the spacing."""
    feed = CcxtFeed("kraken", api_url=fake_kraken.url, timeout_ms=5000)   # no override: the declared limit

    async def go(f):
        await f.markets()
        await asyncio.gather(*(f.fetch_bars(m, Timeframe.D1) for m in ("BTC/USD", "ETH/USD")))
        return f.rate_limit_ms

    declared = run_with(feed, go)
    assert declared == FakeKraken.rate_limit_ms == 1000
    times = [r.t for r in fake_kraken.requests()]
    assert len(times) == 4                                               # Assets, AssetPairs, 2 × OHLC
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    print("request gaps (s):", [round(g, 3) for g in gaps])
    assert min(gaps) >= 0.95 * declared / 1000


@pytest.mark.parametrize("exchange_id", ["kraken", "binance", "coinbase", "bitstamp"])
def test_every_supported_exchange_can_be_pointed_at_another_endpoint(exchange_id):
    feed = CcxtFeed(exchange_id, api_url="http://127.0.0.1:9")

    async def go(f):
        ex = await f._get_exchange()
        return ex.urls["api"], ex.options, ex.enableRateLimit, ex.rateLimit

    api, options, limited, rate = run_with(feed, go)

    def urls(node):
        if isinstance(node, dict):
            for v in node.values():
                yield from urls(v)
        elif isinstance(node, str) and "://" in node:
            yield node

    found = list(urls(api))
    if exchange_id == "kraken":
        assert api["public"] == api["private"] == "http://127.0.0.1:9"
    else:
        assert found and all(u.startswith("http://127.0.0.1:9/") or u == "http://127.0.0.1:9" for u in found)
    assert limited and rate > 0
    if exchange_id == "binance":
        assert options["fetchMarkets"]["types"] == ["spot"]
