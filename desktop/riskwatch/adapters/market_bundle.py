"""Bundled market-regime data: crypto basket closes, stablecoin pegs, BTC perpetual funding, basket weights.

Files under resources/data/ (built by tools/build_market_bundle.py, provenance in data/MARKET_SOURCES.md):
``crypto/<SYM>.csv.gz`` (Binance spot, quoted in USDT, not USD), ``stablecoins/<SYM>.csv.gz`` (Yahoo USD),
``funding/BTC_8h.csv.gz`` and ``baskets/cd20_2025-03-31.csv``. Like the history bundle, a symbol is looked up
in a folder's listing, never joined into a path.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from riskwatch import paths

#: The CoinDesk 20 factsheet as of 2025-03-31, the basket used when the user names none.
DEFAULT_BASKET = ("baskets", "cd20_2025-03-31.csv")
#: The factsheet prints Aave's ticker as "AVE"; every basket file is read with this correction.
TICKER_FIXES = {"AVE": "AAVE"}
#: Largest basket file read (a basket has a few dozen rows).
MAX_BASKET_BYTES = 1024 * 1024

_TICKER = re.compile(r"[A-Za-z0-9]{1,10}", re.ASCII)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _listing(folder: str) -> dict[str, Path]:
    """Symbol -> file of one bundle folder, from its listing."""
    return {p.name[: -len(".csv.gz")].upper(): p for p in paths.resource("data", folder).glob("*.csv.gz")}


def bundled_crypto_symbols() -> tuple[str, ...]:
    return tuple(sorted(_listing("crypto")))


@lru_cache(maxsize=64)
def _frame(folder: str, symbol: str):
    path = _listing(folder).get(symbol.upper())
    if path is None or not path.is_file():
        return None
    import pandas as pd  # only when bundled data is actually needed

    df = pd.read_csv(io.StringIO(gzip.decompress(path.read_bytes()).decode("utf-8")))
    df.index = pd.DatetimeIndex(pd.to_datetime(df.pop("date"), format="%Y-%m-%d")).tz_localize("UTC")
    return df


@lru_cache(maxsize=64)  # one Series per symbol (read-only for callers): the cycle asks for it every 15 s
def load_crypto_closes(symbol: str):
    """Binance spot daily closes in USDT (float Series, UTC midnight index, named ``symbol``) or None."""
    df = _frame("crypto", symbol)
    return None if df is None else df["close"].astype(float).rename(symbol.upper())


def load_bundled_stablecoin(symbol: str):
    """USDT or USDC daily close in USD (Yahoo), UTC midnight index; None for any other symbol."""
    df = _frame("stablecoins", symbol)
    return None if df is None else df["close"].astype(float).rename(symbol.upper())


@lru_cache(maxsize=1)
def load_bundled_funding():
    """Binance BTCUSDT perpetual funding rate per 8 hours (float; 0.0001 = 0.01 %), indexed by the UTC
    funding time, or None when the file is missing."""
    path = _listing("funding").get("BTC_8H")
    if path is None or not path.is_file():
        return None
    import pandas as pd

    df = pd.read_csv(io.StringIO(gzip.decompress(path.read_bytes()).decode("utf-8")))
    # Binance stamps a settlement a few milliseconds after 00/08/16 h: the index is the settlement minute.
    index = pd.DatetimeIndex(pd.to_datetime(df["funding_time_utc"], utc=True, format="ISO8601")).floor("min")
    return pd.Series(df["funding_rate"].astype(float).to_numpy(), index=index, name="BTC_funding_8h")


# -- basket factsheets --------------------------------------------------------------------------------

def load_basket_factsheet(path: str | Path | None = None) -> tuple[date | None, list[tuple[str, str, float]]]:
    """(as_of, [(ticker, name, weight_pct)]) of the bundled CoinDesk 20 factsheet, or of a user's CSV.

    Columns ``as_of,constituent,ticker,weight_pct,note`` (``,`` or ``;`` separated), or just
    ``ticker,weight_pct`` (then as_of is None and a constituent's name is its ticker). A weight is a positive
    percentage of at most 100, with a decimal dot or a German comma (``36,80``). Tickers are 1–10 letters
    or digits, upper-cased, unique, "AVE" read as "AAVE". Raises InputError listing every bad line.
    """
    from riskwatch.adapters.text_files import read_text

    target = Path(path) if path is not None else paths.resource("data", *DEFAULT_BASKET)
    return parse_basket_factsheet(read_text(target, max_bytes=MAX_BASKET_BYTES), str(target))


def parse_basket_factsheet(text: str, source: str = "<input>") -> tuple[date | None, list[tuple[str, str, float]]]:
    """:func:`load_basket_factsheet` on a file's text."""
    from riskwatch.adapters.csv_io import csv_rows, sniff_delimiter
    from riskwatch.domain.errors import InputError, Problem

    text = text.removeprefix("\ufeff")
    delimiter = sniff_delimiter(text)
    problems: list[Problem] = []
    rows = csv_rows(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter),
                    lambda line, message: problems.append(Problem(line, None, message)))
    first = next(rows, None)
    if first is None:
        raise InputError(source, problems or [Problem(1, "ticker", "the file is empty; expected a header "
                                                                   "ticker,weight_pct and at least one row")])
    header_line, header = first
    columns = [h.strip().lower() for h in header]
    missing = [c for c in ("ticker", "weight_pct") if c not in columns]
    if missing:
        raise InputError(source, [Problem(header_line, c, "column missing; expected a header with ticker,"
                                                          "weight_pct (and optionally as_of,constituent,note)")
                                  for c in missing])
    as_of: date | None = None
    members: list[tuple[str, str, float]] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        rec = {c: (row[i].strip() if i < len(row) else "") for i, c in enumerate(columns)}
        n_before = len(problems)
        ticker = _ticker(rec["ticker"], line, seen, problems)
        weight = _weight(rec["weight_pct"], line, problems, german=delimiter == ";")
        if "as_of" in columns:
            day = _as_of(rec["as_of"], line, problems)
            if day is not None and as_of is not None and day != as_of:
                problems.append(Problem(line, "as_of", f"is {day}; expected the same date as the rows above "
                                                       f"({as_of})"))
            as_of = as_of or day
        if len(problems) == n_before:
            members.append((ticker, rec.get("constituent") or ticker, weight))
    if not members and not problems:
        problems.append(Problem(header_line + 1, "ticker", "no constituents; expected at least one row"))
    if problems:
        raise InputError(source, problems)
    return as_of, members


