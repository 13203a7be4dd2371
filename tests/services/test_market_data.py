"""MarketDataService end to end: real ccxt against the fake Kraken, a real SQLite store, a fake clock."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from riskwatch.domain.freshness import DataStatus
from riskwatch.adapters.ccxt_feed import CcxtFeed, RetryPolicy
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.errors import DataUnavailable
from riskwatch.domain.model import Asset, AssetKind, Bar, Quote, Timeframe
from riskwatch.domain.order_book import OrderBook

from riskwatch.services.market_data import MarketDataConfig, MarketDataService, SourceState, run_once
from tests.fakes.fake_kraken import FakeKraken

T0 = datetime(2026, 3, 10, 15, 0, 7, tzinfo=UTC)      # a Tuesday, NYSE open
DAY = timedelta(days=1)
BTC, ETH, USDT = Asset("BTC", AssetKind.CRYPTO), Asset("ETH", AssetKind.CRYPTO), Asset("USDT", AssetKind.STABLECOIN)
MARA = Asset("MARA", AssetKind.EQUITY)


class FakeClock:
    def __init__(self, t: datetime):
        self.t = t

    def now(self) -> datetime:
        return self.t

    def advance(self, **kw) -> None:
        self.t += timedelta(**kw)


class Sleeps(list):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


@dataclass
class Env:
    clock: FakeClock
    server: FakeKraken
    store: SqliteStore
    feed: CcxtFeed
    service: MarketDataService

    def run(self, scenario):
        async def main():
            try:
                return await scenario(self)
            finally:
                await self.service.close()

        return asyncio.run(main())

    def ohlc_sinces(self, pair="XXBTZUSD") -> list[datetime]:
        return [datetime.fromtimestamp(int(r.params["since"]), UTC) + DAY
                for r in self.server.requests("OHLC") if r.params.get("pair") == pair]


def today() -> datetime:
    return T0.replace(hour=0, minute=0, second=0, microsecond=0)


def make_env(tmp_path, equity=None, **server_kw) -> Env:
    clock = FakeClock(T0)
    server = FakeKraken(now=lambda: clock.now().timestamp(), **server_kw).start()
    store = SqliteStore(tmp_path / "rw.sqlite3")
    feed = CcxtFeed("kraken", api_url=server.url, rate_limit_ms=1, timeout_ms=1000, sleep=Sleeps(),
                    random=lambda: 1.0, clock=clock, retry=RetryPolicy(attempts=2))
    service = MarketDataService(store, feed, equity, clock, MarketDataConfig())
    return Env(clock, server, store, feed, service)


@pytest.fixture
def env(tmp_path):
    e = make_env(tmp_path)
    yield e
    e.server.stop()
    e.store.close()


# -- history ------------------------------------------------------------------------------------------------------
def test_fresh_data_dir_backfills_400_bars_then_requests_only_what_is_missing(env):
    async def scenario(e):
        first = await e.service.run_cycle([BTC, ETH])
        assert first.sources["kraken"].state is SourceState.ONLINE
        assert dict(first.bars_stored) == {"BTC": 400, "ETH": 400}
        bars = e.store.load_bars("BTC", Timeframe.D1, source="kraken")
        assert len(bars) == 400 and bars[-1].ts == today() and bars[0].ts == today() - 399 * DAY
        assert e.ohlc_sinces() == [today() - 399 * DAY]

        e.clock.advance(seconds=20)
        second = await e.service.run_cycle([BTC, ETH])
        assert dict(second.bars_stored) == {} and len(e.ohlc_sinces()) == 1     # nothing missing: no request

        e.clock.advance(days=1)
        third = await e.service.run_cycle([BTC, ETH])
        assert e.ohlc_sinces()[-1] == today()            # from the last stored (then partial) bar on
        assert third.bars_stored["BTC"] == 2
        assert e.store.last_bar_time("BTC", Timeframe.D1, source="kraken") == today() + DAY

    env.run(scenario)


def test_run_once_for_the_command_line(env):
    result = run_once(env.service, [BTC, ETH])            # asyncio.run inside, feeds closed afterwards
    assert dict(result.bars_stored) == {"BTC": 400, "ETH": 400} and set(result.quotes) == {"BTC", "ETH"}
    assert env.feed._exchange is None


def test_backfill_paginates(tmp_path):
    e = make_env(tmp_path)
    e.server.ohlc_max_rows = 150
    try:
        result = e.run(lambda e: e.service.run_cycle([BTC]))
        assert result.bars_stored["BTC"] == 400
        assert e.ohlc_sinces() == [today() - 399 * DAY, today() - 249 * DAY, today() - 99 * DAY]
    finally:
        e.server.stop()
        e.store.close()


def test_only_the_missing_head_and_tail_are_requested(env):
    series = {datetime.fromtimestamp(r[0], UTC): r[4] for r in env.server.bars("XXBTZUSD", 1440)}
    recent = [Bar("BTC", today() - i * DAY, series[today() - i * DAY], source="kraken") for i in range(1, 101)]
    env.store.upsert_bars(recent)
    result = env.run(lambda e: e.service.run_cycle([BTC]))
    assert env.ohlc_sinces() == [today() - 399 * DAY, today() - DAY]
    head = [r for r in env.server.requests("OHLC")][0]
    assert head.params["pair"] == "XXBTZUSD"
    assert len(env.store.load_bars("BTC", Timeframe.D1, source="kraken")) == 400
    assert result.bars_stored["BTC"] == 299 + 2          # the head up to the stored part, then the tail


def test_short_exchange_history_is_remembered_not_refetched(tmp_path):
    e = make_env(tmp_path, daily_bars=200)
    try:
        async def scenario(e):
            await e.service.run_cycle([BTC])
            assert len(e.store.load_bars("BTC", Timeframe.D1, source="kraken")) == 200
            e.clock.advance(days=1)
            await e.service.run_cycle([BTC])
            return e.ohlc_sinces()

        sinces = e.run(scenario)
        assert sinces == [today() - 399 * DAY, today()]        # no second attempt at the missing head
    finally:
        e.server.stop()
        e.store.close()


def test_an_isolated_spike_in_the_history_is_not_stored(env):
    rows = [(int((today() - i * DAY).timestamp()), 100.0, 101.0, 99.0, 100.0 + (i % 3), 5.0) for i in range(450)]
    spike_ts = int((today() - 10 * DAY).timestamp())
    rows = [(ts, o, 2000.0, lo, 1000.0, v) if ts == spike_ts else (ts, o, h, lo, c, v) for ts, o, h, lo, c, v in rows]
    env.server.set_daily_bars("XXBTZUSD", rows)
    result = env.run(lambda e: e.service.run_cycle([BTC]))
    stored = env.store.load_bars("BTC", Timeframe.D1, source="kraken")
    assert len(stored) == 399 and all(b.close < 200 for b in stored)
    assert result.rejected["BTC"] == 1


# -- quotes, conversion, spikes ---------------------------------------------------------------------------------
def test_eur_base_uses_eur_markets_and_converts_the_rest_with_a_live_rate(env):
    result = env.run(lambda e: e.service.run_cycle([BTC, USDT], "EUR"))
    eurusd = env.server.last_price("ZEURZUSD")
    assert result.fx.symbol == "EUR/USD" and result.fx.price == pytest.approx(eurusd)
    assert result.freshness["EUR/USD"].state is DataStatus.OK
    btc, usdt = result.quotes["BTC"], result.quotes["USDT"]
    assert btc.price == pytest.approx(env.server.last_price("XXBTZEUR")) and btc.source == "kraken:BTC/EUR"
    assert usdt.price == pytest.approx(env.server.last_price("USDTZUSD") / eurusd)
    assert usdt.source == "kraken:USDT/USD via kraken:EUR/USD"
    assert usdt.ts == min(result.fx.ts, usdt.ts)
    # history stays in USD whatever the base currency
    assert {r.params["pair"] for r in env.server.requests("OHLC")} == {"XXBTZUSD", "USDTZUSD"}


def test_unconfirmed_spike_is_held_back_and_counted_a_confirmed_move_gets_through(env):
    async def scenario(e):
        first = await e.service.run_cycle([BTC])
        normal = first.quotes["BTC"].price
        e.server.inject("Ticker", "spike", times=1, factor=5)      # a glitch of the ticker; book and bars are right
        e.clock.advance(seconds=15)
        spiked = await e.service.run_cycle([BTC])
        assert spiked.quotes["BTC"].price == normal                  # the old price, aging
        assert spiked.rejected == {"BTC": 1}
        assert spiked.errors["BTC"].code == "unconfirmed_spike"
        assert spiked.sources["kraken"].state is SourceState.DEGRADED
        e.clock.advance(seconds=15)                                  # it was a glitch
        back = await e.service.run_cycle([BTC])
        assert back.quotes["BTC"].price == normal and "BTC" not in back.errors
        assert back.sources["kraken"].state is SourceState.ONLINE
        e.server.set_price("BTC/USD", normal * 0.5)                  # a real crash: the order book agrees
        e.clock.advance(seconds=15)
        confirmed = await e.service.run_cycle([BTC])                 # accepted in the cycle it arrives
        assert confirmed.quotes["BTC"].price == pytest.approx(normal * 0.5)
        assert confirmed.rejected_total == 1 and "BTC" not in confirmed.errors

    env.run(scenario)


def test_unknown_asset_is_a_per_asset_issue_not_retried_in_a_hot_loop(env):
    async def scenario(e):
        r1 = await e.service.run_cycle([BTC, Asset("DOGE", AssetKind.CRYPTO)])
        assert r1.errors["DOGE"].code == "no_market"
        assert r1.errors["DOGE"].retry_at == T0 + timedelta(hours=1)
        assert r1.sources["kraken"].state is SourceState.ONLINE and "BTC" in r1.quotes
        e.clock.advance(seconds=15)
        r2 = await e.service.run_cycle([BTC, Asset("DOGE", AssetKind.CRYPTO)])
        assert r2.errors["DOGE"].since == r1.errors["DOGE"].since

    env.run(scenario)


def test_order_book_through_the_service(env):
    book = env.run(lambda e: e.service.fetch_order_book("BTC", "USD", 5))
    assert isinstance(book, OrderBook) and book.market == "BTC/USD" and len(book.asks) == 5


# -- faults: the right state, and recovery when the fault clears ------------------------------------------------
FAULTS = [
    ("Ticker", "500", SourceState.OFFLINE, "unavailable"),
    ("Ticker", "502", SourceState.OFFLINE, "unavailable"),
    ("Ticker", "429", SourceState.OFFLINE, "rate_limited"),
    ("Ticker", "lockout", SourceState.OFFLINE, "rate_limited"),
    ("Ticker", "timeout", SourceState.OFFLINE, "timeout"),
    ("*", "reset", SourceState.OFFLINE, "unavailable"),
    ("Ticker", "malformed", SourceState.DEGRADED, "invalid_data"),
    ("Ticker", "empty", SourceState.DEGRADED, "invalid_data"),
    ("Ticker", "zero", SourceState.DEGRADED, "invalid_data"),
    ("Ticker", "negative", SourceState.DEGRADED, "invalid_data"),
    ("OHLC", "500", SourceState.DEGRADED, "unavailable"),
    ("OHLC", "malformed", SourceState.ONLINE, None),          # no bars this time: nothing stored, no harm
]


@pytest.mark.parametrize("endpoint, kind, state, code", FAULTS, ids=[f"{e}-{k}" for e, k, _, _ in FAULTS])
def test_fault_leads_to_the_right_state_and_recovers(env, endpoint, kind, state, code):
    async def scenario(e):
        healthy = await e.service.run_cycle([BTC, ETH])
        assert healthy.sources["kraken"].state is SourceState.ONLINE
        e.server.inject(endpoint, kind, seconds=1.5)
        e.clock.advance(days=1)                                   # so that history is due as well
        faulty = await e.service.run_cycle([BTC, ETH])
        status = faulty.sources["kraken"]
        assert (status.state, status.code) == (state, code)
        assert set(faulty.quotes) == {"BTC", "ETH"}               # last known prices, with their age
        if state is SourceState.OFFLINE:
            assert faulty.freshness["BTC"].state is DataStatus.STALE
            assert status.consecutive_failures == 1
        if kind in ("malformed", "empty", "zero", "negative") and endpoint == "Ticker":
            assert faulty.rejected == {"BTC": 1, "ETH": 1}
            assert faulty.errors["BTC"].code == "invalid_data"
        if code == "rate_limited":
            assert status.retry_at >= e.clock.now() + timedelta(seconds=60)
            before = len(e.server.requests())
            e.clock.advance(seconds=15)
            paused = await e.service.run_cycle([BTC, ETH])
            assert len(e.server.requests()) == before             # backing off: no request at all
            assert paused.sources["kraken"].state is SourceState.OFFLINE
        e.server.clear_faults()
        e.clock.advance(minutes=16)
        recovered = await e.service.run_cycle([BTC, ETH])
        assert recovered.sources["kraken"].state is SourceState.ONLINE, recovered.sources
        assert recovered.freshness["BTC"].state is DataStatus.OK
        assert dict(recovered.errors) == {}
        return faulty

    env.run(scenario)


@pytest.mark.parametrize("kind, reason", [("zero", "zero"), ("negative", "negative"), ("nan", "non_finite"),
                                          ("no_last", "missing"), ("malformed", "missing")])
def test_a_bad_price_is_counted_with_its_reason_and_the_last_good_one_ages(env, kind, reason):
    async def scenario(e):
        good = await e.service.run_cycle([BTC, ETH])
        if kind == "malformed":                                  # the whole answer is cut off: both markets
            e.server.inject("Ticker", kind)
        else:
            e.server.inject("Ticker", kind, pairs=["XXBTZUSD"])
        e.clock.advance(seconds=15)
        bad = await e.service.run_cycle([BTC, ETH])
        assert bad.quotes["BTC"] == good.quotes["BTC"] and bad.errors["BTC"].code == "invalid_data"
        assert f"({reason})" in bad.errors["BTC"].message
        assert bad.sources["kraken"].state is SourceState.DEGRADED
        assert e.feed.rejections.by_reason() == {reason: 1 if kind != "malformed" else 2}

    env.run(scenario)


def test_markets_that_fail_to_load_make_the_source_offline_then_recover(env):
    async def scenario(e):
        e.server.inject("AssetPairs", "malformed", times=1)
        r1 = await e.service.run_cycle([BTC])
        assert (r1.sources["kraken"].state, r1.sources["kraken"].code) == (SourceState.OFFLINE, "malformed")
        assert "BTC" not in r1.quotes and r1.freshness["BTC"].state is DataStatus.MISSING
        e.clock.advance(seconds=15)
        r2 = await e.service.run_cycle([BTC])
        assert r2.sources["kraken"].state is SourceState.ONLINE and "BTC" in r2.quotes

    env.run(scenario)


def test_one_5xx_is_absorbed_by_the_retry(env):
    env.server.inject("Ticker", "500", times=1)
    result = env.run(lambda e: e.service.run_cycle([BTC]))
    assert result.sources["kraken"].state is SourceState.ONLINE and "BTC" in result.quotes
    assert env.feed.retries == 1


def test_repeated_failures_back_off_exponentially(env):
    async def scenario(e):
        e.server.inject("Ticker", "503")
        pauses = []
        for _ in range(5):
            r = await e.service.run_cycle([BTC])
            s = r.sources["kraken"]
            pauses.append((s.retry_at - e.clock.now()).total_seconds() if s.retry_at else 0)
            e.clock.t = s.retry_at or e.clock.now() + timedelta(seconds=15)
        return pauses

    assert env.run(scenario) == [0, 15, 45, 105, 225]


def test_offline_first_cycle_falls_back_on_stored_history_marked_by_its_age(env):
    env.store.upsert_bars([Bar("BTC", today() - 2 * DAY, 61000.0, source="kraken")])
    env.server.inject("*", "503")
    result = env.run(lambda e: e.service.run_cycle([BTC]))
    q = result.quotes["BTC"]
    assert q.price == 61000.0 and q.source == "kraken:history" and q.ts == today() - 2 * DAY
    assert result.freshness["BTC"].state is DataStatus.STALE
    assert result.sources["kraken"].state is SourceState.OFFLINE


def test_no_exception_escapes_a_cycle(env):
    class BrokenStore:
        def __getattr__(self, name):
            return getattr(env.store, name)

        def upsert_bars(self, bars):
            raise RuntimeError("disk on fire")

    env.service.store = BrokenStore()
    result = env.run(lambda e: e.service.run_cycle([BTC]))
    assert "BTC" in result.quotes


# -- equities --------------------------------------------------------------------------------------------------
class FakeEquityFeed:
    source = "fake-equity"
    offline = False

    def __init__(self, clock):
        self.clock = clock
        self.fail: Exception | None = None
        self.quotes: dict[str, float] = {"MARA": 12.5}
        self.quote_ts: datetime | None = None
        self.history_calls: list[tuple[tuple[str, ...], datetime | None]] = []
        from riskwatch.domain.validation import RejectionCounter

        self.rejections = RejectionCounter()

    def fetch_quotes(self, symbols):
        if self.fail:
            raise self.fail
        ts = self.quote_ts or self.clock.now() - timedelta(minutes=1)
        return {s: Quote(s, self.quotes[s], ts, self.source) for s in symbols if s in self.quotes}

    def fetch_history(self, symbols, since):
        self.history_calls.append((tuple(symbols), since))
        start = since or self.clock.now() - 600 * DAY
        return {s: [Bar(s, start + i * DAY, 10.0 + i * 0.01, source=self.source) for i in range(5)] for s in symbols}


def test_equities_live_then_market_closed_on_the_weekend_and_history_backfilled(tmp_path):
    e = make_env(tmp_path)
    equity = FakeEquityFeed(e.clock)
    e.service.equity = equity
    try:
        async def scenario(e):
            r1 = await e.service.run_cycle([BTC, MARA])
            assert r1.quotes["MARA"].price == 12.5 and r1.freshness["MARA"].state is DataStatus.OK
            assert r1.sources["fake-equity"].state is SourceState.ONLINE
            assert equity.history_calls and equity.history_calls[0][1] == today() - 600 * DAY
            assert r1.bars_stored["MARA"] == 5
            # Friday's last quote, read on Saturday: market closed, not stale
            equity.quote_ts = datetime(2026, 3, 13, 19, 59, tzinfo=UTC)
            e.clock.t = datetime(2026, 3, 13, 19, 59, 30, tzinfo=UTC)
            await e.service.run_cycle([MARA])
            e.clock.t = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
            r2 = await e.service.run_cycle([BTC, MARA])
            assert r2.freshness["MARA"].state is DataStatus.MARKET_CLOSED
            assert r2.freshness["BTC"].state is DataStatus.OK          # crypto trades on weekends
            # Monday, market open, the source is down: the Friday price is stale now
            equity.fail = DataUnavailable("offline")
            e.clock.t = datetime(2026, 3, 16, 15, 0, tzinfo=UTC)
            r3 = await e.service.run_cycle([MARA])
            assert r3.sources["fake-equity"].state is SourceState.OFFLINE
            assert r3.freshness["MARA"].state is DataStatus.STALE and r3.quotes["MARA"].price == 12.5

        e.run(scenario)
    finally:
        e.server.stop()
        e.store.close()


def test_equity_without_data_is_an_issue_not_a_price(tmp_path):
    e = make_env(tmp_path)
    equity = FakeEquityFeed(e.clock)
    equity.quotes = {}
    e.service.equity = equity
    try:
        result = e.run(lambda e: e.service.run_cycle([MARA]))
        assert "MARA" not in result.quotes or result.quotes["MARA"].source.endswith(":history")
        assert result.errors["MARA"].code == "no_data"
        assert result.sources["fake-equity"].state is SourceState.DEGRADED
    finally:
        e.server.stop()
        e.store.close()


def test_config_for_a_refresh_interval():
    assert MarketDataConfig.for_refresh(30).refresh_interval == timedelta(seconds=30)
    assert MarketDataConfig.for_refresh(1).refresh_interval == timedelta(seconds=5)
