"""Quantities and cost bases typed in the dialog and in the table follow the UI language (issue 13)."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from riskwatch import app as rwapp
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.gui.dialogs.position_dialog import PositionDialog
from riskwatch.gui.models.positions_model import COL_COST, COL_QTY
from tests.gui.message_boxes import record_message_boxes


@pytest.fixture(autouse=True)
def boxes(monkeypatch):
    return record_message_boxes(monkeypatch)


@pytest.fixture
def store(data_dir):
    s = SqliteStore.in_dir(data_dir)
    yield s
    s.close()


def open_window(qtbot, store, language):
    w = rwapp.create_main_window(store, language=language)
    qtbot.addWidget(w)
    w.show()
    return w


def add_through_dialog(window, monkeypatch, quantity, cost=""):
    seen = {}

    def fill_and_accept(dialog):
        dialog.symbol.setText("IREN")
        dialog.kind.setCurrentIndex(dialog.kind.findData("equity"))
        dialog.quantity.setText(quantity)
        dialog.cost_basis.setText(cost)
        dialog.accept()
        seen["error"] = dialog.error.text() if dialog.error.isVisibleTo(dialog) else ""
        return dialog.result() == 1

    monkeypatch.setattr(PositionDialog, "exec", fill_and_accept)
    window.positions_view.add_position()
    return seen["error"]


def test_german_dialog_reads_1_250_as_1250(qtbot, store, monkeypatch):
    w = open_window(qtbot, store, "de")
    assert add_through_dialog(w, monkeypatch, "1.250", "14,50") == ""
    [p] = store.list_positions()
    assert (p.quantity, p.cost_basis) == (Decimal("1250"), Decimal("14.50"))


def test_english_dialog_reads_1_250_as_1250(qtbot, store, monkeypatch):
    w = open_window(qtbot, store, "en")
    assert add_through_dialog(w, monkeypatch, "1,250", "1,234.5") == ""
    [p] = store.list_positions()
    assert (p.quantity, p.cost_basis) == (Decimal("1250"), Decimal("1234.5"))


def test_german_dialog_refuses_a_decimal_dot_with_a_suggestion(qtbot, store, monkeypatch):
    w = open_window(qtbot, store, "de")
    error = add_through_dialog(w, monkeypatch, "1.25")
    assert "1.25" in error and "meinten Sie 1,25?" in error and "Schreibweise" in error
    error = add_through_dialog(w, monkeypatch, "7", "1,250.5")
    assert "meinten Sie 1.250,5?" in error
    assert store.list_positions() == []


def test_dialog_refuses_quantities_out_of_bounds(qtbot, store, monkeypatch):
    w = open_window(qtbot, store, "de")
    error = add_through_dialog(w, monkeypatch, "2.000.000.000.000.000")
    assert "zwischen 0,000000000001 und 1.000.000.000.000.000" in error
    assert store.list_positions() == []


def add_position(store, qty, cost="60000"):
    return store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal(qty), Decimal(cost), "Depot"))


def test_german_in_place_edit_reads_2_500_as_2500(qtbot, store, boxes):
    add_position(store, "0.5")
    w = open_window(qtbot, store, "de")
    table = w.positions_view.table
    index = w.positions_view.source_index(0, COL_QTY)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "2.500")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data() == "2.500")
    assert store.list_positions()[0].quantity == Decimal("2500") and boxes == []


def test_german_in_place_edit_refuses_1_25_and_says_why(qtbot, store, boxes):
    add_position(store, "0.5")
    w = open_window(qtbot, store, "de")
    messages = []
    w.positions_view.status_message.connect(messages.append)
    model = w.positions_view.model
    assert not model.setData(model.index(0, COL_QTY), "1.25")
    assert not model.setData(model.index(0, COL_COST), "1,250")  # 1,25 or 1.250?
    assert store.list_positions()[0].quantity == Decimal("0.5")
    assert store.list_positions()[0].cost_basis == Decimal("60000")
    assert "meinten Sie 1,25?" in messages[0] and "meinten Sie 1,25 oder 1.250?" in messages[1]
    assert len(boxes) == 2
    # A stored 1.250 shows as 1,250; the editor starts from that text, and Enter keeps the value.
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1.250"), Decimal("0"), "Kraken"))
    model.reload()
    row = next(r for r in range(model.rowCount()) if model.position_at(r).symbol == "BTC")
    assert model.index(row, COL_QTY).data() == "1,250"
    model.setData(model.index(row, COL_QTY), "1,250")
    assert len(boxes) == 2 and model.position_at(row).quantity == Decimal("1.250")


@pytest.mark.parametrize("language", ["de", "en"])
def test_what_the_table_displays_typed_back_gives_the_same_value(qtbot, store, language, boxes):
    values = ("3000", "0.5", "1234.5678")
    for i, v in enumerate(values):
        store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal(v), Decimal(v), f"A{i}"))
    w = open_window(qtbot, store, language)
    model = w.positions_view.model
    shown = {model.index(r, COL_QTY).data(): model.position_at(r).quantity for r in range(model.rowCount())}
    assert set(shown) == ({"3.000", "0,5", "1.234,5678"} if language == "de" else {"3,000", "0.5", "1,234.5678"})
    for r in range(model.rowCount()):  # into another row's cell: the text alone must give the value
        text = model.index(r, COL_QTY).data()
        other = (r + 1) % model.rowCount()
        model.setData(model.index(other, COL_QTY), text)
        assert model.position_at(other).quantity == shown[text]
        model.setData(model.index(other, COL_COST), model.index(r, COL_COST).data())
        assert model.position_at(other).cost_basis == shown[text]
    assert boxes == []


def test_german_ui_exports_for_german_excel_and_imports_it_back(qtbot, tmp_path, store, data_dir):
    add_position(store, "1234.5678", "14.50")
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("0.5"), Decimal("61234.5"), "Kraken",
                                "=SUMME(A1)"))
    w = open_window(qtbot, store, "de")
    path = tmp_path / "positionen.csv"
    assert w.positions_view.export_file(str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsymbol;kind;quantity;cost_basis;")
    assert b";1234,5678;14,50;" in raw and b"'=SUMME(A1)" in raw
    assert w.positions_view.export_file(str(tmp_path / "plain.csv"), "csv")
    assert (tmp_path / "plain.csv").read_bytes().startswith(b"symbol,kind,")
    other = SqliteStore.in_dir(tmp_path / "other")
    try:
        w2 = open_window(qtbot, other, "de")
        assert w2.positions_view.import_file(str(path))
        assert other.list_positions() == store.list_positions()
    finally:
        other.close()
