"""`analyze` and `prices import` on hostile input (issue 20) and the period / window rules of `analyze`
(issues 15, 20). In-process through ``riskwatch.cli.main``."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest

from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.adapters.text_files import MAX_FILE_BYTES
from riskwatch.cli import main


def write(tmp_path, text: str, name: str = "prices.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def csv_of(dates, closes) -> str:
    return "Date,Close\n" + "".join(f"{d},{float(c)!r}\n" for d, c in zip(dates, closes))


def analyze(capsys, *args: str) -> dict:
    assert main(["analyze", *args, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def refused(capsys, argv: list[str]) -> str:
    assert main(argv) == 2
    out = capsys.readouterr()
    assert out.out == "" and "Traceback" not in out.err
    return out.err


def feed_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def random_walk(n: int, seed: int, scale: float = 0.02) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return 100.0 * np.exp(np.cumsum(rng.normal(0, scale, n)))


HOSTILE = {
    "year 9999": "Date,Close\n2024-01-02,1\n9999-01-01,2\n",
    "year 1": "Date,Close\n2024-01-02,1\n0001-01-01,2\n",
    "relative": "Date,Close\n2024-01-02,1\nnow,2\n",
    "long field": 'Date,Close\n2024-01-02,1\n2024-01-03,"' + "9" * 140_000 + '"\n',
    "duplicate column": "Date,Close,Close\n2024-01-02,1,5\n2024-01-03,2,6\n",
    "absurd volume": "Date,Close,Volume\n2024-01-02,1,1e19\n2024-01-03,2,5\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_analyze_refuses_hostile_files_with_one_line_and_exit_2(tmp_path, capsys, name):
    err = refused(capsys, ["analyze", str(write(tmp_path, HOSTILE[name])), "--json"])
    assert len(err.strip().splitlines()) == 1 and ("line 1" in err or "line 2" in err or "line 3" in err)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_prices_import_of_a_hostile_file_stores_nothing(tmp_path, capsys, name):
    data = tmp_path / "data"
    err = refused(capsys, ["--data-dir", str(data), "prices", "import", "BTC", str(write(tmp_path, HOSTILE[name]))])
    assert "line " in err
    store = SqliteStore.in_dir(data)
    try:
        assert store.load_bars("BTC") == []
    finally:
        store.close()


def test_a_bar_dated_after_tomorrow_is_refused_by_the_real_clock(tmp_path, capsys):
    today = datetime.now(timezone.utc).date()
    text = csv_of([today - timedelta(days=1), today + timedelta(days=1), today + timedelta(days=2)], [1.0, 2.0, 3.0])
    err = refused(capsys, ["analyze", str(write(tmp_path, text))])
    assert "line 4" in err and "in the future" in err and "line 3" not in err


def test_weekly_file_reports_weekly_figures_under_weekly_names(tmp_path, capsys):
    dates = pd.date_range("2022-01-03", periods=160, freq="7D")  # Mondays
    closes = random_walk(len(dates), 1, 0.05)
    path = write(tmp_path, csv_of(dates.strftime("%Y-%m-%d"), closes))
    doc = analyze(capsys, str(path))
    assert doc["period"] == "weekly" and doc["periods_per_year"] == 52
    assert "var_95_daily" not in doc and "es_95_daily" not in doc
    r = closes[1:] / closes[:-1] - 1
    assert doc["volatility_annualized"] == pytest.approx(r.std(ddof=1) * np.sqrt(52), rel=1e-12)
    recent = closes[dates > dates[-1] - pd.Timedelta(days=365)]
    r_recent = recent[1:] / recent[:-1] - 1
    assert doc["var_95_weekly"] == pytest.approx(np.percentile(r_recent, 5), rel=1e-12)
    assert doc["var_95_weekly_full"] == pytest.approx(np.percentile(r, 5), rel=1e-12)
    assert main(["analyze", str(path)]) == 0
    table = capsys.readouterr().out
    assert "weekly returns" in table and "VaR 95 % (1 week, last 365 days)" in table and "52 periods" in table


def test_hourly_file_gives_the_figures_of_its_daily_closes(tmp_path, capsys):
    stamps = pd.date_range("2024-01-01 00:30", periods=24 * 420, freq="h", tz="UTC")
    closes = random_walk(len(stamps), 2, 0.004)
    hourly = write(tmp_path, "timestamp,close\n" + "".join(
        f"{t.isoformat()},{float(c)!r}\n" for t, c in zip(stamps, closes)), "hourly.csv")
    daily = pd.Series(closes, index=stamps).groupby(stamps.floor("D")).last()
    daily_path = write(tmp_path, csv_of(daily.index.strftime("%Y-%m-%d"), daily.to_numpy()), "daily.csv")
    h, d = analyze(capsys, str(hourly)), analyze(capsys, str(daily_path))
    assert h["period"] == d["period"] == "daily" and h["periods_per_year"] == d["periods_per_year"] == 365
    for key in ("var_95_daily", "es_95_daily", "var_95_daily_full", "es_95_daily_full", "volatility_annualized"):
        assert h[key] == pytest.approx(d[key], rel=1e-12), key
    assert h["var_95_daily"] != h["var_95_daily_full"]  # 420 days: the 365-day window is a real subset


def test_var_and_es_cover_the_last_365_days_and_the_whole_file_separately(tmp_path, capsys):
    dates = pd.date_range("2023-01-01", periods=800, freq="D")
    rng = np.random.default_rng(3)
    r = np.r_[rng.normal(0, 0.08, 435), rng.normal(0, 0.01, 364)]  # wild first, calm in the last year
    closes = 100 * np.cumprod(np.r_[1.0, 1 + r])
    doc = analyze(capsys, str(write(tmp_path, csv_of(dates.strftime("%Y-%m-%d"), closes))))
    last_year = closes[dates > dates[-1] - pd.Timedelta(days=365)]
    ry = last_year[1:] / last_year[:-1] - 1
    assert len(ry) == 364
    assert doc["var_95_daily"] == pytest.approx(np.percentile(ry, 5), rel=1e-12)
    k = int((len(ry) - 1) * 0.05) + 1
    assert doc["es_95_daily"] == pytest.approx(np.sort(ry)[:k].mean(), rel=1e-12)
    assert doc["var_95_daily_full"] == pytest.approx(np.percentile(r, 5), rel=1e-12)
    assert doc["var_95_daily_full"] < 5 * doc["var_95_daily"] < 0


def test_current_drop_from_the_n_day_high(tmp_path, capsys):
    dates = [f"2025-11-{d:02d}" for d in range(1, 9)]
    path = write(tmp_path, csv_of(dates, [100.0, 120.0, 90.0, 80.0, 110.0, 100.0, 96.0, 88.0]))
    assert analyze(capsys, str(path))["current_drop_from_30d_high"] == pytest.approx(88 / 120 - 1)
    assert analyze(capsys, str(path), "--window-days", "3")["current_drop_from_3d_high"] == pytest.approx(
        88 / 100 - 1)  # the window (11-06 … 11-08] holds 100, 96, 88


def test_analyze_dash_reads_standard_input(tmp_path, capsys, monkeypatch):
    feed_stdin(monkeypatch, csv_of(["2025-11-03", "2025-11-04", "2025-11-05"], [10.0, 8.0, 9.0]).encode())
    doc = analyze(capsys, "-")
    assert doc["rows"] == 3 and doc["max_drawdown"]["value"] == pytest.approx(-0.2)


def test_prices_import_dash_reads_standard_input(tmp_path, capsys, monkeypatch):
    feed_stdin(monkeypatch, csv_of(["2025-11-03", "2025-11-04"], [10.0, 8.0]).encode())
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "prices", "import", "IREN", "-"]) == 0, capsys.readouterr().err
    assert "<stdin>" in capsys.readouterr().out
    store = SqliteStore.in_dir(data)
    try:
        assert [b.close for b in store.load_bars("IREN")] == [10.0, 8.0]
    finally:
        store.close()


def test_standard_input_over_the_size_limit_is_refused(capsys, monkeypatch):
    feed_stdin(monkeypatch, b"Date,Close\n" + b"1" * MAX_FILE_BYTES)
    err = refused(capsys, ["analyze", "-"])
    assert "<stdin>" in err and "MB" in err
