"""`riskwatch analyze FILE [--window-days N] [--json]`, in-process (tests/cli/inprocess.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.cli.inprocess import run_main
from tests.conftest import cli_env, shared_data

# Saturday 2025-11-01 .. Saturday 2025-11-08 (weekend rows: a 24/7 market, annualised with 365 days)
CLOSES = [100.0, 110.0, 88.0, 99.0, 121.0, 90.75, 108.9, 125.0]
DATES = [f"2025-11-{d:02d}" for d in range(1, 9)]
KEYS = {"close_column", "rows", "first_date", "last_date", "last_close", "max_drawdown", "current_drawdown",
        "worst_drop_from_30d_high", "worst_drop_from_30d_high_by_year", "volatility_annualized", "var_95_daily",
        "es_95_daily",
        # issues 15/20: the period of the returns, the current drop, VaR/ES over the whole file
        "period", "periods_per_year", "current_drop_from_30d_high", "var_95_daily_full", "es_95_daily_full"}


def write_csv(tmp_path, text: str, name: str = "prices.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def hand_csv(tmp_path):
    return write_csv(tmp_path, "Date,Close\n" + "".join(f"{d},{c}\n" for d, c in zip(DATES, CLOSES)))


def analyze_json(*args: str) -> dict:
    r = run_main("analyze", *args, "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_json_has_exactly_the_documented_keys_and_hand_worked_values(hand_csv):
    doc = analyze_json(str(hand_csv))
    assert set(doc) == KEYS
    assert (doc["close_column"], doc["rows"], doc["first_date"], doc["last_date"], doc["last_close"]) == (
        "Close", 8, "2025-11-01", "2025-11-08", 125.0)
    drop = {"value": -0.25, "peak_date": "2025-11-05", "trough_date": "2025-11-06"}
    assert doc["max_drawdown"] == drop
    assert doc["current_drawdown"] == 0.0
    assert doc["worst_drop_from_30d_high"] == drop
    assert doc["worst_drop_from_30d_high_by_year"] == {"2025": drop}
    r = np.array(CLOSES[1:]) / np.array(CLOSES[:-1]) - 1
    assert doc["volatility_annualized"] == pytest.approx(r.std(ddof=1) * np.sqrt(365), rel=1e-12)
    assert doc["var_95_daily"] == pytest.approx(np.percentile(r, 5), abs=1e-15)
    assert doc["es_95_daily"] == -0.25  # int((7 − 1) · 0.05) + 1 = 1 lowest return


def test_window_days_renames_the_drop_keys(hand_csv):
    doc = analyze_json(str(hand_csv), "--window-days", "1")
    assert "worst_drop_from_1d_high" in doc and "worst_drop_from_30d_high" not in doc
    assert doc["worst_drop_from_1d_high"] == {"value": 0.0, "peak_date": "2025-11-01", "trough_date": "2025-11-01"}
    assert set(doc["worst_drop_from_1d_high_by_year"]) == {"2025"}


def test_adj_close_is_used_when_the_file_has_both(tmp_path):
    rows = "".join(f"{d},{c},{c / 2}\n" for d, c in zip(DATES, CLOSES))
    doc = analyze_json(str(write_csv(tmp_path, "Date,Close,Adj Close\n" + rows)))
    assert doc["close_column"] == "Adj Close" and doc["last_close"] == 62.5
    assert doc["max_drawdown"]["value"] == -0.25  # scaling changes no fraction


def test_equity_file_is_annualised_with_252_days(tmp_path):
    dates = ["2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06", "2025-11-07", "2025-11-10"]
    closes = [10.0, 11.0, 10.5, 9.0, 9.9, 10.2]
    doc = analyze_json(str(write_csv(tmp_path, "date,close\n" + "".join(f"{d},{c}\n" for d, c in
                                                                       zip(dates, closes)))))
    r = np.array(closes[1:]) / np.array(closes[:-1]) - 1
    assert doc["volatility_annualized"] == pytest.approx(r.std(ddof=1) * np.sqrt(252), rel=1e-12)


def test_one_row_gives_nulls_not_a_crash(tmp_path):
    doc = analyze_json(str(write_csv(tmp_path, "Date,Close\n2025-11-03,42\n")))
    assert doc["rows"] == 1 and doc["max_drawdown"]["value"] == 0.0
    assert doc["volatility_annualized"] is None and doc["var_95_daily"] is None and doc["es_95_daily"] is None


def test_table_in_german_and_english(hand_csv):
    de = run_main("analyze", str(hand_csv), env=cli_env(LANG="de_DE.UTF-8"))
    assert de.returncode == 0, de.stderr
    assert "Maximaler Drawdown" in de.stdout and "\u221225,0 %" in de.stdout and "05.11.2025" in de.stdout
    assert "Stärkster Rückgang vom 30-Tage-Hoch" in de.stdout
    en = run_main("analyze", str(hand_csv), "--window-days", "7", env=cli_env(LANG="en_US.UTF-8"))
    assert en.returncode == 0, en.stderr
    assert "Maximum drawdown" in en.stdout and "25.0%" in en.stdout and "2025-11-05" in en.stdout
    assert "Worst drop from 7-day high" in en.stdout


@pytest.mark.parametrize("content, fragment", [
    (None, "file not found"),
    ("Date,Close\n2025-11-01,100\n2025-11-02,-5\n", "line 3"),
    ("Date,Close\n2025-11-01,100\n2025-11-01,101\n", "duplicate date"),
])
def test_bad_input_exits_2_with_one_clear_sentence(tmp_path, content, fragment):
    path = tmp_path / "bad.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    r = run_main("analyze", str(path), "--json")
    assert r.returncode == 2 and r.stdout == ""
    assert fragment in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_window_days_must_be_positive(hand_csv):
    r = run_main("analyze", str(hand_csv), "--window-days", "0")
    assert r.returncode == 2 and "at least 1 day" in r.stderr


def test_real_btc_history():
    path = shared_data("btc_usd_daily.csv")
    doc = analyze_json(str(path))
    assert set(doc) == KEYS and doc["rows"] == 4091 and doc["first_date"] == "2014-09-18"
    y2025 = doc["worst_drop_from_30d_high_by_year"]["2025"]
    assert y2025["value"] == pytest.approx(-0.26, abs=0.01)
    assert y2025["trough_date"] == "2025-11-22" and y2025["peak_date"].startswith("2025-10-")
    assert doc["max_drawdown"]["peak_date"] == "2017-12-16" and doc["max_drawdown"]["trough_date"] == "2018-12-15"
    assert 0.3 < doc["volatility_annualized"] < 1.5 and doc["es_95_daily"] < doc["var_95_daily"] < 0
