"""Columns of a table the user can hide and show again from the header's context menu, kept in the store.

Sixteen position columns do not fit a 1280×720 screen in German; the ones least needed at a glance start
hidden (they stay editable in the position dialog) and the choice is kept per data directory.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView


class ColumnChooser(QObject):
    def __init__(self, table: QTableView, store, setting_key: str, default_hidden: Iterable[int]):
        super().__init__(table)
        self._table = table
        self._store = store
        self._key = setting_key
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)
        self.apply(self._load(set(default_hidden)))

    def hidden(self) -> set[int]:
        return {c for c in range(self._table.model().columnCount()) if self._table.isColumnHidden(c)}

    def apply(self, hidden: set[int]) -> None:
        for column in range(self._table.model().columnCount()):
            self._table.setColumnHidden(column, column in hidden)

    def set_visible(self, column: int, visible: bool) -> None:
        hidden = self.hidden()
        if not visible and len(hidden) + 1 >= self._table.model().columnCount():
            return  # never hide the last column: the header (and this menu) would vanish with it
        (hidden.discard if visible else hidden.add)(column)
        self.apply(hidden)
        if visible:
            self._table.resizeColumnToContents(column)
        self._save(hidden)

    def menu(self) -> QMenu:
        menu = QMenu(self._table)
        model = self._table.model()
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "").replace("\n", " ")
            action = QAction(title, menu, checkable=True, checked=not self._table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.set_visible(c, on))
            menu.addAction(action)
        return menu

    def _on_header_context_menu_requested(self, pos) -> None:
        self.menu().exec(self._table.horizontalHeader().mapToGlobal(pos))

    def _load(self, default: set[int]) -> set[int]:
        try:
            raw = self._store.get_setting(self._key)
        except Exception:  # a store fault is reported elsewhere; the table still shows
            return default
        if raw is None:
            return default
        try:
            return {int(part) for part in raw.split(",") if part.strip()}
        except ValueError:
            return default

    def _save(self, hidden: set[int]) -> None:
        try:
            self._store.set_setting(self._key, ",".join(str(c) for c in sorted(hidden)))
        except Exception:
            pass  # the choice holds for this session
