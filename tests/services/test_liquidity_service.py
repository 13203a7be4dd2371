"""LiquidityCollector end to end: real ccxt against the fake Kraken and the fake Binance futures venue, a real
SQLite store, the real Monitor and alert engine, a settable clock."""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from riskwatch.domain.freshness import DataStatus
from riskwatch.adapters.ccxt_feed import CcxtFeed, RetryPolicy
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.derivatives_feed import DerivativesFeed
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_liquidity import LiquidityHistory
from riskwatch.adapters.sqlite_store import SCHEMA_VERSION, SqliteStore
from riskwatch.domain.liquidity import LIQUIDITY_METRICS
from riskwatch.domain.model import Asset, AssetKind, Bar, Portfolio, Position
from riskwatch.domain.ports import SignalContext
from riskwatch.domain.snapshot import MetricValue
from riskwatch.services.alerting import AlertService
from riskwatch.services.derivatives import DerivativesSource
from riskwatch.services.liquidity import LiquidityCollector, LiquidityConfig
from riskwatch.services.market_data import MarketDataConfig, MarketDataService
from riskwatch.services.monitor import Monitor
from tests.fakes.fake_derivatives import FakeBinanceFutures, fake_derivatives  # noqa: F401 - pytest fixture
from tests.fakes.fake_kraken import FakeKraken

BTC, ETH = Asset("BTC", AssetKind.CRYPTO), Asset("ETH", AssetKind.CRYPTO)
MARA, RIOT = Asset("MARA", AssetKind.EQUITY), Asset("RIOT", AssetKind.EQUITY)


class Sleeps(list):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


@dataclass
class Env:
    clock: ManualClock
    kraken: FakeKraken
    store: SqliteStore
    market: MarketDataService
    history: LiquidityHistory
    collector: LiquidityCollector
    monitor: Monitor
    alerts: AlertService

    def run(self, scenario):
        async def main():
            try:
                return await scenario(self)
            finally:
                await self.market.close()
                await self.collector.aclose()

        return asyncio.run(main())

    def cycle(self):
        return self.run(lambda e: e.monitor.run_cycle())

    def advance(self, **kw) -> None:
        self.clock.set(self.clock.now() + timedelta(**kw))


def make_env(tmp_path, kraken: FakeKraken, venue: FakeBinanceFutures | None, *, positions=((BTC, "2"),),
             derivatives_url: str | None = None, **collector_kw) -> Env:
    clock = ManualClock(datetime.now(UTC).replace(microsecond=0))
    kraken.now = lambda: clock.now().timestamp()
    if venue is not None:
        venue.now = lambda: clock.now().timestamp()
    store = SqliteStore.in_dir(tmp_path)
    store.replace_positions([Position(a, Decimal(q)) for a, q in positions])
    feed = CcxtFeed("kraken", api_url=kraken.url, rate_limit_ms=1, timeout_ms=2000, sleep=Sleeps(),
                    random=lambda: 1.0, clock=clock, retry=RetryPolicy(attempts=2))
    market = MarketDataService(store, feed, None, clock, MarketDataConfig())
    url = derivatives_url or (venue.url if venue is not None else None)
    derivatives = (DerivativesFeed(api_url=url, timeout_ms=2000, enable_rate_limit=False, clock=clock)
                   if url else None)
    history = LiquidityHistory(store)
    collector = LiquidityCollector(market, history, clock, **collector_kw)
    funding = DerivativesSource(derivatives, clock, history=history)
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    alerts = AlertService(repo, clock)
    monitor = Monitor(store, alerts, clock, market, liquidity=collector, signal_sources=[funding])
    return Env(clock, kraken, store, market, history, collector, monitor, alerts)


@pytest.fixture
def env(tmp_path, fake_kraken, fake_derivatives):  # noqa: F811 - pytest fixture
    e = make_env(tmp_path, fake_kraken, fake_derivatives)
    yield e
    e.store.close()


def ok(values, scope, metric) -> float:
    mv = values[(scope, metric)]
    assert mv.status == DataStatus.OK and mv.value is not None, (scope, metric, mv)
    return mv.value


def depth_pairs(kraken: FakeKraken) -> set[str]:
    return {r.params.get("pair") for r in kraken.requests("Depth")}


