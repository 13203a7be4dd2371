"""The basket's backfill (issue 17), ``MarketDataService.sync_history``: real ccxt against the fake Kraken, a real
SQLite store, a fake clock. 20 constituents × ~1100 daily bars; rate limit, progress, resume after a fault."""

from __future__ import annotations

import asyncio
import math
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from riskwatch.adapters.ccxt_feed import CcxtFeed, RetryPolicy
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Timeframe
from riskwatch.services.market_data import MarketDataConfig, MarketDataService
from tests.fakes.fake_kraken import FakeKraken

T0 = datetime(2026, 3, 10, 15, 0, 7, tzinfo=UTC)
TODAY = T0.replace(hour=0, minute=0, second=0)
DAY = timedelta(days=1)
BASKET = ["BTC", "XRP", "ETH", "SOL", "ADA", "LINK", "XLM", "AVAX", "SUI", "LTC",
          "HBAR", "BCH", "UNI", "APT", "NEAR", "DOT", "ICP", "AAVE", "FIL", "POL"]
ASSETS = [Asset(s, AssetKind.CRYPTO) for s in BASKET]
PAIR = {"BTC": "XXBTZUSD", "XRP": "XXRPZUSD", "ETH": "XETHZUSD", "XLM": "XXLMZUSD", "LTC": "XLTCZUSD"}
BARS = 1100
PAGE = 720


def pair_of(symbol: str) -> str:
    return PAIR.get(symbol, f"{symbol}USD")


class FakeClock:
    def __init__(self, t: datetime):
        self.t = t

    def now(self) -> datetime:
        return self.t


async def no_sleep(seconds: float) -> None:
    pass


class Env:
    def __init__(self, tmp_path, *, rate_limit_ms: float = 1):
        self.clock = FakeClock(T0)
        self.server = FakeKraken(now=lambda: self.clock.now().timestamp()).start()
        self.path = tmp_path / "rw.sqlite3"
        self.store = SqliteStore(self.path)
        self.feed = CcxtFeed("kraken", api_url=self.server.url, rate_limit_ms=rate_limit_ms, timeout_ms=2000,
                             sleep=no_sleep, random=lambda: 1.0, clock=self.clock, retry=RetryPolicy(attempts=2))
        self.service = self.new_service()

    def new_service(self) -> MarketDataService:
        """A service as after a restart: same store and exchange, nothing remembered in memory."""
        return MarketDataService(self.store, self.feed, None, self.clock, MarketDataConfig())

    def close(self) -> None:
        self.server.stop()
        self.store.close()

    def ohlc(self, symbol: str | None = None) -> list:
        return [r for r in self.server.requests("OHLC") if symbol is None or r.params.get("pair") == pair_of(symbol)]

    def duplicates(self) -> list[tuple]:
        with sqlite3.connect(self.path) as db:
            return db.execute("SELECT symbol, ts, COUNT(*) FROM price_bars GROUP BY symbol, source, timeframe, ts "
                              "HAVING COUNT(*) > 1").fetchall()

    def assert_complete(self, symbol: str, bars: int = BARS) -> None:
        stored = self.store.load_bars(symbol, Timeframe.D1, source="kraken")
        assert [b.ts for b in stored] == [TODAY - (bars - 1 - i) * DAY for i in range(bars)], symbol


def run(env: Env, scenario):
    async def main():
        try:
            return await scenario()
        finally:
            await env.feed.close()

    return asyncio.run(main())


@pytest.fixture
def env(tmp_path):
    e = Env(tmp_path)
    yield e
    e.close()


def test_twenty_constituents_backfilled_within_the_exchange_rate_limit(tmp_path):
    window = 0.05
    e = Env(tmp_path, rate_limit_ms=70)        # ccxt spaces OHLC by 1.2 × 70 ms, the markets calls by 70 ms
    e.server.rate_limit = (1, window)          # the fake refuses a 2nd request within any 50 ms
    calls: list[tuple[int, int, str]] = []
    try:
        async def scenario():
            first = await e.service.sync_history(ASSETS, bars=BARS, progress=lambda *a: calls.append(a))
            again = await e.service.sync_history(ASSETS, bars=BARS)            # right after: checked, no request
            restarted = await e.new_service().sync_history(ASSETS, bars=BARS)  # nothing in memory: the tails
            return first, again, restarted

        first, again, restarted = run(e, scenario)
        assert first.ok, first.failed
        assert calls == [(i + 1, 20, s) for i, s in enumerate(BASKET)]
        for s in BASKET:
            e.assert_complete(s)
            r = first.symbols[s]
            assert (r.stored, r.held, r.missing_before) == (BARS, BARS, BARS)
            assert r.requests == math.ceil(BARS / PAGE) == len(e.ohlc(s)) - 1    # (- the restart's tail)
        assert e.duplicates() == []
        # a fresh store: the head fetch runs up to the current bar, so the minimum is reached exactly
        assert first.requests == first.min_requests == 20 * 2
        assert again.requests == 0 and again.min_requests == 0
        # after a restart each symbol is asked for its last (partial) bar on: one request per symbol, one bar
        assert restarted.requests == 20 and restarted.min_requests == 0 and restarted.ok
        assert all(r.stored == 1 and r.held == BARS for r in restarted.symbols.values())
        log = e.server.requests()
        assert [r for r in log if r.fault] == []                        # nothing was refused
        arrivals = [r.t for r in log]
        assert min(b - a for a, b in zip(arrivals, arrivals[1:], strict=False)) > window
    finally:
        e.close()


