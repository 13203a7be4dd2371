"""CSV (and JSON) reading and writing for positions and price histories.

Every reader collects *all* problems of a file (line numbers, fields, what was expected) and raises one
``InputError``; nothing is returned half-parsed, so callers can keep imports all-or-nothing.
Line numbers are 1-based physical lines; the header is line 1.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from riskwatch.adapters.text_files import (  # noqa: F401  (re-exported: price_csv reads through here)
    MAX_FILE_BYTES, decode_text, read_stream_text, read_text)
from riskwatch.domain.errors import MAX_LISTED_PROBLEMS, InputError, Problem
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.domain.numbers import (COST_BASIS_RANGE, MAX_NUMBER_LENGTH, QUANTITY_RANGE, check_cost_basis,
                                      check_quantity, parse_number)
from riskwatch.domain.text import check_plain_text, escape_control_chars_json, printable

POSITION_COLUMNS = ("symbol", "kind", "quantity", "cost_basis", "currency", "account", "note")
_REQUIRED_POSITION_COLUMNS = ("symbol", "kind", "quantity")
_HEADER_ALIASES = {"cost basis": "cost_basis", "costbasis": "cost_basis", "qty": "quantity"}
_EXPECTED_HEADER = "expected header symbol,kind,quantity,cost_basis,currency,account,note"

#: Most positions one file may hold; a longer file is refused before it is parsed.
MAX_POSITION_ROWS = 100_000
#: Longest account name and note accepted on import.
MAX_ACCOUNT_LENGTH = 200
MAX_NOTE_LENGTH = 2000

# A text cell a spreadsheet would run as a formula (OWASP: = + - @ tab CR), possibly behind our own
# escape quotes; export prefixes one "'", import removes exactly one, so the two round-trip exactly.
_FORMULA_CELL = re.compile(r"'*[=+\-@\t\r]")


# -- low-level helpers --------------------------------------------------------------------------

def csv_rows(reader, on_error):
    """(line, row) for each non-blank row of a ``csv.reader``. A row the csv module cannot read ends the file:
    ``on_error(line, message)`` is told once, and nothing after it is read."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            on_error(reader.line_num, f"is not valid CSV ({exc}); the file was read up to here")
            return
        if any(cell.strip() for cell in row):
            yield reader.line_num, row


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


class _Report:
    """The problems of one file: the first MAX_LISTED_PROBLEMS kept, the others only counted."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.more = 0

    def add(self, problem: Problem) -> None:
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(problem)
        else:
            self.more += 1

    def extend(self, problems) -> None:
        for p in problems:
            self.add(p)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self, source: str) -> None:
        if self.problems:
            raise InputError(source, self.problems, more=self.more)


def escape_formula(text: str) -> str:
    """Prefix ``'`` to a text cell a spreadsheet would run as a formula (OWASP CSV injection rule)."""
    return "'" + text if _FORMULA_CELL.match(text) else text


def unescape_formula(text: str) -> str:
    """Undo :func:`escape_formula`: drop exactly one leading ``'`` before a formula character."""
    return text[1:] if text.startswith("'") and _FORMULA_CELL.match(text) else text


def parse_positions_csv(text: str, source: str = "<input>") -> list[Position]:
    """Parse a positions CSV (columns symbol,kind,quantity,cost_basis,currency,account,note).

    Accepts `,` or `;` separators and decimal commas. Rejects the whole file on any bad row, and a file
    without any position (so ``--replace`` with a header-only file cannot delete everything).
    """
    return [row.position for row in parse_position_rows(text, source)]


def _check_header(row: list[str], line: int, report: _Report) -> list[str]:
    header = [_norm_header(h) for h in row]
    missing = [c for c in _REQUIRED_POSITION_COLUMNS if c not in header]
    if missing:
        report.add(Problem(line, None, "missing column(s) " + ", ".join(missing) + "; " + _EXPECTED_HEADER))
    for name, j, i in duplicate_columns(header, POSITION_COLUMNS):
        same = f" ('{row[j].strip()}' and '{row[i].strip()}' mean the same)" \
            if row[j].strip().lower() != row[i].strip().lower() else ""
        report.add(Problem(line, None, f"column {name} appears twice (columns {j + 1} and {i + 1}){same}; "
                                       + _EXPECTED_HEADER))
    return header


def duplicate_columns(header: list[str], known) -> list[tuple[str, int, int]]:
    """``(name, first index, repeated index)`` for each known column of a normalised header that appears
    again (unknown columns are ignored): a file must never have one of two values chosen silently."""
    first: dict[str, int] = {}
    found = []
    for i, name in enumerate(header):
        if name not in known:
            continue
        if name in first:
            found.append((name, first[name], i))
        else:
            first[name] = i
    return found


