"""A changed exchange, endpoint or refresh interval is used from the next cycle on (not only saved).

End to end, as the app runs: ``launcher.launch`` against the loopback Kraken, the settings dialog (its ``exec``
filled in by the test), the window's ``apply_settings``, the bridge and the monitor's market-data service.
"""

from __future__ import annotations

import argparse

import pytest

from riskwatch import launcher
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.gui.dialogs.settings_dialog import SettingsDialog
from riskwatch.services.settings import AppSettings, save_settings
from tests.fakes.fake_kraken import FakeKraken


@pytest.fixture
def no_yahoo(monkeypatch):
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")  # tests never touch the internet


def fill_dialog(monkeypatch, **fields):
    def fill(dialog):
        if "exchange" in fields:
            dialog.exchange.setCurrentIndex(dialog.exchange.findData(fields["exchange"]))
        if "api_url" in fields:
            dialog.api_url.setText(fields["api_url"])
        if "refresh" in fields:
            dialog.refresh.setValue(fields["refresh"])
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", fill)


def test_a_new_endpoint_exchange_and_interval_are_used_from_the_next_cycle(qtbot, tmp_path, no_yahoo, fake_kraken,
                                                                           monkeypatch):
    store = SqliteStore.in_dir(tmp_path)
    save_settings(store, AppSettings(exchange="kraken", exchange_api_url=fake_kraken.url, refresh_interval_s=600))
    args = argparse.Namespace(data_dir=None, exchange=None, exchange_api_url=None, demo=False, replay_from=None)
    desktop = launcher.launch(args, store, language="en")
    w = desktop.window
    qtbot.addWidget(w)
    with FakeKraken() as other:
        try:
            qtbot.waitUntil(lambda: w.last_result is not None and w.last_result.market is not None, timeout=60000)
            assert fake_kraken.requests() and not other.requests()
            qtbot.waitUntil(lambda: not desktop.bridge.busy, timeout=30000)
            assert desktop.bridge.interval_s == 600

            fake_kraken.clear_log()
            first = w.last_result
            fill_dialog(monkeypatch, api_url=other.url, refresh=42)
            w.action_settings.trigger()
            assert desktop.bridge.interval_s == 42                   # the timer runs at the new interval at once
            qtbot.waitUntil(lambda: w.last_result is not first and not desktop.bridge.busy, timeout=60000)
            assert other.requests("Ticker")                          # the next cycle asked the new endpoint …
            # … and nothing of the old one (the basket history's backfill runs beside the cycles: a symbol it was
            # fetching when the exchange was replaced may finish; then it goes on with the new one)
            assert [r for r in fake_kraken.requests() if r.endpoint != "OHLC"] == []
            qtbot.waitUntil(lambda: bool(other.requests("OHLC")), timeout=30000)
            assert w.last_result.market.sources["kraken"].state.value == "online"
            assert desktop.bridge.monitor.refresh_s == 42

            second = w.last_result
            fill_dialog(monkeypatch, exchange="binance", api_url="http://127.0.0.1:9")
            w.action_settings.trigger()
            qtbot.waitUntil(lambda: w.last_result is not second and not desktop.bridge.busy, timeout=60000)
            assert "binance" in w.last_result.market.sources and "kraken" not in w.last_result.market.sources
            assert desktop.bridge.monitor.market.crypto.source == "binance"
            assert desktop.bridge.monitor.liquidity.market is desktop.bridge.monitor.market
        finally:
            desktop.stop()
            store.close()


def test_only_a_new_interval_keeps_the_market_data_service(qtbot, tmp_path, no_yahoo, fake_kraken, monkeypatch):
    store = SqliteStore.in_dir(tmp_path)
    save_settings(store, AppSettings(exchange="kraken", exchange_api_url=fake_kraken.url))
    args = argparse.Namespace(data_dir=None, exchange=None, exchange_api_url=None, demo=False, replay_from=None)
    desktop = launcher.launch(args, store, language="en")
    w = desktop.window
    qtbot.addWidget(w)
    try:
        qtbot.waitUntil(lambda: w.last_result is not None and w.last_result.market is not None, timeout=60000)
        qtbot.waitUntil(lambda: not desktop.bridge.busy, timeout=30000)
        market = desktop.bridge.monitor.market
        fill_dialog(monkeypatch, refresh=120)
        w.action_settings.trigger()
        assert desktop.bridge.interval_s == 120
        first = w.last_result
        desktop.bridge.refresh()
        qtbot.waitUntil(lambda: w.last_result is not first and not desktop.bridge.busy, timeout=60000)
        assert desktop.bridge.monitor.market is market and desktop.bridge.monitor.refresh_s == 120
        assert market.config.refresh_interval.total_seconds() == 120
    finally:
        desktop.stop()
        store.close()
