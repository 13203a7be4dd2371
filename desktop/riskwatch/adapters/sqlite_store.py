"""SQLite store: schema, numbered migrations (PRAGMA user_version), repositories returning domain objects.

The store owns its schema. WAL mode; every multi-row change runs in one transaction.
Secrets never go here.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from riskwatch.domain.errors import InputError, Problem, StoreError
from riskwatch.domain.model import Asset, AssetKind, Bar, Portfolio, Position, PriceSeriesInfo, Timeframe

DB_FILENAME = "riskwatch.sqlite3"

# Each entry is one migration; its index + 1 is the user_version it leads to. Never edit a shipped one.
MIGRATIONS: tuple[str, ...] = (
    # 1: the initial schema
    """
    CREATE TABLE positions (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        symbol      TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('crypto','equity','index','stablecoin')),
        quantity    TEXT NOT NULL,
        cost_basis  TEXT NOT NULL,
        currency    TEXT NOT NULL,
        account     TEXT NOT NULL DEFAULT '',
        note        TEXT NOT NULL DEFAULT '',
        is_example  INTEGER NOT NULL DEFAULT 0,
        UNIQUE (symbol, account)
    );
    CREATE TABLE price_bars (
        symbol      TEXT NOT NULL,
        source      TEXT NOT NULL,
        timeframe   TEXT NOT NULL,
        ts          INTEGER NOT NULL,          -- bar open time, epoch milliseconds UTC
        open        REAL,
        high        REAL,
        low         REAL,
        close       REAL NOT NULL CHECK (close > 0),
        volume      REAL,
        PRIMARY KEY (symbol, source, timeframe, ts)
    ) WITHOUT ROWID;
    CREATE TABLE alert_rules (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        name        TEXT NOT NULL,
        metric      TEXT NOT NULL,
        scope       TEXT NOT NULL,
        window      TEXT,
        comparator  TEXT NOT NULL,
        threshold   REAL NOT NULL,
        severity    TEXT NOT NULL CHECK (severity IN ('info','warning','critical')),
        hysteresis  REAL NOT NULL DEFAULT 0,
        cooldown_s  INTEGER NOT NULL DEFAULT 0,
        enabled     INTEGER NOT NULL DEFAULT 1,
        builtin_key TEXT UNIQUE
    );
    CREATE TABLE alert_events (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        rule_id     INTEGER REFERENCES alert_rules(id) ON DELETE SET NULL,
        kind        TEXT NOT NULL,               -- fired | escalated | acknowledged | resolved | snoozed
        severity    TEXT NOT NULL,
        scope_key   TEXT NOT NULL,               -- e.g. the symbol or 'portfolio'
        metric      TEXT NOT NULL,
        value       REAL,
        threshold   REAL,
        ts          INTEGER NOT NULL,            -- epoch milliseconds UTC
        payload     TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX alert_events_ts ON alert_events(ts);
    CREATE TABLE settings (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL
    );
    """,
    # 2: alert engine: escalation groups and message codes of rules, alert identity of events, engine state
    """
    ALTER TABLE alert_rules ADD COLUMN escalation_group TEXT;
    ALTER TABLE alert_rules ADD COLUMN message_code TEXT;
    ALTER TABLE alert_events ADD COLUMN alert_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE alert_events ADD COLUMN rule_key TEXT NOT NULL DEFAULT '';
    CREATE INDEX alert_events_alert_key ON alert_events(alert_key, ts);
    CREATE TABLE alert_state (
        alert_key   TEXT PRIMARY KEY,            -- '<escalation group or rule key>|<scope member>'
        active      INTEGER NOT NULL,
        severity    TEXT NOT NULL CHECK (severity IN ('info','warning','critical')),
        scope_key   TEXT NOT NULL,
        changed_ts  INTEGER NOT NULL,            -- epoch milliseconds UTC
        record      TEXT NOT NULL                -- the AlertRecord as JSON
    ) WITHOUT ROWID;
    CREATE INDEX alert_state_active ON alert_state(active);
    """,
    # 3: liquidity signal history (adapters/sqlite_liquidity.py): one row per scope, metric and cycle
    """
    CREATE TABLE liquidity_signals (
        scope       TEXT NOT NULL,               -- e.g. 'BTC', 'USDT' or 'portfolio'
        metric      TEXT NOT NULL,               -- e.g. 'depth_2pct', 'spread_bps'
        ts          INTEGER NOT NULL,            -- epoch milliseconds UTC
        value       REAL,                        -- NULL when the signal was unavailable
        status      TEXT NOT NULL,               -- MetricStatus: ok | missing | invalid | error | ...
        PRIMARY KEY (scope, metric, ts)
    ) WITHOUT ROWID;
    CREATE INDEX liquidity_signals_ts ON liquidity_signals(ts);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


# -- helpers shared by the repositories on this store (sqlite_alerts, sqlite_liquidity) ---------------------
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


class SqliteStore:
    """Implements the Store port on one SQLite file.

    The connection may be used from several threads (the GUI thread and the loop thread); a lock
    serialises access, and each public call is short.
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the data store {self.path}: {exc}") from None
        self._lock = threading.RLock()
        self._bar_versions: dict[str, int] = {}  # per symbol, bumped on every write of its bars
        try:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"the data store {self.path} is damaged or not a RiskWatch store: {exc}") from None

    @classmethod
    def in_dir(cls, data_dir: Path | str) -> SqliteStore:
        return cls(Path(data_dir) / DB_FILENAME)

    # -- plumbing -----------------------------------------------------------------------------
    @contextmanager
    def transaction(self):
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    def _query(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the data store {self.path} was written by a newer RiskWatch (schema {version}, "
                f"this version knows {SCHEMA_VERSION})")
        for number in range(version + 1, SCHEMA_VERSION + 1):
            script = MIGRATIONS[number - 1]
            with self.transaction() as conn:
                for statement in _split_sql(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    def schema_version(self) -> int:
        return int(self._query("PRAGMA user_version")[0][0])

    def journal_mode(self) -> str:
        return str(self._query("PRAGMA journal_mode")[0][0])

    def close(self) -> None:
        with self._lock:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass
            self._conn.close()

    # -- positions ----------------------------------------------------------------------------
    _POS_COLS = "id, symbol, kind, quantity, cost_basis, currency, account, note, is_example"

    @staticmethod
    def _row_to_position(row: tuple) -> Position:
        pid, symbol, kind, qty, cost, cur, account, note, example = row
        return Position(
            asset=Asset(symbol, AssetKind(kind), cur),
            quantity=Decimal(qty), cost_basis=Decimal(cost), account=account, note=note,
            id=pid, is_example=bool(example),
        )

    @staticmethod
    def _position_params(p: Position) -> tuple:
        return (p.asset.symbol, p.asset.kind.value, str(p.quantity), str(p.cost_basis),
                p.asset.quote_currency, p.account, p.note, int(p.is_example))

    def list_positions(self) -> list[Position]:
        rows = self._query(f"SELECT {self._POS_COLS} FROM positions ORDER BY id")
        return [self._row_to_position(r) for r in rows]

    def get_position(self, position_id: int) -> Position | None:
        rows = self._query(f"SELECT {self._POS_COLS} FROM positions WHERE id = ?", (position_id,))
        return self._row_to_position(rows[0]) if rows else None

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

    def count_positions(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM positions")[0][0])

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

    def replace_bars(self, symbol: str, source: str, timeframe: Timeframe, bars: Sequence[Bar]) -> int:
        """Replace the whole series (symbol, source, timeframe) by ``bars`` in one transaction."""
        rows = [(b.symbol, b.source, b.timeframe.value, epoch_ms(b.ts), b.open, b.high, b.low, b.close, b.volume)
                for b in bars]
        self._bump([symbol])
        with self.transaction() as conn:
            conn.execute("DELETE FROM price_bars WHERE symbol=? AND source=? AND timeframe=?",
                         (symbol, source, timeframe.value))
            conn.executemany(
                "INSERT INTO price_bars (symbol, source, timeframe, ts, open, high, low, close, volume) "
                "VALUES (?,?,?,?,?,?,?,?,?)", rows)
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


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside literals in our migrations)."""
    out = []
    for chunk in script.split(";"):
        lines = [ln.split("--", 1)[0] for ln in chunk.splitlines()]
        stmt = "\n".join(lines).strip()
        if stmt:
            out.append(stmt)
    return out


__all__ = ["SqliteStore", "DB_FILENAME", "SCHEMA_VERSION", "MIGRATIONS", "Problem"]
