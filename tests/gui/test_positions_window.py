"""The main window on a real store, offscreen: edits, adds, deletes and imports reach SQLite."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from riskwatch import app as rwapp
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.gui.dialogs.position_dialog import PositionDialog
from riskwatch.gui.models.positions_model import COL_ACCOUNT, COL_QTY
from riskwatch.services.positions import seed_example_portfolio
from tests.gui.message_boxes import record_message_boxes


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch):
    return record_message_boxes(monkeypatch)


@pytest.fixture
def store(data_dir):
    s = SqliteStore.in_dir(data_dir)
    yield s
    s.close()


@pytest.fixture
def window(qtbot, store):
    w = rwapp.create_main_window(store, language="en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def add_btc(store, qty="0.5"):
    return store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal(qty), Decimal("60000"), "Kraken"))


def test_title_and_columns(window):
    assert window.windowTitle() == "RiskWatch"
    model = window.positions_view.model
    # long titles are shown on two lines (gui.format.two_line_header); the names are what matters here
    headers = [model.headerData(i, Qt.Orientation.Horizontal).replace("\n", " ") for i in range(model.columnCount())]
    assert headers == ["Symbol", "Kind", "Quantity", "Cost basis", "Price", "Age", "Market value", "P&L", "P&L %",
                       "Weight", "24 h", "vs 30-day high", "Drawdown", "Currency", "Account", "Note"]


def test_editing_a_cell_reaches_the_store(qtbot, data_dir, store):
    add_btc(store)
    w = rwapp.create_main_window(store, language="de")
    qtbot.addWidget(w)
    w.show()
    table = w.positions_view.table
    index = w.positions_view.source_index(0, COL_QTY)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.text() == "0,5"
    editor.selectAll()
    qtbot.keyClicks(editor, "0,75")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits through a queued call
    qtbot.waitUntil(lambda: index.data() == "0,75")
    store.close()
    reopened = SqliteStore.in_dir(data_dir)
    [p] = reopened.list_positions()
    assert p.quantity == Decimal("0.75")
    reopened.close()


def test_an_invalid_cell_edit_is_refused_and_nothing_changes(window, store, _no_modal_boxes):
    add_btc(store)
    window.positions_view.model.reload()
    model = window.positions_view.model
    assert not model.setData(model.index(0, COL_QTY), "-3")
    assert not model.setData(model.index(0, COL_QTY), "abc")
    assert store.list_positions()[0].quantity == Decimal("0.5")
    assert _no_modal_boxes and _no_modal_boxes[0][0] == "warning"


def test_editing_to_a_duplicate_account_is_refused(window, store):
    add_btc(store)
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal(1), Decimal(1), "Ledger"))
    window.positions_view.model.reload()
    model = window.positions_view.model
    assert not model.setData(model.index(1, COL_ACCOUNT), "Kraken")
    assert sorted(p.account for p in store.list_positions()) == ["Kraken", "Ledger"]


def test_add_through_the_dialog(qtbot, window, store, monkeypatch):
    def fill_and_accept(dialog):
        dialog.symbol.setText("clsk")
        dialog.kind.setCurrentIndex(dialog.kind.findData("equity"))
        dialog.quantity.setText("1,234.5")  # the English UI's notation (issue 13: German 1.234,5 is refused)
        dialog.cost_basis.setText("10.25")
        dialog.account.setText("Depot")
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(PositionDialog, "exec", fill_and_accept)
    window.positions_view.add_position()
    [p] = store.list_positions()
    assert (p.symbol, p.quantity, p.cost_basis, p.account) == ("CLSK", Decimal("1234.5"), Decimal("10.25"), "Depot")
    assert window.positions_view.model.rowCount() == 1


def test_dialog_validation_blocks_bad_input(qtbot):
    dialog = PositionDialog()
    qtbot.addWidget(dialog)
    dialog.symbol.setText("")
    dialog.quantity.setText("-1")
    dialog.accept()
    assert dialog.result_position() is None and dialog.error.isVisibleTo(dialog)
    assert "Symbol" in dialog.error.text() and "negative" in dialog.error.text()


def test_delete_reaches_the_store(window, store):
    add_btc(store)
    window.positions_view.model.reload()
    window.positions_view.table.selectRow(0)
    window.positions_view.delete_selected()
    assert store.list_positions() == []
    assert window.positions_view.model.rowCount() == 0


def test_example_portfolio_is_marked_and_removed_in_one_action(qtbot, store):
    assert seed_example_portfolio(store, rwapp.example_positions())
    w = rwapp.create_main_window(store, language="en")
    qtbot.addWidget(w)
    w.show()
    view = w.positions_view
    assert [p.symbol for p in view.model.positions()] == ["BTC", "IREN", "WULF", "CORZ", "CLSK", "BITF"]
    assert view.banner.isVisibleTo(view) and "Example portfolio" in view.banner_label.text()
    view.remove_example_button.click()
    assert store.list_positions() == [] and not view.banner.isVisibleTo(view)
    # removed once, never seeded again on the next start
    assert not seed_example_portfolio(store, rwapp.example_positions())


def test_import_through_the_ui(tmp_path, window, store):
    good = tmp_path / "p.csv"
    good.write_text("symbol;kind;quantity;cost_basis\nIREN;equity;400;14,50\n", encoding="utf-8")
    assert window.positions_view.import_file(str(good))
    assert [p.symbol for p in store.list_positions()] == ["IREN"]
    assert window.positions_view.model.rowCount() == 1


def test_bad_import_shows_the_line_and_leaves_the_table_unchanged(qtbot, tmp_path, window, store):
    add_btc(store)
    window.positions_view.model.reload()
    bad = tmp_path / "bad.csv"
    bad.write_text("symbol,kind,quantity\nIREN,equity,400\nWULF,bond,1\n", encoding="utf-8")
    assert not window.positions_view.import_file(str(bad))
    box = window.positions_view.last_error_box
    qtbot.waitUntil(box.isVisible)
    assert "line 3" in box.informativeText() and "kind" in box.informativeText()
    assert [p.symbol for p in store.list_positions()] == ["BTC"]
    assert window.positions_view.model.rowCount() == 1
    box.close()


def test_export_through_the_ui(tmp_path, window, store):
    add_btc(store)
    window.positions_view.model.reload()
    out = tmp_path / "out.csv"
    assert window.positions_view.export_file(str(out))
    assert out.read_text(encoding="utf-8").splitlines()[1] == "BTC,crypto,0.5,60000,USD,Kraken,"


def test_switching_language_changes_visible_labels(qtbot, window):
    pos = window.tabs.indexOf(window.positions_view)
    assert window.tabs.tabText(pos) == "Positions"
    window.settings_controller.translator.set_language("de")  # Qt posts LanguageChange to every widget
    qtbot.waitUntil(lambda: window.tabs.tabText(pos) == "Positionen")
    assert window.menu_file.title() == "&Datei"
    model = window.positions_view.model
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Einstandskurs"
    window.settings_controller.translator.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(pos) == "Positions")


def test_shortcuts(window):
    assert window.action_new.shortcut().toString() == "Ctrl+N"
    assert window.action_import.shortcut().toString() == "Ctrl+I"
    assert window.action_quit.shortcut().toString() == "Ctrl+Q"


def test_the_editor_gets_the_exact_ungrouped_number(qtbot, store):
    """The table shows 1.234,5 (grouped) but the editor starts from 1234,5 so it parses back exactly."""
    add_btc(store, qty="1234.5")
    w = rwapp.create_main_window(store, language="de")
    qtbot.addWidget(w)
    w.show()
    table = w.positions_view.table
    index = w.positions_view.source_index(0, COL_QTY)
    assert index.data() == "1.234,5"
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.text() == "1234,5"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert store.list_positions()[0].quantity == Decimal("1234.5")
