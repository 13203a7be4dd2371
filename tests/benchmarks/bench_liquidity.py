"""Benchmark: order-book metrics for a 1,000-level book per side (target ≤ 1 ms).

Not collected by pytest. Run::

    python tests/benchmarks/bench_liquidity.py [--levels 1000] [--repeat 7]

Measures, on the same synthetic book and in the same run:

* ``riskwatch.domain.liquidity`` end to end from ccxt-shaped level lists: validation (OrderBook), spread,
  ±1 %/±2 % depth per side, imbalance, exit slippage for a quantity, slippage for a notional, and the
  quantity sellable at ≤ 1 % slippage;
* the same figures from a naive pure-Python loop over the levels (validation included);

and prints both timings and their ratio. The median of ``--repeat`` timing rounds is reported.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

try:
    import riskwatch  # noqa: F401
except ImportError:  # run from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

from riskwatch.domain.liquidity import (
    OrderBook,
    book_signals,
    max_quantity_within,
    notional_slippage,
    sell_slippage,
)

TARGET_MS = 1.0


def make_levels(n: int, seed: int = 7) -> tuple[list[list[float]], list[list[float]]]:
    rng = random.Random(seed)
    mid = 60_000.0
    bids, asks = [], []
    pb, pa = mid * (1 - 0.00005), mid * (1 + 0.00005)
    for _ in range(n):
        bids.append([round(pb, 2), round(0.01 + rng.random() * 0.5, 6)])
        asks.append([round(pa, 2), round(0.01 + rng.random() * 0.5, 6)])
        pb -= 0.5 + rng.random() * 4
        pa += 0.5 + rng.random() * 4
    return bids, asks


def vectorised(bids, asks, quantity, notional):
    book = OrderBook(bids, asks, symbol="BTC/USD")
    sig = book_signals(book)
    exit_fill = sell_slippage(book, quantity)
    spend = notional_slippage(book, notional, "sell")
    q1 = max_quantity_within(book, 0.01)
    return (sig.spread_bps, sig.depth_1pct_bid, sig.depth_1pct_ask, sig.depth_2pct_bid, sig.depth_2pct_ask,
            sig.imbalance, exit_fill.slippage, exit_fill.remaining, spend.slippage, q1)


def naive(bids, asks, quantity, notional):
    """The obvious loops over the levels, validation included."""
    for side, levels, descending in (("bid", bids, True), ("ask", asks, False)):
        if not levels:
            raise ValueError(f"{side} side is empty")
        prev = None
        for price, size in levels:
            if not (math.isfinite(price) and math.isfinite(size)) or price <= 0 or size <= 0:
                raise ValueError(f"bad {side} level")
            if prev is not None and (price > prev if descending else price < prev):
                raise ValueError(f"{side} levels unsorted")
            prev = price
    bid, ask = bids[0][0], asks[0][0]
    if bid >= ask:
        raise ValueError("crossed")
    mid = (bid + ask) / 2
    spread = (ask - bid) / mid * 1e4

    def side_depth(levels, lo, hi):
        total = 0.0
        for price, size in levels:
            if lo <= price <= hi:
                total += price * size
        return total

    b1 = side_depth(bids, mid * 0.99, mid)
    a1 = side_depth(asks, mid, mid * 1.01)
    b2 = side_depth(bids, mid * 0.98, mid)
    a2 = side_depth(asks, mid, mid * 1.02)
    imb = (b1 - a1) / (b1 + a1) if b1 + a1 > 0 else math.nan

    left, got = quantity, 0.0
    for price, size in bids:
        take = min(size, left)
        got += take * price
        left -= take
        if left <= 0:
            break
    filled = quantity - left
    exit_slip = 1 - got / filled / mid

    left_money, qty = notional, 0.0
    for price, size in bids:
        take = min(size * price, left_money)
        qty += take / price
        left_money -= take
        if left_money <= 0:
            break
    spend_slip = 1 - (notional - left_money) / qty / mid

    target = mid * 0.99
    cq = cn = 0.0
    q1 = 0.0
    for price, size in bids:
        if (cn + price * size) / (cq + size) < target:
            q1 = cq + max(0.0, (cn - target * cq) / (target - price))
            break
        cq += size
        cn += price * size
        q1 = cq
    return spread, b1, a1, b2, a2, imb, exit_slip, max(left, 0.0), spend_slip, q1


def per_call_ms(fn, args, repeat: int) -> float:
    # calibrate the loop count so one round takes about 0.2 s
    loops, elapsed = 1, 0.0
    while True:
        t = time.perf_counter()
        for _ in range(loops):
            fn(*args)
        elapsed = time.perf_counter() - t
        if elapsed > 0.2 or loops >= 1 << 20:
            break
        loops *= 2
    rounds = []
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(loops):
            fn(*args)
        rounds.append((time.perf_counter() - t) / loops)
    return statistics.median(rounds) * 1e3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    bids, asks = make_levels(args.levels)
    visible = sum(s for _, s in bids)
    quantity = visible * 0.6                      # an exit that walks most of the book
    notional = 0.3 * sum(p * s for p, s in bids)
    fast = vectorised(bids, asks, quantity, notional)
    slow = naive(bids, asks, quantity, notional)
    for a, b in zip(fast, slow):
        if not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9):
            print(f"MISMATCH: vectorised {fast} vs naive {slow}", file=sys.stderr)
            return 1

    t_fast = per_call_ms(vectorised, (bids, asks, quantity, notional), args.repeat)
    t_naive = per_call_ms(naive, (bids, asks, quantity, notional), args.repeat)
    bid_arr, ask_arr = np.array(bids), np.array(asks)
    t_arrays = per_call_ms(vectorised, (bid_arr, ask_arr, quantity, notional), args.repeat)
    book = OrderBook(bids, asks)
    t_build = per_call_ms(lambda: OrderBook(bids, asks), (), args.repeat)
    t_metrics = per_call_ms(lambda: (book_signals(book), sell_slippage(book, quantity),
                                     notional_slippage(book, notional), max_quantity_within(book, 0.01)),
                            (), args.repeat)

    print(f"order-book metrics, {args.levels} levels per side (median of {args.repeat} rounds)")
    rows = [("riskwatch.domain.liquidity (validate + all metrics)", t_fast, "ms per book"),
            ("  of which OrderBook construction/validation", t_build, "ms"),
            ("  the same from numpy (n, 2) arrays instead of lists", t_arrays, "ms"),
            ("  metrics on a built book (cached running sums)", t_metrics, "ms"),
            ("naive pure-Python loop over levels", t_naive, "ms per book")]
    for label, value, unit in rows:
        print(f"  {label:<54}{value:8.4f} {unit}")
    print(f"  {'ratio naive / vectorised':<54}{t_naive / t_fast:8.1f} x")
    verdict = "OK" if t_fast <= TARGET_MS else "ABOVE TARGET"
    print(f"  target <= {TARGET_MS:.1f} ms: {verdict}")
    return 0 if t_fast <= TARGET_MS else 2


if __name__ == "__main__":
    raise SystemExit(main())
