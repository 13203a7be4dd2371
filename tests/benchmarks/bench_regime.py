"""Benchmark of the market panel's figures against a naive pandas loop computing the same (not collected by pytest).

    PYTHONPATH=desktop python tests/benchmarks/bench_regime.py [--quick]

The whole panel of one cycle on the bundled data, three years of daily closes up to 2025-11-21: the CD20 basket
(the factsheet's 20 constituents, of which the bundle has 18), the equal-weight basket of the nine listed miners,
BTC's and QQQ's own figures (the correlations among them) and the regime evaluation. Ours: ``basket_values`` (every
catalogue figure of the asset scope for each basket, each on the path bought at the start of its window), the
catalogue functions on BTC and QQQ, ``evaluate_regime``. The peer: per window a DataFrame of the members' closes,
forward-filled, the buy-and-hold basket rebuilt from the window's start, ``cummax``/``pct_change``/``corr`` —
for the figures the panel shows and the regime reads (returns, drops, correlations and betas, their rises); ours
computes more (VaR, ES, volatility, Sortino …), so the ratio is conservative. Both sides run alternately, warm
(the bundle read and the histories built once, outside the timing; nothing memoised carries from one run to the
next); the median of N runs is printed with PASS/MISS against the 50 ms target, and the max abs difference of
the figures both compute.
"""

from __future__ import annotations

import argparse
import math
import platform
import statistics
import time

import numpy as np
import pandas as pd

from riskwatch import app
from riskwatch.adapters.market_bundle import load_basket_factsheet
from riskwatch.domain.basket_report import basket_values
from riskwatch.domain.baskets import CD20, LISTED_MINERS, MAX_START_GAP_NS, MINER_BASKET, Basket
from riskwatch.domain.catalogue import Scope, computed
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.metric_inputs import BETA_MIN_RETURNS, History
from riskwatch.domain.model import AssetKind
from riskwatch.domain.regime import DEFAULT_INDICATORS, RegimeConfig, evaluate_regime
from riskwatch.domain.snapshot import MetricValue, metric_key

END = pd.Timestamp("2025-11-21", tz="UTC")
YEARS = 3
TARGET_S = 0.050
#: the figures the peer computes too (per basket; BTC and QQQ: the ones the regime reads)
SHARED = ("return:1D", "return:7D", "return:28D", "return:30D", "drop_from_high:30D", "max_drop:30D",
          "beta_btc:90D", "corr_btc:90D", "corr_btc:30D", "beta_qqq:90D", "corr_qqq:90D", "corr_qqq:30D",
          "corr_rise_btc", "corr_rise_qqq")
OWN = {"BTC": ("drop_from_high:30D", "return:30D", "corr_qqq:30D", "corr_qqq:90D"),
       "QQQ": ("drop_from_high:30D", "max_drop:30D", "return:30D", "corr_btc:30D")}
DAY = pd.Timedelta(days=1)


def load():
    """(baskets, closes {symbol: Series}) from the bundle, cut to ``YEARS`` years up to END."""
    as_of, rows = load_basket_factsheet()
    cd20 = Basket(CD20, tuple((t, w) for t, _n, w in rows), AssetKind.CRYPTO, as_of)
    miners = Basket(MINER_BASKET, tuple((s, 1.0) for s in LISTED_MINERS), AssetKind.EQUITY, origin="listed")
    closes = {}
    for sym in {*cd20.symbols, *miners.symbols, "BTC", "QQQ"}:
        c = app.bundled_closes(sym)
        if c is None:
            continue
        c = c.dropna()
        c = c[(c.index > END - pd.Timedelta(days=365 * YEARS)) & (c.index <= END)]
        if len(c):
            closes[sym] = c.astype(float)
    return (cd20, miners), closes


