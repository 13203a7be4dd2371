"""`riskwatch replay --headless [--json]` (in-process, see tests/cli/inprocess.py): JSON lines per alert event,
readable German lines, exit code 2 with one sentence for bad dates or a period without data; the data directory
is left alone."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.cli.inprocess import run_main
from tests.conftest import cli_env


MARKET_SCOPES = {"CD20", "MINER_BASKET", "market"}


def _all_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _lines(stdout: str) -> list[dict]:
    """The alert event lines (one market line per day comes besides them)."""
    return [d for d in _all_lines(stdout) if d.get("type") != "market"]


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
    # the baskets and the market regime are priced whatever is held: their alerts are not positions
    assert {e["asset"] for e in _lines(r.stdout)} - MARKET_SCOPES <= {"BTC", "portfolio", "QQQ"}
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


def test_headless_json_has_one_market_line_per_day_with_the_regime_and_the_baskets(data_dir):
    r = run_main("replay", "--from", "2022-11-07", "--to", "2022-11-10", "--headless", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    lines = _all_lines(r.stdout)
    assert {d["type"] for d in lines} == {"event", "market"}
    market = [d for d in lines if d["type"] == "market"]
    assert [d["date"] for d in market] == ["2022-11-07", "2022-11-08", "2022-11-09", "2022-11-10"]
    assert [(d["regime"], d["count"]) for d in market] == [("pressure", 2), ("pressure", 2), ("stressed", 5),
                                                           ("stressed", 5)]
    ftx = market[2]
    assert set(ftx["indicators"]) == {"btc_drop", "cd20_return", "miners_drop", "qqq_drop", "btc_qqq_corr",
                                      "miners_btc_corr_rise", "usdt_peg", "usdc_peg", "btc_funding", "btc_depth",
                                      "btc_volume"}
    assert ftx["indicators"]["btc_drop"] <= -0.25 and ftx["indicators"]["btc_depth"] is None
    assert set(ftx["baskets"]) == {"CD20", "MINER_BASKET"}
    assert ftx["baskets"]["CD20"]["return:30D"] == pytest.approx(ftx["indicators"]["cd20_return"])
    assert ftx["baskets"]["CD20"]["return:30D"] <= -0.15
    assert ftx["baskets"]["MINER_BASKET"]["drop_from_high:30D"] == pytest.approx(ftx["indicators"]["miners_drop"])
    # each day's market line comes after that day's events
    order = [(d["date"], d["type"]) for d in lines]
    for i, (day, kind) in enumerate(order):
        if kind == "event":
            assert ("market" not in {k for dd, k in order[:i] if dd == day})


def test_headless_text_prints_the_regime_when_it_changes_in_german(data_dir):
    r = run_main("replay", "--from", "2022-11-07", "--to", "2022-11-10", "--headless", data_dir=data_dir,
                 env=cli_env(LANG="de_DE.UTF-8"))
    assert r.returncode == 0, r.stderr
    regime = [line for line in r.stdout.splitlines() if "Marktlage:" in line]
    assert regime == ["07.11.2022  Marktlage: unter Druck (2 von 11)",   # 08.11.: unchanged, no line
                      "09.11.2022  Marktlage: angespannt (5 von 11)"]    # 10.11.: unchanged, no line
    r = run_main("replay", "--from", "2022-11-08", "--to", "2022-11-09", "--headless", data_dir=data_dir)
    assert [line for line in r.stdout.splitlines() if "Market:" in line] == [
        "2022-11-08  Market: under pressure (2 of 11)", "2022-11-09  Market: stressed (5 of 11)"]


def test_the_market_lines_say_which_indicator_values_are_stale(data_dir):
    """December 2025: the bundled BTC history (Yahoo) ends on 2025-11-29, so BTC's figures are stale there and
    the market line says so for each indicator instead of repeating an old value as that day's."""
    r = run_main("replay", "--from", "2025-12-10", "--to", "2025-12-10", "--headless", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    (line,) = [d for d in _all_lines(r.stdout) if d["type"] == "market"]
    assert line["status"]["btc_drop"] == "stale" and line["as_of"]["btc_drop"] < "2025-12-01"
    assert "btc_drop" in line["stale"]
    assert set(line["status"]) == set(line["indicators"])
