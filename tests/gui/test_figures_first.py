"""Figures first, network second: on launch the window shows the store's and the bundle's figures while the
exchange has not answered, and the live figures replace them when they arrive (issue 15).

Real parts throughout, as `riskwatch` starts them (``launcher.launch``): a SQLite store, the loop thread, the
report worker, ccxt against a loopback Kraken that holds every request unanswered until the test lets it go.
"""

from __future__ import annotations

import argparse
import threading

import pytest

from riskwatch import launcher
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.gui.format import money_text, percent_text
from riskwatch.gui.models.positions_model import COL_AGE, COL_DRAWDOWN, COL_PRICE
from riskwatch.gui.startup_probe import install_startup_probe, shows_a_figure
from tests.fakes.fake_kraken import FakeKraken


class HeldKraken(FakeKraken):
    """The loopback Kraken, except that every request waits, received and unanswered, until :meth:`release`."""

    def __init__(self) -> None:
        super().__init__()
        self.released = threading.Event()
        self.received = 0   # requests that arrived
        self.answered = 0   # requests let through to their answer

    def wait(self, seconds: float) -> None:  # the handler calls it for every request before answering
        with self._lock:
            self.received += 1
        self.released.wait()
        with self._lock:
            self.answered += 1
        super().wait(seconds)

    def release(self) -> None:
        self.released.set()

    def stop(self) -> None:
        self.release()  # a held handler thread must not outlive the server
        super().stop()


@pytest.fixture
def held_kraken():
    server = HeldKraken().start()
    try:
        yield server
    finally:
        server.stop()


def launch(tmp_path, url: str, monkeypatch):
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")  # tests never touch the internet
    store = SqliteStore.in_dir(tmp_path)
    args = argparse.Namespace(data_dir=None, exchange=None, exchange_api_url=url, demo=False, replay_from=None)
    return launcher.launch(args, store, language="en"), store


def row_of(window, symbol: str) -> int:
    model = window.positions_view.model
    return next(r for r in range(model.rowCount()) if model.position_at(r).symbol == symbol)


def cells(window, symbol: str) -> tuple[str, str, str]:
    """(price, age, drawdown) as the asset table shows them for ``symbol``."""
    model, row = window.positions_view.model, row_of(window, symbol)
    return tuple(model.item(row, col).text() for col in (COL_PRICE, COL_AGE, COL_DRAWDOWN))


def test_stored_figures_show_while_the_exchange_has_not_answered_then_live_ones_replace_them(
        qtbot, tmp_path, monkeypatch, held_kraken):
    desktop, store = launch(tmp_path, held_kraken.url, monkeypatch)
    w = desktop.window
    qtbot.addWidget(w)
    try:
        # the exchange has the first request and has not answered it: the figures are there all the same
        qtbot.waitUntil(lambda: held_kraken.received > 0 and w.last_result is not None, timeout=30000)
        assert held_kraken.answered == 0
        assert desktop.bridge is None or desktop.bridge.cycles == 0        # no cycle has finished
        preview = w.last_result
        assert preview.market is None and preview.events == ()
        assert preview.history_sources["BTC"] == "bundle"
        btc = preview.report.asset("BTC")
        price, age, drawdown = cells(w, "BTC")
        assert btc.price is not None and price == money_text(btc.price, "USD")
        assert btc.drawdown is not None and drawdown == percent_text(btc.drawdown)
        assert age == w.positions_view.model.age_text(btc.price_age_s, btc.price_state) and "days" in age
        assert w.dashboard.cards["value"].value.text() == money_text(preview.report.portfolio.value, "USD")
        # the rules were not evaluated on the preview: no alert raised from the bundle's old prices
        assert tuple(w.alerts.active_alerts()) == ()

        held_kraken.release()                                              # the exchange answers
        qtbot.waitUntil(lambda: w.last_result is not preview and w.last_result.market is not None,
                        timeout=60000)
        live = w.last_result
        btc_live = live.report.asset("BTC")
        assert btc_live.price_source.startswith("kraken") and btc_live.price_age_s < 60   # a fresh quote
        assert live.history_sources["BTC"] == "store"                      # backfilled from the exchange
        price_live, age_live, drawdown_live = cells(w, "BTC")
        assert price_live == money_text(btc_live.price, "USD") and price_live != price
        assert drawdown_live == percent_text(btc_live.drawdown)
        assert "days" not in age_live
    finally:
        desktop.stop()
        store.close()


def test_an_offline_start_shows_the_bundled_figures_and_the_probe_sees_them(qtbot, tmp_path, monkeypatch):
    """Offline (RISKWATCH_OFFLINE): the preview and then the offline cycle, both from the bundle; the start-up
    benchmark's probe reports the window painted and then the first figures."""
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")
    store = SqliteStore.in_dir(tmp_path)
    args = argparse.Namespace(data_dir=None, exchange=None, exchange_api_url="http://127.0.0.1:9", demo=False,
                              replay_from=None)
    desktop = launcher.launch(args, store, language="en", offline=True)
    w = desktop.window
    qtbot.addWidget(w)
    lines: list[str] = []
    try:
        install_startup_probe(w, out=lines.append)
        assert not shows_a_figure(w)
        qtbot.waitUntil(lambda: [line.split()[0] for line in lines] == ["painted", "figures"], timeout=30000)
        assert shows_a_figure(w) and w.last_result.offline
        qtbot.waitUntil(lambda: desktop.bridge is not None and desktop.bridge.cycles >= 1, timeout=60000)
        qtbot.waitUntil(lambda: w.last_result is desktop.bridge.last_result, timeout=10000)
        assert cells(w, "BTC")[0] == money_text(w.last_result.report.asset("BTC").price, "USD")
    finally:
        desktop.stop()
        store.close()
