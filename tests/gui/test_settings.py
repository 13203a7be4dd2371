"""Settings dialog: saved in the store, language switches without restart, bad endpoint refused."""

import pytest

from riskwatch import app as rwapp
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.gui.dialogs.settings_dialog import SettingsDialog
from riskwatch.services.settings import AppSettings, load_settings


@pytest.fixture
def window(qtbot, tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    w = rwapp.create_main_window(store, language="en")
    qtbot.addWidget(w)
    w.show()
    yield w, store
    store.close()


def test_settings_are_saved_in_the_store_and_switch_the_language(qtbot, window, monkeypatch):
    w, store = window

    def fill(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("de"))
        dialog.base_currency.setCurrentIndex(dialog.base_currency.findData("EUR"))
        dialog.refresh.setValue(30)
        dialog.exchange.setCurrentIndex(dialog.exchange.findData("binance"))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", fill)
    w.action_settings.trigger()
    s = load_settings(store)
    assert (s.language, s.base_currency, s.refresh_interval_s, s.exchange) == ("de", "EUR", 30, "binance")
    qtbot.waitUntil(lambda: w.menu_file.title() == "&Datei")
    assert "Basiswährung: EUR" in w.status_panel.currency.text()
    assert w.action_settings.shortcut().toString() == "Ctrl+,"


def test_a_bad_endpoint_is_refused_inline(qtbot):
    d = SettingsDialog(AppSettings())
    qtbot.addWidget(d)
    d.api_url.setText("ftp://example")
    d.accept()
    assert d.result_settings() is None and d.error.isVisibleTo(d)


def test_hand_edited_bad_values_fall_back_to_defaults(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    store.set_setting("refresh_interval_s", "abc")
    store.set_setting("base_currency", "XYZ")
    s = load_settings(store)
    assert s.refresh_interval_s == 15 and s.base_currency == "USD"
    store.close()


def test_a_change_is_announced_once_on_the_hub_and_a_cancelled_dialog_announces_nothing(qtbot, window,
                                                                                        monkeypatch):
    w, store = window
    heard = []
    w.hub.settings_changed.connect(lambda new, old: heard.append((new.exchange, old.exchange)))
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: 0)
    w.action_settings.trigger()
    assert heard == [] and store.get_setting("exchange") is None  # nothing saved, nothing announced

    w.apply_settings(AppSettings(exchange="bitstamp"))
    assert heard == [("bitstamp", "kraken")] and w.settings.exchange == "bitstamp"
    assert load_settings(store).exchange == "bitstamp"
    assert "Bitstamp" in w.status_panel.crypto.text()
    assert "used from the next refresh" in w.statusBar().currentMessage()
    with pytest.raises(ValueError):
        w.apply_settings(AppSettings(refresh_interval_s=1))      # refused: neither saved nor announced
    assert len(heard) == 1 and load_settings(store).refresh_interval_s == 15


def test_the_window_starts_in_the_stored_language(qtbot, tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    store.set_setting("language", "de")
    store.set_setting("exchange", "binance")
    try:
        w = rwapp.create_main_window(store)
        qtbot.addWidget(w)
        assert w.menu_file.title() == "&Datei" and w.settings.language == "de"
        assert "Binance" in w.status_panel.crypto.text()
        w.apply_settings(AppSettings(exchange="kraken", language="de"))
        assert "ab der nächsten Aktualisierung" in w.statusBar().currentMessage()
    finally:
        store.close()


def test_a_translator_being_deleted_elsewhere_is_never_taken_for_the_windows(qtbot, tmp_path, monkeypatch):
    """A Translator some other code made and is deleting (deleteLater) must not become the window's: once it is
    gone, the window would fall back to English although German was chosen."""
    from PySide6.QtWidgets import QApplication

    from riskwatch import paths
    from riskwatch.gui.translation import Translator

    from PySide6.QtCore import QCoreApplication, QEvent

    app = QApplication.instance()
    for earlier in app.findChildren(Translator):  # start as a fresh process would: no translator yet
        earlier.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leftover = Translator(app, paths.resource("translations"))
    leftover.deleteLater()
    store = SqliteStore.in_dir(tmp_path)
    try:
        w = rwapp.create_main_window(store, language="en")
        qtbot.addWidget(w)
        assert w.settings_controller.translator is not leftover

        def fill(dialog):
            dialog.language.setCurrentIndex(dialog.language.findData("de"))
            dialog.accept()
            return 1

        monkeypatch.setattr(SettingsDialog, "exec", fill)
        w.action_settings.trigger()
        qtbot.waitUntil(lambda: w.menu_file.title() == "&Datei")
        qtbot.wait(50)  # the deferred deletion of the leftover runs: the window stays German
        assert w.menu_file.title() == "&Datei"
    finally:
        store.close()
