"""SQLite store: repositories returning domain objects (schema and migrations in sqlite_schema.py).

The store owns its schema. WAL mode; every multi-row change runs in one transaction. sqlite3 errors become
domain errors in sqlite_errors.py; a stored row that does not parse is skipped and reported, never fatal.
The folder is 0700, the files 0600 (private_fs.py). Secrets never go here.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from riskwatch.adapters.private_fs import ensure_private_dir, private_file, tighten_file
from riskwatch.adapters.sqlite_errors import damaged, read_only, store_errors, translate
from riskwatch.adapters.sqlite_rows import BadField, DamagedRows, epoch_ms, row_to_position, ts_range, utc_from_ms
from riskwatch.adapters.sqlite_schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    backup_before_migration,
    missing_tables,
    split_sql,
)
from riskwatch.domain.errors import DamagedRow, InputError, Problem, StoreError
from riskwatch.domain.model import Bar, Portfolio, Position, PriceSeriesInfo, Timeframe

DB_FILENAME = "riskwatch.sqlite3"
#: seconds a write waits for another process's lock before "locked by another process"
BUSY_TIMEOUT_S = 5.0
log = logging.getLogger(__name__)

class SqliteStore:
    """Implements the Store port on one SQLite file.

    The connection may be used from several threads (the GUI thread and the loop thread); a lock
    serialises access, and each public call is short.
    """

    def __init__(self, path: Path | str, *, busy_timeout: float = BUSY_TIMEOUT_S,
                 on_damaged_row: Callable[[DamagedRow], None] | None = None):
        self.path = Path(path)
        self.backup_path: Path | None = None  # the backup taken before this open migrated the store
        self._damaged = DamagedRows(on_damaged_row)
        memory = str(path) == ":memory:"
        try:
            if not memory:
                ensure_private_dir(self.path.parent)
                private_file(self.path)
            self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                                         timeout=busy_timeout)
        except PermissionError as exc:
            raise read_only(self.path, str(exc)) from None
        except (OSError, sqlite3.Error) as exc:
            raise translate(exc, self.path) from None
        self._lock = threading.RLock()
        self._bar_versions: dict[str, int] = {}  # per symbol, bumped on every write of its bars
        try:
            with store_errors(self.path):
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=NORMAL")
                self._conn.execute("PRAGMA foreign_keys=ON")
                self._migrate()
                missing = missing_tables(self._conn, self.schema_version())
                if missing:
                    raise damaged(self.path, f"table {', '.join(missing)} is missing")
        except BaseException:
            self._conn.close()
            raise
        if not memory:
            for suffix in ("-wal", "-shm"):  # SQLite gives them the database file's mode; older ones: tighten
                tighten_file(self.path.with_name(self.path.name + suffix))

    @classmethod
    def in_dir(cls, data_dir: Path | str, **options) -> SqliteStore:
        return cls(Path(data_dir) / DB_FILENAME, **options)

    # -- plumbing -----------------------------------------------------------------------------
    @contextmanager
    def transaction(self):
        """One ``BEGIN IMMEDIATE`` transaction; any sqlite3 error leaves as a domain error (StoreLocked,
        StoreFull, ...) after a clean rollback. SQLite may already have rolled back by itself (a full disk):
        then there is nothing to roll back, and no second error."""
        with self._lock, store_errors(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    def _query(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        with self._lock, store_errors(self.path):
            return self._conn.execute(sql, params).fetchall()

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the data store {self.path} was written by a newer RiskWatch (schema {version}, "
                f"this version knows {SCHEMA_VERSION})", path=str(self.path))
        if 0 < version < SCHEMA_VERSION and str(self.path) != ":memory:":
            self.backup_path = backup_before_migration(self._conn, self.path, version)
            log.info("data store backed up to %s before the upgrade from schema %d", self.backup_path, version)
        for number in range(version + 1, SCHEMA_VERSION + 1):
            script = MIGRATIONS[number - 1]
            with self.transaction() as conn:
                for statement in split_sql(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    # -- rows that do not parse: skipped and reported ----------------------------------------------
    def report_damaged(self, table: str, rows: Sequence[DamagedRow]) -> None:
        """Record the rows the latest read of ``table`` skipped (each is logged and reported once)."""
        self._damaged.report(table, rows, str(self.path))

    def skipped_rows(self) -> list[DamagedRow]:
        """The rows the latest read of each table skipped because they do not parse."""
        return self._damaged.rows()

    def schema_version(self) -> int:
        return int(self._query("PRAGMA user_version")[0][0])

    def journal_mode(self) -> str:
        return str(self._query("PRAGMA journal_mode")[0][0])

    def close(self) -> None:
        with self._lock:
            try:
                self._conn.execute("PRAGMA busy_timeout = 0")  # never wait for a lock just to checkpoint
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass
            self._conn.close()

    # -- positions ----------------------------------------------------------------------------
    _POS_COLS = "id, symbol, kind, quantity, cost_basis, currency, account, note, is_example"

    def _positions(self, rows: list[tuple]) -> list[Position]:
        out, bad = [], []
        for row in rows:
            try:
                out.append(row_to_position(row))
            except BadField as exc:
                bad.append(DamagedRow("positions", row[0], exc.field, exc.message))
        self.report_damaged("positions", bad)
        return out

    @staticmethod
    def _position_params(p: Position) -> tuple:
        return (p.asset.symbol, p.asset.kind.value, str(p.quantity), str(p.cost_basis),
                p.asset.quote_currency, p.account, p.note, int(p.is_example))

    def list_positions(self) -> list[Position]:
        """Every position that parses; the others are skipped and reported (see :meth:`skipped_rows`)."""
        return self._positions(self._query(f"SELECT {self._POS_COLS} FROM positions ORDER BY id"))

    def get_position(self, position_id: int) -> Position | None:
        rows = self._query(f"SELECT {self._POS_COLS} FROM positions WHERE id = ?", (position_id,))
        try:
            return row_to_position(rows[0]) if rows else None
        except BadField:
            return None

    def portfolio(self, base_currency: str | None = None) -> Portfolio:
        base = base_currency or self.get_setting("base_currency", "USD") or "USD"
        return Portfolio(tuple(self.list_positions()), base)

    def _insert(self, conn: sqlite3.Connection, p: Position) -> Position:
        try:
            cur = conn.execute(
                "INSERT INTO positions (symbol, kind, quantity, cost_basis, currency, account, note, is_example) "
                "VALUES (?,?,?,?,?,?,?,?)", self._position_params(p))
        except sqlite3.IntegrityError:
            raise InputError.single(
                f"{p.symbol} in account '{p.account}' is already held; edit that position or use replace",
                field="symbol") from None
        return Position(p.asset, p.quantity, p.cost_basis, p.account, p.note, cur.lastrowid, p.is_example)

    def add_position(self, position: Position) -> Position:
        with self.transaction() as conn:
            return self._insert(conn, position)

    def add_positions(self, positions: Sequence[Position]) -> list[Position]:
        """Add all positions or none (one transaction)."""
        with self.transaction() as conn:
            return [self._insert(conn, p) for p in positions]

    def replace_positions(self, positions: Sequence[Position]) -> list[Position]:
        """Replace every position by ``positions`` in one transaction."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM positions")
            return [self._insert(conn, p) for p in positions]

    def update_position(self, position: Position) -> Position:
        if position.id is None:
            raise ValueError("position has no id")
        with self.transaction() as conn:
            try:
                cur = conn.execute(
                    "UPDATE positions SET symbol=?, kind=?, quantity=?, cost_basis=?, currency=?, account=?, "
                    "note=?, is_example=? WHERE id=?", (*self._position_params(position), position.id))
            except sqlite3.IntegrityError:
                raise InputError.single(
                    f"{position.symbol} in account '{position.account}' is already held", field="symbol") from None
            if cur.rowcount != 1:
                raise StoreError(f"position {position.id} no longer exists")
        return position

    def delete_position(self, position_id: int) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM positions WHERE id = ?", (position_id,))

    def delete_example_positions(self) -> int:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM positions WHERE is_example = 1").rowcount

    def apply_position_changes(self, added: Sequence[Position], changed: Sequence[Position],
                               removed: Sequence[Position]) -> list[Position]:
        """Delete ``removed``, update ``changed`` (by id) and insert ``added`` in ONE transaction.

        All or nothing: a position that no longer exists or a duplicate symbol+account rolls everything back
        (StoreError / InputError). Returns the added positions with their ids.
        """
        with self.transaction() as conn:
            for p in removed:
                if p.id is None or conn.execute("DELETE FROM positions WHERE id = ?", (p.id,)).rowcount != 1:
                    raise StoreError(f"position {p.symbol} ({p.account}) no longer exists; nothing was changed")
            for p in changed:
                try:
                    cur = conn.execute(
                        "UPDATE positions SET symbol=?, kind=?, quantity=?, cost_basis=?, currency=?, account=?, "
                        "note=?, is_example=? WHERE id=?", (*self._position_params(p), p.id))
                except sqlite3.IntegrityError:
                    raise InputError.single(f"{p.symbol} in account '{p.account}' is already held",
                                            field="symbol") from None
                if p.id is None or cur.rowcount != 1:
                    raise StoreError(f"position {p.symbol} ({p.account}) no longer exists; nothing was changed")
            return [self._insert(conn, p) for p in added]

    # -- price bars ---------------------------------------------------------------------------
    def bars_version(self, symbol: str) -> tuple[int, int]:
        """Changes whenever bars of ``symbol`` are written through this store, or any other connection (another
        process, e.g. ``riskwatch prices import``) commits: lets readers cache history between cycles."""
        with self._lock:
            data_version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            return (self._bar_versions.get(symbol, 0), data_version)

    def _bump(self, symbols) -> None:
        for sym in set(symbols):
            self._bar_versions[sym] = self._bar_versions.get(sym, 0) + 1

    def upsert_bars(self, bars: Iterable[Bar]) -> int:
        """Insert or replace bars keyed by (symbol, source, timeframe, ts). Idempotent; one transaction."""
        rows = [(b.symbol, b.source, b.timeframe.value, epoch_ms(b.ts), b.open, b.high, b.low, b.close, b.volume)
                for b in bars]
        if not rows:
            return 0
        self._bump(r[0] for r in rows)
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO price_bars (symbol, source, timeframe, ts, open, high, low, close, volume) "
                "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (symbol, source, timeframe, ts) DO UPDATE SET "
                "open=excluded.open, high=excluded.high, low=excluded.low, close=excluded.close, "
                "volume=excluded.volume", rows)
        return len(rows)

    def load_bars(self, symbol: str, timeframe: Timeframe = Timeframe.D1, *, source: str | None = None,
                  since: datetime | None = None, until: datetime | None = None) -> list[Bar]:
        sql = ("SELECT symbol, source, timeframe, ts, open, high, low, close, volume FROM price_bars "
               "WHERE symbol = ? AND timeframe = ?")
        params: list = [symbol, timeframe.value]
        if source is not None:
            sql += " AND source = ?"
            params.append(source)
        between, bounds = ts_range(since, until)
        sql += between
        params += bounds
        sql += " ORDER BY ts, source"
        out: list[Bar] = []
        last_ts = None
        for sym, src, tf, ts, o, h, lo, c, v in self._query(sql, params):
            if ts == last_ts:  # several sources for one bar time: keep the first by source name
                continue
            last_ts = ts
            out.append(Bar(sym, utc_from_ms(ts), c, o, h, lo, v, Timeframe(tf), src))
        return out

    def load_closes(self, symbol: str, timeframe: Timeframe = Timeframe.D1, *,
                    since: datetime | None = None) -> tuple[list[int], list[float]]:
        """(epoch-ms timestamps, closes) ascending, one per bar time (first source by name), without building
        Bar objects: the fast path for the metrics."""
        sql = "SELECT ts, close FROM price_bars WHERE symbol = ? AND timeframe = ?"
        params: list = [symbol, timeframe.value]
        between, bounds = ts_range(since, None)
        sql += between
        params += bounds
        sql += " ORDER BY ts, source"
        ts_out: list[int] = []
        close_out: list[float] = []
        last = None
        for ts, close in self._query(sql, params):
            if ts == last:
                continue
            last = ts
            ts_out.append(ts)
            close_out.append(close)
        return ts_out, close_out

    def last_bar_time(self, symbol: str, timeframe: Timeframe = Timeframe.D1, *,
                      source: str | None = None) -> datetime | None:
        sql = "SELECT MAX(ts) FROM price_bars WHERE symbol = ? AND timeframe = ?"
        params: list = [symbol, timeframe.value]
        if source is not None:
            sql += " AND source = ?"
            params.append(source)
        value = self._query(sql, params)[0][0]
        return utc_from_ms(value) if value is not None else None

    def missing_bar_ranges(self, symbol: str, timeframe: Timeframe, *, source: str | None = None,
                           since: datetime, until: datetime) -> list[tuple[datetime, datetime]]:
        """Runs of bar times missing between ``since`` and ``until`` (both included, on the grid of
        ``timeframe`` that starts at ``since``), as (first missing, last missing) pairs, oldest first.

        Only the timestamps are read (an index range scan of the primary key), so checking a window of a few
        hundred daily bars every cycle is cheap. Stored bars off the grid are ignored.
        """
        step = timeframe.seconds * 1000
        lo, hi = epoch_ms(since), epoch_ms(until)
        if hi < lo:
            return []
        sql = "SELECT DISTINCT ts FROM price_bars WHERE symbol = ? AND timeframe = ? AND ts >= ? AND ts <= ?"
        params: list = [symbol, timeframe.value, lo, hi]
        if source is not None:
            sql += " AND source = ?"
            params.append(source)
        present = {ts for (ts,) in self._query(sql, params) if (ts - lo) % step == 0}
        out: list[tuple[datetime, datetime]] = []
        first: int | None = None
        for ts in range(lo, hi + step, step):
            if ts in present:
                if first is not None:
                    out.append((utc_from_ms(first), utc_from_ms(ts - step)))
                    first = None
            elif first is None:
                first = ts
        if first is not None:
            out.append((utc_from_ms(first), utc_from_ms(hi - (hi - lo) % step)))
        return out

    def price_series(self) -> list[PriceSeriesInfo]:
        rows = self._query(
            "SELECT symbol, source, timeframe, COUNT(*), MIN(ts), MAX(ts) FROM price_bars "
            "GROUP BY symbol, source, timeframe ORDER BY symbol, source, timeframe")
        return [PriceSeriesInfo(s, src, Timeframe(tf), n, utc_from_ms(a), utc_from_ms(b))
                for s, src, tf, n, a, b in rows]

    # -- settings -----------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._query("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def settings(self) -> dict[str, str]:
        return dict(self._query("SELECT key, value FROM settings ORDER BY key"))


__all__ = ["SqliteStore", "DB_FILENAME", "SCHEMA_VERSION", "MIGRATIONS", "Problem", "epoch_ms", "utc_from_ms",
           "ts_range"]
