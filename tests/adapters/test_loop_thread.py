"""The loop thread: one thread, one asyncio loop, clean shutdown without leaked threads or sockets."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import threading

import pytest

from riskwatch.adapters.ccxt_feed import CcxtFeed
from riskwatch.adapters.loop_thread import LoopThread, LoopThreadError, import_quietly
from tests.fakes.fake_kraken import fake_kraken  # noqa: F401 - pytest fixture


def _threads() -> set[str]:
    return {t.name for t in threading.enumerate()}


def _open_fds() -> int | None:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return None


def test_submit_runs_on_the_loop_thread_and_returns_a_future():
    with LoopThread() as lt:
        async def where():
            return threading.current_thread().name, asyncio.get_running_loop()

        name, loop = lt.submit(where()).result(5)
        assert name == "riskwatch-loop"
        assert loop is lt.loop
        assert lt.run(asyncio.sleep(0, result=42)) == 42


def test_exceptions_travel_through_the_future():
    with LoopThread() as lt:
        async def boom():
            raise ValueError("nope")

        with pytest.raises(ValueError, match="nope"):
            lt.submit(boom()).result(5)
        assert lt.running  # the loop survives


def test_stop_cancels_pending_work_runs_closers_and_joins():
    events = []
    lt = LoopThread().start()
    started = threading.Event()

    async def forever():
        started.set()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            events.append("cancelled")
            raise

    async def closer():
        events.append("closed")

    lt.add_closer(closer)
    fut = lt.submit(forever())
    assert started.wait(5)
    lt.stop()
    assert events == ["cancelled", "closed"]
    assert fut.cancelled()
    assert not lt.thread.is_alive()
    lt.stop()  # idempotent
    with pytest.raises(LoopThreadError):
        lt.submit(asyncio.sleep(0))


def test_a_failing_closer_does_not_block_the_others():
    seen = []

    async def bad():
        raise RuntimeError("x")

    async def good():
        seen.append("good")

    lt = LoopThread().start()
    lt.add_closer(good)
    lt.add_closer(bad)
    lt.stop()
    assert seen == ["good"]


def test_run_from_the_loop_thread_is_refused():
    with LoopThread() as lt:
        async def inner():
            coro = asyncio.sleep(0)
            with pytest.raises(LoopThreadError):
                lt.run(coro)
            return True

        assert lt.submit(inner()).result(5)


def test_shutdown_closes_the_exchange_no_thread_or_socket_leaks(fake_kraken):  # noqa: F811
    before_threads = _threads()
    lt = LoopThread().start()
    feed = CcxtFeed(api_url=fake_kraken.url, rate_limit_ms=1)
    lt.add_closer(feed.close)
    # warm up once so ccxt's import and lazily opened descriptors are not counted as leaks
    lt.run(feed.fetch_quotes(["BTC/USD"]), timeout=30)
    lt.stop()
    fds_before = _open_fds()

    for _ in range(3):
        lt = LoopThread().start()
        feed = CcxtFeed(api_url=fake_kraken.url, rate_limit_ms=1)
        lt.add_closer(feed.close)
        quotes = lt.run(feed.fetch_quotes(["BTC/USD", "ETH/USD"]), timeout=30)
        assert set(quotes) == {"BTC/USD", "ETH/USD"}
        session = feed._exchange.session
        lt.stop()
        assert session.closed
        assert feed._exchange is None
    leftover = {n for n in _threads() - before_threads if n.startswith(("riskwatch-loop", "asyncio_"))}
    assert leftover == set()
    if fds_before is not None:
        assert _open_fds() <= fds_before + 2


@pytest.mark.parametrize("enabled_before", [True, False])
def test_import_quietly_pauses_the_collector_and_freezes_what_the_import_built(tmp_path, monkeypatch, enabled_before):
    (tmp_path / "rw_heavy_module.py").write_text(
        "import gc\nCOLLECTOR_ON = gc.isenabled()\nCYCLES = [[] for _ in range(1000)]\n"
        "for c in CYCLES:\n    c.append(c)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "rw_heavy_module", raising=False)
    was = gc.isenabled()
    frozen_before = gc.get_freeze_count()
    (gc.enable if enabled_before else gc.disable)()
    try:
        module = import_quietly("rw_heavy_module")
        assert module.COLLECTOR_ON is False                       # no collection while it imported
        assert gc.isenabled() is enabled_before                   # the collector's state is restored
        assert gc.get_freeze_count() >= frozen_before + 1000      # its objects went to the permanent generation
        assert import_quietly("rw_heavy_module") is module        # imported once
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()
