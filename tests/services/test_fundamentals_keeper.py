"""The company facts kept current beside the cycles (issue 19), end to end: the keeper built as the desktop and
``watch`` build it, pointed at the loopback EDGAR, refreshes the held miners into the real store, and the next
cycle's Snapshot carries the balance-sheet figures from them."""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime
from decimal import Decimal

from riskwatch import app
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.fundamentals_wiring import build_fundamentals_keeper
from tests.fakes.fake_edgar import FakeEdgar


def test_the_keeper_refreshes_the_held_miners_and_the_cycle_reads_their_figures(tmp_path):
    with FakeEdgar() as edgar:
        store = SqliteStore(tmp_path / "rw.sqlite3")
        try:
            store.add_positions([Position(Asset("CLSK", AssetKind.EQUITY), Decimal("1000"))])
            clock = ManualClock(datetime(2025, 9, 1, 12, tzinfo=UTC))
            args = argparse.Namespace(edgar_api_url=edgar.url, exchange_api_url="http://127.0.0.1:9")
            keeper = build_fundamentals_keeper(store, clock, args)
            assert keeper is not None

            async def once():
                stop = asyncio.Event()
                task = asyncio.create_task(keeper.run(stop))
                while keeper.runs == 0:
                    await asyncio.sleep(0.01)
                stop.set()
                await task
            asyncio.run(once())
            assert [(s.symbol, s.ok) for s in keeper.last] == [("CLSK", True)]
            assert [r.path for r in edgar.requests()] == ["/api/xbrl/companyfacts/CIK0000827876.json"]

            # the monitor's signal source (app.build_monitor) reads them from the store (offline too)
            monitor = app.build_monitor(store, clock, offline=True)
            result = asyncio.run(monitor.run_cycle(offline=True))
            mv = result.report.snapshot.get("CLSK", "fundamentals_age_days")
            assert mv is not None and mv.value is not None and mv.value >= 0
        finally:
            store.close()


def test_no_keeper_asks_the_real_edgar_while_the_exchange_points_at_loopback(tmp_path):
    store = SqliteStore(tmp_path / "rw.sqlite3")
    try:
        args = argparse.Namespace(edgar_api_url=None, exchange_api_url="http://127.0.0.1:9")
        assert build_fundamentals_keeper(store, ManualClock(datetime(2025, 9, 1, tzinfo=UTC)), args) is None
    finally:
        store.close()
