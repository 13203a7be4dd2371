"""The Qt bridge: cycles on the loop thread, results as signals in the GUI thread, no stalled event loop."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTimer

from riskwatch.adapters.ccxt_feed import CcxtFeed
from riskwatch.adapters.loop_thread import LoopThread
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Quote
from riskwatch.domain.validation import OrderBook, QuoteState
from riskwatch.gui.bridge import MarketDataBridge
from riskwatch.services.market_data import MarketDataResult, MarketDataService, SourceState
from tests.fakes.fake_kraken import fake_kraken  # noqa: F401 - pytest fixture

ASSETS = (Asset("BTC", AssetKind.CRYPTO), Asset("ETH", AssetKind.CRYPTO))


class Clock:
    def now(self):
        return datetime.now(UTC)


@pytest.fixture
def stack(qtbot, tmp_path, fake_kraken):  # noqa: F811
    loop = LoopThread().start()
    store = SqliteStore(tmp_path / "rw.sqlite3")
    feed = CcxtFeed("kraken", api_url=fake_kraken.url, rate_limit_ms=1, timeout_ms=5000)
    service = MarketDataService(store, feed, None, Clock())
    loop.add_closer(service.close)
    bridge = MarketDataBridge(loop, service, lambda: (ASSETS, "USD"), interval_s=3600)
    yield bridge, fake_kraken, loop
    bridge.stop()
    loop.stop()
    store.close()


def test_a_refresh_publishes_quotes_status_and_result_in_the_gui_thread(qtbot, stack):
    bridge, _, _ = stack
    gui = threading.get_ident()
    seen: dict[str, object] = {}
    threads: set[bool] = set()

    def remember(name):
        def slot(value):
            threads.add(threading.get_ident() == gui)
            seen[name] = value
        return slot

    bridge.quotes_updated.connect(remember("quotes"))
    bridge.feed_status_changed.connect(remember("status"))
    with qtbot.waitSignal(bridge.cycle_finished, timeout=30000) as blocker:
        assert bridge.refresh()
        assert bridge.busy
        assert not bridge.refresh()                     # a second one while running is skipped
    result = blocker.args[0]
    assert isinstance(result, MarketDataResult)
    assert threads == {True}
    assert set(seen["quotes"]) == {"BTC", "ETH"} and isinstance(seen["quotes"]["BTC"], Quote)
    with pytest.raises(TypeError):
        seen["quotes"]["BTC"] = None                    # read-only mapping
    assert seen["status"]["kraken"].state is SourceState.ONLINE
    assert result.bars_stored["BTC"] == 400
    assert bridge.skipped_ticks == 1
    qtbot.waitUntil(lambda: not bridge.busy, timeout=5000)
    assert bridge.freshness(result.quotes["BTC"], AssetKind.CRYPTO).state is QuoteState.LIVE


def test_status_signal_only_on_change(qtbot, stack):
    bridge, server, _ = stack
    changes = []
    bridge.feed_status_changed.connect(changes.append)
    for _ in range(2):
        with qtbot.waitSignal(bridge.cycle_finished, timeout=30000):
            bridge.refresh()
        qtbot.waitUntil(lambda: not bridge.busy, timeout=5000)
    assert len(changes) == 1
    server.inject("Ticker", "503")
    with qtbot.waitSignal(bridge.feed_status_changed, timeout=30000) as blocker:
        bridge.refresh()
    assert blocker.args[0]["kraken"].state is SourceState.OFFLINE


def test_run_delivers_callbacks_in_the_gui_thread(qtbot, stack):
    bridge, _, _ = stack
    gui = threading.get_ident()
    got = []

    async def work():
        return threading.get_ident() != gui

    async def fail():
        raise ValueError("bad")

    bridge.run(work(), on_done=lambda v: got.append(("done", v, threading.get_ident() == gui)))
    bridge.run(fail(), on_error=lambda e: got.append(("error", str(e), threading.get_ident() == gui)))
    bridge.fetch_order_book("BTC", "USD", on_done=lambda b: got.append(("book", isinstance(b, OrderBook), True)),
                            limit=5)
    qtbot.waitUntil(lambda: len(got) == 3, timeout=30000)
    assert sorted(got) == [("book", True, True), ("done", True, True), ("error", "bad", True)]


def test_timer_drives_cycles_and_stop_cancels(qtbot, stack):
    bridge, _, _ = stack
    bridge.set_interval(1)
    with qtbot.waitSignal(bridge.cycle_finished, timeout=30000):
        bridge.start(refresh_now=True)
    bridge.stop()
    assert not bridge.busy


def test_gui_event_loop_never_stalls_during_a_slow_refresh(qtbot, stack):
    """Against a 2-second-latency exchange the GUI thread keeps ticking (the issue's budget: 50 ms)."""
    bridge, server, _ = stack
    with qtbot.waitSignal(bridge.cycle_finished, timeout=30000):   # warm: ccxt imported, markets loaded
        bridge.refresh()
    qtbot.waitUntil(lambda: not bridge.busy, timeout=5000)
    server.latency = 2.0
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    with qtbot.waitSignal(bridge.cycle_finished, timeout=60000):
        bridge.refresh()
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    longest = max(gaps)
    print(f"refresh against 2 s latency: {len(ticks)} timer ticks, longest gap {longest * 1000:.1f} ms")
    assert ticks[-1] - ticks[0] >= 1.9
    assert longest < 0.25                                # generous sanity bound; the benchmark prints the figure
