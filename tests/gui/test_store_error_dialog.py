"""A store that cannot be used at start: a translated dialog and exit code 1, never a traceback."""

import argparse
import logging

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from riskwatch import app as rwapp
from riskwatch import launcher
from riskwatch import paths
from riskwatch.adapters.sqlite_store import DB_FILENAME, SqliteStore
from riskwatch.domain.errors import StoreError
from riskwatch.gui.store_messages import damaged_rows_text, store_error_box
from riskwatch.gui.translation import Translator
from tests.fakes.locked_store import exclusive_lock


@pytest.fixture
def locked_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("RISKWATCH_BUSY_TIMEOUT_S", "0.2")
    d = tmp_path / "data"
    SqliteStore.in_dir(d).close()
    with exclusive_lock(d / DB_FILENAME):
        yield d


def _locked_error(d) -> StoreError:
    from riskwatch.services.positions import seed_example_portfolio

    store = rwapp.open_store(data_dir=d)
    try:
        with pytest.raises(StoreError) as info:
            seed_example_portfolio(store, rwapp.example_positions())  # what the GUI does first at start
        return info.value
    finally:
        store.close()


def test_the_dialog_for_a_locked_store_is_translated(qtbot, locked_dir):
    exc = _locked_error(locked_dir)
    translator = Translator(QApplication.instance(), paths.resource("translations"))
    try:
        translator.set_language("de")
        box = store_error_box(exc)
        assert box.icon() == QMessageBox.Icon.Critical
        assert box.text().startswith(f"Der Datenspeicher {locked_dir / DB_FILENAME} ist von einem anderen "
                                     "Prozess gesperrt")
        translator.set_language("en")
        assert store_error_box(exc).text().startswith("The data store") and "locked by another process" in \
            store_error_box(exc).text()
        assert damaged_rows_text([]).startswith("0 damaged row(s)")
    finally:
        translator.set_language("en")


def test_run_gui_on_a_locked_store_shows_the_dialog_and_exits_1(qtbot, locked_dir, monkeypatch):
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")
    shown = []

    def close_dialog():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, close_dialog)
            return
        shown.append(box.text())
        box.reject()

    QTimer.singleShot(50, close_dialog)
    args = argparse.Namespace(data_dir=str(locked_dir), exchange=None, exchange_api_url="http://127.0.0.1:9",
                              demo=False, replay_from=None, command=None)
    root = logging.getLogger("riskwatch")
    before = list(root.handlers)
    try:
        assert launcher.run_gui(args) == 1
    finally:
        for h in root.handlers[:]:
            if h not in before:
                root.removeHandler(h)
                h.close()
    assert len(shown) == 1 and ("locked by another process" in shown[0] or "gesperrt" in shown[0])