def parse_position_rows(text: str, source: str = "<input>") -> list[PositionRow]:
    """Like :func:`parse_positions_csv`, keeping each position's line number."""
    n_lines = max(text.count("\n"), text.count("\r"))
    if n_lines > MAX_POSITION_ROWS + 1:
        raise InputError.single(f"has {n_lines} lines; a positions file may hold at most "
                                f"{MAX_POSITION_ROWS} positions", source=source)
    text = text.removeprefix("\ufeff")  # a BOM (German Excel export) when the caller did not decode it away
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    report = _Report()
    header: list[str] | None = None
    header_line = 0
    positions: list[PositionRow] = []
    seen: dict[tuple[str, str], int] = {}
    n_rows = 0
    for line, row in csv_rows(reader, lambda line, msg: report.add(Problem(line, None, msg))):
        if header is None:
            header_line = line
            header = _check_header(row, line, report)
            if report:
                break
            continue
        n_rows += 1
        rec = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
        if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
            report.add(Problem(line, None, f"{len(row)} fields but the header has {len(header)}"))
            continue
        rec = {k: unescape_formula(v) for k, v in rec.items()}
        sub: list[Problem] = []
        pos = _position_from_record(rec, line, sub, german=delimiter == ";")
        report.extend(sub)
        if pos is None:
            continue
        if pos.key in seen:
            report.add(Problem(line, "symbol", f"{pos.symbol} in account '{printable(pos.account)}' appears "
                                               f"twice (also on line {seen[pos.key]})"))
            continue
        seen[pos.key] = line
        positions.append(PositionRow(line, pos))
    if header is None and not report:
        report.add(Problem(1, None, "the file is empty; " + _EXPECTED_HEADER))
    elif header is not None and n_rows == 0 and not report:
        report.add(Problem(header_line, None, "the file has a header but no positions; expected at least "
                                              "one position below the header"))
    report.raise_if_any(source)
    return positions


def _text_field(rec: dict[str, str], name: str, line: int | None, problems: list[Problem], max_length: int) -> str:
    try:
        return check_plain_text(rec.get(name, ""), "", max_length).strip()
    except ValueError as exc:
        problems.append(Problem(line, name, str(exc).lstrip()))
        return ""


def _position_from_record(rec: dict[str, str], line: int | None, problems: list[Problem],
                          german: bool = False) -> Position | None:
    n_before = len(problems)
    symbol = rec.get("symbol", "")
    if not symbol:
        problems.append(Problem(line, "symbol", "is empty; expected a ticker such as BTC or IREN"))
    kind = None
    try:
        kind = AssetKind.parse(rec.get("kind", ""))
    except ValueError as exc:
        problems.append(Problem(line, "kind", printable(str(exc))))
    quantity = cost = None
    try:
        quantity = check_quantity(parse_number(rec.get("quantity", ""), german), name="")
    except ValueError as exc:
        problems.append(Problem(line, "quantity", _expected(str(exc), f"{QUANTITY_RANGE}, such as 0.5")))
    raw_cost = rec.get("cost_basis", "")
    try:
        cost = check_cost_basis(parse_number(raw_cost, german) if raw_cost else Decimal("0"), name="")
    except ValueError as exc:
        problems.append(Problem(line, "cost_basis", _expected(str(exc), f"{COST_BASIS_RANGE}, such as 61234.50")))
    currency = rec.get("currency", "") or "USD"
    account = _text_field(rec, "account", line, problems, MAX_ACCOUNT_LENGTH)
    note = _text_field(rec, "note", line, problems, MAX_NOTE_LENGTH)
    asset = None
    if len(problems) == n_before:
        try:
            asset = Asset(symbol, kind, currency)
        except ValueError as exc:
            field = "currency" if "currency" in str(exc) else "symbol"
            problems.append(Problem(line, field, printable(str(exc))))
    if len(problems) != n_before or asset is None:
        return None
    return Position(asset, quantity, cost, account, note)


def _expected(message: str, expected: str) -> str:
    message = printable(message)
    return message if "expected" in message else f"{message}; expected {expected}"


def read_position_rows(path: Path) -> list[PositionRow]:
    """Read positions from a CSV file, or from a JSON file written by ``positions export --json``."""
    return parse_position_text(read_text(path), str(path))


def parse_position_text(text: str, source: str) -> list[PositionRow]:
    """Positions from a file's text: JSON when the source ends in .json or the text starts with { or [."""
    if source.lower().endswith(".json") or text.lstrip()[:1] in ("{", "["):
        return [PositionRow(None, p) for p in parse_positions_json(text, source)]
    return parse_position_rows(text, source)


def read_positions_file(path: Path) -> list[Position]:
    return [row.position for row in read_position_rows(path)]


def positions_to_records(positions: list[Position]) -> list[dict[str, str]]:
    return [{"symbol": p.symbol, "kind": p.asset.kind.value, "quantity": str(p.quantity),
             "cost_basis": str(p.cost_basis), "currency": p.asset.quote_currency, "account": p.account,
             "note": p.note} for p in positions]


