import sqlite3
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from riskwatch.adapters.sqlite_store import DB_FILENAME, MIGRATIONS, SCHEMA_VERSION, SqliteStore
from riskwatch.domain.errors import InputError, StoreError
from riskwatch.domain.model import Asset, AssetKind, Bar, Position, Timeframe


def pos(symbol="BTC", kind=AssetKind.CRYPTO, qty="0.5", cost="60000.10", account="Kraken", note=""):
    return Position(Asset(symbol, kind), Decimal(qty), Decimal(cost), account, note)


def bar(day, close, source="import", symbol="BTC"):
    return Bar(symbol, datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(days=day), close, source=source)


def test_new_store_is_migrated_and_in_wal_mode(data_dir):
    store = SqliteStore.in_dir(data_dir)
    assert store.schema_version() == SCHEMA_VERSION == len(MIGRATIONS)
    assert store.journal_mode() == "wal"
    store.close()
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"positions", "price_bars", "alert_rules", "alert_events", "settings"} <= tables
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_positions_round_trip_on_a_real_file(data_dir):
    store = SqliteStore.in_dir(data_dir)
    a = store.add_position(pos(note="Cold storage – Ü"))
    b = store.add_position(pos("IREN", AssetKind.EQUITY, "400", "14.5", "Depot"))
    store.close()
    again = SqliteStore.in_dir(data_dir)
    got = again.list_positions()
    assert got == [a, b]
    assert got[0].quantity == Decimal("0.5") and str(got[0].cost_basis) == "60000.10"
    assert got[0].note == "Cold storage – Ü"
    edited = again.update_position(Position(a.asset, Decimal("0.75"), a.cost_basis, a.account, a.note, a.id))
    again.delete_position(b.id)
    again.close()
    third = SqliteStore.in_dir(data_dir)
    assert third.list_positions() == [edited]
    third.close()


def test_duplicate_symbol_account_is_an_input_error(data_dir):
    store = SqliteStore.in_dir(data_dir)
    store.add_position(pos())
    with pytest.raises(InputError, match="already held"):
        store.add_position(pos())
    store.add_position(pos(account="Ledger"))
    assert len(store.list_positions()) == 2


def test_add_positions_is_all_or_nothing(data_dir):
    store = SqliteStore.in_dir(data_dir)
    store.add_position(pos("IREN", AssetKind.EQUITY, account=""))
    with pytest.raises(InputError):
        store.add_positions([pos("WULF", AssetKind.EQUITY, account=""), pos("IREN", AssetKind.EQUITY, account="")])
    assert [p.symbol for p in store.list_positions()] == ["IREN"]


def test_replace_positions_in_one_transaction(data_dir):
    store = SqliteStore.in_dir(data_dir)
    store.add_positions([pos("IREN", AssetKind.EQUITY), pos()])
    store.replace_positions([pos("CLSK", AssetKind.EQUITY)])
    assert [p.symbol for p in store.list_positions()] == ["CLSK"]


def test_example_positions_removed_in_one_action(data_dir):
    store = SqliteStore.in_dir(data_dir)
    ex = Position(Asset("BTC", AssetKind.CRYPTO), Decimal(1), Decimal(1), "Beispiel", is_example=True)
    store.add_positions([ex, pos("IREN", AssetKind.EQUITY)])
    assert store.delete_example_positions() == 1
    assert [p.symbol for p in store.list_positions()] == ["IREN"]


def test_price_bar_upsert_is_idempotent(data_dir):
    store = SqliteStore.in_dir(data_dir)
    bars = [bar(i, 100.0 + i) for i in range(10)]
    store.upsert_bars(bars)
    store.upsert_bars(bars)
    assert len(store.load_bars("BTC")) == 10
    store.upsert_bars([bar(3, 555.0)])  # a corrected bar replaces the old one
    loaded = store.load_bars("BTC")
    assert len(loaded) == 10 and loaded[3].close == 555.0
    # a second source for the same bar time is kept separately
    store.upsert_bars([bar(3, 556.0, source="kraken")])
    assert len(store.load_bars("BTC", source="kraken")) == 1
    assert store.last_bar_time("BTC") == bars[-1].ts
    assert store.last_bar_time("ETH") is None
    since = store.load_bars("BTC", Timeframe.D1, source="import", since=bars[7].ts)
    assert [b.close for b in since] == [107.0, 108.0, 109.0]
    info = {(i.symbol, i.source): i.rows for i in store.price_series()}
    assert info == {("BTC", "import"): 10, ("BTC", "kraken"): 1}


def test_missing_bar_ranges_finds_the_holes_of_a_series(data_dir):
    store = SqliteStore.in_dir(data_dir)
    present = [d for d in range(30) if d not in (0, 1, 5, 10, 11, 12, 29)]
    store.upsert_bars([bar(d, 100.0 + d, source="kraken") for d in present])
    store.upsert_bars([bar(11, 50.0, source="import")])          # another source does not fill kraken's hole

    def day(n):
        return bar(n, 1.0).ts

    gaps = store.missing_bar_ranges("BTC", Timeframe.D1, source="kraken", since=day(0), until=day(29))
    assert gaps == [(day(0), day(1)), (day(5), day(5)), (day(10), day(12)), (day(29), day(29))]
    assert store.missing_bar_ranges("BTC", Timeframe.D1, source="kraken", since=day(2), until=day(9)) == [
        (day(5), day(5))]
    assert store.missing_bar_ranges("BTC", Timeframe.D1, source="kraken", since=day(13), until=day(28)) == []
    assert store.missing_bar_ranges("BTC", Timeframe.D1, source="kraken", since=day(3), until=day(2)) == []
    assert store.missing_bar_ranges("ETH", Timeframe.D1, since=day(0), until=day(2)) == [(day(0), day(2))]
    # without a source any source counts; an upper bound off the grid ends at the last grid point
    assert store.missing_bar_ranges("BTC", Timeframe.D1, since=day(10), until=day(12) + timedelta(hours=5)) == [
        (day(10), day(10)), (day(12), day(12))]


def test_settings_round_trip(data_dir):
    store = SqliteStore.in_dir(data_dir)
    store.set_setting("base_currency", "EUR")
    store.set_setting("base_currency", "USD")
    store.close()
    assert SqliteStore.in_dir(data_dir).get_setting("base_currency") == "USD"


def test_migration_from_an_older_version_keeps_data(data_dir, monkeypatch):
    import riskwatch.adapters.sqlite_store as mod

    store = SqliteStore.in_dir(data_dir)
    store.add_position(pos())
    store.close()
    monkeypatch.setattr(mod, "MIGRATIONS", (*mod.MIGRATIONS, "ALTER TABLE positions ADD COLUMN tag TEXT"))
    monkeypatch.setattr(mod, "SCHEMA_VERSION", len(mod.MIGRATIONS))
    upgraded = SqliteStore.in_dir(data_dir)
    assert upgraded.schema_version() == SCHEMA_VERSION + 1
    assert [p.symbol for p in upgraded.list_positions()] == ["BTC"]


def test_a_store_from_a_newer_version_is_refused(data_dir):
    SqliteStore.in_dir(data_dir).close()
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer RiskWatch"):
        SqliteStore.in_dir(data_dir)


def test_a_damaged_file_is_a_clear_store_error(data_dir):
    (data_dir / DB_FILENAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="damaged"):
        SqliteStore.in_dir(data_dir)
