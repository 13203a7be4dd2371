"""Price-history CSVs as people have them: Yahoo-style, lowercase headers, close-only files, dates with or
without time and time zone, German formats, any row order. All problems of a file are collected and raised
as one InputError (the first 50 listed, the rest counted); nothing is returned half-parsed.

Bad data rejects the whole file: a date outside 1990-01-01 … tomorrow or a relative date (``now``; see
:mod:`riskwatch.adapters.price_dates`), a price that is missing, non-positive, non-finite or not below
:data:`MAX_PRICE`, a volume outside 0 … :data:`MAX_VOLUME`, the same date twice, a column that appears twice
(``Date,Close,Close``), a line the csv module cannot read (a field over 131 072 characters, a NUL byte), or
more than :data:`MAX_PRICE_ROWS` rows (checked before parsing; the byte limit is ``read_text``'s).
"""

from __future__ import annotations

import csv
import io
import math
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd

from riskwatch.adapters.csv_io import _norm_header, csv_rows, duplicate_columns, read_stream_text, read_text, sniff_delimiter
from riskwatch.adapters.price_dates import DateParser, utc_today
from riskwatch.domain.errors import MAX_LISTED_PROBLEMS, InputError, Problem
from riskwatch.domain.model import Bar, Timeframe
from riskwatch.domain.numbers import parse_number
from riskwatch.domain.text import printable


_DATE_HEADERS = ("date", "datetime", "timestamp", "time", "day")
_ADJ_HEADERS = ("adj_close", "adjclose", "adjusted_close", "adj._close", "close_adj")
_CLOSE_HEADERS = ("close", "price", "last", "close_price")


@dataclass(frozen=True)
class PriceCsv:
    """A parsed price history.

    ``frame`` has a tz-aware UTC DatetimeIndex (ascending, unique) and float columns open, high, low,
    close, volume (NaN where the file has none). ``close`` holds the chosen close column: ``Adj Close``
    when the file has both (total-return basis), else the close column as written in the header.
    Daily files (median spacing ≥ 20 h) are keyed by the date as written, at 00:00 UTC.
    """

    source: str
    close_column: str
    frame: pd.DataFrame
    timeframe: Timeframe

    @property
    def closes(self) -> pd.Series:
        return self.frame["close"]

    def bars(self, symbol: str, source: str = "import") -> list[Bar]:
        f = self.frame
        cols = [f[c].to_numpy(dtype=float) for c in ("open", "high", "low", "close", "volume")]

        def opt(x: float) -> float | None:
            return None if math.isnan(x) else float(x)

        return [Bar(symbol, ts.to_pydatetime(), float(c), opt(o), opt(h), opt(lo), opt(v), self.timeframe, source)
                for ts, o, h, lo, c, v in zip(f.index, *cols)]


def _timeframe_for(spacing_s: float) -> Timeframe:
    best = min(Timeframe, key=lambda tf: abs(tf.seconds - spacing_s))
    return best


#: Most data rows one price file may hold (about 5 500 years of daily bars, 228 years of hourly bars).
MAX_PRICE_ROWS = 2_000_000
#: Prices must lie in (0, MAX_PRICE); larger values are typos or overflowed exports.
MAX_PRICE = 1e12
#: Volumes must lie in [0, MAX_VOLUME].
MAX_VOLUME = 1e18

_MISSING = ("null", "nan", "na", "n/a", "-")
_KNOWN_HEADERS = frozenset(_DATE_HEADERS + _ADJ_HEADERS + _CLOSE_HEADERS + ("open", "high", "low", "volume"))


class _Problems:
    """The problems of one file in line order: the first MAX_LISTED_PROBLEMS kept, the others only counted."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.more = 0

    def add(self, line: int | None, field: str | None, message: str) -> None:
        if len(self.items) < MAX_LISTED_PROBLEMS:
            self.items.append(Problem(line, field, message))
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self, source: str) -> None:
        if self.items:
            raise InputError(source, self.items, more=self.more)


def _read_rows(text: str, delimiter: str, source: str, problems: _Problems):
    """(header, raw_header, [(line, row)]); a row the csv module cannot read ends the file with a problem."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    raw_header: list[str] = []
    for line, row in csv_rows(reader, lambda line, msg: problems.add(line, None, msg)):
        if header is None:
            raw_header = [printable(h.strip())[:60] for h in row]
            header = [_norm_header(h) for h in row]
            continue
        rows.append((line, row))
    return header, raw_header, rows


def _check_header(header: list[str], raw_header: list[str], problems: _Problems) -> None:
    for _name, j, i in duplicate_columns(header, _KNOWN_HEADERS):
        problems.add(1, None, f"column {raw_header[i]} appears twice (columns {j + 1} and {i + 1}: "
                              f"'{raw_header[j]}' and '{raw_header[i]}'); expected each column once")