def test_without_the_client_spacing_the_fake_refuses_the_burst(env):
    env.server.rate_limit = (3, 5.0)             # the feed's 1 ms spacing is far below: the 4th request is refused
    report = run(env, lambda: env.service.sync_history(ASSETS[:3], bars=BARS))
    refused = [r for r in env.server.requests() if r.fault == "rate_limit"]
    assert refused and set(report.failed.values()) == {"rate_limited"}
    assert all(r.status == 200 for r in refused)   # Kraken's way: 200 with EAPI:Rate limit exceeded


def test_a_fault_half_way_fails_those_symbols_and_the_next_run_resumes(env):
    def progress(done: int, total: int, symbol: str) -> None:
        if done == 10:                                   # the exchange breaks down after half the basket
            env.server.inject("OHLC", "500")

    async def scenario():
        broken = await env.service.sync_history(ASSETS, bars=BARS, progress=progress)
        env.server.clear_faults()
        env.server.clear_log()
        resumed = await env.service.sync_history(ASSETS, bars=BARS)
        return broken, resumed

    broken, resumed = run(env, scenario)
    done, failed = BASKET[:10], BASKET[10:]
    assert broken.failed == dict.fromkeys(failed, "unavailable")
    assert all(broken.symbols[s].ok and broken.symbols[s].stored == BARS for s in done)
    assert all(broken.symbols[s].stored == 0 and broken.symbols[s].requests == 2 for s in failed)  # 2 tries

    assert resumed.ok, resumed.failed
    # only the failed symbols are asked again, each for its whole (missing) window, page by page
    assert {r.params["pair"] for r in env.ohlc()} == {pair_of(s) for s in failed}
    start = TODAY - (BARS - 1) * DAY
    for s in failed:
        sinces = [datetime.fromtimestamp(int(r.params["since"]), UTC) + DAY for r in env.ohlc(s)]
        assert sinces == [start, start + PAGE * DAY]     # Kraken's since is exclusive: ccxt asks one day earlier
    assert resumed.requests == resumed.min_requests == 10 * 2 == len(env.ohlc())
    for s in BASKET:
        env.assert_complete(s)
    assert env.duplicates() == []


def test_a_pair_the_exchange_does_not_list_is_reported_and_the_others_complete(env):
    del env.server.pairs["HBARUSD"]
    report = run(env, lambda: env.service.sync_history(ASSETS, bars=300))
    assert report.failed == {"HBAR": "not_listed"}
    assert report.symbols["HBAR"].market is None and report.symbols["HBAR"].requests == 0
    assert env.ohlc("HBAR") == []
    for s in BASKET:
        if s != "HBAR":
            env.assert_complete(s, 300)
    assert report.requests == report.min_requests == 19


def test_the_cycle_keeps_its_depth_and_the_backfill_deepens_what_a_cycle_stored(env):
    btc = Asset("BTC", AssetKind.CRYPTO)

    async def scenario():
        await env.service.run_cycle([btc])                    # the cycle's 400 bars
        deeper = await env.service.sync_history([btc], bars=BARS)
        before = len(env.ohlc())
        await env.service.run_cycle([btc])                    # checked just now, deeper than it needs: no request
        return deeper, len(env.ohlc()) - before

    deeper, cycle_requests = run(env, scenario)
    env.assert_complete("BTC")
    r = deeper.symbols["BTC"]
    assert (r.missing_before, r.stored) == (BARS - 400, BARS - 400 + 1)
    # the missing head in one page, then the stored tail's last (partial) bar: one request more than the minimum
    assert deeper.min_requests == 1 and deeper.requests == 2
    assert cycle_requests == 0


def test_other_kinds_are_skipped_and_a_missing_exchange_is_a_code(tmp_path):
    store = SqliteStore(tmp_path / "rw.sqlite3")
    try:
        service = MarketDataService(store, None, None, FakeClock(T0), MarketDataConfig())
        report = asyncio.run(service.sync_history([Asset("BTC", AssetKind.CRYPTO), Asset("MARA", AssetKind.EQUITY)],
                                                  bars=10))
        assert report.failed == {"BTC": "no_exchange"} and list(report.symbols) == ["BTC"]
    finally:
        store.close()


def test_a_failed_backfill_request_never_pauses_the_cycles_quotes_of_a_held_coin(tmp_path):
    """The exchange refuses one OHLC request of the background backfill (Kraken's "unknown pair" error): the
    report says so, but BTC's live quote is still fetched by the next cycle (no hour-long pause of a held coin)."""
    env = Env(tmp_path)
    btc = Asset("BTC", AssetKind.CRYPTO)
    try:
        async def scenario():
            await env.service.run_cycle([btc], "USD", backfill=False)
            env.server.inject("OHLC", "unknown_pair", times=1)
            report = await env.service.sync_history([btc, Asset("ETH", AssetKind.CRYPTO)], bars=BARS)
            tickers = len(env.server.requests("Ticker"))
            env.clock.t = env.clock.t + timedelta(minutes=5)
            after = await env.service.run_cycle([btc], "USD", backfill=False)
            return report, tickers, after
        report, tickers, after = run(env, scenario)
        assert report.failed.get("BTC") == "exchange_error"
        assert len(env.server.requests("Ticker")) > tickers
        assert "BTC" in after.quotes and after.freshness["BTC"].state.usable
    finally:
        env.close()
