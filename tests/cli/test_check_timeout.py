"""`check --timeout` bounds the whole run (issue 15): an exchange that accepts connections and never answers,
and one that refuses them, still give an answer within the timeout + 1 s, UNKNOWN (3) with what is stale since
when on the first line. In-process through ``cli.main`` (tests/cli/inprocess.py), one subprocess run for the
interpreter's own exit."""

from __future__ import annotations

import json
import socket
import time
from datetime import date, timedelta

import pytest

from tests.cli.inprocess import run_main
from tests.conftest import cli_env, run_cli
from tests.fakes.fake_kraken import FakeKraken

LAST_BAR = date(2025, 11, 28)          # BTC's stored history ends here: its close counts from 2025-11-29 00:00
STALE_LINE = "RISKWATCH UNKNOWN - data stale: BTC since 2025-11-29 00:00 UTC"


def env(**extra):
    return cli_env(RISKWATCH_EQUITY_SOURCE="csv", **extra)  # no request to Yahoo from tests


def hold_btc_with_old_history(tmp_path, data_dir, closes=None):
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity,cost_basis\nBTC,crypto,1,50\n", encoding="utf-8")
    assert run_main("positions", "import", str(pos), data_dir=data_dir).returncode == 0
    closes = closes or [100.0 + (i % 7) for i in range(200)]
    start = LAST_BAR - timedelta(days=len(closes) - 1)
    prices = tmp_path / "btc.csv"
    prices.write_text("Date,Close\n" + "".join(f"{start + timedelta(days=i)},{c}\n" for i, c in enumerate(closes)),
                      encoding="utf-8")
    r = run_main("prices", "import", "BTC", str(prices), data_dir=data_dir)
    assert r.returncode == 0, r.stderr


@pytest.fixture
def silent_kraken():
    """The Kraken fake, accepting every connection and answering none (until the test ends)."""
    server = FakeKraken().start()
    server.inject("*", "timeout", seconds=120)
    try:
        yield server
    finally:
        server.stop()


def refused_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now: connections are refused
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def closes(monkeypatch):
    """Counts ``Monitor.aclose`` calls of every monitor ``check`` builds."""
    from riskwatch import app

    calls: list[object] = []
    build = app.build_monitor

    def counting(*args, **kwargs):
        monitor = build(*args, **kwargs)
        close = monitor.aclose

        async def aclose():
            calls.append(monitor)
            await close()

        monitor.aclose = aclose
        return monitor

    monkeypatch.setattr(app, "build_monitor", counting)
    return calls


def timed_check(data_dir, url, *extra, run=run_main, **env_extra):
    started = time.monotonic()
    r = run("--exchange-api-url", url, "check", *extra, data_dir=data_dir, env=env(**env_extra), timeout=60)
    return r, time.monotonic() - started


@pytest.mark.parametrize("timeout", [2.0, 4.0])
def test_an_exchange_that_never_answers_gives_unknown_within_the_timeout(tmp_path, data_dir, silent_kraken,
                                                                         closes, timeout):
    hold_btc_with_old_history(tmp_path, data_dir)
    r, took = timed_check(data_dir, silent_kraken.url, "--timeout", str(timeout))
    assert took <= timeout + 1.0, f"took {took:.2f} s with --timeout {timeout}"
    assert r.returncode == 3, r.stdout + r.stderr
    first = r.stdout.splitlines()[0]
    assert first.startswith(STALE_LINE), first
    assert "market data timed out after" in first.split(" | ")[0]
    assert len(closes) == 1  # the Monitor was closed (feeds, sessions) although the cycle was cut
    assert "Unclosed" not in r.stderr and "Traceback" not in r.stderr


def test_a_refused_exchange_gives_unknown_within_the_timeout(tmp_path, data_dir, closes):
    hold_btc_with_old_history(tmp_path, data_dir)
    r, took = timed_check(data_dir, refused_url(), "--timeout", "3", "--json")
    assert took <= 4.0, f"took {took:.2f} s"
    assert r.returncode == 3, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    assert doc["status"] == "UNKNOWN" and doc["timeout_s"] == 3.0
    assert doc["stale"] == [{"asset": "BTC", "since": "2025-11-29T00:00:00+00:00"}]
    assert doc["new_events"] == [] and doc["active_alerts"] == []
    assert len(closes) == 1


def test_the_cut_run_still_evaluates_the_stored_prices(tmp_path, data_dir, silent_kraken):
    """Where the deadline hits, the figures come from the store: a fall in the stored history is reported, but
    as stale data (UNKNOWN), never as a WARNING."""
    hold_btc_with_old_history(tmp_path, data_dir, [100.0] * 60 + [80.0])
    r, took = timed_check(data_dir, silent_kraken.url, "--timeout", "2", "--json")
    assert took <= 3.0
    doc = json.loads(r.stdout)
    assert r.returncode == 3 and doc["timed_out"] is True
    btc = doc["assets"][0]
    assert btc["price"] == 80.0 and btc["drop_from_30d_high"] == pytest.approx(-0.2)
    assert btc["price_state"] == "stale" and doc["new_events"] == []


@pytest.mark.subprocess
def test_the_process_ends_within_the_default_timeout(tmp_path, data_dir, silent_kraken):
    """Nagios' own limit is 10 s: the default --timeout, interpreter start included."""
    hold_btc_with_old_history(tmp_path, data_dir)
    r, took = timed_check(data_dir, silent_kraken.url, run=run_cli)
    assert took <= 11.0, f"took {took:.2f} s"
    assert r.returncode == 3 and r.stdout.startswith(STALE_LINE), r.stdout + r.stderr


@pytest.mark.parametrize("value", ["abc", "0", "-1", "nan", "inf", ""])
def test_a_bad_timeout_is_unknown_3_with_the_reason_first(data_dir, value):
    r = run_main("check", "--offline", "--timeout", value, data_dir=data_dir)
    assert r.returncode == 3, r.stdout + r.stderr
    first = r.stdout.splitlines()[0]
    assert first.startswith("RISKWATCH UNKNOWN - ") and "--timeout" in first
    assert "greater than 0" in first and f"'{value}'" in first


@pytest.mark.parametrize("argv", [["--timeout"], ["--bogus"], ["extra"]])
def test_other_usage_errors_of_check_are_unknown_3(data_dir, argv):
    r = run_main("check", "--offline", *argv, data_dir=data_dir)
    assert r.returncode == 3, r.stdout + r.stderr
    assert r.stdout.startswith("RISKWATCH UNKNOWN - ")


def test_fresh_data_offline_within_a_short_timeout_is_unaffected(tmp_path, data_dir):
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity,cost_basis\nBTC,crypto,1,50\n", encoding="utf-8")
    run_main("positions", "import", str(pos), data_dir=data_dir)
    start = date.today() - timedelta(days=89)
    prices = tmp_path / "btc.csv"
    prices.write_text("Date,Close\n" + "".join(f"{start + timedelta(days=i)},100\n" for i in range(90)),
                      encoding="utf-8")
    run_main("prices", "import", "BTC", str(prices), data_dir=data_dir)
    r = run_main("check", "--offline", "--timeout", "5", "--json", data_dir=data_dir)
    doc = json.loads(r.stdout)
    assert r.returncode == 0 and doc["timed_out"] is False and doc["stale"] == []
