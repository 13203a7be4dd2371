"""The store's schema: numbered migrations (``PRAGMA user_version``), the tables a store must have, and the
backup taken before an existing store is migrated.

Each migration is one script; its index + 1 is the ``user_version`` it leads to. Never edit a shipped one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from riskwatch.adapters.private_fs import private_file, tighten_file

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
    # 4: remote alert channels and the outbox (adapters/sqlite_outbox.py); secrets stay in the keyring
    """
    CREATE TABLE alert_channels (
        name         TEXT PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('ntfy','webhook','email')),
        url          TEXT NOT NULL,               -- never with a password or token in it
        to_addr      TEXT NOT NULL DEFAULT '',
        min_severity TEXT NOT NULL CHECK (min_severity IN ('info','warning','critical')),
        enabled      INTEGER NOT NULL DEFAULT 1
    ) WITHOUT ROWID;
    CREATE TABLE alert_outbox (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id     INTEGER REFERENCES alert_events(id) ON DELETE SET NULL,
        alert_key    TEXT,                        -- the alert an event or reminder is about (reminder spacing)
        channel      TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('event','reminder','test')),
        payload      TEXT NOT NULL,               -- the message fields as JSON
        status       TEXT NOT NULL CHECK (status IN ('queued','sent','failed')),
        attempts     INTEGER NOT NULL DEFAULT 0,
        next_try_ts  INTEGER NOT NULL,            -- epoch milliseconds UTC
        last_error   TEXT,                        -- a DeliveryFailed code, never a secret
        failed_ts    INTEGER,                     -- the last failed attempt
        sent_ts      INTEGER,
        created_ts   INTEGER NOT NULL
    );
    CREATE INDEX alert_outbox_due ON alert_outbox(status, next_try_ts);
    CREATE INDEX alert_outbox_channel ON alert_outbox(channel, id);
    CREATE INDEX alert_outbox_alert ON alert_outbox(alert_key, created_ts);
    """,
    # 5: miner fundamentals (adapters/sqlite_fundamentals.py): EDGAR company facts cached per symbol, figures
    # entered by hand, AI/HPC contracts, debt maturities (IF NOT EXISTS: a store rolled back to an older
    # user_version by hand, as tests/adapters/test_sqlite_outbox.py does, migrates again)
    """
    CREATE TABLE IF NOT EXISTS fundamentals_companyfacts (
        symbol       TEXT PRIMARY KEY,
        cik          TEXT NOT NULL,               -- ten digits
        doc          TEXT NOT NULL,               -- the company-facts JSON as EDGAR sent it
        accession    TEXT NOT NULL,               -- the newest filing's accession number in doc
        fetched_ts   INTEGER NOT NULL,            -- epoch milliseconds UTC of the last successful fetch
        stored_ts    INTEGER NOT NULL             -- when doc was last replaced (a new filing)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS fundamentals_entered (
        symbol       TEXT NOT NULL,
        code         TEXT NOT NULL,               -- one of domain.fundamentals.FIGURES
        period_end   TEXT NOT NULL,               -- ISO date
        value        REAL NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        entered_ts   INTEGER NOT NULL,
        PRIMARY KEY (symbol, code, period_end)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS fundamentals_contracts (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        symbol       TEXT NOT NULL,
        counterparty TEXT NOT NULL,
        value_usd    REAL NOT NULL,
        term_years   REAL,
        start        TEXT NOT NULL DEFAULT '',    -- ISO date, '' when not known
        source       TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        UNIQUE (symbol, counterparty, start)
    );
    CREATE TABLE IF NOT EXISTS fundamentals_maturities (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        symbol       TEXT NOT NULL,
        due          TEXT NOT NULL,               -- ISO date
        amount_usd   REAL NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        UNIQUE (symbol, due, note)
    );
    CREATE TABLE IF NOT EXISTS fundamentals_meta (
        key          TEXT PRIMARY KEY,            -- e.g. 'contracts_seeded'
        value        TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)

def tables_for(version: int) -> set[str]:
    """The tables a store of schema ``version`` must have (the shipped migrations only)."""
    needed = {"positions", "price_bars", "alert_rules", "alert_events", "settings"} if version >= 1 else set()
    if version >= 2:
        needed.add("alert_state")
    if version >= 3:
        needed.add("liquidity_signals")
    if version >= 4:
        needed |= {"alert_channels", "alert_outbox"}
    if version >= 5:
        needed |= {"fundamentals_companyfacts", "fundamentals_entered", "fundamentals_contracts",
                   "fundamentals_maturities", "fundamentals_meta"}
    return needed


def missing_tables(conn: sqlite3.Connection, version: int) -> list[str]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return sorted(tables_for(version) - present)


def backup_path(db: Path, version: int) -> Path:
    return db.with_name(f"{db.name}.bak-v{version}")


def backup_before_migration(conn: sqlite3.Connection, db: Path, version: int) -> Path:
    """Copy the whole store (a consistent snapshot, :meth:`sqlite3.Connection.backup`) to
    ``<db>.bak-v<version>`` (mode 0600) before it is migrated from ``version``; returns the backup's path."""
    target = backup_path(db, version)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    private_file(partial)
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    partial.replace(target)  # a backup is either complete or absent
    tighten_file(target)
    return target


def split_sql(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside literals in our migrations)."""
    out = []
    for chunk in script.split(";"):
        lines = [ln.split("--", 1)[0] for ln in chunk.splitlines()]
        stmt = "\n".join(lines).strip()
        if stmt:
            out.append(stmt)
    return out


__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "split_sql", "missing_tables", "backup_before_migration"]
