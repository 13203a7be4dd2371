"""Benchmark: the basket's first-use backfill, 20 constituents × 3 years of daily bars, within a rate limit.

Not collected by pytest. Run::

    python tests/benchmarks/bench_basket_backfill.py [--rate-limit-ms 100] [--years 3]

``MarketDataService.sync_history`` with real ccxt (its limiter on, ``rateLimit`` set to ``--rate-limit-ms``)
against the loopback fake Kraken, which refuses a second request within the same ``--rate-limit-ms`` sliding
window; a real SQLite store in a temporary directory. Printed: OHLC requests made against the minimum the
store's gaps need (Σ ceil(missing / 720)), refused requests, the smallest gap between two arrivals, and the
elapsed time against the time the rate limit alone forces (Σ cost × rateLimit over the requests made: Kraken's
OHLC costs 1.2, the markets calls 1), with their ratio. Then the same for a second run right after (one
service, symbols checked just now) and after a restart (a new service: the last, partial bar of each symbol).

The fake runs in this process (its request log is read), so its threads compete with the client for the GIL.
Nothing is asserted: the figures are measured in this run.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for p in (ROOT / "desktop", ROOT):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from riskwatch.adapters.ccxt_feed import CcxtFeed  # noqa: E402
from riskwatch.adapters.clock import SystemClock  # noqa: E402
from riskwatch.adapters.sqlite_store import SqliteStore  # noqa: E402
from riskwatch.domain.model import Asset, AssetKind  # noqa: E402
from riskwatch.services.market_data import MarketDataConfig, MarketDataService  # noqa: E402
from tests.fakes.fake_kraken import FakeKraken  # noqa: E402

BASKET = ["BTC", "XRP", "ETH", "SOL", "ADA", "LINK", "XLM", "AVAX", "SUI", "LTC",
          "HBAR", "BCH", "UNI", "APT", "NEAR", "DOT", "ICP", "AAVE", "FIL", "POL"]
COST = {"OHLC": 1.2}   # ccxt's Kraken costs (rateLimit units per request); every other endpoint used costs 1


def _line(name: str, report, log: list, rate_limit_s: float, elapsed: float) -> str:
    forced = sum(COST.get(r.endpoint, 1.0) for r in log) * rate_limit_s
    ohlc = [r for r in log if r.endpoint == "OHLC"]
    refused = sum(1 for r in log if r.fault == "rate_limit")
    gaps = [b.t - a.t for a, b in zip(log, log[1:], strict=False)]
    gap = f"{min(gaps) * 1000:6.1f} ms" if gaps else "     -   "
    ratio = f"{elapsed / forced:5.2f}" if forced else "    -"
    return (f"{name:<22} OHLC requests {len(ohlc):4d} (counted {report.requests}, minimum {report.min_requests:3d})"
            f"  other {len(log) - len(ohlc):2d}  refused {refused}  min gap {gap}  elapsed {elapsed:6.2f} s"
            f"  forced {forced:6.2f} s  ratio {ratio}  failed {report.failed or '-'}")


async def _bench(server: FakeKraken, store: SqliteStore, rate_limit_ms: float, bars: int) -> list[str]:
    clock = SystemClock()
    feed = CcxtFeed("kraken", api_url=server.url, rate_limit_ms=rate_limit_ms, timeout_ms=10_000, clock=clock)
    assets = [Asset(s, AssetKind.CRYPTO) for s in BASKET]
    service = MarketDataService(store, feed, None, clock, MarketDataConfig())
    lines = []
    try:
        for name, svc in (("first use", service), ("again, right after", service),
                          ("after a restart", MarketDataService(store, feed, None, clock, MarketDataConfig()))):
            server.clear_log()
            t = time.perf_counter()
            report = await svc.sync_history(assets, bars=bars)
            elapsed = time.perf_counter() - t
            lines.append(_line(name, report, server.requests(), rate_limit_ms / 1000, elapsed))
    finally:
        await feed.close()
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate-limit-ms", type=float, default=100.0)
    parser.add_argument("--years", type=float, default=3.0)
    args = parser.parse_args(argv)
    bars = round(args.years * 365.25)
    with tempfile.TemporaryDirectory() as tmp, FakeKraken(daily_bars=bars + 400) as server:
        server.rate_limit = (1, args.rate_limit_ms / 1000)
        store = SqliteStore.in_dir(tmp)
        try:
            lines = asyncio.run(_bench(server, store, args.rate_limit_ms, bars))
        finally:
            store.close()
    print(f"{len(BASKET)} symbols x {bars} daily bars, ccxt rateLimit {args.rate_limit_ms:g} ms, the fake refusing "
          f"a 2nd request within {args.rate_limit_ms:g} ms")
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
