"""Store faults on real files: locked by another process, full, damaged pages, damaged rows, dropped tables,
backups before a migration and private file modes."""

import os
import sqlite3
import stat
import time
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_liquidity import LiquidityHistory
from riskwatch.adapters.sqlite_store import DB_FILENAME, SCHEMA_VERSION, SqliteStore
from riskwatch.domain.errors import StoreDamaged, StoreFull, StoreLocked
from riskwatch.domain.model import Asset, AssetKind, Position
from tests.fakes.locked_store import exclusive_lock


def pos(symbol="BTC", qty="0.5", note=""):
    return Position(Asset(symbol, AssetKind.CRYPTO if symbol == "BTC" else AssetKind.EQUITY), Decimal(qty),
                    Decimal("100"), "Depot", note)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def raw(data_dir, *statements):
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_a_write_to_a_store_locked_by_another_process_is_store_locked_after_the_busy_timeout(data_dir):
    store = SqliteStore.in_dir(data_dir, busy_timeout=0.3)
    store.add_position(pos())
    with exclusive_lock(data_dir / DB_FILENAME):
        start = time.monotonic()
        with pytest.raises(StoreLocked, match="locked by another process") as info:
            store.add_position(pos("IREN"))
        assert time.monotonic() - start < 3
        assert str(data_dir / DB_FILENAME) in str(info.value)
        assert [p.symbol for p in store.list_positions()] == ["BTC"]  # reading still works (WAL)
    store.add_position(pos("IREN"))  # usable again once the other process is gone
    assert len(store.list_positions()) == 2
    store.close()


def test_a_full_disk_rolls_back_cleanly_with_one_clear_error(data_dir):
    store = SqliteStore.in_dir(data_dir)
    store.add_position(pos())
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: real SQLITE_FULL
    with pytest.raises(StoreFull, match="disk .* is full; nothing was changed") as info:
        store.add_positions([pos(f"A{i}", note="x" * 3000) for i in range(40)])
    assert "cannot rollback" not in str(info.value)
    assert not store._conn.in_transaction
    assert [p.symbol for p in store.list_positions()] == ["BTC"]
    store.set_setting("k", "v")  # small writes still fit: the store is not left broken
    store.close()


def test_damaged_pages_are_a_damaged_store_naming_the_file(data_dir):
    store = SqliteStore.in_dir(data_dir)
    store.add_positions([pos(f"A{i}", note="x" * 300) for i in range(100)])
    store.close()
    db = data_dir / DB_FILENAME
    data = bytearray(db.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096: page * 4096 + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged, match="is damaged") as info:
        SqliteStore.in_dir(data_dir).list_positions()
    assert str(db) in str(info.value) and "backup" in str(info.value)


def test_a_dropped_table_is_reported_as_a_damaged_store_at_open(data_dir):
    SqliteStore.in_dir(data_dir).close()
    raw(data_dir, "DROP TABLE positions")
    with pytest.raises(StoreDamaged, match="table positions is missing"):
        SqliteStore.in_dir(data_dir)


def test_rows_with_damaged_values_are_skipped_and_reported(data_dir):
    heard = []
    store = SqliteStore.in_dir(data_dir, on_damaged_row=heard.append)
    store.add_positions([pos("BTC"), pos("IREN"), pos("WULF"), pos("CORZ"), pos("CLSK"), pos("MARA")])
    store.close()
    raw(data_dir, "UPDATE positions SET quantity = 'abc' WHERE symbol = 'IREN'",
        "UPDATE positions SET quantity = 'NaN' WHERE symbol = 'WULF'",
        "UPDATE positions SET cost_basis = 'Infinity' WHERE symbol = 'CORZ'",
        "UPDATE positions SET symbol = 'bad sym!' WHERE symbol = 'CLSK'",
        "UPDATE positions SET kind = 'bond' WHERE symbol = 'MARA'")
    store = SqliteStore.in_dir(data_dir, on_damaged_row=heard.append)
    assert [p.symbol for p in store.list_positions()] == ["BTC"]
    assert [p.symbol for p in store.portfolio().positions] == ["BTC"]
    skipped = {(r.row_id, r.field) for r in store.skipped_rows()}
    assert skipped == {(2, "quantity"), (3, "quantity"), (4, "cost_basis"), (5, "symbol"), (6, "kind")}
    assert len(heard) == 5  # reported once, not again on the second read
    assert "positions row 2, field 'quantity': 'abc' is not a number" in heard[0].describe()
    store.close()


