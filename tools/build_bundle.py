"""Build the bundled offline price history (resources/data/history/*.csv.gz) from ../shared/data.

    python tools/build_bundle.py [SHARED_DATA_DIR]

Daily closes from 2020-01-01 (or listing) to the newest available day; volume where the source has it.
Sources and caveats are written to resources/data/history/SOURCES.md (shown in the About dialog).
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "data" / "history"
START = "2020-01-01"

# symbol -> list of (file, note); later files win on overlapping dates
PLAN = {
    "BTC": [("btc_usd_daily.csv", "BTC-USD daily OHLCV (Yahoo-style), via Cole-Krudwig/rl-regime-trading")],
    "QQQ": [("qqq_daily_close_2026.csv", "QQQ adjusted closes, via dsturdy/Factor_Attribution")],
    "IREN": [("iren_daily.csv", "adjusted closes, via dsturdy/Factor_Attribution")],
    "WULF": [("wulf_daily.csv", "adjusted closes, via dsturdy/Factor_Attribution; before Dec 2021 the "
                                "predecessor IKONICS Corp")],
    "CORZ": [("corz_daily.csv", "adjusted closes from the 2024-01-24 re-listing, via dsturdy/Factor_Attribution")],
    "CLSK": [("clsk_daily.csv", "adjusted closes, via dsturdy/Factor_Attribution")],
    "BITF": [("ohlcv_to_2024/bitf_daily_ohlcv_2024.csv", "OHLCV to 2024-03, via dieperdev/yfinance-stock-data"),
             ("bitf_daily.csv", "OHLCV 2021-06 to 2025-04-04, via Spooky-Labs/Course-1")],
    "MARA": [("mara_daily.csv", "adjusted closes, via dsturdy/Factor_Attribution")],
    "RIOT": [("riot_daily.csv", "adjusted closes, via dsturdy/Factor_Attribution")],
    "HUT": [("hut_daily.csv", "adjusted closes, via dsturdy/Factor_Attribution; before Dec 2023 old Hut 8 "
                              "Mining, restated")],
    "CIFR": [("cifr_daily.csv", "adjusted closes, via dsturdy/Factor_Attribution")],
}


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data"
    OUT.mkdir(parents=True, exist_ok=True)
    lines = ["# Bundled price history", "",
             "Daily prices shipped with RiskWatch so it is useful offline from the first second. They are only "
             "used for a symbol the local store has no prices of its own for. The prices appear to come from "
             "Yahoo Finance, collected in public GitHub repositories (no licence stated; third-party data, "
             "shown for information only).", "", "| symbol | from | to | rows | source |", "|---|---|---|---|---|"]
    total = 0
    for sym, files in PLAN.items():
        frames = []
        for name, _note in files:
            f = pd.read_csv(shared / name, parse_dates=["date"])
            frames.append(f[["date", "close", "volume"]])
        df = pd.concat(frames).drop_duplicates("date", keep="last").sort_values("date")
        df = df[df["date"] >= START]
        buf = io.StringIO()
        df.to_csv(buf, index=False, date_format="%Y-%m-%d", float_format="%.10g")
        data = gzip.compress(buf.getvalue().encode(), mtime=0)
        (OUT / f"{sym}.csv.gz").write_bytes(data)
        total += len(data)
        lines.append(f"| {sym} | {df['date'].iloc[0]:%Y-%m-%d} | {df['date'].iloc[-1]:%Y-%m-%d} | {len(df)} | "
                     + "; ".join(n for _, n in files) + " |")
    (OUT / "SOURCES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"bundle: {total / 1024:.0f} KiB in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
