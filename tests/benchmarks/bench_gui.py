"""GUI responsiveness and soak against the loopback Kraken fake, with the main window open (offscreen).

    python tests/benchmarks/bench_gui.py [--cycles 5000] [--positions 50] [--inprocess]

1. Refresh of a portfolio of ``--positions`` positions (crypto through ccxt from the fake, stocks from stored
   history): the longest gap between ticks of a 5 ms Qt timer while cycles run (target: never > 50 ms). The
   peer is the same timer with no refresh running (what the machine's scheduler alone costs).
2. Soak: ``--cycles`` refresh cycles back to back; resident memory, threads and open file descriptors after a
   warm-up of 50 cycles and at the end (targets: memory growth ≤ 20 MB, no growth in threads or fds).
The exchange's rate limiter is relaxed (1 ms) so cycles run back to back; everything else is the app's.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT)]


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def threads() -> int:
    return len(os.listdir("/proc/self/task"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cycles", type=int, default=5000)
    ap.add_argument("--positions", type=int, default=50)
    ap.add_argument("--gap-cycles", type=int, default=30)
    ap.add_argument("--inprocess", action="store_true",
                    help="compute the risk report on the loop thread (the app's fallback) instead of the worker")
    a = ap.parse_args()

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    from riskwatch import app as rwapp
    from riskwatch.adapters.bundle import load_bundled_closes
    from riskwatch.adapters.ccxt_feed import CcxtFeed
    from riskwatch.adapters.clock import SystemClock
    from riskwatch.adapters.equity_feed import CsvEquityFeed
    from riskwatch.adapters.loop_thread import LoopThread
    from riskwatch.domain.model import Asset, AssetKind, Bar, Position
    from riskwatch.gui.monitor_bridge import MonitorBridge
    from riskwatch.services.market_data import MarketDataConfig, MarketDataService
    from riskwatch.services.monitor import Monitor
    from tests.fakes.fake_kraken import FakeKraken

    data = Path(tempfile.mkdtemp(prefix="rw-bench-gui-"))
    store = rwapp.open_store(data_dir=data)
    symbols = [("BTC", AssetKind.CRYPTO), ("ETH", AssetKind.CRYPTO)] + [
        (s, AssetKind.EQUITY) for s in ("IREN", "WULF", "CORZ", "CLSK", "MARA", "RIOT", "HUT", "CIFR")]
    positions = []
    for i in range(a.positions):
        sym, kind = symbols[i % len(symbols)]
        positions.append(Position(Asset(sym, kind), Decimal(1 + i), Decimal(10), f"Konto {i // len(symbols)}"))
    store.add_positions(positions)
    for sym, kind in symbols:  # stocks: stored history is their price source (no Yahoo request)
        if kind is AssetKind.EQUITY:
            closes = load_bundled_closes(sym)
            store.upsert_bars([Bar(sym, ts.to_pydatetime(), float(c), source="import")
                               for ts, c in closes.items()])
    clock = SystemClock()
    _repo, alerts = rwapp.open_alerts(store, clock)
    with FakeKraken() as fake:
        crypto = CcxtFeed("kraken", api_url=fake.url, rate_limit_ms=1)
        market = MarketDataService(store, crypto, CsvEquityFeed(store, clock=clock), clock,
                                   MarketDataConfig(refresh_interval=__import__("datetime").timedelta(seconds=15)))
        computer = None if a.inprocess else rwapp.build_report_computer()
        monitor = Monitor(store, alerts, clock, market, fallback_closes=rwapp.bundled_closes,
                          report_computer=computer)
        worker = computer.pid() if computer is not None else None
        where = f"in a worker process (pid {worker})" if worker else "on the loop thread"
        print(f"risk report computed {where}")
        loop = LoopThread().start()
        loop.add_closer(market.close)
        bridge = MonitorBridge(loop, monitor, interval_s=3600)
        window = rwapp.create_main_window(store, alerts=alerts, clock=clock, bridge=bridge, language="de")
        window.resize(1280, 720)
        window.show()
        from PySide6.QtCore import QEventLoop, Qt

        def run_cycles(n: int, measure_gaps: bool):
            """Run n cycles back to back inside a real Qt event loop; return the gaps between 5 ms ticks."""
            gaps: list[int] = []
            loop_ = QEventLoop()
            left = {"n": n}
            clock_ = QElapsedTimer()
            clock_.start()
            last = [clock_.elapsed()]

            def tick():
                now = clock_.elapsed()
                gaps.append(now - last[0])
                last[0] = now

            timer = QTimer()
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.setInterval(5)
            if measure_gaps:
                timer.timeout.connect(tick)
                timer.start()

            def next_cycle(*_):
                if left["n"] <= 0:
                    loop_.quit()
                    return
                left["n"] -= 1
                QTimer.singleShot(0, bridge.refresh)

            bridge.cycle_finished.connect(next_cycle)
            bridge.cycle_failed.connect(next_cycle)
            next_cycle()
            loop_.exec()
            bridge.cycle_finished.disconnect(next_cycle)
            bridge.cycle_failed.disconnect(next_cycle)
            timer.stop()
            return gaps

        # warm-up: first cycle backfills history and imports ccxt
        run_cycles(3, False)
        idle = []
        t = QTimer()
        t.setTimerType(Qt.TimerType.PreciseTimer)
        t.setInterval(5)
        et = QElapsedTimer()
        et.start()
        last = [et.elapsed()]

        def idle_tick():
            now = et.elapsed()
            idle.append(now - last[0])
            last[0] = now

        t.timeout.connect(idle_tick)
        t.start()
        idle_loop = QEventLoop()
        QTimer.singleShot(2000, idle_loop.quit)
        idle_loop.exec()
        t.stop()
        t0 = time.monotonic()
        gaps = run_cycles(a.gap_cycles, True)
        per_cycle = (time.monotonic() - t0) / a.gap_cycles
        gaps.sort()
        print(f"1) refresh of {a.positions} positions, {a.gap_cycles} cycles ({per_cycle * 1000:.0f} ms per cycle)")
        print(f"   longest event-loop gap {max(gaps)} ms, p99 {gaps[int(len(gaps) * 0.99) - 1]} ms "
              f"(target <= 50 ms) -> {'OK' if max(gaps) <= 50 else 'MISS'}")
        print(f"   peer: idle 5 ms timer, longest gap {max(idle)} ms")

        run_cycles(50, False)
        m0, th0, fd0 = rss_mb(), threads(), fds()
        t0 = time.monotonic()
        run_cycles(a.cycles, False)
        elapsed = time.monotonic() - t0
        m1, th1, fd1 = rss_mb(), threads(), fds()
        print(f"2) soak: {a.cycles} cycles in {elapsed:.0f} s ({elapsed / a.cycles * 1000:.0f} ms per cycle), "
              f"window open")
        print(f"   memory {m0:.1f} MB -> {m1:.1f} MB (growth {m1 - m0:+.1f} MB, target <= 20) -> "
              f"{'OK' if m1 - m0 <= 20 else 'MISS'}")
        print(f"   threads {th0} -> {th1}, open fds {fd0} -> {fd1} -> "
              f"{'OK' if th1 <= th0 and fd1 <= fd0 else 'MISS'}")
        print(f"   skipped timer ticks {bridge.skipped_ticks}, fake requests {len(fake.requests())}")
        if worker:
            print(f"   worker process memory {rss_mb(worker):.1f} MB (reports computed there: "
                  f"{computer.remote_reports}, in-process fallbacks: {computer.local_reports})")
        window.close()
        bridge.stop()
        loop.stop()
        if computer is not None:
            computer.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
