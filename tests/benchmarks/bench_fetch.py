"""Benchmark: concurrent OHLCV fetches, rate-limiter spacing, GUI responsiveness during a slow refresh.

Run:  QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_fetch.py

Everything runs against the loopback fake Kraken (no internet). Figures and ratios are measured in this run:

1. 10 OHLCV requests with 100 ms injected latency and the rate limiter relaxed: one request, ten in
   sequence, ten concurrently (target: concurrent ≤ 2 × one request; sequential ≈ 10 ×). "one" and
   "concurrent" are medians of 3 runs. Then where the CPU time of a 720-bar page goes: ccxt's
   ``parse_ohlcvs``, RiskWatch's validation and conversion into Bars, and the fake's own answer.
2. The same requests with ccxt's limiter on: the smallest spacing between requests in the fake's log,
   against the exchange's declared rate limit.
3. A refresh against a 2-second-latency fake while the Qt event loop runs a 5 ms timer: the longest gap
   between ticks (target: ≤ 50 ms). Measured twice: in this process (ccxt already imported) and in a fresh
   interpreter, where the first cycle also pays the one-time ``import ccxt.async_support`` (in a worker
   thread, with the garbage collector paused: see ``loop_thread.import_quietly``).

The fake exchange runs in a child process for 1 and 3: in this process its threads would compete with the
client for the GIL (encoding 10 pages of 720 bars, serving the 2 s-latency requests) and distort exactly
what is measured. Part 2 needs the fake's request log, so that fake runs in this process.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for p in (ROOT / "desktop", ROOT):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from riskwatch.adapters.ccxt_feed import CcxtFeed  # noqa: E402
from riskwatch.domain.model import Asset, AssetKind, Timeframe  # noqa: E402
from tests.fakes.fake_kraken import FakeKraken  # noqa: E402

MARKETS = ["BTC/USD", "ETH/USD", "SOL/USD", "LTC/USD", "XRP/USD", "ADA/USD", "DOT/USD", "LINK/USD", "AVAX/USD",
           "BTC/EUR"]


class OutOfProcessFake:
    """The fake Kraken in a child process, so its CPU does not compete with the client for the GIL."""

    def __init__(self, latency: float = 0.0):
        self.latency = latency

    def __enter__(self) -> str:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "desktop"), str(ROOT)])}
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.fakes.fake_kraken", "--port", "0", "--latency",
                                      str(self.latency)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        return line.split("listening on ", 1)[1].split()[0]

    def __exit__(self, *exc: object) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(10)


async def _concurrency(url: str, since: datetime | None) -> dict[str, float]:
    feed = CcxtFeed("kraken", api_url=url, enable_rate_limit=False, timeout_ms=10_000)
    try:
        await feed.markets()
        await asyncio.gather(*(feed.fetch_bars(m, Timeframe.D1, since) for m in MARKETS))  # warm the fake's series
        ones, together = [], []
        for _ in range(3):
            t = time.perf_counter()
            await feed.fetch_bars("BTC/USD", Timeframe.D1, since)
            ones.append(time.perf_counter() - t)
        t = time.perf_counter()
        for m in MARKETS:
            await feed.fetch_bars(m, Timeframe.D1, since)
        sequential = time.perf_counter() - t
        for _ in range(3):
            t = time.perf_counter()
            results = await asyncio.gather(*(feed.fetch_bars(m, Timeframe.D1, since) for m in MARKETS))
            together.append(time.perf_counter() - t)
        return {"one": sorted(ones)[1], "sequential": sequential, "concurrent": sorted(together)[1],
                "bars": sum(len(r) for r in results) / len(results)}
    finally:
        await feed.close()


async def _page_cpu(url: str, repeat: int = 20) -> dict[str, float]:
    """CPU time per 720-bar page, in ms: ccxt's parsing, ours, and the fake's answer (formatted vs cached)."""
    import json

    feed = CcxtFeed("kraken", api_url=url, enable_rate_limit=False, timeout_ms=10_000)
    try:
        await feed.markets()
        exchange = feed._exchange
        market = exchange.market("BTC/USD")
        raw = (await exchange.publicGetOHLC({"pair": market["id"], "interval": 1440}))["result"][market["id"]]
        t = time.perf_counter()
        for _ in range(repeat):
            rows = exchange.parse_ohlcvs(raw, market, "1d", None, None)
        ccxt_ms = (time.perf_counter() - t) / repeat * 1000
        t = time.perf_counter()
        for _ in range(repeat):
            feed._collect_bars("BTC", rows, Timeframe.D1, None, None, {})
        ours_ms = (time.perf_counter() - t) / repeat * 1000
    finally:
        await feed.close()
    fake = FakeKraken()
    params = {"pair": "XXBTZUSD", "interval": "1440"}
    fake.respond("OHLC", params)
    t = time.perf_counter()
    for _ in range(repeat):
        json.dumps(fake.respond("OHLC", params, lambda p: p)[1])      # an identity "fault": formatted afresh
    fresh_ms = (time.perf_counter() - t) / repeat * 1000
    t = time.perf_counter()
    for _ in range(repeat):
        json.dumps(fake.respond("OHLC", params)[1])
    cached_ms = (time.perf_counter() - t) / repeat * 1000
    return {"ccxt": ccxt_ms, "ours": ours_ms, "fake_fresh": fresh_ms, "fake_cached": cached_ms, "rows": len(rows)}


async def _limiter(server: FakeKraken, n: int) -> tuple[float, float, float]:
    feed = CcxtFeed("kraken", api_url=server.url, timeout_ms=10_000)       # limiter on, declared limit
    try:
        await feed.markets()
        server.clear_log()
        t = time.perf_counter()
        await asyncio.gather(*(feed.fetch_bars(m, Timeframe.D1) for m in MARKETS[:n]))
        wall = time.perf_counter() - t
        times = [r.t for r in server.requests()]
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        return feed.rate_limit_ms / 1000, min(gaps), wall
    finally:
        await feed.close()


def _qt_stall(url: str, data_dir: Path) -> tuple[float, int, float]:
    """One refresh (markets, tickers, a 400-bar backfill of 3 held assets) through the GUI's bridge against the
    fake at ``url`` (started with 2 s latency), while a 5 ms QTimer ticks: (longest gap, ticks, refresh time).
    The cycle is the app's: the Monitor, its risk report computed in a worker process (``launcher.launch``)."""
    from decimal import Decimal

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from riskwatch import app as rwapp
    from riskwatch.adapters.loop_thread import LoopThread
    from riskwatch.adapters.sqlite_store import SqliteStore
    from riskwatch.domain.model import Position
    from riskwatch.gui.monitor_bridge import MonitorBridge
    from riskwatch.services.market_data import MarketDataService
    from riskwatch.services.monitor import Monitor

    class Clock:
        def now(self):
            return datetime.now(UTC)

    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    loop = LoopThread().start()
    store = SqliteStore(data_dir / "bench.sqlite3")
    for symbol in ("BTC", "ETH", "SOL"):
        store.add_position(Position(Asset(symbol, AssetKind.CRYPTO), Decimal(1), Decimal(100)))
    feed = CcxtFeed("kraken", api_url=url, rate_limit_ms=1, timeout_ms=10_000)
    service = MarketDataService(store, feed, None, Clock())
    loop.add_closer(service.close)
    computer = rwapp.build_report_computer()
    if computer is not None:
        loop.add_closer(computer.aclose)
    monitor = Monitor(store, None, Clock(), service, fallback_closes=rwapp.bundled_closes, report_computer=computer)
    bridge = MonitorBridge(loop, monitor, interval_s=3600)
    wait = QEventLoop()
    bridge.cycle_finished.connect(lambda _r: wait.quit())
    bridge.cycle_failed.connect(lambda text: (print("cycle failed:", text, file=sys.stderr), wait.quit()))
    try:                                          # fresh data dir: markets, tickers and backfill all at 2 s each
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        t = time.perf_counter()
        bridge.refresh()
        wait.exec()
        elapsed = time.perf_counter() - t
        timer.stop()
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        return max(gaps), len(ticks), elapsed
    finally:
        bridge.stop()
        loop.stop()
        store.close()
        del app


