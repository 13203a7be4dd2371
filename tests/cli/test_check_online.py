"""`riskwatch check` against the loopback Kraken fake: backfill on a fresh data dir, live quote, faults
(in-process, tests/cli/inprocess.py)."""

import json

from tests.cli.inprocess import run_main
from tests.conftest import cli_env


def env():
    return cli_env(RISKWATCH_EQUITY_SOURCE="csv")  # no request to Yahoo from tests


def test_fresh_data_dir_backfills_history_and_evaluates(tmp_path, data_dir, fake_kraken):
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity,cost_basis\nBTC,crypto,0.5,60000\n", encoding="utf-8")
    assert run_main("positions", "import", str(pos), data_dir=data_dir).returncode == 0
    r = run_main("--exchange-api-url", fake_kraken.url, "check", "--json", data_dir=data_dir, env=env())
    assert r.returncode in (0, 1, 2), r.stderr
    doc = json.loads(r.stdout)
    btc = doc["assets"][0]
    assert btc["symbol"] == "BTC" and btc["price_source"].startswith("kraken") and btc["price_state"] == "ok"
    assert btc["price"] > 0 and btc["history_source"] == "store"
    assert doc["sources"]["kraken"]["state"] == "online"
    ohlc = fake_kraken.requests("OHLC")
    assert ohlc, "history was not backfilled"
    from riskwatch.adapters.sqlite_store import SqliteStore

    store = SqliteStore.in_dir(data_dir)
    assert len(store.load_bars("BTC")) >= 400
    store.close()
    # the second run only asks for what is missing
    before = len(fake_kraken.requests("OHLC"))
    r2 = run_main("--exchange-api-url", fake_kraken.url, "check", "--json", data_dir=data_dir, env=env())
    assert r2.returncode in (0, 1, 2)
    assert len(fake_kraken.requests("OHLC")) - before <= 2
    assert json.loads(r2.stdout)["new_events"] == []


def test_a_dead_exchange_is_a_status_not_a_crash(tmp_path, data_dir):
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity\nBTC,crypto,1\n", encoding="utf-8")
    run_main("positions", "import", str(pos), data_dir=data_dir)
    r = run_main("--exchange-api-url", "http://127.0.0.1:9", "check", "--json", data_dir=data_dir, env=env(),
                timeout=180)
    doc = json.loads(r.stdout)
    assert doc["sources"]["kraken"]["state"] in ("offline", "degraded")
    # BTC falls back to the bundled history: figures, but marked stale, never a crash
    assert doc["assets"][0]["history_source"] == "bundle"
    assert doc["assets"][0]["price_state"] in ("stale", "missing")
    assert r.returncode in (0, 1, 2, 3)
