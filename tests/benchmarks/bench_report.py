"""Benchmark of ``compute_risk_report`` against a plain pandas implementation of the same figures (not collected
by pytest).

    PYTHONPATH=desktop python tests/benchmarks/bench_report.py [--quick]

20 assets × 800 daily closes (BTC and QQQ among them, QQQ on weekdays only), a live quote each. Prints best-of-N
wall times, the ratio to the plain pandas peer measured in the same run (the two sides alternate, so a load
change hits both alike), and a PASS/MISS line per target: warm (second call, with the cache) ≤ 30 ms, cold (no
cache) ≤ 150 ms, ≥ 3× faster than the peer. The peer computes the same figures with pandas idioms
(``rolling``/slicing, ``pct_change``, ``quantile``, ``concat`` + ``cov``); the script checks that both agree.
"""

from __future__ import annotations

import argparse
import math
import platform
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd

from riskwatch.domain.catalogue import Scope, computed
from riskwatch.domain.model import MINER_SYMBOLS, Asset, AssetKind, Portfolio, Position, Quote
from riskwatch.domain.risk_report import compute_risk_report
from riskwatch.domain.snapshot import PORTFOLIO
from timing import pair  # the benchmarks folder is the script's own: sys.path[0]

N_ASSETS, N_BARS = 20, 800
NOW = datetime(2026, 3, 1, 15, 30, tzinfo=UTC)
RESULTS: list[tuple[str, bool, str]] = []


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:8.2f} ms"


def verdict(name: str, ok: bool, detail: str) -> None:
    RESULTS.append((name, ok, detail))
    print(f"  {'PASS' if ok else 'MISS'}  {name}: {detail}")




def make_inputs(seed: int = 7):
    rng = np.random.default_rng(seed)
    days = pd.date_range(end=pd.Timestamp(NOW.date(), tz="UTC") - pd.Timedelta(days=1), periods=N_BARS, freq="D")
    miners = sorted(MINER_SYMBOLS)
    symbols = ["BTC", "QQQ", "ETH", "SOL"] + miners + [f"EQ{i:02d}" for i in range(N_ASSETS - 4 - len(miners))]
    kinds = {"BTC": AssetKind.CRYPTO, "QQQ": AssetKind.INDEX, "ETH": AssetKind.CRYPTO, "SOL": AssetKind.CRYPTO}
    btc = np.exp(np.cumsum(rng.normal(0, 0.03, N_BARS))) * 60_000
    closes, quotes, positions = {}, {}, []
    for i, s in enumerate(symbols):
        kind = kinds.get(s, AssetKind.EQUITY)
        noise = rng.normal(0, 0.025, N_BARS)
        r = (1.5 * np.diff(np.log(btc), prepend=np.log(btc[0])) + noise) if kind is AssetKind.EQUITY else noise
        x = btc if s == "BTC" else np.exp(np.cumsum(r)) * (10 + i)
        ser = pd.Series(x, index=days, name=s)
        if kind in (AssetKind.EQUITY, AssetKind.INDEX):
            ser = ser[ser.index.day_of_week < 5]
        closes[s] = ser
        quotes[s] = Quote(s, float(ser.iloc[-1]) * (1 + rng.normal(0, 0.01)), NOW - timedelta(seconds=20),
                          "bench")
        positions.append(Position(Asset(s, kind), Decimal(str(round(1000 / x[-1], 6) or 1)), Decimal("10")))
    return Portfolio(positions, "USD"), closes, quotes


