"""What the alert tables (alert window, alert history, rule list) share: a read-only table that selects whole
rows, and its cells, numbers right-aligned and the severity cell in the severity's colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from riskwatch.domain.alerts import Severity
from riskwatch.gui.alert_text import severity_colors


def alert_table(columns: int, *, alternating_rows: bool = True) -> QTableWidget:
    """A read-only table of ``columns`` columns that selects whole rows, without row numbers; the columns fit
    their contents and the last one takes the remaining width."""
    table = QTableWidget(0, columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating_rows)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def table_item(text: str, *, number: bool = False, severity: Severity | str | None = None) -> QTableWidgetItem:
    """A cell: a number right-aligned; a severity cell (``severity`` given) in that severity's colours."""
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if severity is not None:
        bg, fg = severity_colors(severity)
        item.setBackground(QBrush(bg))
        item.setForeground(QBrush(fg))
    return item


__all__ = ["alert_table", "table_item"]