def parse_price_csv(text: str, source: str = "<input>", *, now: datetime | None = None) -> PriceCsv:
    """Parse a price-history CSV; ``now`` (default: the system clock) bounds the dates (at most tomorrow)."""
    n_lines = max(text.count("\n"), text.count("\r"))
    if n_lines > MAX_PRICE_ROWS + 1:
        raise InputError.single(f"has {n_lines} lines; a price file may hold at most {MAX_PRICE_ROWS} rows",
                                source=source)
    delimiter = sniff_delimiter(text)
    german = delimiter == ";"
    problems = _Problems()
    header, raw_header, rows = _read_rows(text, delimiter, source, problems)
    if header is None:
        problems.raise_if_any(source)
        raise InputError.single("the file is empty; expected a header such as Date,Close", source=source, line=1)
    _check_header(header, raw_header, problems)
    problems.raise_if_any(source)

    def find(names: tuple[str, ...]) -> int | None:
        for n in names:
            if n in header:
                return header.index(n)
        return None

    i_date = find(_DATE_HEADERS)
    i_adj = find(_ADJ_HEADERS)
    i_close = find(_CLOSE_HEADERS)
    if i_date is None:
        problems.add(1, None, "no date column; expected a header named Date (or Datetime, Timestamp)")
    if i_adj is None and i_close is None:
        problems.add(1, None, "no close column; expected a header named Close or Adj Close")
    problems.raise_if_any(source)
    i_main = i_adj if i_adj is not None else i_close  # the unadjusted close is ignored for risk (documented)
    close_column = raw_header[i_main]
    optional = {name: find((name,)) for name in ("open", "high", "low", "volume")}
    if not rows and not problems:
        raise InputError.single("the file has a header but no data rows", source=source, line=2)

    n = len(rows)
    lines = np.empty(n, dtype=np.int64)
    utc_ns = np.zeros(n, dtype=np.int64)
    wall_ns = np.zeros(n, dtype=np.int64)
    values = {k: np.full(n, np.nan) for k in ("open", "high", "low", "close", "volume")}
    columns = [(key, idx, raw_header[idx]) for key, idx in (
        ("close", i_main), ("open", optional["open"]), ("high", optional["high"]), ("low", optional["low"]),
        ("volume", optional["volume"])) if idx is not None]
    dates = DateParser(utc_today(now))
    bad_dates = False
    for j, (line, row) in enumerate(rows):
        lines[j] = line
        try:
            utc_ns[j], wall_ns[j] = dates.parse(row[i_date].strip() if i_date < len(row) else "")
        except ValueError as exc:
            problems.add(line, "date", str(exc))
            bad_dates = True
        for key, idx, field in columns:
            cell = row[idx].strip() if idx < len(row) else ""
            v = _value(cell, key, german, line, field, problems)
            if v is not None:
                values[key][j] = v
    if bad_dates:  # duplicates cannot be judged
        problems.raise_if_any(source)

    diffs = np.diff(np.sort(utc_ns)) / 1e9
    spacing = float(np.median(diffs)) if len(diffs) else 86400.0
    daily = spacing >= 20 * 3600 or (len(diffs) == 0)
    key = wall_ns if daily else utc_ns
    order = np.argsort(key, kind="stable")
    key_sorted = key[order]
    index = pd.DatetimeIndex(key_sorted.view("datetime64[ns]")).tz_localize(timezone.utc)
    for d in np.flatnonzero(key_sorted[1:] == key_sorted[:-1]):
        a, b = lines[order[d]], lines[order[d + 1]]
        when = index[d + 1]
        label = when.strftime("%Y-%m-%d") if daily else when.isoformat()
        problems.add(int(max(a, b)), raw_header[i_date], f"duplicate date {label} (also on line {int(min(a, b))})")
    if problems:
        problems.items.sort(key=lambda p: p.line or 0)
        problems.raise_if_any(source)
    frame = pd.DataFrame({k: v[order] for k, v in values.items()}, index=index.rename("ts"))
    timeframe = Timeframe.D1 if daily else _timeframe_for(spacing)
    return PriceCsv(source, close_column, frame, timeframe)


def _value(cell: str, key: str, german: bool, line: int, field: str, problems: _Problems) -> float | None:
    """One price or volume cell as a float, or None (missing optional value, or a problem was added)."""
    if not cell or cell.lower() in _MISSING:
        if key == "close":
            problems.add(line, field, "is empty; expected a positive price")
        return None
    try:
        v = float(parse_number(cell, german))
    except ValueError as exc:
        problems.add(line, field, f"{printable(str(exc))}; {_expected(key)}")
        return None
    if not (0 <= v <= MAX_VOLUME if key == "volume" else 0 < v < MAX_PRICE):  # also False for NaN
        shown = printable(cell if len(cell) <= 24 else cell[:20] + "…")
        problems.add(line, field, f"is {shown}; {_expected(key)}")
        return None
    return v


def _expected(key: str) -> str:
    text = (f"expected a volume from 0 to {MAX_VOLUME:.0e}" if key == "volume"
            else f"expected a positive finite price below {MAX_PRICE:.0e}")
    return text.replace("e+", "e")


def read_price_csv(path: Path, *, now: datetime | None = None) -> PriceCsv:
    """Read a price-history CSV as people have them (Yahoo-style, lowercase, close-only, any order)."""
    return parse_price_csv(read_text(path), str(path), now=now)


def read_price_source(name: str, *, stdin=None, now: datetime | None = None) -> PriceCsv:
    """Read the price file ``name``, or standard input (binary ``stdin``, default ``sys.stdin.buffer``)
    when ``name`` is ``-``; both under the same size limit."""
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return parse_price_csv(read_stream_text(stream, "<stdin>"), "<stdin>", now=now)
    return read_price_csv(Path(name), now=now)
