"""`riskwatch check`: one cycle, Nagios exit codes, nothing fired twice. In-process (tests/cli/inprocess.py) but
for one subprocess smoke test of the exit code."""

import json
from datetime import date, timedelta

import pytest

from riskwatch.adapters.sqlite_store import DB_FILENAME
from tests.cli.inprocess import run_main
from tests.conftest import run_cli


def write_prices(path, closes):
    today = date.today()
    start = today - timedelta(days=len(closes) - 1)
    rows = [f"{start + timedelta(days=i)},{c}" for i, c in enumerate(closes)]
    path.write_text("Date,Close\n" + "\n".join(rows) + "\n", encoding="utf-8")


def setup_btc(tmp_path, data_dir, closes):
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity,cost_basis\nBTC,crypto,1,50\n", encoding="utf-8")
    assert run_main("positions", "import", str(pos), data_dir=data_dir).returncode == 0
    prices = tmp_path / "btc.csv"
    write_prices(prices, closes)
    r = run_main("prices", "import", "BTC", str(prices), data_dir=data_dir)
    assert r.returncode == 0, r.stderr


def check(data_dir, *extra, run=run_main):
    r = run("check", "--offline", "--json", *extra, data_dir=data_dir)
    return r, (json.loads(r.stdout) if r.stdout.strip() else None)


def test_ok_when_nothing_is_above_info(tmp_path, data_dir):
    setup_btc(tmp_path, data_dir, [100.0] * 90)
    r, doc = check(data_dir)
    assert r.returncode == 0, r.stderr
    assert doc["status"] == "OK" and doc["active_alerts"] == []
    assert doc["assets"][0]["symbol"] == "BTC" and doc["assets"][0]["price"] == 100.0
    assert doc["portfolio"]["value"] == 100.0 and doc["portfolio"]["pnl"] == 50.0


def test_warning_fires_once_and_stays_active(tmp_path, data_dir):
    setup_btc(tmp_path, data_dir, [100.0] * 60 + [80.0])
    r, doc = check(data_dir)
    assert r.returncode == 1, r.stderr
    assert doc["status"] == "WARNING"
    new = [(e["kind"], e["asset"], e["metric"]) for e in doc["new_events"]]
    assert ("fired", "BTC", "drop_from_high:30D") in new
    assert doc["assets"][0]["drop_from_30d_high"] == pytest.approx(-0.2)
    r2, doc2 = check(data_dir)
    assert r2.returncode == 1
    assert doc2["new_events"] == []  # running it twice does not fire the same alert twice
    assert any(a["asset"] == "BTC" for a in doc2["active_alerts"])


@pytest.mark.subprocess
def test_critical(tmp_path, data_dir):
    setup_btc(tmp_path, data_dir, [100.0] * 60 + [70.0])
    r, doc = check(data_dir, run=run_cli)  # the exit code as the process ends with it
    assert r.returncode == 2 and doc["status"] == "CRITICAL"


def test_human_output_first_line_is_a_nagios_status(tmp_path, data_dir):
    setup_btc(tmp_path, data_dir, [100.0] * 60 + [80.0])
    r = run_main("check", "--offline", data_dir=data_dir)
    assert r.returncode == 1
    assert r.stdout.splitlines()[0].startswith("RISKWATCH WARNING - ")


def test_unknown_without_positions(data_dir):
    r, doc = check(data_dir)
    assert r.returncode == 3 and doc["status"] == "UNKNOWN" and "no positions" in doc["message"]


def test_unknown_with_a_broken_store(data_dir):
    (data_dir / DB_FILENAME).write_bytes(b"garbage" * 1000)
    r, doc = check(data_dir)
    assert r.returncode == 3 and doc["status"] == "UNKNOWN" and "store" in doc["message"]


def test_unknown_when_no_price_at_all(tmp_path, data_dir):
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity\nZZZZ,equity,1\n", encoding="utf-8")
    run_main("positions", "import", str(pos), data_dir=data_dir)
    r, doc = check(data_dir)
    assert r.returncode == 3 and doc["missing_prices"] == ["ZZZZ"]


def test_check_help_lists_the_exit_codes(capsys):
    from riskwatch import cli

    with pytest.raises(SystemExit) as done:
        cli.main(["check", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for line in ("0  OK", "1  WARNING", "2  CRITICAL", "3  UNKNOWN"):
        assert line in out