# -- the signals of a cycle ---------------------------------------------------------------------------------------
def test_held_btc_gets_book_signals_exit_slippage_peg_funding_and_profile(env, fake_derivatives):  # noqa: F811
    env.kraken.set_price("USDTZUSD", 0.997)
    fake_derivatives.set_funding("BTCUSDT", 0.0002)
    fake_derivatives.set_open_interest("BTCUSDT", 90000.0, 75000.0)
    result = env.cycle()
    v = result.liquidity
    assert 0 < ok(v, "BTC", "spread_bps") < 5                     # the fake quotes 1 bp wide
    bid1, ask1, d2 = ok(v, "BTC", "depth_1pct_bid"), ok(v, "BTC", "depth_1pct_ask"), ok(v, "BTC", "depth_2pct")
    assert bid1 > 0 and ask1 > 0 and d2 >= bid1 + ask1
    assert 0 < ok(v, "BTC", "slippage_exit") < 0.01 and ok(v, "BTC", "book_too_thin") == 0.0
    assert ok(v, "USDT", "peg_deviation") == pytest.approx(0.003, abs=2e-4)   # 0.997 -> 0.3 % off, from the book
    assert ok(v, "USDC", "peg_deviation") < 0.02
    assert ok(v, "BTC", "funding_8h") == pytest.approx(0.0002)
    assert ok(v, "BTC", "funding_annual") == pytest.approx(0.0002 * 3 * 365)
    assert ok(v, "BTC", "oi_change_24h") == pytest.approx(90000 / 75000 - 1, abs=0.02)
    assert ok(v, "portfolio", "liquid_share_1d") == pytest.approx(1.0)
    assert ok(v, "BTC", "volume_ratio") > 0                       # 24 h ticker volume vs the stored daily bars
    # a first cycle has no depth history yet: the ratio is unavailable, not 1 and not 0
    assert v[("BTC", "depth_2pct_ratio")] == MetricValue(None, DataStatus.MISSING, v[("BTC", "spread_bps")].as_of,
                                                         "insufficient_data")
    assert {k[1] for k in v} <= set(LIQUIDITY_METRICS)
    # books: the held BTC and the two stablecoins (not held: their peg comes from their USD book)
    assert depth_pairs(env.kraken) >= {"XXBTZUSD", "USDTZUSD", "USDCUSD"}
    # the values reached the Snapshot the rules saw
    assert result.report.snapshot.value("BTC", "spread_bps") == ok(v, "BTC", "spread_bps")


def test_a_held_stablecoin_takes_its_peg_from_the_cycle_quote(tmp_path, fake_kraken, fake_derivatives):  # noqa: F811
    e = make_env(tmp_path, fake_kraken, fake_derivatives,
                 positions=((BTC, "1"), (Asset("USDT", AssetKind.STABLECOIN), "1000")))
    try:
        fake_kraken.set_price("USDTZUSD", 1.001)
        v = e.cycle().liquidity
        assert ok(v, "USDT", "peg_deviation") == pytest.approx(0.001, abs=1e-6)
        assert "USDTZUSD" not in depth_pairs(fake_kraken)        # no extra book for a held, fresh stablecoin
        assert ("USDT", "spread_bps") not in v                    # stablecoins get no book signals
    finally:
        e.store.close()


def test_a_depeg_fires_the_shipped_escalating_rule(env):
    env.kraken.set_price("USDCUSD", 0.97)
    result = env.cycle()
    assert ok(result.liquidity, "USDC", "peg_deviation") == pytest.approx(0.03, abs=2e-4)
    fired = {(e.rule_key, e.member, e.severity.value) for e in result.events}
    assert ("usdc_peg_critical", "USDC", "critical") in fired


def test_depth_ratio_against_the_7_day_median_of_the_stored_depth(env):
    first = env.cycle()
    depth = ok(first.liquidity, "BTC", "depth_2pct")
    now = env.clock.now()
    for i in range(1, 13):  # a deep market over the last days ...
        env.history.append({("BTC", "depth_2pct"): MetricValue(4 * depth)}, now - timedelta(hours=6 * i))
    env.history.append({("BTC", "depth_2pct"): MetricValue(depth / 100)}, now - timedelta(days=9))  # ... too old
    env.advance(minutes=6)
    second = env.cycle()
    ratio = ok(second.liquidity, "BTC", "depth_2pct_ratio")
    assert ratio == pytest.approx(ok(second.liquidity, "BTC", "depth_2pct") / (4 * depth), rel=1e-9)
    assert ratio < 0.5
    fired = {(e.rule_key, e.member) for e in second.events}
    assert ("liquidity_depth_drop_warning", "BTC") in fired


