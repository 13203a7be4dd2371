"""Price-history CSVs as people have them: Yahoo-style, lowercase headers, close-only files, dates with or
without time and time zone, German formats, any row order. All problems of a file are collected and raised
as one InputError; nothing is returned half-parsed.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from datetime import timezone
from pathlib import Path

import numpy as np
import pandas as pd

from riskwatch.adapters.csv_io import _norm_header, read_text, sniff_delimiter
from riskwatch.domain.errors import InputError, Problem
from riskwatch.domain.model import Bar, Timeframe
from riskwatch.domain.numbers import parse_number


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


def parse_price_csv(text: str, source: str = "<input>") -> PriceCsv:
    delimiter = sniff_delimiter(text)
    german = delimiter == ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[Problem] = []
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    raw_header: list[str] = []
    for row in reader:
        if not any(c.strip() for c in row):
            continue
        if header is None:
            raw_header = [h.strip() for h in row]
            header = [_norm_header(h) for h in row]
            continue
        rows.append((reader.line_num, row))
    if header is None:
        raise InputError.single("the file is empty; expected a header such as Date,Close", source=source, line=1)

    def find(names: tuple[str, ...]) -> int | None:
        for n in names:
            if n in header:
                return header.index(n)
        return None

    i_date = find(_DATE_HEADERS)
    i_adj = find(_ADJ_HEADERS)
    i_close = find(_CLOSE_HEADERS)
    if i_date is None:
        problems.append(Problem(1, None, "no date column; expected a header named Date (or Datetime, Timestamp)"))
    if i_adj is None and i_close is None:
        problems.append(Problem(1, None, "no close column; expected a header named Close or Adj Close"))
    if problems:
        raise InputError(source, problems)
    i_main = i_adj if i_adj is not None else i_close
    close_column = raw_header[i_main]
    optional = {name: find((name,)) for name in ("open", "high", "low", "volume")}
    if i_adj is not None and i_close is not None and optional.get("close") is None:
        pass  # the unadjusted close is ignored for risk (documented)
    if not rows:
        raise InputError.single("the file has a header but no data rows", source=source, line=2)

    n = len(rows)
    lines = np.empty(n, dtype=np.int64)
    date_texts: list[str] = []
    values = {k: np.full(n, np.nan) for k in ("open", "high", "low", "close", "volume")}
    for j, (line, row) in enumerate(rows):
        lines[j] = line
        date_texts.append(row[i_date].strip() if i_date < len(row) else "")
        for key, idx, required in (("close", i_main, True), ("open", optional["open"], False),
                                   ("high", optional["high"], False), ("low", optional["low"], False),
                                   ("volume", optional["volume"], False)):
            if idx is None:
                continue
            cell = row[idx].strip() if idx < len(row) else ""
            field = raw_header[idx]
            if not cell or cell.lower() in ("null", "nan", "na", "n/a", "-"):
                if required:
                    problems.append(Problem(line, field, "is empty; expected a positive price"))
                continue
            try:
                v = float(parse_number(cell, german))
            except ValueError as exc:
                problems.append(Problem(line, field, f"{exc}; expected a positive finite number"))
                continue
            if key == "volume":
                if v < 0:
                    problems.append(Problem(line, field, f"is {cell}; expected a volume ≥ 0"))
                    continue
            elif not (math.isfinite(v) and v > 0):
                problems.append(Problem(line, field, f"is {cell}; expected a positive finite price"))
                continue
            values[key][j] = v

    n_value_problems = len(problems)
    stamps, wall_midnight = _parse_dates(date_texts, lines, problems)
    if len(problems) > n_value_problems:  # bad dates: duplicates cannot be judged
        raise InputError(source, sorted(problems, key=lambda p: p.line or 0))

    order = np.argsort(stamps.as_unit("ns").asi8, kind="stable")
    sorted_ts = stamps.as_unit("ns").asi8[order]
    diffs = np.diff(sorted_ts) / 1e9
    spacing = float(np.median(diffs)) if len(diffs) else 86400.0
    daily = spacing >= 20 * 3600 or (len(diffs) == 0)
    if daily:
        index = wall_midnight
    else:
        index = stamps
    key = index.as_unit("ns").asi8
    order = np.argsort(key, kind="stable")
    key_sorted = key[order]
    dup = np.flatnonzero(key_sorted[1:] == key_sorted[:-1])
    for d in dup:
        a, b = lines[order[d]], lines[order[d + 1]]
        when = index[order[d + 1]]
        label = when.strftime("%Y-%m-%d") if daily else when.isoformat()
        problems.append(Problem(int(max(a, b)), raw_header[i_date],
                                f"duplicate date {label} (also on line {int(min(a, b))})"))
    if problems:
        raise InputError(source, sorted(problems, key=lambda p: p.line or 0))
    frame = pd.DataFrame({k: v[order] for k, v in values.items()},
                         index=pd.DatetimeIndex(index[order], name="ts"))
    timeframe = Timeframe.D1 if daily else _timeframe_for(spacing)
    return PriceCsv(source, close_column, frame, timeframe)


def _parse_dates(texts: list[str], lines: np.ndarray, problems: list[Problem]):
    """Parse date strings with or without time and offset.

    Returns (utc_instants, wall_dates_at_midnight_utc): the second keeps the calendar date as written
    (``2021-06-21 04:00:00+00:00`` and ``2021-06-21 00:00:00-04:00`` are both 2021-06-21).
    """
    utc_vals = np.empty(len(texts), dtype="datetime64[ns]")
    wall_vals = np.empty(len(texts), dtype="datetime64[ns]")
    # Fast path: plain ISO dates
    try:
        if all(len(t) == 10 for t in texts):
            parsed = pd.to_datetime(pd.Series(texts), format="%Y-%m-%d", errors="raise")
            arr = parsed.to_numpy(dtype="datetime64[ns]")
            idx = pd.DatetimeIndex(arr).tz_localize(timezone.utc)
            return idx, idx
    except (ValueError, TypeError):
        pass
    for j, t in enumerate(texts):
        if not t:
            problems.append(Problem(int(lines[j]), "date", "is empty; expected a date like 2025-11-04"))
            continue
        try:
            if t.lstrip("-").isdigit() and len(t.lstrip("-")) >= 9:  # epoch seconds or milliseconds
                num = int(t)
                ts = pd.Timestamp(num, unit="ms" if abs(num) > 10**11 else "s", tz="UTC")
                wall = ts
            else:
                ts = pd.Timestamp(_german_date(t))
                wall = ts
                if ts.tzinfo is None:
                    ts = ts.tz_localize("UTC")
                else:
                    wall = ts.tz_localize(None)
                    ts = ts.tz_convert("UTC")
            if wall.tzinfo is not None:
                wall = wall.tz_localize(None)
        except (ValueError, TypeError, OverflowError):
            problems.append(Problem(int(lines[j]), "date",
                                    f"'{t}' is not a date; expected e.g. 2025-11-04 or 2025-11-04 14:00:00+00:00"))
            continue
        utc_vals[j] = ts.tz_localize(None).to_datetime64()
        wall_vals[j] = wall.normalize().to_datetime64()
    return (pd.DatetimeIndex(utc_vals).tz_localize(timezone.utc),
            pd.DatetimeIndex(wall_vals).tz_localize(timezone.utc))


_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(.*)$")


def _german_date(text: str) -> str:
    m = _GERMAN_DATE.match(text)
    if m:
        d, mo, y, rest = m.groups()
        return f"{y}-{int(mo):02d}-{int(d):02d}{rest}"
    return text


def read_price_csv(path: Path) -> PriceCsv:
    """Read a price-history CSV as people have them (Yahoo-style, lowercase, close-only, any order)."""
    return parse_price_csv(read_text(path), str(path))


