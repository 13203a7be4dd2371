"""Table model of the positions; edits are validated by the domain and written to the store."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from riskwatch.domain.errors import RiskWatchError
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.domain.numbers import parse_number
from riskwatch.gui.format import decimal_text, edit_text

COL_SYMBOL, COL_KIND, COL_QTY, COL_COST, COL_CURRENCY, COL_ACCOUNT, COL_NOTE = range(7)
COLUMN_COUNT = 7


class PositionsTableModel(QAbstractTableModel):
    """Rows are Position objects; the store is the source of truth (reloaded after each change)."""

    edit_rejected = Signal(str)
    positions_changed = Signal()

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self._rows: list[Position] = []
        self.reload()

    # -- header / text ------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [self.tr("Symbol"), self.tr("Kind"), self.tr("Quantity"), self.tr("Cost basis"),
                self.tr("Currency"), self.tr("Account"), self.tr("Note")]

    def kind_label(self, kind: AssetKind) -> str:
        return {AssetKind.CRYPTO: self.tr("Crypto"), AssetKind.EQUITY: self.tr("Stock"),
                AssetKind.INDEX: self.tr("Index"), AssetKind.STABLECOIN: self.tr("Stablecoin")}[kind]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            if section in (COL_QTY, COL_COST):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        p = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(p, col)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(p, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_QTY, COL_COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and p.is_example:
            return self.tr("Example position – remove the example portfolio with one click above the table.")
        if role == Qt.ItemDataRole.ForegroundRole and p.is_example:
            return QBrush(QColor("#555555"))
        if role == Qt.ItemDataRole.FontRole and p.is_example:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return p
        return None

    def _display(self, p: Position, col: int) -> str:
        if col == COL_SYMBOL:
            return p.symbol
        if col == COL_KIND:
            return self.kind_label(p.asset.kind)
        if col == COL_QTY:
            return decimal_text(p.quantity)
        if col == COL_COST:
            return decimal_text(p.cost_basis)
        if col == COL_CURRENCY:
            return p.asset.quote_currency
        if col == COL_ACCOUNT:
            return p.account
        return p.note

    def _edit_value(self, p: Position, col: int):
        if col == COL_KIND:
            return p.asset.kind.value
        if col == COL_QTY:
            return edit_text(p.quantity)
        if col == COL_COST:
            return edit_text(p.cost_basis)
        return self._display(p, col)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        old = self._rows[index.row()]
        try:
            new = self._apply(old, index.column(), str(value))
            if new == old:
                return False
            self._store.update_position(new)
        except (ValueError, RiskWatchError) as exc:
            self.edit_rejected.emit(self.tr("The change was not saved: %1").replace("%1", str(exc)))
            return False
        self._rows[index.row()] = self._store.get_position(new.id) or new
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COLUMN_COUNT - 1))
        self.positions_changed.emit()
        return True

    @staticmethod
    def _apply(p: Position, col: int, text: str) -> Position:
        a = p.asset
        # Any edit turns an example position into the user's own.
        if col == COL_SYMBOL:
            return dataclasses.replace(p, asset=Asset(text, a.kind, a.quote_currency), is_example=False)
        if col == COL_KIND:
            return dataclasses.replace(p, asset=Asset(a.symbol, AssetKind.parse(text), a.quote_currency),
                                       is_example=False)
        if col == COL_QTY:
            return dataclasses.replace(p, quantity=_number(text, "quantity"), is_example=False)
        if col == COL_COST:
            return dataclasses.replace(p, cost_basis=_number(text, "cost basis"), is_example=False)
        if col == COL_CURRENCY:
            return dataclasses.replace(p, asset=Asset(a.symbol, a.kind, text), is_example=False)
        if col == COL_ACCOUNT:
            return dataclasses.replace(p, account=text, is_example=False)
        return dataclasses.replace(p, note=text, is_example=False)

    # -- store access -------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._store.list_positions()
        self.endResetModel()

    def position_at(self, row: int) -> Position | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def positions(self) -> list[Position]:
        return list(self._rows)

    def has_examples(self) -> bool:
        return any(p.is_example for p in self._rows)


def _number(text: str, name: str) -> Decimal:
    try:
        return parse_number(text)
    except ValueError as exc:
        raise ValueError(f"{name} {exc}") from None