# -- bad data is a data error, not a signal ----------------------------------------------------------------------
@pytest.mark.parametrize("shape, reason", [("crossed", "crossed_book"), ("one_side", "empty_side")])
def test_a_bad_book_is_invalid_and_counted_not_a_signal(env, shape, reason):
    real_depth = env.kraken._depth

    def bad_depth(pid, params, px):
        answer = real_depth(pid, params, px)
        if pid == "XXBTZUSD":
            book = answer["result"][pid]
            if shape == "crossed":  # best bid above best ask
                book["bids"], book["asks"] = book["asks"], book["bids"]
            else:
                book["asks"] = []
        return answer

    env.kraken._depth = bad_depth
    result = env.cycle()
    v = result.liquidity
    for metric in ("spread_bps", "depth_1pct_bid", "depth_2pct", "slippage_exit", "book_too_thin",
                   "depth_2pct_ratio"):
        assert v[("BTC", metric)].value is None
        assert v[("BTC", metric)].status == DataStatus.INVALID and v[("BTC", metric)].detail == reason
    assert env.collector.rejected_books[("BTC", reason)] == 1
    assert v[("portfolio", "liquid_share_1d")].value is None      # unknown, not "nothing sellable"
    assert not [e for e in result.events if e.member == "BTC" and e.metric in ("spread_bps", "slippage_exit")]
    assert result.report.asset("BTC").price is not None           # the price side of the cycle is unaffected
    assert ok(v, "USDT", "peg_deviation") >= 0                    # the other books still count


def test_an_exchange_without_books_gives_errors_never_zero(env):
    env.kraken.inject("Depth", "500")
    v = env.cycle().liquidity
    for key in (("BTC", "spread_bps"), ("BTC", "slippage_exit"), ("USDT", "peg_deviation"),
                ("USDC", "peg_deviation")):
        assert v[key].value is None and v[key].status == DataStatus.ERROR, key
    assert ok(v, "BTC", "funding_8h") == pytest.approx(0.0001)   # the derivatives venue is independent


def test_unreachable_derivatives_venue_makes_funding_unavailable_not_zero(tmp_path, fake_kraken):
    e = make_env(tmp_path, fake_kraken, None, derivatives_url="http://127.0.0.1:9")
    try:
        v = e.cycle().liquidity
        for metric in ("funding_8h", "funding_annual", "oi_change_24h"):
            assert v[("BTC", metric)].value is None and v[("BTC", metric)].status == DataStatus.ERROR
        assert ok(v, "BTC", "spread_bps") > 0
    finally:
        e.store.close()


def test_a_failing_derivatives_venue_and_a_missing_one(tmp_path, fake_kraken, fake_derivatives):  # noqa: F811
    fake_derivatives.inject("*", "503")
    e = make_env(tmp_path, fake_kraken, fake_derivatives)
    try:
        v = e.cycle().liquidity
        assert v[("BTC", "funding_8h")].status == DataStatus.ERROR and v[("BTC", "funding_8h")].value is None
    finally:
        e.store.close()
    e2 = make_env(tmp_path / "two", fake_kraken, None)             # no derivatives feed configured
    try:
        v2 = e2.cycle().liquidity
        assert v2[("BTC", "funding_8h")] .status == DataStatus.MISSING
        assert v2[("BTC", "funding_8h")].detail == "not_configured" and v2[("BTC", "funding_8h")].value is None
    finally:
        e2.store.close()


def test_only_the_largest_positions_get_a_book_per_cycle(tmp_path, fake_kraken, fake_derivatives):  # noqa: F811
    e = make_env(tmp_path, fake_kraken, fake_derivatives, positions=((BTC, "2"), (ETH, "1")), max_books=1)
    try:
        v = e.cycle().liquidity
        assert ok(v, "BTC", "spread_bps") > 0
        assert v[("ETH", "spread_bps")].status == DataStatus.MISSING and v[("ETH", "spread_bps")].detail == "book_limit"
        assert "XETHZUSD" not in depth_pairs(fake_kraken)
    finally:
        e.store.close()


