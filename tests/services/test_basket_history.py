"""The CD20 constituents' history kept by ``BasketHistoryKeeper`` (issue 17), end to end: real ccxt against the
fake Kraken, a real SQLite store, the real Monitor. Before the first backfill the basket is priced from the bundled
(Binance USDT) closes, stale in March 2026; after it, from the exchange's own bars, current, with nothing missing."""

from __future__ import annotations

import asyncio

from riskwatch import app
from riskwatch.domain.baskets import CD20
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.model import Timeframe
from riskwatch.services.basket_history import BasketHistoryKeeper
from riskwatch.services.monitor import Monitor
from tests.services.test_basket_backfill import BASKET, Env


def _cd20(result):
    return next(b for b in result.report.baskets if b.code == CD20)


def test_the_keeper_backfills_the_basket_and_the_next_cycle_prices_it_from_the_exchange(tmp_path):
    env = Env(tmp_path)
    try:
        env.store.add_positions(app.example_positions())
        setup = app.market_setup(env.store)
        monitor = Monitor(env.store, None, env.clock, **app.build_market_panel(env.store),
                          fallback_closes=app.bundled_closes)
        before = monitor.evaluate(env.store.portfolio(), None, offline=True, alerts=False)
        cd20 = _cd20(before)
        assert before.history_sources["ETH"] == "bundle"
        assert cd20.status is DataStatus.STALE and cd20.sample     # the bundle ends in January 2026
        assert before.report.snapshot.get(CD20, "return:30D").status is DataStatus.STALE

        seen = []
        keeper = BasketHistoryKeeper(env.service, lambda: setup.baskets(env.store.portfolio()),
                                     progress=lambda done, total, sym: seen.append((done, total, sym)))
        assert [a.symbol for a in keeper.assets()] == BASKET

        async def once():
            stop = asyncio.Event()
            task = asyncio.create_task(keeper.run(stop))
            while keeper.runs == 0:
                await asyncio.sleep(0.01)
            stop.set()
            await task
        asyncio.run(once())
        assert seen[-1][:2] == (20, 20) and len(seen) == 20
        assert keeper.last_report.ok, keeper.last_report.failed
        assert len(env.store.load_bars("SOL", Timeframe.D1, source="kraken")) == keeper.bars

        after = monitor.evaluate(env.store.portfolio(), None, offline=True, alerts=False)
        cd20 = _cd20(after)
        assert after.history_sources["ETH"] == "store"
        assert cd20.missing == () and cd20.stale == () and not cd20.sample
        assert cd20.status.usable, cd20.status
        mv = after.report.snapshot.get(CD20, "return:30D")
        assert mv.status.usable and mv.value is not None
        assert abs(sum(w for _, w in cd20.weights) - 1.0) < 1e-12
    finally:
        env.close()