def _first_cycle_in_fresh_interpreter(url: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run([sys.executable, __file__, "--first-cycle", url], capture_output=True, text=True, env=env,
                         timeout=300)
    return out.stdout.strip() or out.stderr.strip()[-500:]


def main() -> int:
    import tempfile

    if "--first-cycle" in sys.argv:
        assert "ccxt" not in sys.modules
        with tempfile.TemporaryDirectory() as d:
            longest, n, elapsed = _qt_stall(sys.argv[sys.argv.index("--first-cycle") + 1], Path(d))
        print(f"{longest * 1000:.1f} {n} {elapsed * 1000:.1f}")
        return 0

    print("1) OHLCV for 10 markets, 100 ms injected latency, rate limiter relaxed (fake in a child process)")
    with OutOfProcessFake(latency=0.1) as url:
        runs = {"incremental (since 30 days ago)": asyncio.run(_concurrency(url, datetime.now(UTC) - timedelta(days=30))),
                "full page (720 daily bars)": asyncio.run(_concurrency(url, None))}
    for label, c in runs.items():
        print(f"   {label}: {c['bars']:.0f} bars per request")
        print(f"     one request    {c['one'] * 1000:8.1f} ms")
        print(f"     10 sequential  {c['sequential'] * 1000:8.1f} ms   ({c['sequential'] / c['one']:.1f} x one request)")
        print(f"     10 concurrent  {c['concurrent'] * 1000:8.1f} ms   ({c['concurrent'] / c['one']:.2f} x one request;"
              f" target <= 2)")
    c = runs["incremental (since 30 days ago)"]
    with OutOfProcessFake() as url:
        cpu = asyncio.run(_page_cpu(url))
    print(f"   CPU per {cpu['rows']}-bar page: ccxt parse_ohlcvs {cpu['ccxt']:.2f} ms, RiskWatch validation + Bars "
          f"{cpu['ours']:.2f} ms; the fake's answer {cpu['fake_cached']:.2f} ms ({cpu['fake_fresh']:.2f} ms when "
          f"formatted afresh, as before its row cache)")

    with FakeKraken() as server:
        declared, min_gap, wall = asyncio.run(_limiter(server, 4))
    print("2) rate limiter on (ccxt, Kraken's declared limit)")
    print(f"   declared spacing {declared * 1000:8.1f} ms")
    print(f"   smallest gap     {min_gap * 1000:8.1f} ms   ({min_gap / declared:.3f} x declared; target >= 1)")
    print(f"   4 requests took  {wall * 1000:8.1f} ms")

    print("3) Qt event loop during a refresh against a 2 s latency exchange (fresh data dir; fake in a child process)")
    with OutOfProcessFake(latency=2.0) as url:
        with tempfile.TemporaryDirectory() as d:
            longest, n, elapsed = _qt_stall(url, Path(d))
        print(f"   refresh took     {elapsed * 1000:8.1f} ms, {n} ticks of a 5 ms timer")
        print(f"   longest gap      {longest * 1000:8.1f} ms   (target <= 50 ms)")
        first = _first_cycle_in_fresh_interpreter(url).split()
    try:
        first_gap = float(first[0]) / 1000
        print(f"   same, fresh interpreter (first cycle imports ccxt): longest gap {first_gap * 1000:.1f} ms, "
              f"refresh took {float(first[2]):.1f} ms")
    except (IndexError, ValueError):
        first_gap = None
        print("   fresh-interpreter probe failed:", " ".join(first))
    full = runs["full page (720 daily bars)"]
    checks = {
        "concurrent <= 2x one (incremental)": c["concurrent"] <= 2 * c["one"],
        "concurrent <= 2x one (720-bar pages)": full["concurrent"] <= 2 * full["one"],
        "limiter spacing >= declared": min_gap >= 0.95 * declared,
        "GUI gap <= 50 ms (ccxt loaded)": longest <= 0.05,
        "GUI gap <= 50 ms (first cycle, fresh interpreter)": first_gap is not None and first_gap <= 0.05,
    }
    for name, passed in checks.items():
        print(f"   {'ok  ' if passed else 'MISS'} {name}")
    ok = all(checks.values())
    print("RESULT:", "OK" if ok else "OUTSIDE TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
