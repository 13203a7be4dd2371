"""Store faults through the command line: one clear message and exit code, never a traceback; damaged rows
are warnings; a read-only folder says read-only; kill -9 during an import leaves a whole store; files private."""

import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from riskwatch import cli
from riskwatch.adapters.sqlite_store import DB_FILENAME, SqliteStore
from tests.conftest import cli_env
from tests.fakes.locked_store import exclusive_lock

GOOD = ("symbol,kind,quantity,cost_basis,currency,account,note\n"
        "BTC,crypto,0.5,62000,USD,Kraken,cold storage\n"
        "IREN,equity,400,14.50,USD,Depot,\n")


@pytest.fixture
def store_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("RISKWATCH_BUSY_TIMEOUT_S", "0.3")
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")
    monkeypatch.setenv("RISKWATCH_LANG", "en")
    src = tmp_path / "in.csv"
    src.write_text(GOOD, encoding="utf-8")
    d = tmp_path / "data"
    assert cli.main(["--data-dir", str(d), "positions", "import", str(src)]) == 0
    return d


def test_import_into_a_locked_store_exits_1_with_the_locked_message(store_dir, tmp_path, capsys):
    capsys.readouterr()
    with exclusive_lock(store_dir / DB_FILENAME):
        code = cli.main(["--data-dir", str(store_dir), "positions", "import", str(tmp_path / "in.csv"),
                         "--replace"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"riskwatch: the data store {store_dir / DB_FILENAME} is locked by another process")
    assert "Traceback" not in err and err.count("\n") == 1


def test_check_on_a_locked_store_is_unknown_with_the_message_first(store_dir, capsys):
    capsys.readouterr()
    with exclusive_lock(store_dir / DB_FILENAME):
        code = cli.main(["--data-dir", str(store_dir), "check", "--offline"])
    out = capsys.readouterr().out
    assert code == 3
    assert out.splitlines()[0].startswith("RISKWATCH UNKNOWN - ") and "locked by another process" in out


def test_check_on_damaged_pages_is_unknown_3(store_dir, capsys):
    store = SqliteStore.in_dir(store_dir)
    store.upsert_bars([])  # nothing; grow the file so there are pages to damage
    store.set_setting("padding", "x" * 20000)
    store.close()
    db = store_dir / DB_FILENAME
    data = bytearray(db.read_bytes())
    for page in range(1, len(data) // 4096):
        data[page * 4096: page * 4096 + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    capsys.readouterr()
    code = cli.main(["--data-dir", str(store_dir), "check", "--offline"])
    out = capsys.readouterr().out
    assert code == 3 and "RISKWATCH UNKNOWN" in out and "is damaged" in out


def test_list_skips_damaged_rows_with_a_warning_each(store_dir, capsys):
    conn = sqlite3.connect(store_dir / DB_FILENAME)
    conn.execute("UPDATE positions SET quantity = 'abc' WHERE symbol = 'IREN'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert cli.main(["--data-dir", str(store_dir), "positions", "list"]) == 0
    captured = capsys.readouterr()
    assert "BTC" in captured.out and "IREN" not in captured.out
    assert captured.err == ("riskwatch: warning: positions row 2, field 'quantity': 'abc' is not a number; "
                            "the row was skipped\n")


def _as_nobody(*args, cwd):
    """Run the CLI as an unprivileged user: as root, chmod does not stop writes."""
    prefix = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("setpriv needed to drop root for a read-only folder")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe = subprocess.run([*prefix, sys.executable, "-c", "import riskwatch"], capture_output=True,
                               env=cli_env(HOME=str(cwd)), cwd=cwd, timeout=60)
        if probe.returncode != 0:  # e.g. a checkout inside a 0700 folder: the other user cannot import it
            pytest.skip("this checkout is not readable by an unprivileged user (needed to test a read-only folder "
                        "as root)")
    return subprocess.run([*prefix, sys.executable, "-m", "riskwatch", *args], capture_output=True, text=True,
                          env=cli_env(HOME=str(cwd)), cwd=cwd, timeout=60)


@pytest.mark.subprocess
def test_a_read_only_folder_is_reported_as_read_only_not_damaged(tmp_path):
    tmp_path = Path(tempfile.mkdtemp(prefix="riskwatch-ro-", dir="/tmp"))  # parents the other user can enter
    tmp_path.chmod(0o755)
    existing = tmp_path / "existing"
    SqliteStore.in_dir(existing).close()
    empty = tmp_path / "empty"
    empty.mkdir()
    for d in (existing, empty):
        if os.geteuid() == 0:
            for p in (d, *d.iterdir()):
                os.chown(p, 65534, 65534)
        d.chmod(0o555)
    try:
        for d, action in ((existing, "list"), (empty, "list")):
            r = _as_nobody("--data-dir", str(d), "positions", action, cwd=tmp_path)
            assert r.returncode == 1, r.stderr
            assert "is read-only" in r.stderr and "damaged" not in r.stderr and "Traceback" not in r.stderr
        r = _as_nobody("--data-dir", str(empty / "sub"), "positions", "list", cwd=tmp_path)
        assert r.returncode == 1 and "cannot create the data folder" in r.stderr
    finally:
        for d in (existing, empty):
            d.chmod(0o755)
        shutil.rmtree(tmp_path, ignore_errors=True)


def test_log_file_and_data_folder_are_private(tmp_path):
    from riskwatch.app import setup_logging

    old = os.umask(0o022)
    try:
        d = tmp_path / "fresh"
        setup_logging(d)
        assert stat.S_IMODE(d.stat().st_mode) == 0o700
        assert stat.S_IMODE((d / "riskwatch.log").stat().st_mode) == 0o600
    finally:
        import logging

        root = logging.getLogger("riskwatch")
        for h in list(root.handlers):
            if isinstance(h, logging.FileHandler) and str(tmp_path) in h.baseFilename:
                root.removeHandler(h)
                h.close()
        os.umask(old)


@pytest.mark.subprocess
def test_kill_9_during_an_import_leaves_all_old_or_all_new_positions(tmp_path):
    old_csv, new_csv = tmp_path / "old.csv", tmp_path / "new.csv"
    header = "symbol,kind,quantity,cost_basis,currency,account,note\n"
    old_csv.write_text(header + "".join(f"O{i},equity,1,1,USD,A,\n" for i in range(3000)), encoding="utf-8")
    new_csv.write_text(header + "".join(f"N{i},equity,2,2,USD,B,\n" for i in range(3000)), encoding="utf-8")
    data = tmp_path / "data"
    env = cli_env()
    base = [sys.executable, "-m", "riskwatch", "--data-dir", str(data), "positions", "import"]
    subprocess.run([*base, str(old_csv)], env=env, check=True, capture_output=True, timeout=60)
    started = time.monotonic()
    subprocess.run([*base, str(new_csv), "--replace"], env=env, check=True, capture_output=True, timeout=60)
    full = time.monotonic() - started
    subprocess.run([*base, str(old_csv), "--replace"], env=env, check=True, capture_output=True, timeout=60)
    rng = random.Random(20)
    deadline = time.monotonic() + 20
    runs = 0
    while runs < 8 and time.monotonic() < deadline:
        source = new_csv if runs % 2 == 0 else old_csv
        proc = subprocess.Popen([*base, str(source), "--replace"], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.0) * full)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        conn = sqlite3.connect(data / DB_FILENAME)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            prefixes = {s[0] for (s,) in conn.execute("SELECT symbol FROM positions")}
            count = conn.execute("SELECT COUNT(*) FROM positions").fetchone()[0]
        finally:
            conn.close()
        assert len(prefixes) == 1 and count == 3000, (prefixes, count)
        runs += 1
    assert runs >= 3
