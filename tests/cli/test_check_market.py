"""`check --offline` and the market panel: the JSON carries the regime with every indicator and the baskets with
their figures, the status line names a regime that is not calm, the perfdata has the regime's level and count;
on the bundled data in 2026 all of it is stale and the regime unavailable. In-process with the example portfolio
and a real store; the time the figures are judged at comes from the clock handed to ``commands.check.run``."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from riskwatch import app, cli
from riskwatch.adapters.clock import ManualClock
from riskwatch.commands import check as check_command
from riskwatch.domain.regime import DEFAULT_INDICATORS
from tests.cli.inprocess import run_main

SELL_OFF = datetime(2025, 11, 21, 23, 59, 59, tzinfo=UTC)   # the bundled data's worst day of November 2025


@pytest.fixture
def example(data_dir):
    path = app.paths.resource("data", "example_portfolio.csv")
    assert run_main("positions", "import", str(path), data_dir=data_dir).returncode == 0
    return data_dir


def _check(capsys, data_dir, now, *extra):
    args = cli.build_parser().parse_args(["--data-dir", str(data_dir), "check", "--offline", *extra])
    capsys.readouterr()
    code = check_command.run(args, clock=ManualClock(now) if now is not None else None)
    return code, capsys.readouterr().out


def test_the_json_has_the_regime_and_the_baskets_of_the_sell_off(example, capsys):
    code, out = _check(capsys, example, SELL_OFF, "--json")
    doc = json.loads(out)
    regime = doc["market"]["regime"]
    assert {k: regime[k] for k in ("level", "count", "usable", "stale")} == \
        {"level": "stressed", "count": 5, "usable": 7, "stale": []}
    assert [i["code"] for i in regime["indicators"]] == [i.code for i in DEFAULT_INDICATORS]
    btc = regime["indicators"][0]
    assert {k: btc[k] for k in ("scope", "metric", "comparator", "threshold", "status", "beyond")} == \
        {"scope": "BTC", "metric": "drop_from_high:30D", "comparator": "<=", "threshold": -0.17, "status": "ok",
         "beyond": True}
    assert btc["value"] == pytest.approx(doc["assets"][0]["drop_from_30d_high"]) and btc["as_of"]
    depth = next(i for i in regime["indicators"] if i["code"] == "btc_depth")
    assert (depth["value"], depth["status"], depth["beyond"]) == (None, "missing", None)   # offline: no book

    baskets = {b["code"]: b for b in doc["market"]["baskets"]}
    assert set(baskets) == {"CD20", "MINER_BASKET"}
    cd20 = baskets["CD20"]
    assert (cd20["origin"], cd20["factsheet_as_of"], cd20["constituents"], cd20["status"], cd20["sample"]) == \
        ("factsheet", "2025-03-31", 20, "ok", True)
    assert {"SUI", "HBAR"} <= set(cd20["missing"]) and sum(cd20["weights"].values()) == pytest.approx(1.0)
    assert 0.9 < cd20["covered_weight"] < 1.0
    # every catalogue figure of an asset, as an asset's, the co-movement figures with QQQ and BTC among them
    assert set(cd20["metrics"]) == set(doc["assets"][0]["metrics"])
    assert cd20["metrics"]["return:30D"] == pytest.approx(regime["indicators"][1]["value"])
    for key in ("corr_btc:30D", "corr_qqq:30D", "corr_qqq:90D", "corr_rise_btc", "corr_rise_qqq"):
        assert cd20["metrics"][key] is not None, key
    miners = baskets["MINER_BASKET"]
    assert miners["origin"] == "held" and miners["constituents"] == 5
    assert [s["symbol"] for s in miners["stale"]] == ["BITF"]      # its bundled history ends in April 2025
    assert miners["status"] == "ok"                                 # Friday's close, current until Monday's
    # the regime and the baskets stay out of the liquidity section
    assert not {"market", "CD20", "MINER_BASKET"} & set(doc["liquidity"])
    assert not any(k.startswith("regime") for scope in doc["liquidity"].values() for k in scope)
    assert "regime_level=2;" in doc["perfdata"] and "regime_count=5;;;0;" in doc["perfdata"]
    assert code == 2


def test_the_status_line_names_a_regime_that_is_not_calm(example, capsys, monkeypatch):
    _, out = _check(capsys, example, SELL_OFF)
    head = out.splitlines()[0]
    status, _, perf = head.partition(" | ")
    assert status.endswith("; Market: stressed (5 of 11)"), status
    assert re.search(r"(^| )regime_level=2;[^ ]*;;0;2( |$)", perf) and re.search(r"(^| )regime_count=5;;;0;$", perf)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.delenv("RISKWATCH_LANG", raising=False)
    _, out = _check(capsys, example, SELL_OFF)
    assert "; Marktlage: angespannt (5 von 11) | " in out.splitlines()[0]


def test_a_calm_regime_is_not_on_the_status_line(example, capsys):
    code, out = _check(capsys, example, datetime(2023, 7, 15, 23, 59, 59, tzinfo=UTC), "--json")
    doc = json.loads(out)
    assert (doc["market"]["regime"]["level"], doc["market"]["regime"]["count"]) == ("calm", 0)
    _, out = _check(capsys, example, datetime(2023, 7, 15, 23, 59, 59, tzinfo=UTC))
    assert "Market:" not in out.splitlines()[0] and "regime_level=0;" in out.splitlines()[0]


def test_offline_in_2026_the_bundled_crypto_is_stale_and_the_regime_unavailable(example, capsys):
    """March 2026: the bundled crypto closes end in November 2025, the stocks' go on: the crypto indicators do
    not count, and what is left is too little for a regime (fewer than the five usable indicators it needs)."""
    code, out = _check(capsys, example, datetime(2026, 3, 2, 12, tzinfo=UTC), "--json")
    doc = json.loads(out)
    regime = doc["market"]["regime"]
    assert {"btc_drop", "cd20_return", "btc_qqq_corr"} <= set(regime["stale"])
    assert regime["level"] is None and regime["usable"] < 5
    assert regime["usable"] == len(regime["indicators"]) - len(regime["stale"]) \
        - sum(1 for i in regime["indicators"] if i["status"] == "missing")
    cd20 = next(b for b in doc["market"]["baskets"] if b["code"] == "CD20")
    assert cd20["status"] == "stale" and cd20["sample"] is True and cd20["as_of"] < "2026-01-01"
    assert code == 3


def test_offline_late_in_2026_everything_is_stale_and_the_regime_unavailable(example, capsys):
    code, out = _check(capsys, example, datetime(2026, 11, 16, 12, tzinfo=UTC), "--json")
    doc = json.loads(out)
    regime = doc["market"]["regime"]
    assert regime["level"] is None and regime["usable"] < 5 and regime["count"] == 0
    assert {"btc_drop", "cd20_return", "miners_drop", "qqq_drop"} <= set(regime["stale"])
    for b in doc["market"]["baskets"]:
        assert b["status"] == "stale" and b["sample"] is True
    assert "regime_level=U;" in doc["perfdata"] and "regime_count=U;" in doc["perfdata"]
    assert code == 3
    _, out = _check(capsys, example, datetime(2026, 11, 16, 12, tzinfo=UTC))
    assert "Market:" not in out.splitlines()[0]