def test_damaged_alert_rules_state_events_and_liquidity_values_are_skipped(data_dir):
    from riskwatch.adapters.rules_io import load_default_rules
    from riskwatch.domain.snapshot import DataStatus, MetricValue

    store = SqliteStore.in_dir(data_dir)
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    n_rules = len(repo.list_rules())
    ts = datetime(2025, 3, 1, tzinfo=timezone.utc)
    LiquidityHistory(store).append({("BTC", "spread_bps"): MetricValue(3.0, DataStatus.OK)}, ts)
    store.close()
    raw(data_dir, "UPDATE alert_rules SET threshold = 'abc' WHERE id = 1",
        "INSERT INTO alert_state VALUES ('x|BTC', 1, 'warning', 'BTC', 0, 'not json')",
        "INSERT INTO alert_events (kind, severity, scope_key, metric, ts, payload) "
        "VALUES ('fired', 'warning', 'BTC', 'm', 0, '{broken')",
        "UPDATE liquidity_signals SET value = 'abc'")
    store = SqliteStore.in_dir(data_dir)
    repo = AlertRepository(store)
    assert len(repo.list_rules()) == n_rules - 1
    assert repo.load_state().records == {}
    assert repo.list_events() == []
    assert LiquidityHistory(store).load("BTC", "spread_bps") == [(ts, None)]
    tables = {r.table for r in store.skipped_rows()}
    assert tables == {"alert_rules", "alert_state", "alert_events", "liquidity_signals"}
    store.close()


def test_an_existing_store_is_backed_up_before_a_migration(data_dir, monkeypatch):
    import riskwatch.adapters.sqlite_store as mod

    store = SqliteStore.in_dir(data_dir)
    store.add_position(pos())
    store.close()
    monkeypatch.setattr(mod, "MIGRATIONS", (*mod.MIGRATIONS, "ALTER TABLE positions ADD COLUMN tag TEXT"))
    monkeypatch.setattr(mod, "SCHEMA_VERSION", len(mod.MIGRATIONS))
    upgraded = SqliteStore.in_dir(data_dir)
    backup = data_dir / f"{DB_FILENAME}.bak-v{SCHEMA_VERSION}"
    assert upgraded.backup_path == backup and mode(backup) == 0o600
    upgraded.close()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert old.execute("SELECT symbol FROM positions").fetchall() == [("BTC",)]
    assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    old.close()
    # a damaged store names the backup
    (data_dir / DB_FILENAME).write_bytes(b"garbage" * 1000)
    for suffix in ("-wal", "-shm"):
        (data_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)
    with pytest.raises(StoreDamaged) as info:
        SqliteStore.in_dir(data_dir)
    assert info.value.backup == str(backup) and str(backup) in str(info.value)


def test_a_new_store_is_private_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        store = SqliteStore.in_dir(tmp_path / "new" / "data")
        store.add_position(pos())
        db = tmp_path / "new" / "data" / DB_FILENAME
        assert mode(db.parent) == 0o700
        assert mode(db) == 0o600
        for suffix in ("-wal", "-shm"):
            assert mode(db.with_name(db.name + suffix)) == 0o600
        store.close()
    finally:
        os.umask(old)


def test_an_existing_world_readable_store_file_is_tightened(data_dir):
    SqliteStore.in_dir(data_dir).close()
    os.chmod(data_dir / DB_FILENAME, 0o644)
    SqliteStore.in_dir(data_dir).close()
    assert mode(data_dir / DB_FILENAME) == 0o600


def test_a_stored_quantity_out_of_bounds_is_a_damaged_row_not_a_later_overflow(data_dir):
    """1E+999999999 written into the store by hand (or by an old version) must never reach `check`."""
    heard = []
    store = SqliteStore.in_dir(data_dir)
    store.add_positions([pos("BTC"), pos("IREN")])
    store.close()
    raw(data_dir, "UPDATE positions SET quantity = '1E+999999999' WHERE symbol = 'IREN'")
    store = SqliteStore.in_dir(data_dir, on_damaged_row=heard.append)
    try:
        assert [p.symbol for p in store.list_positions()] == ["BTC"]
        assert [(r.row_id, r.field) for r in store.skipped_rows()] == [(2, "quantity")]
        assert "too large" in heard[0].describe()
    finally:
        store.close()
