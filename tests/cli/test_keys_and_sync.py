"""`riskwatch keys set|test|delete` and `riskwatch positions sync` against the fake Kraken, in-process (each call
as a fresh process would run, see tests/cli/inprocess.py) but for one subprocess smoke test.

The keyring is the in-memory test backend, persisted between runs through RISKWATCH_TEST_KEYRING_FILE
(a file outside the data directory). After set -> test -> sync -> quit, neither the key nor the secret (nor a
base64 form of them) may appear in the data directory, the log, the settings or the captured output.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from riskwatch.adapters.sqlite_store import DB_FILENAME
from tests.cli.inprocess import run_main
from tests.conftest import cli_env, run_cli
from tests.fakes.fake_kraken import fake_kraken  # noqa: F401 - pytest fixture

KEY = "RWcliKEY-" + "Zx9Yw8Vu7Ts6Rq5Po4" * 2
SECRET_BYTES = bytes(range(101, 165))
SECRET = base64.b64encode(SECRET_BYTES).decode()
MEMORY = "tests.fakes.memory_keyring.MemoryKeyring"
FAIL = "keyring.backends.fail.Keyring"


def needles() -> list[bytes]:
    forms = {KEY, SECRET, SECRET.rstrip("="), base64.urlsafe_b64encode(SECRET_BYTES).decode(),
             base64.b64encode(KEY.encode()).decode(), base64.b64encode(SECRET.encode()).decode(), SECRET_BYTES.hex()}
    return [f.encode() for f in forms] + [SECRET_BYTES]


def assert_no_secret(blob: bytes | str, where: str) -> None:
    data = blob.encode() if isinstance(blob, str) else blob
    for n in needles():
        assert n not in data, f"key material found in {where}"


def files_under(*dirs: Path) -> list[Path]:
    return [p for d in dirs if d.exists() for p in d.rglob("*") if p.is_file()]


def store_digest(data_dir: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(data_dir.glob(DB_FILENAME + "*")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


@pytest.fixture
def kraken(fake_kraken):  # noqa: F811
    fake_kraken.set_credentials(KEY, SECRET)
    fake_kraken.set_balances({"XXBT": "0.5000000000", "XETH": "2.5", "USDT": "1500.00000000", "ZUSD": "1000.0000",
                              "SOL": "0"})
    return fake_kraken


@pytest.fixture
def env(tmp_path):
    """A keyring that survives processes (outside the data dir) and a private settings directory."""
    return cli_env(PYTHON_KEYRING_BACKEND=MEMORY, RISKWATCH_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"),
                   XDG_CONFIG_HOME=str(tmp_path / "config"), LANG="C.UTF-8")


class Runs:
    """Runs the CLI and keeps every captured output for the final search."""

    def __init__(self, data_dir: Path, env: dict):
        self.data_dir, self.env, self.outputs = data_dir, env, []

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        r = run_main(*args, data_dir=self.data_dir, input=input, env=env or self.env)
        self.outputs.append(r.stdout + r.stderr)
        return r


def test_set_test_sync_quit_leaves_no_key_material_anywhere(tmp_path, data_dir, env, kraken):
    cli = Runs(data_dir, env)
    r = cli("keys", "set", "kraken", input=f"{KEY}\n{SECRET}\n")
    assert r.returncode == 0, r.stderr
    assert "system keyring" in r.stdout and "read-only" in r.stdout
    stored = json.loads((tmp_path / "keyring.json").read_text())
    assert ["RiskWatch", "kraken:api_key", KEY] in stored  # it is in the (test) keyring, nowhere else

    r = cli("--exchange-api-url", kraken.url, "keys", "test", "kraken")
    assert r.returncode == 0, r.stderr
    assert "works" in r.stdout and "system keyring" in r.stdout

    r = cli("--exchange-api-url", kraken.url, "positions", "sync", "kraken", "--yes")
    assert r.returncode == 0, r.stderr
    assert "Kraken: 3 new, 0 changed, 0 removed, 0 unchanged" in r.stdout
    assert "+ BTC" in r.stdout and "+ USDT" in r.stdout and "USD " not in r.stdout
    assert "Applied: 3 added, 0 changed, 0 removed." in r.stdout

    r = cli("positions", "list", "--json")
    held = {(p["symbol"], p["account"]): p for p in json.loads(r.stdout)["positions"]}
    assert set(held) == {("BTC", "Kraken"), ("ETH", "Kraken"), ("USDT", "Kraken")}
    assert held[("BTC", "Kraken")]["quantity"] == "0.5" and held[("USDT", "Kraken")]["kind"] == "stablecoin"

    private = [q for q in kraken.requests() if q.path.startswith("/0/private/")]
    assert private and all(q.auth_headers == ("API-Key", "API-Sign") and q.signature_ok for q in private)

    log = data_dir / "riskwatch.log"
    assert log.exists() and "positions sync kraken: 3 added" in log.read_text(encoding="utf-8")
    searched = files_under(data_dir, tmp_path / "config")
    assert any(p.name == DB_FILENAME for p in searched)
    for path in searched:
        assert_no_secret(path.read_bytes(), str(path))
    for i, out in enumerate(cli.outputs):
        assert_no_secret(out, f"output of run {i}")

    r = cli("keys", "delete", "kraken")
    assert r.returncode == 0 and "Deleted" in r.stdout
    assert not any(KEY in row for row in json.loads((tmp_path / "keyring.json").read_text()))


def test_keys_test_uses_the_endpoint_saved_in_the_settings_for_that_exchange(data_dir, env, kraken):
    """Without --exchange-api-url the endpoint comes from the settings (read as AppSettings), and only for the
    exchange they name."""
    from riskwatch.adapters.sqlite_store import SqliteStore
    from riskwatch.services.settings import AppSettings, save_settings

    store = SqliteStore.in_dir(data_dir)
    save_settings(store, AppSettings(exchange="kraken", exchange_api_url=kraken.url))
    store.close()
    cli = Runs(data_dir, env)
    assert cli("keys", "set", "kraken", input=f"{KEY}\n{SECRET}\n").returncode == 0
    r = cli("keys", "test", "kraken")
    assert r.returncode == 0, r.stderr
    assert "works" in r.stdout
    assert [q.endpoint for q in kraken.requests() if q.path.startswith("/0/private/")] == ["BalanceEx"]


def test_sync_asks_before_applying_and_reports_changes(data_dir, env, kraken):
    cli = Runs(data_dir, env)
    assert cli("keys", "set", "kraken", input=f"{KEY}\n{SECRET}\n").returncode == 0
    r = cli("--exchange-api-url", kraken.url, "positions", "sync", "kraken", input="n\n")
    assert r.returncode == 1 and "Apply these changes? [y/N]" in r.stdout and "Cancelled" in r.stdout
    assert json.loads(cli("positions", "list", "--json").stdout)["positions"] == []
    r = cli("--exchange-api-url", kraken.url, "positions", "sync", "kraken", input="y\n")
    assert r.returncode == 0 and "Applied: 3 added" in r.stdout
    kraken.set_balances({"XXBT": "0.75", "USDT": "1500"})
    r = cli("--exchange-api-url", kraken.url, "positions", "sync", "kraken", "--yes")
    assert r.returncode == 0, r.stderr
    assert "~ BTC" in r.stdout and "0.5 → 0.75" in r.stdout and "- ETH" in r.stdout
    assert "Applied: 0 added, 1 changed, 1 removed." in r.stdout
    r = cli("--exchange-api-url", kraken.url, "positions", "sync", "kraken")
    assert r.returncode == 0 and "up to date" in r.stdout


def test_rejected_key_exits_nonzero_and_leaves_the_store_byte_identical(tmp_path, data_dir, env, kraken):
    src = tmp_path / "in.csv"
    src.write_text("symbol,kind,quantity,cost_basis,currency,account,note\nBTC,crypto,0.1,60000,USD,Kraken,\n",
                   encoding="utf-8")
    cli = Runs(data_dir, env)
    assert cli("positions", "import", str(src)).returncode == 0
    before = store_digest(data_dir)
    wrong_secret = base64.b64encode(bytes(64)).decode()
    assert cli("keys", "set", "kraken", input=f"{KEY}\n{wrong_secret}\n").returncode == 0
    r = cli("--exchange-api-url", kraken.url, "positions", "sync", "kraken", "--yes")
    assert r.returncode == 1
    assert "rejected the API key" in r.stderr and "Traceback" not in r.stderr
    assert store_digest(data_dir) == before
    kraken.set_credentials(KEY, SECRET, permissions=())
    assert cli("keys", "set", "kraken", input=f"{KEY}\n{SECRET}\n").returncode == 0
    r = cli("--exchange-api-url", kraken.url, "keys", "test", "kraken")
    assert r.returncode == 1 and "permission" in r.stderr
    r = cli("--exchange-api-url", kraken.url, "positions", "sync", "kraken", "--yes")
    assert r.returncode == 1 and store_digest(data_dir) == before
    for out in cli.outputs:
        assert_no_secret(out, "output")


def test_unreachable_exchange_is_one_clear_sentence(data_dir, env):
    cli = Runs(data_dir, env)
    assert cli("keys", "set", "kraken", input=f"{KEY}\n{SECRET}\n").returncode == 0
    r = cli("--exchange-api-url", "http://127.0.0.1:9", "keys", "test", "kraken")
    assert r.returncode == 1 and "could not be reached" in r.stderr and "Traceback" not in r.stderr


def test_no_secure_backend_refuses_to_store_and_env_keys_work(tmp_path, data_dir, kraken):
    fail_env = cli_env(PYTHON_KEYRING_BACKEND=FAIL, XDG_CONFIG_HOME=str(tmp_path / "config"), LANG="C.UTF-8")
    cli = Runs(data_dir, fail_env)
    r = cli("keys", "set", "kraken", input=f"{KEY}\n{SECRET}\n")
    assert r.returncode == 1
    assert "No secure keyring" in r.stderr and "RISKWATCH_KRAKEN_API_KEY" in r.stderr and "plain text" in r.stderr
    assert "was not stored" in r.stderr
    r = cli("keys", "test", "kraken")
    assert r.returncode == 1 and "No API key for Kraken" in r.stderr

    with_env = dict(fail_env, RISKWATCH_KRAKEN_API_KEY=KEY, RISKWATCH_KRAKEN_SECRET=SECRET)
    r = cli("--exchange-api-url", kraken.url, "keys", "test", "kraken", env=with_env)
    assert r.returncode == 0, r.stderr
    assert "environment variables RISKWATCH_KRAKEN_API_KEY" in r.stdout and "No secure keyring" in r.stderr
    r = cli("--exchange-api-url", kraken.url, "positions", "sync", "kraken", "--yes", env=with_env)
    assert r.returncode == 0 and "Applied: 3 added" in r.stdout
    assert cli("keys", "delete", "kraken", env=with_env).returncode == 1
    for path in files_under(data_dir, tmp_path / "config"):
        assert_no_secret(path.read_bytes(), str(path))
    for out in cli.outputs:
        assert_no_secret(out, "output")


@pytest.mark.parametrize("stdin", ["", f"{KEY}\n", f"\n{SECRET}\n", f"{KEY}\n{SECRET}\npp\nextra\n",
                                   f"{KEY} x\n{SECRET}\n"])
def test_bad_key_input_exits_2_without_echoing(data_dir, env, stdin):
    r = run_main("keys", "set", "kraken", data_dir=data_dir, input=stdin, env=env)
    assert r.returncode == 2, r.stderr
    assert "nothing was stored" in r.stderr
    assert_no_secret(r.stdout + r.stderr, "output")


def test_unknown_exchange_and_argv_without_keys(data_dir, env):
    r = run_main("keys", "set", "nosuchx", data_dir=data_dir, input=f"{KEY}\n{SECRET}\n", env=env)
    assert r.returncode == 2 and "unknown exchange" in r.stderr
    r = run_main("keys", "set", "kraken", KEY, data_dir=data_dir, env=env)  # a key on argv is refused by argparse
    assert r.returncode == 2
    r = run_main("positions", "sync", "nosuchx", data_dir=data_dir, env=env)
    assert r.returncode == 2


@pytest.mark.subprocess
def test_german_messages(data_dir, env):
    de = dict(env, LANG="de_DE.UTF-8")
    r = run_cli("keys", "test", "kraken", data_dir=data_dir, env=de)
    assert r.returncode == 1 and "Für Kraken ist kein API-Schlüssel gespeichert" in r.stderr
    r = run_cli("keys", "set", "kraken", data_dir=data_dir, input=f"{KEY}\n{SECRET}\n", env=de)
    assert r.returncode == 0 and "Schlüsselbund" in r.stdout and "nur Lesezugriff" in r.stdout


def test_a_locked_keyring_is_called_locked_not_absent_or_empty(tmp_path, data_dir):
    locked = cli_env(PYTHON_KEYRING_BACKEND="tests.fakes.memory_keyring.LockedMemoryKeyring",
                     XDG_CONFIG_HOME=str(tmp_path / "config"), LANG="C.UTF-8")
    r = run_main("keys", "test", "kraken", data_dir=data_dir, env=locked)
    assert r.returncode == 1
    assert "is locked" in r.stderr and "unlock it" in r.stderr
    assert "No API key" not in r.stderr and "No secure keyring" not in r.stderr
    r = run_main("keys", "set", "kraken", data_dir=data_dir, input=f"{KEY}\n{SECRET}\n", env=locked)
    assert r.returncode == 1 and "is locked" in r.stderr and "was not stored" in r.stderr
    de = run_main("keys", "test", "kraken", data_dir=data_dir, env=dict(locked, LANG="de_DE.UTF-8"))
    assert "ist gesperrt" in de.stderr
    assert_no_secret(r.stdout + r.stderr, "output")


def test_keys_set_help_gives_the_stdin_format():
    r = run_main("keys", "set", "--help")
    assert r.returncode == 0
    assert "line 1  the API key" in r.stdout and "line 2  the secret" in r.stdout and "passphrase" in r.stdout
