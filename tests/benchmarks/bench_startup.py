"""Cold start to a painted window (target ≤ 1.5 s), with ccxt and yfinance imports deferred.

    python tests/benchmarks/bench_startup.py [RUNS]

Starts `python -m riskwatch` offscreen on a fresh data directory RUNS times (default 5) and prints the
time from launching the process to the first paint of the main window, and which heavy modules were
already imported at that moment. The peer measured in the same run is the bare interpreter start plus
`import PySide6.QtWidgets` (the floor any Qt app pays).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_once(env) -> tuple[float, str]:
    data = tempfile.mkdtemp(prefix="rw-bench-start-")
    t0 = time.time()
    p = subprocess.Popen([sys.executable, "-m", "riskwatch", "--data-dir", data, "--exchange-api-url",
                          "http://127.0.0.1:9"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True)
    line = p.stdout.readline()
    p.wait(timeout=60)
    stamp, heavy = line.split()[1], line.split()[2]
    return float(stamp) - t0, heavy


def floor_once(env) -> float:
    t0 = time.time()
    subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets as w; a = w.QApplication([]); "
                    "x = w.QMainWindow(); x.show(); a.processEvents()"], env=env, check=True,
                   stderr=subprocess.DEVNULL)
    return time.time() - t0


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RISKWATCH_STARTUP_PROBE="1",
               RISKWATCH_EXIT_AFTER_MS="200", RISKWATCH_EQUITY_SOURCE="csv",
               PYTHONPATH=str(ROOT / "desktop"))
    times, heavies = [], set()
    for _ in range(runs):
        t, heavy = run_once(env)
        times.append(t)
        heavies.add(heavy)
    floors = [floor_once(env) for _ in range(runs)]
    med, worst = statistics.median(times), max(times)
    print(f"cold start to painted window, {runs} runs: median {med * 1000:.0f} ms, max {worst * 1000:.0f} ms "
          f"(target <= 1500 ms) -> {'OK' if worst <= 1.5 else 'MISS'}")
    print(f"heavy modules imported at first paint: {', '.join(sorted(heavies))}")
    print(f"peer: interpreter + bare Qt window: median {statistics.median(floors) * 1000:.0f} ms; "
          f"RiskWatch / bare Qt = {med / statistics.median(floors):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
