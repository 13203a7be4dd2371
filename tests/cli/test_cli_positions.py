"""The positions and prices commands as scripts and users call them: in-process (tests/cli/inprocess.py), and
in a subprocess where the process itself matters (the version, standard input, a reader that leaves)."""

import hashlib
import json

import pytest

from riskwatch.adapters.sqlite_store import DB_FILENAME
from tests.cli.inprocess import run_main
from tests.conftest import cli_env, run_cli, shared_data

GOOD = ("symbol,kind,quantity,cost_basis,currency,account,note\n"
        "BTC,crypto,0.5,62000,USD,Kraken,cold storage\n"
        "IREN,equity,400,14.50,USD,Depot,\n")


def store_digest(data_dir):
    """Digest of every file of the store (db, and -wal/-shm if left behind)."""
    h = hashlib.sha256()
    for f in sorted(data_dir.glob(DB_FILENAME + "*")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


@pytest.mark.subprocess
def test_version():
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("RiskWatch ")


def test_import_list_export_round_trip(tmp_path, data_dir):
    src = tmp_path / "in.csv"
    src.write_text(GOOD, encoding="utf-8")
    r = run_main("positions", "import", str(src), data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "Imported 2 position(s)" in r.stdout
    r = run_main("positions", "list", "--json", data_dir=data_dir)
    doc = json.loads(r.stdout)
    assert [p["symbol"] for p in doc["positions"]] == ["BTC", "IREN"]
    assert doc["positions"][1]["cost_basis"] == "14.50"
    out = tmp_path / "out.csv"
    assert run_main("positions", "export", str(out), data_dir=data_dir).returncode == 0
    assert out.read_text(encoding="utf-8") == GOOD
    # export -> import into an empty store round-trips exactly
    other = tmp_path / "other"
    assert run_main("positions", "import", str(out), data_dir=other).returncode == 0
    out2 = tmp_path / "out2.csv"
    run_main("positions", "export", str(out2), data_dir=other)
    assert out2.read_bytes() == out.read_bytes()
    # JSON export round-trips too
    js = tmp_path / "out.json"
    assert run_main("positions", "export", str(js), "--json", data_dir=data_dir).returncode == 0
    third = tmp_path / "third"
    assert run_main("positions", "import", str(js), data_dir=third).returncode == 0
    assert run_main("positions", "export", "-", data_dir=third).stdout == GOOD


def test_human_list_in_german(tmp_path, data_dir):
    src = tmp_path / "in.csv"
    src.write_text(GOOD, encoding="utf-8")
    run_main("positions", "import", str(src), data_dir=data_dir)
    r = run_main("positions", "list", data_dir=data_dir, env=cli_env(LANG="de_DE.UTF-8"))
    assert r.returncode == 0
    assert "Einstandskurs" in r.stdout and "0,5" in r.stdout and "14,50" in r.stdout and "Krypto" in r.stdout


BAD_FILES = {
    "unknown_kind": ("XYZ,bond,1,1,USD,,\n", "line 3", "kind"),
    "non_numeric_quantity": ("WULF,equity,ten,1,USD,,\n", "line 3", "quantity"),
    "non_finite_quantity": ("WULF,equity,inf,1,USD,,\n", "line 3", "quantity"),
    "negative_cost_basis": ("WULF,equity,1,-1,USD,,\n", "line 3", "cost_basis"),
    "empty_symbol": (",equity,1,1,USD,,\n", "line 3", "symbol"),
    "duplicate_symbol_account": ("BTC,crypto,1,1,USD,Kraken,\n", "line 3", "also on line 2"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_import_changes_nothing(tmp_path, data_dir, case):
    src = tmp_path / "in.csv"
    src.write_text(GOOD, encoding="utf-8")
    assert run_main("positions", "import", str(src), data_dir=data_dir).returncode == 0
    before = store_digest(data_dir)
    row, line, needle = BAD_FILES[case]
    bad = tmp_path / "bad.csv"
    bad.write_text("symbol,kind,quantity,cost_basis,currency,account,note\n"
                   "CLSK,equity,10,5,USD,Kraken,\n".replace("CLSK", "BTC" if case == "duplicate_symbol_account"
                                                            else "CLSK") + row, encoding="utf-8")
    r = run_main("positions", "import", str(bad), data_dir=data_dir)
    assert r.returncode == 2
    assert str(bad) in r.stderr and line in r.stderr and needle in r.stderr
    assert r.stdout == ""
    assert store_digest(data_dir) == before


def test_already_held_is_rejected_unless_replace(tmp_path, data_dir):
    src = tmp_path / "in.csv"
    src.write_text(GOOD, encoding="utf-8")
    run_main("positions", "import", str(src), data_dir=data_dir)
    before = store_digest(data_dir)
    again = tmp_path / "again.csv"
    again.write_text("symbol,kind,quantity,account\nCLSK,equity,5,\nIREN,equity,1,Depot\n", encoding="utf-8")
    r = run_main("positions", "import", str(again), data_dir=data_dir)
    assert r.returncode == 2 and "line 3" in r.stderr and "already held" in r.stderr
    assert store_digest(data_dir) == before
    r = run_main("positions", "import", str(again), "--replace", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    doc = json.loads(run_main("positions", "list", "--json", data_dir=data_dir).stdout)
    assert [(p["symbol"], p["quantity"]) for p in doc["positions"]] == [("CLSK", "5"), ("IREN", "1")]


def test_missing_file_is_a_clear_error(tmp_path, data_dir):
    r = run_main("positions", "import", str(tmp_path / "nope.csv"), data_dir=data_dir)
    assert r.returncode == 2 and "nope.csv" in r.stderr and "not found" in r.stderr


def test_cli_never_seeds_the_example_portfolio(data_dir):
    r = run_main("positions", "list", "--json", data_dir=data_dir)
    assert r.returncode == 0 and json.loads(r.stdout) == {"positions": []}


def test_data_dir_from_environment(tmp_path):
    env = cli_env(RISKWATCH_DATA_DIR=str(tmp_path / "envdir"))
    src = tmp_path / "in.csv"
    src.write_text(GOOD, encoding="utf-8")
    assert run_main("positions", "import", str(src), env=env).returncode == 0
    assert (tmp_path / "envdir" / DB_FILENAME).exists()


def test_prices_import_real_history_is_idempotent(data_dir):
    path = shared_data("ohlcv_to_2024/bitf_daily_ohlcv_2024.csv")
    r = run_main("prices", "import", "BITF", str(path), data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "1148" in r.stdout and "2019-08-16" in r.stdout
    before = store_digest(data_dir)
    assert run_main("prices", "import", "BITF", str(path), data_dir=data_dir).returncode == 0
    from riskwatch.adapters.sqlite_store import SqliteStore

    store = SqliteStore.in_dir(data_dir)
    assert len(store.load_bars("BITF")) == 1148
    store.close()
    del before


def test_prices_import_rejects_bad_rows_and_changes_nothing(tmp_path, data_dir):
    good = tmp_path / "good.csv"
    good.write_text("Date,Close\n2024-01-02,1\n2024-01-03,2\n", encoding="utf-8")
    assert run_main("prices", "import", "IREN", str(good), data_dir=data_dir).returncode == 0
    before = store_digest(data_dir)
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Close\n2024-01-04,3\n2024-01-05,0\n2024-01-04,4\n", encoding="utf-8")
    r = run_main("prices", "import", "IREN", str(bad), data_dir=data_dir)
    assert r.returncode == 2
    assert "line 3" in r.stderr and "line 4" in r.stderr and "duplicate date 2024-01-04" in r.stderr
    assert store_digest(data_dir) == before


@pytest.mark.subprocess
def test_import_from_standard_input_in_a_process(data_dir):
    r = run_cli("positions", "import", "-", data_dir=data_dir, input=GOOD)
    assert r.returncode == 0, r.stderr
    assert "Imported 2 position(s)" in r.stdout
    assert run_cli("positions", "export", "-", data_dir=data_dir).stdout == GOOD


@pytest.mark.subprocess
def test_a_reader_that_leaves_early_is_no_error(data_dir):
    """`riskwatch positions list | head -1`: the pipe closes before we write; no traceback, exit 0."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    run_main("positions", "import", str(ROOT / "resources" / "data" / "example_portfolio.csv"), data_dir=data_dir)
    proc = subprocess.Popen([sys.executable, "-m", "riskwatch", "--data-dir", str(data_dir), "positions", "list"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
    proc.stdout.close()  # the reader is gone before the first line is written
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()
