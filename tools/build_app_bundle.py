"""Build the PyInstaller one-folder app (dist/riskwatch/) from packaging/riskwatch.spec, then smoke-test it.

    python tools/build_app_bundle.py [--smoke-only] [--runs N] [--dist DIR] [--pyinstaller EXE]

Not to be confused with tools/build_bundle.py, which builds the bundled price history.

Run it with the Python of a venv of its own that has PyInstaller and the project's dependencies, so the
bundle never picks up the test tools of the project's .venv::

    python3 -m venv /tmp/pyi-venv && /tmp/pyi-venv/bin/pip install -e . pyinstaller
    /tmp/pyi-venv/bin/python tools/build_app_bundle.py

The smoke test runs the built executable only, never the checkout: ``--version``; ``check --offline --json``
on a temporary data directory holding the example portfolio; the desktop app offscreen for 5 s (its start-up
probe gives the time from launch to the painted window, RUNS times, median reported); and a live crypto
price from the loopback fake exchange (tests/fakes/fake_kraken.py), which proves ccxt's exchange modules are
in the bundle. Exit code 0 when every step passed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "riskwatch.spec"
GUI_SECONDS = 5
# Output that means a dynamically loaded module or the worker start is broken in the frozen build.
BAD_STDERR = ("Traceback", "ModuleNotFoundError", "worker unavailable", "usage: riskwatch")


class SmokeFailure(AssertionError):
    pass


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB"


def build(pyinstaller: str, dist: Path, work: Path) -> float:
    t0 = time.monotonic()
    subprocess.run([pyinstaller, "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
                    "--workpath", str(work), str(SPEC)], check=True)
    return time.monotonic() - t0


def smoke_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "RISKWATCH_", "VIRTUAL_ENV"))}
    # offscreen, and stock prices from stored history only: the smoke test never touches the internet
    env.update(QT_QPA_PLATFORM="offscreen", RISKWATCH_EQUITY_SOURCE="csv", LANG="C.UTF-8", **extra)
    return env


def run(exe: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120,
        codes: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
    r = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env or smoke_env(),
                       timeout=timeout, cwd=tempfile.gettempdir())
    bad = [s for s in BAD_STDERR if s in r.stderr]
    if r.returncode not in codes or bad:
        raise SmokeFailure(f"{' '.join(args)}: exit {r.returncode}, {bad}\n{r.stderr[-3000:]}")
    return r


def check_version(exe: Path) -> str:
    sys.path.insert(0, str(ROOT / "desktop"))
    from riskwatch import __version__

    out = run(exe, "--version").stdout.strip()
    if out != f"RiskWatch {__version__}":
        raise SmokeFailure(f"--version printed {out!r}")
    return out


def check_offline(exe: Path, data: Path) -> str:
    run(exe, "--data-dir", str(data), "positions", "import",
        str(ROOT / "resources" / "data" / "example_portfolio.csv"))
    # exit codes as Nagios plugins: 0-3 are verdicts on the portfolio; the bundled history makes them stale
    doc = json.loads(run(exe, "--data-dir", str(data), "check", "--offline", "--json", codes=(0, 1, 2, 3)).stdout)
    symbols = [a["symbol"] for a in doc["assets"]]
    priced = [a["symbol"] for a in doc["assets"] if a.get("price")]
    if "BTC" not in symbols or len(priced) < len(symbols):
        raise SmokeFailure(f"check --offline priced {priced} of {symbols}")
    return f"{doc['status']}, {len(priced)} assets priced from the bundled history"


def gui_start(exe: Path, data: Path, exchange_url: str) -> float:
    """Seconds from launch to the painted window; the app closes itself after GUI_SECONDS and must exit 0."""
    env = smoke_env(RISKWATCH_STARTUP_PROBE="1", RISKWATCH_EXIT_AFTER_MS=str(GUI_SECONDS * 1000))
    t0 = time.time()
    r = run(exe, "--data-dir", str(data), "--exchange-api-url", exchange_url, env=env, timeout=GUI_SECONDS + 60)
    stamps = {p[0]: float(p[1]) - t0 for p in (line.split() for line in r.stdout.splitlines())
              if len(p) == 3 and p[0] in ("painted", "figures")}
    if "painted" not in stamps:
        raise SmokeFailure(f"the window was never painted:\n{r.stdout[-2000:]}")
    return stamps["painted"]


def check_crypto_price(exe: Path, data: Path, exchange_url: str) -> str:
    data.mkdir(parents=True, exist_ok=True)
    positions = data / "btc.csv"
    positions.write_text("symbol,kind,quantity\nBTC,crypto,1\n", encoding="utf-8")
    run(exe, "--data-dir", str(data), "positions", "import", str(positions))
    # a fresh data directory backfills years of daily bars first: more than the default 5 s
    r = run(exe, "--data-dir", str(data), "--exchange-api-url", exchange_url, "check", "--json", "--timeout", "90",
            codes=(0, 1, 2, 3), timeout=180)
    [btc] = json.loads(r.stdout)["assets"]
    if not (btc["price_source"].startswith("kraken") and btc["price_state"] == "ok" and btc["price"] > 0):
        raise SmokeFailure(f"no live crypto price from the loopback exchange: {btc}")
    return f"BTC {btc['price']:.2f} from {btc['price_source']}"


def smoke(exe: Path, runs: int) -> dict[str, object]:
    sys.path.insert(0, str(ROOT))
    from tests.fakes.fake_kraken import FakeKraken

    results: dict[str, object] = {"version": check_version(exe)}
    with tempfile.TemporaryDirectory(prefix="riskwatch-bundle-smoke-") as tmp:
        results["check --offline"] = check_offline(exe, Path(tmp) / "offline")
        exchange = FakeKraken()
        exchange.start()
        try:
            results["crypto price"] = check_crypto_price(exe, Path(tmp) / "crypto", exchange.url)
            painted = []
            for i in range(runs):
                data = Path(tmp) / f"gui{i}"
                run(exe, "--data-dir", str(data), "positions", "import",
                    str(ROOT / "resources" / "data" / "example_portfolio.csv"))
                painted.append(gui_start(exe, data, exchange.url))
        finally:
            exchange.stop()
    results["painted window"] = (f"median {statistics.median(painted) * 1000:.0f} ms of {runs} cold starts "
                                 f"({', '.join(f'{p * 1000:.0f}' for p in painted)} ms), closed after {GUI_SECONDS} s")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument("--pyinstaller", default=str(Path(sys.executable).with_name("pyinstaller")),
                        help="the pyinstaller command (default: the one beside this Python)")
    parser.add_argument("--smoke-only", action="store_true", help="test the bundle already in --dist")
    parser.add_argument("--runs", type=int, default=3, help="cold starts of the GUI to time (default 3)")
    args = parser.parse_args(argv)
    if not args.smoke_only and not shutil.which(args.pyinstaller):
        parser.error(f"{args.pyinstaller} not found: install pyinstaller into a venv of its own (see --help)")
    if not args.smoke_only:
        print(f"built in {build(args.pyinstaller, args.dist, args.work):.0f} s")
    bundle = args.dist / "riskwatch"
    exe = bundle / ("riskwatch.exe" if os.name == "nt" else "riskwatch")
    print(f"bundle: {bundle}, {mib(folder_size(bundle))}")
    try:
        for step, result in smoke(exe, args.runs).items():
            print(f"ok  {step}: {result}")
    except SmokeFailure as exc:
        print(f"FAILED  {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
