"""`check` on stale data (issue 15): UNKNOWN (3), never WARNING, with what is stale since when on the first line;
a WARNING or CRITICAL on fresh data still wins (CRITICAL > WARNING > UNKNOWN > OK). In-process, real SQLite; the
time the figures are judged at comes from the clock handed to ``commands.check.run``."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from riskwatch import cli
from riskwatch.adapters.clock import ManualClock
from riskwatch.commands import check as check_command
from tests.cli.inprocess import run_main
from tests.conftest import cli_env

LAST_BAR = date(2025, 11, 28)


def write(tmp_path, data_dir, symbol, closes, last: date) -> None:
    start = last - timedelta(days=len(closes) - 1)
    path = tmp_path / f"{symbol}.csv"
    path.write_text("Date,Close\n" + "".join(f"{start + timedelta(days=i)},{c}\n" for i, c in enumerate(closes)),
                    encoding="utf-8")
    r = run_main("prices", "import", symbol, str(path), data_dir=data_dir)
    assert r.returncode == 0, r.stderr


def hold(tmp_path, data_dir, rows: str) -> None:
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity,cost_basis\n" + rows, encoding="utf-8")
    assert run_main("positions", "import", str(pos), data_dir=data_dir).returncode == 0


def falling(n=60):
    return [100.0] * n + [80.0]   # −20 %: above the shipped −17 % warning, below the −25 % critical


def test_a_fall_in_stale_history_is_unknown_not_warning(tmp_path, data_dir):
    hold(tmp_path, data_dir, "BTC,crypto,1,50\n")
    write(tmp_path, data_dir, "BTC", falling(), LAST_BAR)
    r = run_main("check", "--offline", data_dir=data_dir)
    assert r.returncode == 3, r.stdout
    assert r.stdout.startswith("RISKWATCH UNKNOWN - data stale: BTC since 2025-11-29 00:00 UTC")
    doc = json.loads(run_main("check", "--offline", "--json", data_dir=data_dir).stdout)
    assert doc["status"] == "UNKNOWN" and doc["new_events"] == [] and doc["active_alerts"] == []
    assert doc["stale"] == [{"asset": "BTC", "since": "2025-11-29T00:00:00+00:00"}]


def test_the_first_line_is_german_in_a_german_locale(tmp_path, data_dir):
    hold(tmp_path, data_dir, "BTC,crypto,1,50\n")
    write(tmp_path, data_dir, "BTC", falling(), LAST_BAR)
    r = run_main("check", "--offline", data_dir=data_dir, env=cli_env(LANG="de_DE.UTF-8"))
    assert r.returncode == 3
    assert r.stdout.startswith("RISKWATCH UNKNOWN - Daten veraltet: BTC seit 29.11.2025 00:00 UTC"), r.stdout


def run_at(capsys, data_dir, now: datetime | None, *extra: str) -> tuple[int, dict]:
    args = cli.build_parser().parse_args(["--data-dir", str(data_dir), "check", "--offline", "--json", *extra])
    capsys.readouterr()
    code = check_command.run(args, clock=ManualClock(now) if now is not None else None)
    return code, json.loads(capsys.readouterr().out)


def test_an_alert_fired_on_fresh_data_stops_counting_once_its_data_is_stale(tmp_path, data_dir, capsys):
    hold(tmp_path, data_dir, "BTC,crypto,1,50\n")
    write(tmp_path, data_dir, "BTC", falling(), LAST_BAR)
    code, doc = run_at(capsys, data_dir, datetime(2025, 11, 28, 12, tzinfo=UTC))   # the day of the last bar
    assert code == 1 and doc["stale"] == [], doc["stale"]
    fired = next(e for e in doc["new_events"] if e["kind"] == "fired" and e["asset"] == "BTC")
    assert fired["ts"] == "2025-11-28T12:00:00+00:00"                # raised at, and the data's own time
    assert fired["data_as_of"] == "2025-11-28T12:00:00+00:00"        # the bar of the day, read at noon
    code, doc = run_at(capsys, data_dir, None)                                      # a year later
    assert code == 3
    assert doc["new_events"] == []                                   # neither resolved nor escalated on old data
    btc = next(a for a in doc["active_alerts"] if a["asset"] == "BTC")   # the alert stays, marked ...
    assert btc["stale_since"] == "2025-11-29T00:00:00+00:00" and btc["data_as_of"] == fired["data_as_of"]
    assert any(k.endswith("|BTC") for k in doc["alerts_on_stale_data"])   # ... and does not count


def test_a_warning_on_fresh_data_wins_over_stale_data(tmp_path, data_dir):
    hold(tmp_path, data_dir, "BTC,crypto,1,50\nMARA,equity,10,5\n")
    write(tmp_path, data_dir, "BTC", falling(), date.today())
    write(tmp_path, data_dir, "MARA", [10.0] * 60, LAST_BAR)
    r = run_main("check", "--offline", data_dir=data_dir)
    assert r.returncode == 1, r.stdout
    first = r.stdout.splitlines()[0].partition(" | ")[0]
    assert first.startswith("RISKWATCH WARNING - BTC drop_from_high:30D −20.0%"), first
    assert "data stale: MARA since 2025-11-2" in first and "BTC since" not in first


def test_fresh_data_is_ok_and_names_nothing_stale(tmp_path, data_dir):
    hold(tmp_path, data_dir, "BTC,crypto,1,50\n")
    write(tmp_path, data_dir, "BTC", [100.0] * 90, date.today())
    r = run_main("check", "--offline", data_dir=data_dir)
    assert r.returncode == 0 and r.stdout.startswith("RISKWATCH OK - no active alerts | "), r.stdout
