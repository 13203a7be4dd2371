"""Benchmark of the risk engine against empyrical-reloaded, measured in the same run (not collected by pytest).

    python tests/benchmarks/bench_metrics.py [--quick]

Prints best-of-N wall times and ratios; targets from the issue are shown next to each figure, with a PASS/MISS
line per target and a summary at the end. Ratios are measured in the same run with the two sides alternating, so
a load change on the machine hits both alike; absolute times (the full metric set) depend on the load. Synthetic data:
a 50-asset × 87,600-hour (10 years) random-walk panel, BTC = column 0, QQQ = a separate series on US trading
hours only. empyrical gets precomputed returns (its input convention); the engine gets prices.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
for p in (ROOT / "desktop", ROOT):  # the panel engine is benchmark code: tests.benchmarks.panel_engine
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from riskwatch.domain import metrics as m  # noqa: E402
from riskwatch.domain.streaming import StreamingRisk  # noqa: E402
from tests.benchmarks.panel_engine import panel_risk_arrays  # noqa: E402
from tests.benchmarks.timing import best, pair  # noqa: E402

try:
    import empyrical as ep
    from empyrical.stats import drawdown_series as ep_drawdown_series
except ImportError:  # pragma: no cover - the test extra is missing
    ep = None

HOUR = 3_600_000_000_000






def ms(seconds: float) -> str:
    return f"{seconds * 1e3:9.1f} ms"


RESULTS: list[tuple[str, bool, str]] = []


def verdict(name: str, ok: bool, detail: str) -> None:
    """One PASS/MISS line against a target of the issue, remembered for the summary at the end."""
    RESULTS.append((name, ok, detail))
    print(f"  {'PASS' if ok else 'MISS'}  {name}: {detail}")


def line(name: str, ours: float, peer: float | None = None, target: str = "") -> None:
    ratio = f"   {peer / ours:7.1f}x faster than empyrical ({ms(peer).strip()})" if peer else ""
    print(f"  {name:<44}{ms(ours)}{ratio}{'   target ' + target if target else ''}")


def shared(name: str, times: tuple[float, float], at_least: float) -> None:
    """A metric shared with empyrical: the time, the ratio, and PASS/MISS against ``at_least``× faster."""
    ours, peer = times
    line(name, ours, peer, f">= {at_least:g}x")
    verdict(name, peer / ours >= at_least, f"{peer / ours:.1f}x faster than empyrical (target >= {at_least:g}x)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    args = ap.parse_args()
    rep = 2 if args.quick else 5
    print(f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
          f"empyrical {getattr(ep, '__version__', 'absent')}, {os.cpu_count()} CPUs, best of {rep}")

    rng = np.random.default_rng(0)
    T, A = 87_600, 50
    t = 1_600_000_000 * 10**9 + np.arange(T, dtype=np.int64) * HOUR
    P = 100 * np.exp(np.cumsum(rng.normal(0, 0.01, (T, A)), axis=0))
    qqq = 300 * np.exp(np.cumsum(rng.normal(0, 0.003, T)))
    hour, dow = (t // HOUR) % 24, (t // (24 * HOUR) + 4) % 7  # 1970-01-01 was a Thursday
    qqq[(hour < 14) | (hour > 20) | (dow >= 5)] = np.nan
    bench = np.column_stack([P[:, 0], qqq])
    R = P[1:] / P[:-1] - 1.0
    b = R[:, 0].copy()

    print(f"\nPanel {A} assets x {T:,} hours")
    t0 = time.perf_counter()
    panel_risk_arrays(P, t, 8760.0, bench)
    cold = time.perf_counter() - t0
    full = best(lambda: panel_risk_arrays(P, t, 8760.0, bench), rep)
    line("full metric set (first call, cold memory)", cold)
    line("full metric set", full, target="<= 500 ms")
    verdict("full metric set", full <= 0.5, f"{full * 1e3:.1f} ms (target <= 500 ms)")
    line("  + rolling 90D beta/corr histories", best(
        lambda: panel_risk_arrays(P, t, 8760.0, bench, rolling_series=True), max(1, rep // 2)))
    line("drawdown family only (dd, drop, window mdd, mdd)", best(lambda: m.window_family(
        P, t, "30D", drawdown=True, drop=True, window_mdd=True, max_dd=True, worst_drop=True), rep))

    if ep is not None:
        print("\nShared metrics on the same panel (target: >= 2x)")
        shared("max drawdown", pair(lambda: m.max_drawdown_array(P), lambda: ep.max_drawdown(R), rep), 2)
        shared("drawdown series", pair(lambda: m.drawdown_array(P), lambda: ep_drawdown_series(R), rep), 2)
        shared("volatility (annualisation 8760)", pair(lambda: m.annualized_volatility(R, 8760),
                                                       lambda: ep.annual_volatility(R, annualization=8760), rep), 2)
        shared("historical VaR 95 %", pair(lambda: m.value_at_risk(R, 0.95),
                                           lambda: [ep.value_at_risk(R[:, a], 0.05) for a in range(A)], rep), 2)
        shared("expected shortfall 95 %", pair(lambda: m.expected_shortfall(R, 0.95), lambda: [
            ep.conditional_value_at_risk(R[:, a], 0.05) for a in range(A)], rep), 2)
        shared("beta to BTC", pair(lambda: m.beta_corr_array(R, b), lambda: ep.beta(R, b), rep), 2)
        assert np.allclose(m.max_drawdown_array(P).value, ep.max_drawdown(R), atol=1e-9)
        assert np.allclose(m.annualized_volatility(R, 8760), ep.annual_volatility(R, annualization=8760), rtol=1e-9)
        assert np.allclose(m.beta_corr_array(R, b)[0], ep.beta(R, b), atol=1e-9)

        n, w = 8_760, 720  # empyrical's rolling functions are O(n*w) in time and memory: one asset, one year
        x1, t1, r1 = P[:n, 3], t[:n], R[:n - 1, 3]
        print(f"\nRolling, one asset x {n:,} hours, 30-day window (target: >= 10x on rolling max drawdown)")
        shared("rolling max drawdown", pair(lambda: m.max_drawdown_in_window_array(x1, t1, "30D"),
                                            lambda: ep.roll_max_drawdown(r1, w - 1), max(2, rep // 2)), 10)
        assert np.allclose(m.max_drawdown_in_window_array(x1, t1, "30D")[w - 1:], ep.roll_max_drawdown(r1, w - 1),
                           atol=1e-9)
        line("rolling beta (+ correlation)", *pair(lambda: m.rolling_beta_corr_array(r1, R[:n - 1, 0], t1[1:], "30D"),
                                                   lambda: ep.roll_beta(r1, R[:n - 1, 0], w), max(2, rep // 2)))
        print("  full panel, 30-day window max drawdown        "
              f"{ms(best(lambda: m.max_drawdown_in_window_array(P, t, '30D'), rep)).strip()}")

    print("\nSingle series of 1,000,000 points (target: max drawdown within 3x of one np.maximum.accumulate)")
    x = 100 * np.exp(np.cumsum(rng.normal(0, 0.001, 1_000_000)))
    acc = best(lambda: np.maximum.accumulate(x), 10)
    mdd = best(lambda: m.max_drawdown_array(x), 10)
    idx = pd.DatetimeIndex((t[0] + np.arange(len(x), dtype=np.int64) * 60 * 10**9).view("datetime64[ns]"), tz="UTC")
    s = pd.Series(x, index=idx)
    mdd_s = best(lambda: m.max_drawdown(s), 10)
    print(f"  np.maximum.accumulate                       {ms(acc)}")
    print(f"  max_drawdown_array                          {ms(mdd)}   {mdd / acc:5.2f}x the accumulate pass")
    print(f"  max_drawdown (Series, incl. validation)     {ms(mdd_s)}   {mdd_s / acc:5.2f}x the accumulate pass")
    verdict("1M-point max drawdown", mdd <= 3 * acc, f"{mdd / acc:.2f}x one np.maximum.accumulate (target <= 3x)")

    print("\nStreaming update (target: <= 10 us per asset per tick)")
    hist = pd.Series(P[:-2000, 1], index=pd.DatetimeIndex(t[:-2000].view("datetime64[ns]"), tz="UTC"))
    t0 = time.perf_counter()
    states = [StreamingRisk.from_history(hist.copy() * (1 + a / 100), "30D") for a in range(A)]
    load = time.perf_counter() - t0
    ticks = [(int(ts), P[i, :].tolist()) for i, ts in enumerate(t) if i >= T - 2000]
    t0 = time.perf_counter()
    for ts, row in ticks:
        for st, p in zip(states, row):
            st.update(ts, p)
    per_tick = (time.perf_counter() - t0) / (len(ticks) * A)
    print(f"  from_history, {A} assets x {len(hist):,} hours        {ms(load)}")
    print(f"  update                                      {per_tick * 1e6:9.2f} us per asset per tick")
    verdict("streaming update", per_tick <= 10e-6, f"{per_tick * 1e6:.2f} us per asset per tick (target <= 10 us)")

    missed = [name for name, ok, _ in RESULTS if not ok]
    print(f"\n{len(RESULTS) - len(missed)} of {len(RESULTS)} targets met"
          + (f"; MISS: {', '.join(missed)}" if missed else "; all PASS"))
    if ep is None:
        print("empyrical-reloaded is not installed: the ratio targets were not measured (pip install -e '.[test]')")


if __name__ == "__main__":
    main()