# -- history -----------------------------------------------------------------------------------------------------
def test_the_history_is_persisted_and_survives_reopening_the_store(tmp_path, fake_kraken, fake_derivatives):  # noqa: F811
    e = make_env(tmp_path, fake_kraken, fake_derivatives)
    first = e.cycle()
    depth = ok(first.liquidity, "BTC", "depth_2pct")
    e.advance(minutes=1)
    e.cycle()                                    # within the history interval: not stored again
    e.advance(minutes=5)
    third = e.cycle()
    e.store.close()

    store = SqliteStore.in_dir(tmp_path)
    try:
        assert store.schema_version() == SCHEMA_VERSION >= 3
        history = LiquidityHistory(store)
        rows = history.load("BTC", "depth_2pct")
        assert [v for _, v in rows] == [pytest.approx(depth), pytest.approx(ok(third.liquidity, "BTC", "depth_2pct"))]
        assert rows[0][0] == first.liquidity[("BTC", "spread_bps")].as_of
        assert history.median("BTC", "depth_2pct", rows[0][0] - timedelta(days=7)) == pytest.approx(
            (rows[0][1] + rows[1][1]) / 2)
        # an unavailable signal is stored as a gap with its status, never as zero
        assert history.load("BTC", "depth_2pct_ratio")[0][1] is None
        assert ("USDT", "peg_deviation") in history.series()
        # a new collector on the reopened store sees the old depth: the ratio works right after a restart
        collector = LiquidityCollector(None, history, ManualClock(e.clock.now()), config=LiquidityConfig(
            depth_min_samples=2))
        assert collector._depth_ratio("BTC", depth, e.clock.now()) == pytest.approx(depth / history.median(
            "BTC", "depth_2pct", rows[0][0]))
    finally:
        store.close()


