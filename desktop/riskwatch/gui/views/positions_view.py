"""The positions tab: example banner, the table, and the add / edit / delete / import / export actions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QFrame, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QStyledItemDelegate, QComboBox, QTableView,
                               QVBoxLayout, QWidget)

from riskwatch.domain.errors import InputError, RiskWatchError
from riskwatch.domain.model import AssetKind
from riskwatch.gui.dialogs.position_dialog import PositionDialog
from riskwatch.gui.models.positions_model import (COL_ACCOUNT, COL_AGE, COL_CURRENCY, COL_KIND, COL_NOTE, EDIT_ROLE, SORT_ROLE,
                                                  PositionsTableModel)
from riskwatch.gui.theme import ThemeAware, theme
from riskwatch.gui.translation import Retranslatable
from riskwatch.gui.views.column_chooser import ColumnChooser
from riskwatch.services.positions import import_positions, remove_example_portfolio, restore_positions

#: Shown in the position dialog and on demand (header menu); not needed at a glance.
DEFAULT_HIDDEN_COLUMNS = (COL_CURRENCY, COL_ACCOUNT, COL_NOTE)


class EditTextDelegate(QStyledItemDelegate):
    """Puts the exact, ungrouped edit text (``EDIT_ROLE``) into the line editor instead of the shown text."""

    def setEditorData(self, editor, index):
        text = index.data(EDIT_ROLE)
        if isinstance(editor, QLineEdit) and text is not None:
            editor.setText(str(text))
        else:
            super().setEditorData(editor, index)


class KindDelegate(QStyledItemDelegate):
    """A combo box for the kind column, so only valid kinds can be chosen."""

    def __init__(self, source_model, parent=None):
        super().__init__(parent)
        self._source = source_model

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for kind in AssetKind:
            combo.addItem(self._source.kind_label(kind), kind.value)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(EDIT_ROLE))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PositionsView(ThemeAware, Retranslatable, QWidget):
    status_message = Signal(str)

    def __init__(self, store, *, read_rows, write_text, parent=None):
        """``read_rows(path)`` parses a positions file into (line, Position) pairs (raises InputError);
        ``write_text(path, text_kind)`` writes the export. Both are adapters handed in by app.py."""
        super().__init__(parent)
        self._store = store
        self._read_rows = read_rows
        self._write_text = write_text
        self.model = PositionsTableModel(store, self)
        self.model.edit_rejected.connect(self._on_model_edit_rejected)
        self.model.modelReset.connect(self._update_banner)
        self.model.positions_changed.connect(self._update_banner)

        self.banner = QFrame()
        self.banner.setObjectName("exampleBanner")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.remove_example_button = QPushButton()
        self.remove_example_button.clicked.connect(self.remove_example)
        bl = QHBoxLayout(self.banner)
        bl.addWidget(self.banner_label, 1)
        bl.addWidget(self.remove_example_button)

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # store order until a header is clicked
        self.table.setItemDelegate(EditTextDelegate(self.table))
        self.table.setItemDelegateForColumn(COL_KIND, KindDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Interactive widths, fitted to the contents when data arrives: ResizeToContents would re-measure every
        # cell of every column on each refresh.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._fitted_with_report = False
        self._fit_pending = False
        self.model.modelReset.connect(self._fit_columns)
        self.columns = ColumnChooser(self.table, store, "positions_hidden_columns", DEFAULT_HIDDEN_COLUMNS)
        self.table.doubleClicked.connect(lambda _i: None)

        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.add_button.clicked.connect(self.add_position)
        self.edit_button.clicked.connect(self.edit_selected)
        # clicked(bool) would land in ``confirm``: the button asks like the Delete key does
        self.delete_button.clicked.connect(lambda _checked=False: self.delete_selected())
        self._deleted: list = []  # the positions of the last delete, for undo
        self.undo_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Undo),
                                   triggered=self.undo_delete)
        self.undo_action.setEnabled(False)
        self.addAction(self.undo_action)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.refresh_theme()
        self._update_banner()

    # -- text ---------------------------------------------------------------------------------
    def apply_theme(self) -> None:
        """After a palette change: the banner and every cell in the colours of the new theme."""
        self.banner.setStyleSheet(theme().banner_style("exampleBanner", theme().note_banner))
        self.model.restyle()

    def retranslate(self) -> None:
        self.banner_label.setText(self.tr(
            "<b>Example portfolio.</b> These positions are a made-up example so you can see how RiskWatch "
            "works. Remove them and add or import your own."))
        self.remove_example_button.setText(self.tr("Remove example portfolio"))
        self.add_button.setText(self.tr("&Add…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.delete_button.setText(self.tr("&Delete"))
        self.undo_action.setText(self.tr("&Undo delete"))
        self.model.retranslate()
        self._fit_columns()  # the new language's headers are never clipped

    # -- actions ------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        """Selected rows as rows of the source model (the table shows them sorted)."""
        return sorted({self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()})

    def source_index(self, row: int, column: int):
        """The table (proxy) index of a source-model cell."""
        return self.proxy.mapFromSource(self.model.index(row, column))

    def add_position(self) -> None:
        dialog = PositionDialog(self)
        if dialog.exec() and dialog.result_position() is not None:
            self._save(lambda: self._store.add_position(dialog.result_position()))

    def edit_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        dialog = PositionDialog(self, self.model.position_at(rows[0]))
        if dialog.exec() and dialog.result_position() is not None:
            self._save(lambda: self._store.update_position(dialog.result_position()))

    def delete_selected(self, confirm: bool = True) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        positions = [self.model.position_at(r) for r in rows]
        if confirm:
            names = ", ".join(p.symbol for p in positions)
            answer = QMessageBox.question(self, self.tr("Delete positions"),
                                          self.tr("Delete %n position(s): %1?", "", len(positions)).replace(
                                              "%1", names))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._save(lambda: [self._store.delete_position(p.id) for p in positions])
        self._deleted = positions
        self.undo_action.setEnabled(True)
        self.status_message.emit(self.tr("Deleted %n position(s). Undo with Ctrl+Z.", "", len(positions)))

    def undo_delete(self) -> None:
        """Add the positions of the last delete back (quantity, cost, account, note, example flag)."""
        if not self._deleted:
            return
        positions, self._deleted = self._deleted, []
        self.undo_action.setEnabled(False)
        self._save(lambda: restore_positions(self._store, positions))
        self.status_message.emit(self.tr("Restored %n position(s).", "", len(positions)))

    def remove_example(self) -> None:
        n = remove_example_portfolio(self._store)
        self.model.reload()
        self.status_message.emit(self.tr("Removed %n example position(s).", "", n))

    def import_file(self, path: str | None = None, replace: bool = False) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import positions"), "",
                                                  self.tr("Positions (*.csv *.json);;All files (*)"))
            if not path:
                return False
        try:
            rows = self._read_rows(Path(path))
            added = import_positions(self._store, rows, replace=replace, source=str(path))
        except InputError as exc:
            self._show_import_error(exc)
            return False
        except RiskWatchError as exc:
            QMessageBox.critical(self, self.tr("Import failed"), str(exc))
            return False
        self.model.reload()
        self.status_message.emit(self.tr("Imported %n position(s).", "", len(added)))
        return True

    def _show_import_error(self, exc: InputError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import rejected"),
                          self.tr("Nothing was imported. Please correct the file and try again."),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("importErrorBox")
        lines = []
        for p in exc.problems:
            where = []
            if p.line is not None:
                where.append(self.tr("line %1").replace("%1", str(p.line)))
            if p.field:
                where.append(self.tr("field '%1'").replace("%1", p.field))
            lines.append((", ".join(where) + ": " if where else "") + p.message)
        box.setInformativeText((exc.source or "") + "\n" + "\n".join(lines))
        box.setDetailedText(str(exc))
        self.last_error_box = box
        box.open()

    def export_file(self, path: str | None = None, fmt: str | None = None) -> bool:
        """Export to ``path`` in ``fmt`` (csv_io.EXPORT_FORMATS; chosen by the file-type filter when asked).
        By default a German UI writes CSV for German Excel (`;`, decimal commas, BOM), an English one plain CSV."""
        from riskwatch.gui.format import ui_language

        filters = {"excel-de": self.tr("CSV for Excel (German) (*.csv)"), "csv": self.tr("CSV (*.csv)"),
                   "json": self.tr("JSON (*.json)")}
        default = "excel-de" if ui_language() == "de" else "csv"
        if path is None:
            path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export positions"), "positions.csv",
                                                       ";;".join(filters.values()), filters[default])
            if not path:
                return False
            fmt = next((k for k, v in filters.items() if v == chosen), None)
        if fmt is None or Path(path).suffix.lower() == ".json":
            fmt = "json" if Path(path).suffix.lower() == ".json" else default
        try:
            self._write_text(Path(path), self.model.positions(), fmt)
        except RiskWatchError as exc:
            QMessageBox.critical(self, self.tr("Export failed"), str(exc))
            return False
        self.status_message.emit(self.tr("Exported %n position(s).", "", len(self.model.positions())))
        return True

    def _save(self, action) -> None:
        try:
            action()
        except (ValueError, RiskWatchError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
        self.model.reload()

    def _fit_columns(self) -> None:
        """Fit the columns to their contents, then, when that is wider than the table, narrow the price-age
        column (its cells elide, the full text is in their tooltip) so that the figures to its right, the
        drop from the 30-day high and the drawdown, stay on screen without scrolling."""
        self.table.resizeColumnsToContents()
        self._fit_age_column()

    def _fit_age_column(self) -> None:
        """Only the price-age column follows a resize: re-measuring all columns on every resize event would
        cost a pass over every cell and undo the widths the user set by hand."""
        table = self.table
        if table.isColumnHidden(COL_AGE):
            return
        table.resizeColumnToContents(COL_AGE)
        header = table.horizontalHeader()
        visible = [c for c in range(header.count()) if not table.isColumnHidden(c)]
        if not visible:
            return
        last = visible[-1]  # stretched to the edge: count what it needs, not what it was given
        needed = (sum(table.columnWidth(c) for c in visible[:-1])
                  + max(table.sizeHintForColumn(last), header.sectionSizeHint(last)))
        overflow = needed - table.viewport().width()
        if overflow > 0:
            width = table.columnWidth(COL_AGE)
            table.setColumnWidth(COL_AGE, max(width - overflow - 2, min(width, 72)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._fit_pending:  # after the layout has given the table its new width
            self._fit_pending = True
            QTimer.singleShot(0, self._on_resize_settled)

    def _on_resize_settled(self) -> None:
        self._fit_pending = False
        self._fit_age_column()

    def report_shown(self) -> None:
        """Called after the first report with live figures: fit the columns once to the new contents."""
        if not self._fitted_with_report:
            self._fitted_with_report = True
            self._fit_columns()

    # -- slots --------------------------------------------------------------------------------
    def _on_model_edit_rejected(self, message: str) -> None:
        self.status_message.emit(message)
        QMessageBox.warning(self, self.tr("Not saved"), message)

    def _update_banner(self) -> None:
        self.banner.setVisible(self.model.has_examples())
