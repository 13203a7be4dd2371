"""The read-only tables of the balance-sheet tab: as tall as their rows (the tab scrolls, a table never does),
a greyed row italic in the theme's muted colour, numbers right-aligned."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableWidget, QTableWidgetItem

from riskwatch.gui.theme import ThemeAware, theme


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    greyed: bool = False
    tooltip: str = ""
    key: str = ""            # what the row shows (a figure code, a counterparty), for tests and selection


class SectionTable(ThemeAware, QTableWidget):
    def __init__(self, columns: int, *, numeric: Sequence[int] = (), parent=None):
        super().__init__(0, columns, parent)
        self._numeric = frozenset(numeric)
        self._rows: list[Row] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setWordWrap(False)
        head = self.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, columns):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.refresh_theme()

    def apply_theme(self) -> None:
        self._fill()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self._rows = list(rows)
        self._fill()

    def _fill(self) -> None:
        self.setRowCount(len(self._rows))
        muted = QColor(theme().muted)
        for r, row in enumerate(self._rows):
            for col in range(self.columnCount()):
                item = self.item(r, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(r, col, item)
                item.setText(row.cells[col] if col < len(row.cells) else "")
                item.setToolTip(row.tooltip)
                align = Qt.AlignmentFlag.AlignRight if col in self._numeric else Qt.AlignmentFlag.AlignLeft
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                font = QFont(self.font())
                font.setItalic(row.greyed)
                item.setFont(font)
                if row.greyed:
                    item.setForeground(QBrush(muted))
                else:
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
        self.resizeRowsToContents()
        height = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + height + 2 * self.frameWidth() + 2)

    # -- for tests, the dialog and the screenshots ------------------------------------------------------------
    def row_of(self, key: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def cell(self, key: str, col: int) -> str:
        row = self.row_of(key)
        return self._rows[row].cells[col] if row >= 0 and col < len(self._rows[row].cells) else ""

    def is_greyed(self, key: str) -> bool:
        row = self.row_of(key)
        return row >= 0 and self.item(row, 0).font().italic()

    def keys(self) -> list[str]:
        return [r.key for r in self._rows]


__all__ = ["Row", "SectionTable"]