def _ticker(raw: str, line: int, seen: dict[str, int], problems: list) -> str:
    from riskwatch.domain.errors import Problem

    if not _TICKER.fullmatch(raw):
        problems.append(Problem(line, "ticker", f"is '{raw[:20]}'; expected 1 to 10 letters or digits"))
        return raw
    ticker = TICKER_FIXES.get(raw.upper(), raw.upper())
    if ticker in seen:
        problems.append(Problem(line, "ticker", f"{ticker} is listed twice (first on line {seen[ticker]}); "
                                                "expected each ticker once"))
    else:
        seen[ticker] = line
    return ticker


def _weight(raw: str, line: int, problems: list, german: bool) -> float:
    from riskwatch.domain.errors import Problem
    from riskwatch.domain.numbers import parse_number

    expected = "expected a positive percentage of at most 100, e.g. 36.80 or 36,80"
    try:
        value = parse_number(raw, german)
    except ValueError as exc:
        problems.append(Problem(line, "weight_pct", f"{exc}; {expected}"))
        return 0.0
    if not 0 < value <= 100:
        problems.append(Problem(line, "weight_pct", f"is {raw}; {expected}"))
    return float(value)


def _as_of(raw: str, line: int, problems: list) -> date | None:
    from riskwatch.domain.errors import Problem

    try:
        if _ISO_DATE.fullmatch(raw):
            return date.fromisoformat(raw)
    except ValueError:
        pass
    problems.append(Problem(line, "as_of", f"is '{raw[:20]}'; expected a date like 2025-03-31"))
    return None