# -- the peer: the same figures in plain pandas ------------------------------------------------------------
def pandas_report(portfolio: Portfolio, closes, quotes) -> dict:
    out: dict = {}
    ppy = {AssetKind.CRYPTO: 365.0, AssetKind.STABLECOIN: 365.0, AssetKind.EQUITY: 252.0, AssetKind.INDEX: 252.0}
    bench = {b: closes[b].dropna() for b in ("BTC", "QQQ")}
    qty, series = {}, {}
    for p in portfolio.positions:
        s, daily = p.symbol, closes[p.symbol].dropna()
        q = quotes[s]
        full = pd.concat([daily, pd.Series([q.price], index=pd.DatetimeIndex([pd.Timestamp(q.ts)]))])
        series[s], qty[s] = full, float(p.quantity)
        last = full.index[-1]
        f = out.setdefault(s, {})
        f["drop_from_high:30D"] = full.iloc[-1] / full[full.index > last - pd.Timedelta("30D")].max() - 1
        f["drawdown"] = full.iloc[-1] / full.max() - 1
        f["max_drawdown"] = (full / full.cummax()).min() - 1
        for w in ("1D", "7D", "30D"):
            base = full[full.index <= last - pd.Timedelta(w)]
            f[f"return:{w}"] = full.iloc[-1] / base.iloc[-1] - 1 if len(base) else math.nan
        dl = daily.index[-1]
        f["volatility:90D"] = daily[daily.index > dl - pd.Timedelta("90D")].pct_change().std() * math.sqrt(
            ppy[p.asset.kind])
        year = daily[daily.index > dl - pd.Timedelta("365D")].pct_change().dropna()
        for lvl, code in ((0.95, "95"), (0.99, "99")):
            f[f"var_{code}"] = year.quantile(1 - lvl)
            f[f"es_{code}"] = year.sort_values().iloc[:int((len(year) - 1) * (1 - lvl)) + 1].mean()
        for b, keys in (("BTC", ("beta_btc:90D", "corr_btc:90D")), ("QQQ", ("beta_qqq:90D",))):
            start = dl - pd.Timedelta("90D")
            j = pd.concat([daily[daily.index > start], bench[b][bench[b].index > start]], axis=1,
                          join="inner").pct_change().dropna()
            cov = j.cov(ddof=0)
            f[keys[0]] = cov.iloc[0, 1] / cov.iloc[1, 1]
            if len(keys) > 1:
                f[keys[1]] = j.corr().iloc[0, 1]
    frame = pd.concat(series, axis=1, sort=True).ffill().dropna()
    value = frame @ pd.Series(qty)[frame.columns]
    daily_v = value[value.index.normalize() == value.index]
    year = daily_v[daily_v.index > daily_v.index[-1] - pd.Timedelta("365D")].pct_change().dropna()
    last = value.index[-1]
    out[PORTFOLIO] = {"drawdown": value.iloc[-1] / value.max() - 1,
                      "drop_from_high:30D": value.iloc[-1] / value[value.index > last - pd.Timedelta("30D")].max() - 1,
                      "max_drawdown": (value / value.cummax()).min() - 1,
                      "var_95": year.quantile(0.05), "var_99": year.quantile(0.01)}
    return out


def check_agreement(report, peer: dict) -> int:
    """Count the figures where the report and the pandas peer differ (relative 1e-9)."""
    bad = 0
    for scope, figs in peer.items():
        for key, v in figs.items():
            got = report.snapshot.get(scope, key)
            got = got.value if got is not None else None
            if got is None or not math.isclose(got, float(v), rel_tol=1e-9, abs_tol=1e-12):
                bad += 1
                print(f"    differs: {scope} {key}: report {got}, pandas {v}")
    return bad


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    repeat = 5 if ap.parse_args().quick else 25
    print(f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}")
    portfolio, closes, quotes = make_inputs()
    n_fig = sum(len(s.windows or (None,)) for s in computed(Scope.ASSET))
    print(f"\n{N_ASSETS} assets x {N_BARS} daily closes + a live quote each; {n_fig} figures per asset")

    def cold():
        return compute_risk_report(portfolio, closes, quotes, NOW)

    cache: dict = {}
    report = compute_risk_report(portfolio, closes, quotes, NOW, cache=cache)  # fills the cache

    def warm():
        return compute_risk_report(portfolio, closes, quotes, NOW, cache=cache)

    def peer():
        return pandas_report(portfolio, closes, quotes)

    bad = check_agreement(report, peer())
    print(f"  figures checked against the pandas peer: {'all agree' if not bad else f'{bad} differ'}")
    t_cold, t_peer = pair(cold, peer, repeat)
    t_warm, _ = pair(warm, peer, repeat)
    print(f"  compute_risk_report, cold (no cache)        {ms(t_cold)}")
    print(f"  compute_risk_report, warm (cache)           {ms(t_warm)}")
    print(f"  plain pandas, same figures                  {ms(t_peer)}   {t_peer / t_cold:5.1f}x the cold report")
    print()
    verdict("warm <= 30 ms", t_warm <= 0.030, ms(t_warm).strip())
    verdict("cold <= 150 ms", t_cold <= 0.150, ms(t_cold).strip())
    verdict(">= 3x faster than plain pandas (cold)", t_peer / t_cold >= 3.0, f"{t_peer / t_cold:.1f}x")
    verdict("same figures as plain pandas", bad == 0, f"{bad} differ")
    missed = [name for name, ok, _ in RESULTS if not ok]
    print(f"\n{len(RESULTS) - len(missed)} of {len(RESULTS)} targets met"
          + (f"; MISS: {', '.join(missed)}" if missed else "; all PASS"))


if __name__ == "__main__":
    main()
