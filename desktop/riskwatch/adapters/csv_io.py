"""CSV (and JSON) reading and writing for positions and price histories.

Every reader collects *all* problems of a file (line numbers, fields, what was expected) and raises one
``InputError``; nothing is returned half-parsed, so callers can keep imports all-or-nothing.
Line numbers are 1-based physical lines; the header is line 1.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from riskwatch.domain.errors import InputError, Problem
from riskwatch.domain.model import Asset, AssetKind, Position
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

