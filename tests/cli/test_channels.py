"""`riskwatch channels add|list|test|remove`, in-process, against a loopback HTTP server that records the ntfy and
webhook posts and a loopback SMTP server (aiosmtpd). Secrets come on stdin and live only in the (test) keyring,
persisted between runs through RISKWATCH_TEST_KEYRING_FILE, which lies outside the data folder."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.cli.inprocess import run_main
from tests.conftest import cli_env
from tests.fakes.push_server import PushServer
from tests.fakes.smtp_server import SmtpServer

MEMORY = "tests.fakes.memory_keyring.MemoryKeyring"
TOKEN = "tk_9f8e7d6c5b4a"


@pytest.fixture
def push():
    with PushServer() as server:
        yield server


@pytest.fixture
def env(tmp_path):
    return cli_env(PYTHON_KEYRING_BACKEND=MEMORY, RISKWATCH_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"),
                   LANG="C.UTF-8")


def _keyring(tmp_path) -> dict:
    path = tmp_path / "keyring.json"
    return {u: p for _s, u, p in json.loads(path.read_text())} if path.exists() else {}


def _listing(data_dir, env) -> list[dict]:
    r = run_main("channels", "list", "--json", data_dir=data_dir, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["channels"]


def _store_bytes(data_dir) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.iterdir() if p.is_file())


def test_ntfy_with_a_token_from_stdin_is_listed_tested_and_removed(tmp_path, data_dir, env, push):
    push.tokens["/alerts"] = TOKEN
    url = push.url("/alerts")
    added = run_main("channels", "add", "ntfy", url, "--min-severity", "critical", input=TOKEN + "\n",
                     data_dir=data_dir, env=env)
    assert added.returncode == 0, added.stderr
    assert "Added the ntfy channel 'ntfy' (minimum severity Critical)" in added.stdout
    assert "riskwatch channels test ntfy" in added.stdout
    assert _keyring(tmp_path) == {"channel:ntfy": TOKEN}
    [listed] = _listing(data_dir, env)
    assert listed["name"] == "ntfy" and listed["kind"] == "ntfy" and listed["url"] == url
    assert listed["min_severity"] == "critical" and listed["secret_set"] is True and listed["enabled"] is True
    human = run_main("channels", "list", data_dir=data_dir, env=env)
    assert "ntfy" in human.stdout and "set" in human.stdout and url in human.stdout

    tested = run_main("channels", "test", "ntfy", data_dir=data_dir, env=env)
    assert tested.returncode == 0, tested.stderr
    assert "Sent a test message to 'ntfy' (127.0.0.1:" in tested.stdout
    [post] = push.posts_to("/alerts")
    assert post.headers["Authorization"] == f"Bearer {TOKEN}"
    assert post.headers["Title"] == "RiskWatch test message" and "the channel works" in post.text
    assert _listing(data_dir, env)[0]["delivery"]["last_sent"] is not None  # in the delivery log
    for r in (added, human, tested):
        assert TOKEN not in r.stdout + r.stderr
    assert TOKEN.encode() not in _store_bytes(data_dir)  # never in SQLite or the log

    removed = run_main("channels", "remove", "ntfy", data_dir=data_dir, env=env)
    assert removed.returncode == 0, removed.stderr
    assert "Removed the channel 'ntfy'." in removed.stdout and "Removed its secret" in removed.stdout
    assert _keyring(tmp_path) == {} and _listing(data_dir, env) == []


def test_a_failed_test_says_why_exits_1_and_is_not_retried_later(data_dir, env, push):
    push.status["/down"] = 503
    assert run_main("channels", "add", "webhook", push.url("/down"), "--name", "ops", input="",
                    data_dir=data_dir, env=env).returncode == 0
    r = run_main("channels", "test", "ops", data_dir=data_dir, env=env)
    assert r.returncode == 1
    assert r.stderr.strip() == ("riskwatch: The test message to 'ops' was not delivered: 127.0.0.1 answered "
                                "HTTP 503.")
    delivery = _listing(data_dir, env)[0]["delivery"]
    assert delivery["pending"] == 0 and delivery["failed"] == 1 and delivery["last_error"] == "http_503"


def test_a_refused_token_and_an_unreachable_host_in_german(data_dir, env, push):
    de = dict(env, LANG="de_DE.UTF-8")
    push.tokens["/t"] = TOKEN
    assert run_main("channels", "add", "webhook", push.url("/t"), "--name", "hook", input="falsch\n",
                    data_dir=data_dir, env=de).returncode == 0
    r = run_main("channels", "test", "hook", data_dir=data_dir, env=de)
    assert r.returncode == 1 and "hat das Token oder Passwort abgelehnt" in r.stderr and "falsch" not in r.stderr
    assert run_main("channels", "add", "ntfy", "http://127.0.0.1:9/x", "--name", "tot", input="",
                    data_dir=data_dir, env=de).returncode == 0
    r = run_main("channels", "test", "tot", data_dir=data_dir, env=de)
    assert r.returncode == 1 and "keine Verbindung zu 127.0.0.1" in r.stderr
    listing = run_main("channels", "list", data_dir=data_dir, env=de).stdout
    assert "gesetzt" in listing and "keines" in listing and "Ziel" in listing


def test_email_password_from_stdin_reaches_the_smtp_server(tmp_path, data_dir, env):
    with SmtpServer() as smtp:
        mail_env = dict(env, SSL_CERT_FILE=str(smtp.cert))  # trust exactly the test server's certificate
        url = f"smtp://alerts%40example.org@127.0.0.1:{smtp.port}"
        added = run_main("channels", "add", "email", url, "--to", "me@example.org", input=smtp.password + "\n",
                         data_dir=data_dir, env=mail_env)
        assert added.returncode == 0, added.stderr
        tested = run_main("channels", "test", "email", data_dir=data_dir, env=mail_env)
        assert tested.returncode == 0, tested.stderr
        assert "Sent a test message to 'email' (me@example.org)." in tested.stdout
        [(_sender, rcpt, mail)] = smtp.messages
        assert rcpt == ["me@example.org"] and mail["Subject"] == "RiskWatch test message"
        [listed] = _listing(data_dir, mail_env)
        assert listed["to"] == "me@example.org" and listed["secret_set"] is True
        assert smtp.password.encode() not in _store_bytes(data_dir)


def test_a_wrong_smtp_password_is_a_clear_error_without_the_password(data_dir, env):
    with SmtpServer() as smtp:
        mail_env = dict(env, SSL_CERT_FILE=str(smtp.cert))
        url = f"smtp://alerts%40example.org@127.0.0.1:{smtp.port}"
        assert run_main("channels", "add", "email", url, "--to", "me@example.org", input="hunter2-wrong\n",
                        data_dir=data_dir, env=mail_env).returncode == 0
        r = run_main("channels", "test", "email", data_dir=data_dir, env=mail_env)
        assert r.returncode == 1 and "not delivered" in r.stderr
        assert "hunter2-wrong" not in r.stdout + r.stderr and not smtp.messages
        assert b"hunter2-wrong" not in _store_bytes(data_dir)


@pytest.mark.parametrize("argv, stdin, expected", [
    (("add", "ntfy", "ftp://example.org/x"), "", "field 'url': expected a URL starting with http:// or https://"),
    (("add", "ntfy", "https://user:pw@ntfy.sh/x"), "", "must not contain a password"),
    (("add", "webhook", "https://example.org/h", "--name", "Bad Name"), "", "field 'name'"),
    (("add", "email", "smtp://me%40example.org@mail.example.org:587", "--to", "not-an-address"), "pw\n",
     "field 'to_addr'"),
    (("add", "email", "smtp://me%40example.org@mail.example.org:587", "--to", "me@example.org"), "",
     "the SMTP URL names the user me@example.org: expected the password on standard input"),
    (("add", "ntfy", "https://ntfy.sh/x"), "one\ntwo\n", "standard input has more than one line"),
    (("add", "ntfy", "https://ntfy.sh/x"), "to\x07ken\n", "contains control characters"),
    (("add", "ntfy", "https://ntfy.sh/x", "--min-severity", "loud"), "", "invalid choice: 'loud'"),
    (("add", "email", "smtp://mail.example.org:587"), "", "the following arguments are required: --to"),
    (("test", "nosuch"), "", "there is no channel named 'nosuch'"),
    (("remove", "nosuch"), "", "there is no channel named 'nosuch'"),
])
def test_bad_input_exits_2_with_one_sentence_and_changes_nothing(tmp_path, data_dir, env, argv, stdin, expected):
    assert run_main("channels", "add", "webhook", "https://example.org/keep", "--name", "keep", input="",
                    data_dir=data_dir, env=env).returncode == 0
    r = run_main("channels", *argv, input=stdin, data_dir=data_dir, env=env)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert expected in r.stderr and r.stdout == ""
    assert [c["name"] for c in _listing(data_dir, env)] == ["keep"] and _keyring(tmp_path) == {}


def test_a_second_channel_of_the_same_name_changes_neither_it_nor_its_secret(tmp_path, data_dir, env):
    assert run_main("channels", "add", "ntfy", "https://ntfy.sh/mine", input=TOKEN + "\n", data_dir=data_dir,
                    env=env).returncode == 0
    r = run_main("channels", "add", "ntfy", "https://ntfy.sh/other", input="other-token\n", data_dir=data_dir,
                 env=env)
    assert r.returncode == 2 and "a channel named 'ntfy' exists already" in r.stderr
    assert _listing(data_dir, env)[0]["url"] == "https://ntfy.sh/mine"
    assert _keyring(tmp_path) == {"channel:ntfy": TOKEN}


def test_without_a_secure_keyring_a_secret_is_refused_and_nothing_is_stored(tmp_path, data_dir, env):
    plain = dict(env, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    r = run_main("channels", "add", "ntfy", "https://ntfy.sh/x", input=TOKEN + "\n", data_dir=data_dir, env=plain)
    assert r.returncode == 1 and "The secret was not stored" in r.stderr and TOKEN not in r.stderr
    assert _listing(data_dir, env) == []
    # a channel without a secret needs no keyring
    assert run_main("channels", "add", "ntfy", "https://ntfy.sh/x", input="", data_dir=data_dir,
                    env=plain).returncode == 0
    assert _listing(data_dir, plain)[0]["secret_set"] is None  # unknown: the keyring cannot be asked


def test_the_store_holds_the_channel_but_no_secret_column(data_dir, env):
    assert run_main("channels", "add", "webhook", "https://example.org/h", input=TOKEN + "\n", data_dir=data_dir,
                    env=env).returncode == 0
    from riskwatch.adapters.sqlite_store import DB_FILENAME

    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        rows = con.execute("SELECT * FROM alert_channels").fetchall()
    finally:
        con.close()
    assert rows and TOKEN not in repr(rows)