def _arrays(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    return s.index.as_unit("ns").asi8.astype(np.int64), s.to_numpy(dtype=float)


# -- ours ----------------------------------------------------------------------------------------------------
def ours(baskets, arrays) -> dict:
    def hist(sym, ppy=365.0, benchmarks=None):
        t, x = arrays[sym]
        return History(t, x, t, x, ppy, benchmarks or {})

    bench = {"BTC": hist("BTC"), "QQQ": hist("QQQ", 252.0)}
    histories = {s: hist(s) for b in baskets for s in b.symbols if s in arrays}
    values, _shown = basket_values(baskets, histories, {}, bench)
    out = {k: mv.value for k, mv in values.items()}
    for sym in ("BTC", "QQQ"):
        h = hist(sym, 365.0 if sym == "BTC" else 252.0, {"BTC": hist("BTC"), "QQQ": hist("QQQ", 252.0)})
        for sp in computed(Scope.ASSET):
            for w in sp.windows or (None,):
                v = float(sp.function(h, w))
                out[(sym, metric_key(sp.code, w))] = v if math.isfinite(v) else None
    regime = evaluate_regime({k: MetricValue(v, DataStatus.OK, END.to_pydatetime()) for k, v in out.items()},
                             RegimeConfig(min_available=1))
    out[("market", "regime_count")] = float(regime.count)
    return out


# -- the peer: the same figures, naively in pandas ----------------------------------------------------------
def _basket_since(frame: pd.DataFrame, observed: pd.DataFrame, weights: dict, start: pd.Timestamp) -> pd.Series:
    """The buy-and-hold basket bought at the last row at or before ``start``: a member counts when it has a price
    at most 7 days old there; weights renormalised over those."""
    before = frame.index[frame.index <= start]
    t0 = before[-1] if len(before) else frame.index[0]
    row, seen = frame.loc[t0], observed.loc[t0]
    ok = [s for s in weights if s in frame and pd.notna(row[s]) and (t0 - seen[s]).value <= MAX_START_GAP_NS]
    w = pd.Series({s: weights[s] for s in ok})
    w = w / w.sum()
    rel = frame.loc[t0:, ok] / row[ok]
    return (rel * w).sum(axis=1)


def _beta_corr(a: pd.Series, b: pd.Series, start: pd.Timestamp) -> tuple[float, float]:
    both = pd.concat([a[a.index > start], b[b.index > start]], axis=1, join="inner")
    r = both.pct_change().dropna()
    if len(r) < BETA_MIN_RETURNS:
        return math.nan, math.nan
    cov = ((r.iloc[:, 0] - r.iloc[:, 0].mean()) * (r.iloc[:, 1] - r.iloc[:, 1].mean())).mean()
    return cov / r.iloc[:, 1].var(ddof=0), r.iloc[:, 0].corr(r.iloc[:, 1])


def _figures(path_for, closes, scope: str, keys) -> dict:
    out = {}
    for key in keys:
        code, _, window = key.partition(":")
        span = pd.Timedelta(window or "30D")
        if code.startswith("corr_rise_"):
            bench = code.rsplit("_", 1)[1].upper()
            short = _figures(path_for, closes, scope, [f"corr_{bench.lower()}:30D"])[(scope, f"corr_{bench.lower()}:30D")]
            long = _figures(path_for, closes, scope, [f"corr_{bench.lower()}:90D"])[(scope, f"corr_{bench.lower()}:90D")]
            out[(scope, key)] = short - long
            continue
        p = path_for(span)
        t = p.index[-1]
        if code == "return":
            out[(scope, key)] = p.iloc[-1] / p[p.index <= t - span].iloc[-1] - 1
        elif code in ("drop_from_high", "max_drop"):
            x = p[p.index > t - span]
            out[(scope, key)] = (x.iloc[-1] / x.max() if code == "drop_from_high" else (x / x.cummax()).min()) - 1
        else:   # beta_/corr_ to BTC or QQQ
            kind, bench = code.split("_")
            beta, corr = _beta_corr(p, closes[bench.upper()], p.index[-1] - span)
            out[(scope, key)] = beta if kind == "beta" else corr
    return out


def peer(baskets, closes) -> dict:
    out = {}
    for b in baskets:
        members = {s: closes[s] for s in b.symbols if s in closes}
        frame = pd.DataFrame(members).sort_index()
        observed = pd.DataFrame({s: pd.Series(c.index, index=c.index) for s, c in members.items()}).reindex(
            frame.index).ffill()
        frame = frame.ffill()
        t_last = frame.index[-1]
        weights = dict(b.weights)
        def path_for(span, frame=frame, observed=observed, weights=weights, t_last=t_last):
            return _basket_since(frame, observed, weights, t_last - span)

        out.update(_figures(path_for, closes, b.code, SHARED))
    for sym, keys in OWN.items():
        out.update(_figures(lambda span, s=sym: closes[s], closes, sym, keys))
    count = 0
    for ind in DEFAULT_INDICATORS:
        v = out.get((ind.scope, ind.metric))
        count += v is not None and math.isfinite(v) and bool(ind.comparator(v, ind.threshold))
    out[("market", "regime_count")] = float(count)
    return out


def median_pair(a, b, repeat: int) -> tuple[float, float]:
    """Median wall times of two functions run alternately (a load change on the machine hits both alike)."""
    ta, tb = [], []
    for _ in range(repeat):
        for fn, out in ((a, ta), (b, tb)):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return statistics.median(ta), statistics.median(tb)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer runs")
    args = ap.parse_args()
    repeat = 5 if args.quick else 21
    baskets, closes = load()
    arrays = {s: _arrays(c) for s, c in closes.items()}
    n = {b.code: sum(s in closes for s in b.symbols) for b in baskets}
    print(f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
          f"{platform.machine()}")
    print(f"panel: CD20 {n[CD20]} of {len(baskets[0].symbols)} constituents, miner basket {n[MINER_BASKET]}, "
          f"BTC, QQQ; {YEARS} years of daily closes to {END.date()} ({len(closes['BTC'])} BTC closes)")
    mine, theirs = ours(baskets, arrays), peer(baskets, closes)      # warm-up, and the figures to compare
    shared = [k for k in theirs if k in mine]
    # a basket's corr_rise is computed on the path bought 365 days ago (SPAN_WITHOUT_WINDOW), the peer's as the
    # catalogue defines it: corr 30D − corr 90D of the paths bought at those windows' starts; shown apart
    rise = [k for k in shared if k[1].startswith("corr_rise_") and k[0] in (CD20, MINER_BASKET)]
    for k in rise:
        print(f"  note  {k[0]} {k[1]}: ours {mine[k]:+.6f}, corr 30D − corr 90D {theirs[k]:+.6f}")
    shared = [k for k in shared if k not in rise]
    diffs = [abs(mine[k] - theirs[k]) for k in shared
             if mine[k] is not None and math.isfinite(theirs[k])]
    both_missing = sum(1 for k in shared if mine[k] is None and not math.isfinite(theirs[k]))
    print(f"figures: ours {len(mine)}, peer {len(theirs)}, compared {len(diffs)} (+{both_missing} unavailable in "
          f"both); max abs difference {max(diffs):.3e}; regime count ours "
          f"{mine[('market', 'regime_count')]:.0f}, peer {theirs[('market', 'regime_count')]:.0f}")
    t_ours, t_peer = median_pair(lambda: ours(baskets, arrays), lambda: peer(baskets, closes), repeat)
    print(f"median of {repeat} warm runs: ours {t_ours * 1e3:8.2f} ms, naive pandas {t_peer * 1e3:8.2f} ms, "
          f"ratio {t_peer / t_ours:5.1f}x")
    ok = t_ours <= TARGET_S
    agree = max(diffs) < 1e-9 and len(diffs) + both_missing == len(shared)
    print(f"  {'PASS' if ok else 'FAIL'}  the whole panel warm ≤ {TARGET_S * 1e3:.0f} ms: {t_ours * 1e3:.2f} ms")
    print(f"  {'PASS' if agree else 'FAIL'}  the figures agree with the peer (max abs difference < 1e-9)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
