"""`riskwatch replay --headless [--json]` (in-process, see tests/cli/inprocess.py): JSON lines per alert event,
readable German lines, exit code 2 with one sentence for bad dates or a period without data; the data directory
is left alone."""

from __future__ import annotations

import hashlib
import json

from tests.cli.inprocess import run_main
from tests.conftest import cli_env


def _lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_headless_json_over_the_2025_sell_off(data_dir):
    r = run_main("replay", "--from", "2025-10-01", "--to", "2025-11-29", "--headless", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    events = _lines(r.stdout)
    first_btc = next(e for e in events if e["asset"] == "BTC" and e["kind"] == "fired")
    assert {k: first_btc[k] for k in ("date", "kind", "severity", "asset", "metric", "value", "threshold", "rule")} \
        == {"date": "2025-11-04", "kind": "fired", "severity": "warning", "asset": "BTC",
            "metric": "drop_from_high:30D", "value": -0.1857, "threshold": -0.17, "rule": "btc_drop_30d_warning"}
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert ("2025-11-21", "escalated", "critical") in [(e["date"], e["kind"], e["severity"]) for e in events
                                                      if e["asset"] == "BTC"]
    assert {"IREN", "CLSK"} <= {e["asset"] for e in events if e["rule"] == "miner_drop_30d_warning"}
    assert list(data_dir.iterdir()) == []                       # no store created for a replay


def test_headless_text_in_german(data_dir):
    r = run_main("replay", "--from", "03.11.2025", "--to", "05.11.2025", "--headless", data_dir=data_dir,
                env=cli_env(LANG="de_DE.UTF-8"))
    assert r.returncode == 0, r.stderr
    btc = next(line for line in r.stdout.splitlines() if " BTC " in line)
    assert btc.startswith("04.11.2025") and "Warnung" in btc and "\u221218,6 %" in btc and "ausgelöst" in btc
    assert "Schwellwert \u221217,0 %" in btc
    assert r.stdout.splitlines()[-1].startswith("Wiedergabe 03.11.2025 bis 05.11.2025: 3 Tag(e)")


def test_the_stores_positions_are_replayed_and_the_store_is_untouched(data_dir, tmp_path):
    csv = tmp_path / "btc.csv"
    csv.write_text("symbol,kind,quantity,cost_basis,currency\nBTC,crypto,1,50000,USD\n", encoding="utf-8")
    assert run_main("positions", "import", str(csv), data_dir=data_dir).returncode == 0
    db = next(data_dir.glob("*.sqlite3"))
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    r = run_main("replay", "--from", "2025-11-01", "--to", "2025-11-10", "--headless", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert {e["asset"] for e in _lines(r.stdout)} <= {"BTC", "portfolio", "QQQ"}
    assert any(e["asset"] == "BTC" and e["date"] == "2025-11-04" for e in _lines(r.stdout))
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_bad_dates_and_periods_exit_2_with_one_sentence(data_dir):
    cases = [
        (("--from", "2025-13-01", "--to", "2025-11-29"), "--from '2025-13-01' is not a date"),
        (("--from", "2025-10-01", "--to", "tomorrow"), "--to 'tomorrow' is not a date"),
        (("--from", "2025-11-29", "--to", "2025-10-01"), "ends (2025-10-01) before it starts (2025-11-29)"),
        (("--from", "2031-01-01", "--to", "2031-02-01"), "no price history between 2031-01-01 and 2031-02-01"),
    ]
    for args, message in cases:
        r = run_main("replay", *args, "--headless", "--json", data_dir=data_dir)
        assert r.returncode == 2, (args, r.stderr)
        assert message in r.stderr and r.stdout == ""
        assert len(r.stderr.strip().splitlines()) == 1
    r = run_main("replay", "--from", "2025-10-01", "--to", "2025-10-02", "--json", data_dir=data_dir)
    assert r.returncode == 2 and "--json needs --headless" in r.stderr
    r = run_main("replay", "--from", "2025-10-01", "--headless", data_dir=data_dir)
    assert r.returncode == 2 and "--to" in r.stderr
