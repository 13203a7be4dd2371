"""Issue 20, item 1: one bad tick never silences the drawdown alarms (`check` runs in-process against the
loopback Kraken, one data directory, real ccxt, real SQLite)."""

from __future__ import annotations

import json
import time

import pytest

from riskwatch import cli
from tests.fakes.fake_kraken import FakeKraken

DAY = 86400
HIGH, NOW_PRICE = 100_000.0, 82_200.0      # BTC 17.8 % below its 30-day high


@pytest.fixture
def kraken():
    server = FakeKraken().start()
    today = int(time.time()) // DAY * DAY
    rows = []
    for i in range(500, -1, -1):
        c = HIGH if i > 10 else NOW_PRICE
        rows.append((today - i * DAY, c, c * 1.001, c * 0.999, c, 50.0))
    server.set_daily_bars("XXBTZUSD", rows)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def data(tmp_path, monkeypatch, kraken):
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity,cost_basis\nBTC,crypto,1,50000\n", encoding="utf-8")
    d = tmp_path / "data"
    assert cli.main(["--data-dir", str(d), "positions", "import", str(pos)]) == 0
    return d


def check(data_dir, kraken, capsys):
    capsys.readouterr()
    code = cli.main(["--data-dir", str(data_dir), "--exchange-api-url", kraken.url, "check", "--json"])
    doc = json.loads(capsys.readouterr().out)
    events = [(e["kind"], e["asset"], e["severity"]) for e in doc["new_events"]]
    active = {(a["asset"], a["severity"]) for a in doc["active_alerts"]}
    return code, doc, events, active


def btc(doc):
    return next(a for a in doc["assets"] if a["symbol"] == "BTC")


def test_spikes_neither_resolve_nor_escalate_and_a_crash_the_book_confirms_escalates(data, kraken, capsys):
    code, doc, events, active = check(data, kraken, capsys)
    assert code == 1, doc
    assert ("fired", "BTC", "warning") in events and ("fired", "portfolio", "warning") in events
    # ×10: the order book and the stored bars disagree -> unconfirmed: nothing resolves
    kraken.inject("Ticker", "spike", times=1, factor=10)
    code, doc, events, active = check(data, kraken, capsys)
    assert (code, events) == (1, []), doc
    assert ("BTC", "warning") in active and ("portfolio", "warning") in active
    assert btc(doc)["price_unconfirmed"] is True
    assert btc(doc)["unconfirmed_quote"] == pytest.approx(NOW_PRICE * 10)
    assert btc(doc)["price"] == pytest.approx(NOW_PRICE)       # the last accepted (stored) price
    assert doc["rejected_values"].get("BTC", 0) >= 1
    # the correct tick: still −17.8 %, still one active warning, nothing new
    code, doc, events, active = check(data, kraken, capsys)
    assert (code, events) == (1, []) and btc(doc)["price_unconfirmed"] is False
    # ×0.01 (−99 %): unconfirmed as well -> no critical, no resolution
    kraken.inject("Ticker", "spike", times=1, factor=0.01)
    code, doc, events, active = check(data, kraken, capsys)
    assert (code, events) == (1, []), doc
    assert btc(doc)["price_unconfirmed"] is True
    # a real crash (−67 %): ticker and order book agree -> escalates at once
    kraken.set_price("BTC/USD", 33_000.0)
    code, doc, events, active = check(data, kraken, capsys)
    assert code == 2, doc
    assert ("escalated", "BTC", "critical") in events
    assert btc(doc)["price"] == pytest.approx(33_000.0) and btc(doc)["price_unconfirmed"] is False


def test_a_crash_right_after_a_recovery_is_not_hidden_by_the_cooldown(data, kraken, capsys):
    code, _, events, _ = check(data, kraken, capsys)
    assert code == 1 and ("fired", "BTC", "warning") in events
    kraken.set_price("BTC/USD", HIGH)                            # a real recovery (+21.7 %, plausible)
    code, doc, events, active = check(data, kraken, capsys)
    assert code == 0 and ("resolved", "BTC", "warning") in events, doc
    kraken.set_price("BTC/USD", 33_000.0)                        # minutes later, within the 12 h cooldown
    code, doc, events, active = check(data, kraken, capsys)
    assert code == 2, doc
    assert ("fired", "BTC", "critical") in events
