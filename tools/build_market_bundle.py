"""Build the bundled market-regime data (resources/data/{crypto,stablecoins,funding,baskets}) from ../shared/data.

    python tools/build_market_bundle.py [SHARED_DATA_DIR]

Lines are copied as text, never re-formatted through floats, so every bundled price is the source's digits;
only the sources' CRLF line ends become LF. Crypto and stablecoin rows start at 2020-01-01 (or listing),
funding keeps every row, the CoinDesk 20 factsheet is copied byte for byte. Provenance, row counts and a
SHA-256 of each file's rows go to resources/data/MARKET_SOURCES.md.
"""

from __future__ import annotations

import gzip
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "data"
START = "2020-01-01"
CRYPTO_SUFFIX = "_usdt_daily.csv"
BASKET = "cd20_constituents_2025-03-31.csv"

# (repository, path, commit) per source file group, from shared/data/SOURCES.md ("Second collection")
YANNIEDOG = ("yanniedog/binance-historical-OHLCV-data", "`<SYM>USDT_1d.csv`", "eb47266c2a29 (HEAD 1a00f0748cc4)")
DJIENNE = ("djienne/Hurst_Crypto", "`data/<SYM>USDT.csv`", "b81ae25bc803 (HEAD c83fd0139198)")
DJIENNE_SYMBOLS = {"AAVE", "FIL", "NEAR", "ICP", "POL", "APT", "ALGO"}
STABLE = ("Alexshch09/Stocks-prices", "`data/{sym}-USD.csv`", "11c6cc3c080b")
FUNDING = ("innerview-silenttwin/crypto-signal-pro", "`data/btc_funding_rate.csv`",
           "45b4846bf801 (file later deleted; HEAD 7e309bc7159d)")
FACTSHEET = ("deltabadger/deltabadger", "`articles/coindesk_indices/CoinDesk-20-Factsheet.md`", "76cf4d73071b")


def rows_digest(rows: list[str]) -> str:
    """SHA-256 of the data rows (no header), LF-joined with a final LF: what tests pin each file to."""
    return hashlib.sha256(("\n".join(rows) + "\n").encode()).hexdigest()