#: Formats of ``positions export``: plain CSV (`,`, decimal points), CSV for German Excel, JSON.
EXPORT_FORMATS = ("csv", "excel-de", "json")


def _excel_german_number(text: str) -> str:
    """A record's number (``str(Decimal)``) as German Excel reads it: no exponent, a decimal comma."""
    fixed = format(Decimal(text), "f")
    return (fixed if len(fixed) <= MAX_NUMBER_LENGTH else text).replace(".", ",")


def positions_to_csv(positions: list[Position], excel_german: bool = False) -> str:
    """CSV of the positions; text cells a spreadsheet would run as formulas are escaped with ``'``.

    ``excel_german``: `;`-separated with decimal commas and a UTF-8 BOM, as German Excel opens it without
    an import dialog; the `;` makes :func:`parse_position_rows` read it back with German numbers."""
    text_fields = ("symbol", "currency", "account", "note")
    numbers = ("quantity", "cost_basis") if excel_german else ()
    rows = [list(POSITION_COLUMNS)] + [[escape_formula(v) if k in text_fields else
                                        _excel_german_number(v) if k in numbers else v for k, v in rec.items()]
                                       for rec in positions_to_records(positions)]
    # Lines end in "\n", but the writer must see "\r\n": it quotes only cells holding characters of its
    # line terminator, and an unquoted CR inside a note would split the row for every reader.
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";" if excel_german else ",", lineterminator="\r\n")
    out = ["\ufeff"] if excel_german else []
    for row in rows:
        buf.seek(0)
        buf.truncate()
        writer.writerow(row)
        out.append(buf.getvalue()[:-2] + "\n")
    return "".join(out)


def positions_to_text(positions: list[Position], fmt: str = "csv") -> str:
    """The export file's text in one of EXPORT_FORMATS."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    return positions_to_json(positions) if fmt == "json" else positions_to_csv(positions, fmt == "excel-de")


def positions_to_json(positions: list[Position]) -> str:
    """JSON of the positions (text unescaped; control characters as \\u escapes, never raw)."""
    text = json.dumps({"positions": positions_to_records(positions)}, ensure_ascii=False, indent=2) + "\n"
    return escape_control_chars_json(text)


def parse_positions_json(text: str, source: str = "<input>") -> list[Position]:
    try:  # numbers stay text: no float overflow to inf, no int digit limit; the record parser checks them
        doc = json.loads(text, parse_float=str, parse_int=str, parse_constant=str)
    except json.JSONDecodeError as exc:
        raise InputError.single(f"not valid JSON ({exc.msg})", source=source, line=exc.lineno) from None
    except RecursionError:
        raise InputError.single('is nested too deeply; expected {"positions": [...]} with one flat object '
                                "per position", source=source) from None
    records = doc.get("positions") if isinstance(doc, dict) else doc
    if not isinstance(records, list):
        raise InputError.single("expected an object with a list 'positions'", source=source)
    if len(records) > MAX_POSITION_ROWS:
        raise InputError.single(f"has {len(records)} positions; expected at most {MAX_POSITION_ROWS}",
                                source=source)
    if not records:
        raise InputError.single("has no positions; expected at least one in the list 'positions'", source=source)
    report = _Report()
    out: list[Position] = []
    seen: dict[tuple[str, str], int] = {}
    for i, rec in enumerate(records):
        where = f"positions[{i}]"
        if not isinstance(rec, dict):
            report.add(Problem(None, where, "expected an object"))
            continue
        nested = [k for k, v in rec.items() if isinstance(v, (dict, list))]
        if nested:
            report.add(Problem(None, f"{where}.{printable(str(nested[0]))[:40]}", "expected text or a number"))
            continue
        sub: list[Problem] = []
        pos = _position_from_record({str(k): str(v) if v is not None else "" for k, v in rec.items()}, None, sub)
        report.extend(Problem(None, f"{where}.{p.field}" if p.field else where, p.message) for p in sub)
        if pos is not None:
            if pos.key in seen:
                report.add(Problem(None, where, f"{pos.symbol} in account '{printable(pos.account)}' appears twice"))
                continue
            seen[pos.key] = i
            out.append(pos)
    report.raise_if_any(source)
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


# -- price histories (pandas/numpy: imported only when a price file is read) -------------------------

def parse_price_csv(text: str, source: str = "<input>"):
    from riskwatch.adapters.price_csv import parse_price_csv as parse

    return parse(text, source)


def read_price_csv(path: Path):
    """Read a price-history CSV as people have them (Yahoo-style, lowercase, close-only, any order)."""
    from riskwatch.adapters.price_csv import read_price_csv as read

    return read(path)


def __getattr__(name: str):
    if name == "PriceCsv":
        from riskwatch.adapters.price_csv import PriceCsv

        return PriceCsv
    raise AttributeError(name)

