"""CSV (and JSON) reading and writing for positions and price histories.

Every reader collects *all* problems of a file (line numbers, fields, what was expected) and raises one
``InputError``; nothing is returned half-parsed, so callers can keep imports all-or-nothing.
Line numbers are 1-based physical lines; the header is line 1.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from riskwatch.domain.errors import InputError, Problem
from riskwatch.domain.model import Asset, AssetKind, Bar, Position, Timeframe
from riskwatch.domain.numbers import parse_number

POSITION_COLUMNS = ("symbol", "kind", "quantity", "cost_basis", "currency", "account", "note")
_REQUIRED_POSITION_COLUMNS = ("symbol", "kind", "quantity")
_HEADER_ALIASES = {"cost basis": "cost_basis", "costbasis": "cost_basis", "qty": "quantity"}


# -- low-level helpers --------------------------------------------------------------------------

def read_text(path: Path) -> str:
    """Read a text file as UTF-8 (with or without BOM), falling back to Windows-1252 (German Excel)."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError.single("file not found", source=str(path)) from None
    except OSError as exc:
        raise InputError.single(f"cannot read the file ({exc.strerror})", source=str(path)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """`;` when the header line uses it (German Excel), a tab when it uses tabs, else `,`."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _norm_header(h: str) -> str:
    key = (h or "").strip().lower().replace("-", " ").replace("_", " ")
    key = " ".join(key.split())
    return _HEADER_ALIASES.get(key, key.replace(" ", "_"))


# -- positions ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PositionRow:
    line: int | None
    position: Position


def parse_positions_csv(text: str, source: str = "<input>") -> list[Position]:
    """Parse a positions CSV (columns symbol,kind,quantity,cost_basis,currency,account,note).

    Accepts `,` or `;` separators and decimal commas. Rejects the whole file on any bad row.
    """
    return [row.position for row in parse_position_rows(text, source)]


def parse_position_rows(text: str, source: str = "<input>") -> list[PositionRow]:
    """Like :func:`parse_positions_csv`, keeping each position's line number."""
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[Problem] = []
    header: list[str] | None = None
    header_line = 0
    positions: list[PositionRow] = []
    seen: dict[tuple[str, str], int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [_norm_header(h) for h in row]
            header_line = line
            missing = [c for c in _REQUIRED_POSITION_COLUMNS if c not in header]
            if missing:
                problems.append(Problem(line, None, "missing column(s) " + ", ".join(missing)
                                        + "; expected header symbol,kind,quantity,cost_basis,currency,account,note"))
                break
            continue
        rec = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
        if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
            problems.append(Problem(line, None, f"{len(row)} fields but the header has {len(header)}"))
            continue
        pos = _position_from_record(rec, line, problems, german=delimiter == ";")
        if pos is None:
            continue
        if pos.key in seen:
            problems.append(Problem(line, "symbol", f"{pos.symbol} in account '{pos.account}' appears twice "
                                                    f"(also on line {seen[pos.key]})"))
            continue
        seen[pos.key] = line
        positions.append(PositionRow(line, pos))
    if header is None and not problems:
        problems.append(Problem(1, None, "the file is empty; expected a header "
                                         "symbol,kind,quantity,cost_basis,currency,account,note"))
    if problems:
        raise InputError(source, problems)
    del header_line
    return positions


def _position_from_record(rec: dict[str, str], line: int, problems: list[Problem],
                          german: bool = False) -> Position | None:
    n_before = len(problems)
    symbol = rec.get("symbol", "")
    if not symbol:
        problems.append(Problem(line, "symbol", "is empty; expected a ticker such as BTC or IREN"))
    kind = None
    try:
        kind = AssetKind.parse(rec.get("kind", ""))
    except ValueError as exc:
        problems.append(Problem(line, "kind", str(exc)))
    quantity = cost = None
    try:
        quantity = parse_number(rec.get("quantity", ""), german)
        if quantity < 0:
            problems.append(Problem(line, "quantity", f"is {quantity}; expected a number ≥ 0"))
    except ValueError as exc:
        problems.append(Problem(line, "quantity", f"{exc}; expected a finite number such as 0.5"))
    raw_cost = rec.get("cost_basis", "")
    try:
        cost = parse_number(raw_cost, german) if raw_cost else Decimal("0")
        if cost < 0:
            problems.append(Problem(line, "cost_basis", f"is {cost}; expected a price ≥ 0 per unit"))
    except ValueError as exc:
        problems.append(Problem(line, "cost_basis", f"{exc}; expected a finite price per unit such as 61234.50"))
    currency = rec.get("currency", "") or "USD"
    asset = None
    if len(problems) == n_before:
        try:
            asset = Asset(symbol, kind, currency)
        except ValueError as exc:
            field = "currency" if "currency" in str(exc) else "symbol"
            problems.append(Problem(line, field, str(exc)))
    if len(problems) != n_before or asset is None:
        return None
    return Position(asset, quantity, cost, rec.get("account", ""), rec.get("note", ""))


def read_position_rows(path: Path) -> list[PositionRow]:
    """Read positions from a CSV file, or from a JSON file written by ``positions export --json``."""
    text = read_text(path)
    if Path(path).suffix.lower() == ".json":
        return [PositionRow(None, p) for p in parse_positions_json(text, str(path))]
    return parse_position_rows(text, str(path))


def read_positions_file(path: Path) -> list[Position]:
    return [row.position for row in read_position_rows(path)]


def positions_to_records(positions: list[Position]) -> list[dict[str, str]]:
    return [{"symbol": p.symbol, "kind": p.asset.kind.value, "quantity": str(p.quantity),
             "cost_basis": str(p.cost_basis), "currency": p.asset.quote_currency, "account": p.account,
             "note": p.note} for p in positions]


def positions_to_csv(positions: list[Position]) -> str:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=POSITION_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(positions_to_records(positions))
    return buf.getvalue()


def positions_to_json(positions: list[Position]) -> str:
    return json.dumps({"positions": positions_to_records(positions)}, ensure_ascii=False, indent=2) + "\n"


def parse_positions_json(text: str, source: str = "<input>") -> list[Position]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError.single(f"not valid JSON ({exc.msg})", source=source, line=exc.lineno) from None
    records = doc.get("positions") if isinstance(doc, dict) else doc
    if not isinstance(records, list):
        raise InputError.single("expected an object with a list 'positions'", source=source)
    problems: list[Problem] = []
    out: list[Position] = []
    seen: dict[tuple[str, str], int] = {}
    for i, rec in enumerate(records, start=1):
        if not isinstance(rec, dict):
            problems.append(Problem(None, f"positions[{i - 1}]", "expected an object"))
            continue
        sub: list[Problem] = []
        pos = _position_from_record({k: str(v) if v is not None else "" for k, v in rec.items()}, i, sub)
        problems.extend(Problem(None, f"positions[{i - 1}].{p.field}" if p.field else f"positions[{i - 1}]",
                                p.message) for p in sub)
        if pos is not None:
            if pos.key in seen:
                problems.append(Problem(None, f"positions[{i - 1}]", f"{pos.symbol} in account "
                                        f"'{pos.account}' appears twice"))
                continue
            seen[pos.key] = i
            out.append(pos)
    if problems:
        raise InputError(source, problems)
    return out


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file via a temporary sibling and rename, so a failure never leaves half a file."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8", newline="")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError.single(f"cannot write the file ({exc.strerror})", source=str(path)) from None


# -- price histories ----------------------------------------------------------------------------

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


def utc_now() -> datetime:  # pragma: no cover - convenience for callers outside the domain
    return datetime.now(timezone.utc)