def test_history_append_is_one_transaction_and_prune_drops_old_rows(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    try:
        h = LiquidityHistory(store)
        t0 = datetime(2026, 1, 1, tzinfo=UTC)
        values = {("BTC", "spread_bps"): MetricValue(1.5), ("BTC", "depth_2pct"): MetricValue(None, "error", None, "x"),
                  ("USDT", "peg_deviation"): MetricValue(float("nan"))}
        assert h.append(values, t0) == 3
        assert h.load("BTC", "spread_bps") == [(t0, 1.5)]
        assert h.load("BTC", "depth_2pct") == [(t0, None)]
        assert h.load("USDT", "peg_deviation") == [(t0, None)]
        assert h.append({("BTC", "spread_bps"): MetricValue(2.5)}, t0) == 1     # same instant: replaced
        assert h.load("BTC", "spread_bps") == [(t0, 2.5)]
        h.append({("BTC", "spread_bps"): MetricValue(3.0)}, t0 + timedelta(days=10))
        assert h.median("BTC", "spread_bps", t0) == pytest.approx(2.75)
        assert h.median("BTC", "spread_bps", t0 + timedelta(days=1)) == pytest.approx(3.0)
        assert h.median("ETH", "spread_bps", t0) is None
        assert h.prune(t0 + timedelta(days=1)) == 3
        assert h.latest("BTC", "spread_bps") == (t0 + timedelta(days=10), 3.0)
        assert h.count() == 1
    finally:
        store.close()


# -- equities from the stored daily volume (offline) ---------------------------------------------------------------
def daily(symbol, closes, volumes, end):
    n = len(closes)
    return [Bar(symbol, end - timedelta(days=n - 1 - i), c, volume=v, source="import")
            for i, (c, v) in enumerate(zip(closes, volumes))]


def test_equity_adv_days_to_liquidate_and_volume_ratio_from_stored_bars(tmp_path):
    clock = ManualClock(datetime(2026, 3, 10, 15, 0, tzinfo=UTC))
    store = SqliteStore.in_dir(tmp_path)
    try:
        yesterday = datetime(2026, 3, 9, tzinfo=UTC)
        closes = [10.0 + 0.1 * i for i in range(40)]
        volumes = [1_000_000.0] * 39 + [300_000.0]
        store.upsert_bars(daily("MARA", closes, volumes, yesterday))
        store.upsert_bars(daily("RIOT", [8.0] * 40, [None] * 40, yesterday))
        store.replace_positions([Position(MARA, Decimal("1000000")), Position(RIOT, Decimal("100"))])
        repo = AlertRepository(store)
        repo.seed_default_rules(load_default_rules())
        history = LiquidityHistory(store)
        collector = LiquidityCollector(None, history, clock, bars=store)
        monitor = Monitor(store, AlertService(repo, clock), clock, None, liquidity=collector)
        result = asyncio.run(monitor.run_cycle(offline=True))
        v = result.liquidity
        adv = sum(c * vol for c, vol in zip(closes[-20:], volumes[-20:])) / 20
        assert ok(v, "MARA", "adv_20d_usd") == pytest.approx(adv)
        assert ok(v, "MARA", "days_to_liquidate") == pytest.approx(1_000_000 * closes[-1] / (0.2 * adv))
        assert ok(v, "MARA", "volume_ratio") == pytest.approx(0.3)
        for metric in ("adv_20d_usd", "days_to_liquidate", "volume_ratio"):   # no volume: unavailable, not 0
            assert v[("RIOT", metric)].value is None and v[("RIOT", metric)].status == DataStatus.MISSING
            assert v[("RIOT", metric)].detail == "no_volume_data"
        assert not any(scope in ("BTC", "USDT", "USDC", "portfolio") for scope, _ in v)  # offline: no fetching
        fired = {(e.rule_key, e.member) for e in result.events}
        assert ("equity_days_to_liquidate_warning", "MARA") in fired
        assert ("volume_collapse_info", "MARA") in fired
        assert history.load("MARA", "days_to_liquidate")[0][1] == pytest.approx(ok(v, "MARA", "days_to_liquidate"))
    finally:
        store.close()


# -- never raises --------------------------------------------------------------------------------------------------
class BrokenMarket:
    store = None

    async def fetch_order_book(self, asset, currency="USD", limit=None):
        raise RuntimeError("boom")


class BrokenHistory:
    def append(self, values, ts):
        raise OSError("disk full")

    def load(self, scope, metric, since=None, until=None):
        raise OSError("disk gone")


def test_collect_never_raises_and_marks_what_failed():
    clock = ManualClock(datetime(2026, 3, 10, tzinfo=UTC))
    collector = LiquidityCollector(BrokenMarket(), BrokenHistory(), clock)
    portfolio = Portfolio((Position(BTC, Decimal("1")), Position(MARA, Decimal("5"))))
    v = asyncio.run(collector.collect(SignalContext(portfolio, None, None, False)))
    assert v[("BTC", "spread_bps")].status == DataStatus.ERROR and v[("BTC", "spread_bps")].value is None
    assert v[("USDT", "peg_deviation")].status == DataStatus.ERROR
    funding = asyncio.run(DerivativesSource(None, clock, history=BrokenHistory()).collect(
        SignalContext(portfolio, None, None, False)))
    assert funding[("BTC", "funding_8h")].status == DataStatus.MISSING
    assert all(mv.value is None or math.isfinite(mv.value) for mv in (*v.values(), *funding.values()))
    # even a portfolio object that breaks the collector only loses the liquidity values
    assert asyncio.run(collector.collect(SignalContext(object(), None, None, False))) == {}


def test_no_book_is_asked_for_while_the_exchange_backs_off(env):
    """Offline all night, the books must back off with the quotes instead of timing out (and logging) each
    cycle: a paused exchange gets no Depth request, and its book signals read as errors, never zero."""
    env.kraken.inject("*", "500")
    env.cycle()
    env.advance(seconds=1)
    second = env.cycle()
    status = second.market.sources["kraken"]
    assert status.retry_at is not None and status.retry_at > env.clock.now()
    asked = len(env.kraken.requests())
    env.advance(seconds=1)
    third = env.cycle()
    assert env.kraken.requests()[asked:] == []  # no book, no market list, nothing
    assert third.liquidity[("BTC", "spread_bps")].status == DataStatus.ERROR
    assert third.liquidity[("BTC", "spread_bps")].value is None
