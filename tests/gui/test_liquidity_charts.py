"""The liquidity tab's charts: a failed order book in words by kind (never an exception text or URL) and a
history x-axis that shows dates and times, not seconds and milliseconds."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.errors import BadSymbol, DataUnavailable, RateLimited
from riskwatch.domain.liquidity import InvalidOrderBook
from riskwatch.domain.snapshot import MetricValue
from riskwatch.gui.views.liquidity_view import LiquidityView
from tests.gui.alert_fixtures import German

T = datetime(2026, 3, 10, 14, 5, tzinfo=UTC)
URL = "kraken GET https://api.kraken.com/0/public/Depth?pair=XBTUSD 503 Service Unavailable"
VALUES = {("BTC", "spread_bps"): MetricValue(12.0, DataStatus.OK, T),
          ("BTC", "slippage_exit"): MetricValue(0.01, DataStatus.OK, T)}


class ExchangeNotAvailable(Exception):
    """A library error under ccxt's name that slipped past an adapter."""


@pytest.fixture(autouse=True)
def english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def _failed_book(qtbot, exc):
    requests = []
    w = LiquidityView(fetch_book=lambda symbol, ok, err: requests.append(err))
    qtbot.addWidget(w)
    w.set_liquidity(VALUES)
    w.select("BTC", "spread_bps")
    requests[-1](exc)
    return w


@pytest.mark.parametrize("exc,english,german", [
    (DataUnavailable(URL), "Order book unavailable: exchange not reachable",
     "Orderbuch nicht verfügbar: Börse nicht erreichbar"),
    (ExchangeNotAvailable(URL), "Order book unavailable: exchange not reachable",
     "Orderbuch nicht verfügbar: Börse nicht erreichbar"),
    (RateLimited(URL), "Order book unavailable: the exchange asks to slow down (rate limit)",
     "Orderbuch nicht verfügbar: Die Börse bremst die Abfragen (Rate-Limit)"),
    (BadSymbol("kraken has no market XBT/USD"), "Order book unavailable: no such market on this exchange",
     "Orderbuch nicht verfügbar: Diesen Markt gibt es an dieser Börse nicht"),
    (InvalidOrderBook("crossed_book", "crossed at https://x"), "Order book unavailable: the exchange sent an invalid order book",
     "Orderbuch nicht verfügbar: Die Börse hat ein ungültiges Orderbuch geschickt"),
])
def test_a_failed_book_is_shown_by_kind_in_words_never_with_the_url(qtbot, caplog, exc, english, german):
    w = _failed_book(qtbot, exc)
    assert w.book_status.text() == english
    assert "http" not in w.book_status.text() and "http" not in w.book_status.toolTip()
    assert URL.split(" ")[2] in caplog.text or "https://x" in caplog.text or "no market" in caplog.text  # in the log
    with German():
        w2 = _failed_book(qtbot, exc)
        assert w2.book_status.text() == german


def _history_labels(qtbot, rows):
    w = LiquidityView(load_history=lambda scope, metric: rows)
    qtbot.addWidget(w)
    w.resize(1000, 600)
    w.show()
    w.set_liquidity(VALUES)
    w.select("BTC", "spread_bps")
    for _ in range(3):
        QApplication.processEvents()
    w.history_plot.grab()
    return w, w.history_plot.getAxis("bottom").drawn_labels()


def test_one_stored_value_gets_a_time_axis_not_milliseconds(qtbot):
    w, labels = _history_labels(qtbot, [(T, 12.0)])
    assert w.history_status.text().startswith("1 stored value")
    assert labels and all(re.fullmatch(r"\d\d:\d\d|\w+\.? \d\d", t) for t in labels), labels
    assert not any(re.fullmatch(r"\d\d\.\d{3}", t) for t in labels)


def test_a_week_of_history_shows_dates_in_the_ui_language(qtbot):
    rows = [(T - timedelta(days=d), 10.0 + d) for d in range(7, -1, -1)]
    with German():
        w, labels = _history_labels(qtbot, rows)
    assert labels and not any(re.fullmatch(r"\d\d\.\d{3}", t) for t in labels)
    assert any(t.startswith(("Mi.", "Do.", "Fr.", "Sa.", "So.", "Mo.", "Di.")) or t.isdigit() for t in labels), labels


def test_an_empty_history_shows_no_meaningless_time_labels(qtbot):
    _w, labels = _history_labels(qtbot, [])
    assert labels == ()