def read_lines(path: Path, start: str | None) -> tuple[str, list[str]]:
    """(header, data rows from ``start`` on) of a CSV whose first column is an ISO date or timestamp."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    header, rows = lines[0], lines[1:]
    if start is not None:
        rows = [r for r in rows if r[:10] >= start]  # ISO dates compare as text
    return header, rows


def write_gz(target: Path, header: str, rows: list[str]) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    data = gzip.compress(("\n".join([header, *rows]) + "\n").encode(), mtime=0)  # mtime 0: reproducible bytes
    target.write_bytes(data)
    return len(data)


def _row(name: str, source: tuple[str, str, str], rows: list[str], note: str, licence: str = "not stated") -> str:
    repo, path, commit = source
    first, last = rows[0].split(",")[0], rows[-1].split(",")[0]
    return (f"| {name} | {repo} | {path} | {commit} | {licence} | {first} .. {last} | {len(rows)} "
            f"| `{rows_digest(rows)}` | {note} |")


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data"
    total = 0
    table = ["| file | repository | path | commit | licence | range | rows | sha256 of rows | notes |",
             "|---|---|---|---|---|---|---|---|---|"]
    for src in sorted((shared / "crypto").glob("*" + CRYPTO_SUFFIX)):
        sym = src.name[: -len(CRYPTO_SUFFIX)].upper()
        header, rows = read_lines(src, START)
        total += write_gz(OUT / "crypto" / f"{sym}.csv.gz", header, rows)
        note = "MATIC→POL migration; last day partial, kept" if sym == "MATIC" else ""
        table.append(_row(f"crypto/{sym}.csv.gz", DJIENNE if sym in DJIENNE_SYMBOLS else YANNIEDOG, rows, note))
    for sym in ("USDT", "USDC"):
        header, rows = read_lines(shared / "stablecoins" / f"{sym.lower()}_usd_daily.csv", START)
        total += write_gz(OUT / "stablecoins" / f"{sym}.csv.gz", header, rows)
        repo, path, commit = STABLE
        table.append(_row(f"stablecoins/{sym}.csv.gz", (repo, path.format(sym=sym), commit), rows,
                          "Yahoo USD daily; partial 2024-12-07 dropped at the source"))
    header, rows = read_lines(shared / "funding" / "btc_usdt_perp_funding_8h.csv", None)
    total += write_gz(OUT / "funding" / "BTC_8h.csv.gz", header, rows)
    table.append(_row("funding/BTC_8h.csv.gz", FUNDING, rows, "source stamps were UTC+8, shifted to UTC"))
    basket = (shared / "cd20" / BASKET).read_bytes()
    (OUT / "baskets").mkdir(parents=True, exist_ok=True)
    (OUT / "baskets" / "cd20_2025-03-31.csv").write_bytes(basket)
    total += len(basket)
    _, rows = read_lines(shared / "cd20" / BASKET, None)
    table.append(_row("baskets/cd20_2025-03-31.csv", FACTSHEET, rows,
                      "figures are CoinDesk Indices'; Aave printed as AVE",
                      licence="repository AGPL-3.0 (figures: CoinDesk Indices)"))
    (OUT / "MARKET_SOURCES.md").write_text(_document(table), encoding="utf-8")
    print(f"market bundle: {total / 1024:.0f} KiB in {OUT}")
    return 0


def _document(table: list[str]) -> str:
    return "\n".join([
        "# Bundled market-regime data", "",
        "History for the market-regime panel (crypto basket, liquidity signals) offline and in replay, copied by "
        "`tools/build_market_bundle.py` from the project's shared data collection (its SOURCES.md, section "
        "\"Second collection\"). Every number is the source's text, not rounded or recomputed; only CRLF line "
        "ends became LF. No repository states a licence for these data files: third-party data, for "
        "information only; name the source where it is shown.", "",
        "- `crypto/<SYM>.csv.gz` – **Binance spot daily klines, quoted in USDT (not USD)**, columns "
        "`date,open,high,low,close,volume` (UTC day), from 2020-01-01 or listing. Binance USDT closes differ "
        "from Yahoo USD closes by a median of 0.09–0.16 % (12 coins, 2017–2024). `history/BTC.csv.gz` (Yahoo "
        "BTC-USD) stays the BTC price; `crypto/BTC.csv.gz` is for the basket only. Real extreme prints: the "
        "2025-10-10 flash crash (ATOM low 0.001, DOT 0.633, LINK 7.9, ADA 0.2737 …), LINK 2020-03-12 low "
        "0.0001 × close, listing-day spikes (UNI 2020-09-17, FIL 2020-10-15, ICP 2021-05-11 high 2831, APT "
        "2022-10-19, POL 2024-09-13): use closes, not lows. The two source pulls are identical on every "
        "completed overlapping day.",
        "- `stablecoins/USDT.csv.gz`, `USDC.csv.gz` – Yahoo USD daily, from 2020-01-01. USDT 2022-05-12 low "
        "0.9485 close 0.9976; USDC 2023-03-11 low 0.8774 close 0.9715; 2020-03-13 lows USDT 0.8995, USDC 0.9292.",
        "- `funding/BTC_8h.csv.gz` – Binance USDT-M BTCUSDT perpetual funding rate per 8 h, columns "
        "`funding_time_utc,funding_rate`, every row. Matches gg-cmk/binance-quant raw Binance fundingTime rows "
        "(1,368, 0 differences) and lukmol/gamlss-btc-VaR's daily means. 2020-03-13T08Z −0.003 (the cap); "
        "2022-11-10T00Z −0.00119172 (FTX).",
        "- `baskets/cd20_2025-03-31.csv` – CoinDesk 20 constituents and weights as of 2025-03-31 (sum 100.02 %), "
        "from a Markdown transcription of the CoinDesk 20 factsheet. The source prints Aave's ticker as \"AVE\" "
        "(kept here; the loader reads it as AAVE). SUI and HBAR have no price file. No CD20 index-level price "
        "history exists in the collection.", "",
        "\"Commit\" = last commit touching the file (repository HEAD in brackets). \"sha256 of rows\" = SHA-256 "
        "of the data rows without the header, LF-joined with a final LF (tests/adapters/test_market_bundle.py "
        "pins the same values).", "", *table, ""])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
