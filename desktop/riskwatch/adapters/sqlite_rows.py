"""Reading stored rows back into domain objects: a row that does not parse raises :class:`BadField` (the
store skips and reports it), and the epoch-millisecond helpers every repository on the store shares."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation

from riskwatch.domain.errors import DamagedRow, InputError
from riskwatch.domain.model import Asset, AssetKind, Position


class BadField(Exception):
    """A stored value that does not parse: which field, and what is wrong with it."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(message)


def epoch_ms(ts: datetime) -> int:
    """An aware datetime as the epoch milliseconds the store keeps in its ``ts`` columns."""
    if ts.tzinfo is None:
        raise ValueError("naive datetime given to the store")
    return int(round(ts.timestamp() * 1000))


def utc_from_ms(ms: int) -> datetime:
    """A stored epoch-milliseconds value as an aware UTC datetime."""
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc)


def ts_range(since: datetime | None, until: datetime | None) -> tuple[str, list[int]]:
    """The SQL conditions ``AND ts >= ? AND ts <= ?`` for the bounds given (both inclusive; a None bound is
    left out) and their parameters, to append to a ``WHERE`` clause."""
    sql = ""
    params: list[int] = []
    if since is not None:
        sql += " AND ts >= ?"
        params.append(epoch_ms(since))
    if until is not None:
        sql += " AND ts <= ?"
        params.append(epoch_ms(until))
    return sql, params

log = logging.getLogger("riskwatch.adapters.sqlite_store")


class DamagedRows:
    """The rows each table's latest read skipped; each one is logged and handed to ``on_damaged_row`` once per
    store (not again on every refresh of a view)."""

    def __init__(self, on_damaged_row: Callable[[DamagedRow], None] | None = None):
        self._on_damaged_row = on_damaged_row
        self._latest: dict[str, tuple[DamagedRow, ...]] = {}
        self._reported: set[tuple] = set()

    def report(self, table: str, rows: Sequence[DamagedRow], where: str = "") -> None:
        self._latest[table] = tuple(rows)
        for row in rows:
            key = (row.table, row.row_id, row.field)
            if key in self._reported:
                continue
            self._reported.add(key)
            # the caller shows it (stderr, status bar): the log gets it at info level, else as a warning
            log.log(logging.INFO if self._on_damaged_row else logging.WARNING, "data store %s: %s", where,
                    row.describe())
            if self._on_damaged_row is not None:
                self._on_damaged_row(row)

    def rows(self) -> list[DamagedRow]:
        return [row for rows in self._latest.values() for row in rows]


def stored_decimal(text, field: str) -> Decimal:
    try:
        value = Decimal(str(text))
    except (InvalidOperation, ValueError):
        raise BadField(field, f"'{text}' is not a number") from None
    if not value.is_finite():
        raise BadField(field, f"'{text}' is not a finite number")
    return value


def stored_float(value, field: str) -> float | None:
    """A REAL column: None stays None; text, NaN or infinity raise :class:`BadField`."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise BadField(field, f"'{value}' is not a finite number")


def row_to_position(row: tuple) -> Position:
    """A ``positions`` row (id, symbol, kind, quantity, cost_basis, currency, account, note, is_example)."""
    pid, symbol, kind, qty, cost, cur, account, note, example = row
    try:
        kind = AssetKind(kind)
    except ValueError:
        raise BadField("kind", f"'{kind}' is not a kind of asset") from None
    quantity, cost_basis = stored_decimal(qty, "quantity"), stored_decimal(cost, "cost_basis")
    try:
        asset = Asset(symbol, kind, cur)
    except (TypeError, ValueError, InputError) as exc:
        raise BadField("currency" if "currency" in str(exc) else "symbol", str(exc)) from None
    try:
        return Position(asset=asset, quantity=quantity, cost_basis=cost_basis, account=account, note=note,
                        id=pid, is_example=bool(example))
    except (TypeError, ValueError, InputError) as exc:
        raise BadField("cost_basis" if "cost basis" in str(exc) else "quantity", str(exc)) from None


__all__ = ["BadField", "DamagedRows", "row_to_position", "stored_decimal", "stored_float", "epoch_ms", "utc_from_ms", "ts_range"]
