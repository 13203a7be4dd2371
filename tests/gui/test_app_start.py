"""The desktop app as started by `riskwatch`: offline start, live data from the loopback exchange."""

import argparse

import pytest

from riskwatch import launcher
from riskwatch.adapters.sqlite_store import SqliteStore


def args(url):
    return argparse.Namespace(data_dir=None, exchange=None, exchange_api_url=url, demo=False, replay_from=None)


@pytest.fixture
def no_yahoo(monkeypatch):
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")  # tests never touch the internet


def test_offline_start_with_the_network_at_a_closed_port(qtbot, tmp_path, no_yahoo):
    store = SqliteStore.in_dir(tmp_path)
    desktop = launcher.launch(args("http://127.0.0.1:9"), store, language="de")
    w = desktop.window
    qtbot.addWidget(w)
    try:
        assert w.isVisible() and w.positions_view.model.rowCount() == 6  # usable at once: example portfolio
        qtbot.waitUntil(lambda: w.last_result is not None and w.last_result.market is not None, timeout=30000)
        r = w.last_result
        assert r.market is not None
        assert r.market.sources["kraken"].state.value in ("offline", "degraded")
        assert w.banner.isVisible() and w.banner_label.text().startswith("Offline – Kurse vom")
        assert r.history_sources["BTC"] == "bundle"
        assert r.report.portfolio is not None and r.report.portfolio.value > 0  # figures from the bundle
        assert w.dashboard.cards["value"].value.text().endswith("$")
    finally:
        desktop.stop()
        store.close()


def test_live_start_against_the_loopback_exchange(qtbot, tmp_path, no_yahoo, fake_kraken):
    store = SqliteStore.in_dir(tmp_path)
    desktop = launcher.launch(args(fake_kraken.url), store, language="en")
    w = desktop.window
    qtbot.addWidget(w)
    try:
        qtbot.waitUntil(lambda: w.last_result is not None and w.last_result.market is not None, timeout=30000)
        r = w.last_result
        btc = r.report.asset("BTC")
        assert btc.price_source.startswith("kraken") and btc.price_state == "ok"
        assert r.history_sources["BTC"] == "store"  # backfilled from the exchange on a fresh data dir
        assert "online" in w.status_panel.crypto.text()
        # F5 refreshes now
        before = len(fake_kraken.requests("Ticker"))
        qtbot.waitUntil(lambda: not desktop.bridge.busy, timeout=10000)
        w.action_refresh.trigger()
        qtbot.waitUntil(lambda: len(fake_kraken.requests("Ticker")) > before, timeout=10000)
    finally:
        desktop.stop()
        store.close()


def test_api_keys_and_sync_are_reachable_from_the_menus(qtbot, tmp_path, no_yahoo, fake_kraken, monkeypatch):
    from riskwatch.gui.dialogs import api_keys_dialog, sync_dialog

    opened = []
    monkeypatch.setattr(api_keys_dialog.ApiKeysDialog, "exec", lambda self: opened.append("keys") or 0)
    monkeypatch.setattr(sync_dialog.SyncDialog, "exec", lambda self: opened.append("sync") or 0)
    store = SqliteStore.in_dir(tmp_path)
    desktop = launcher.launch(args(fake_kraken.url), store, language="de")
    w = desktop.window
    qtbot.addWidget(w)
    try:
        qtbot.waitUntil(lambda: desktop.bridge is not None, timeout=30000)
        assert w.action_api_keys.isEnabled() and w.action_sync.isEnabled()
        assert w.action_api_keys.text() == "API-&Schlüssel…"
        w.action_api_keys.trigger()
        w.action_sync.trigger()
        assert opened == ["keys", "sync"]
    finally:
        desktop.stop()
        store.close()


def test_switches_to_live_data_when_the_network_returns(qtbot, tmp_path, no_yahoo, fake_kraken):
    fake_kraken.inject("*", "503")  # the exchange is down when the app starts
    store = SqliteStore.in_dir(tmp_path)
    desktop = launcher.launch(args(fake_kraken.url), store, language="en")
    w = desktop.window
    qtbot.addWidget(w)
    try:
        qtbot.waitUntil(lambda: w.last_result is not None and w.last_result.market is not None, timeout=60000)
        assert w.last_result.market.sources["kraken"].state.value in ("offline", "degraded")
        assert w.banner.isVisible()
        fake_kraken.clear_faults()  # the network returns; the next timer tick (here: F5) goes live by itself
        qtbot.waitUntil(lambda: not desktop.bridge.busy, timeout=30000)
        desktop.bridge.refresh()
        qtbot.waitUntil(lambda: w.last_result.market.sources["kraken"].state.value == "online", timeout=60000)
        qtbot.waitUntil(lambda: not w.banner.isVisible(), timeout=5000)
        assert w.last_result.report.asset("BTC").price_state == "ok"
    finally:
        desktop.stop()
        store.close()


def test_periodic_sync_proposes_changes_without_applying(qtbot, tmp_path, no_yahoo, fake_kraken, monkeypatch):
    from riskwatch.gui.dialogs import sync_dialog
    from riskwatch.services.settings import AppSettings, save_settings

    proposed = []
    monkeypatch.setattr(sync_dialog.SyncDialog, "exec", lambda self: proposed.append(self) or 0)
    store = SqliteStore.in_dir(tmp_path)
    save_settings(store, AppSettings(account_sync_interval_min=60))
    desktop = launcher.launch(args(fake_kraken.url), store, language="en")
    w = desktop.window
    qtbot.addWidget(w)
    try:
        qtbot.waitUntil(lambda: desktop.bridge is not None, timeout=30000)
        assert w.sync_scheduler is not None and w.sync_scheduler.active
        w.apply_settings(AppSettings(account_sync_interval_min=0))
        assert w.sync_scheduler is None
        assert [p.symbol for p in store.list_positions()] == ["BTC", "IREN", "WULF", "CORZ", "CLSK", "BITF"]
    finally:
        desktop.stop()
        store.close()
