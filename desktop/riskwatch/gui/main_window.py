"""The main window: a thin shell that assembles the views, menus and status bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from riskwatch import __version__
from riskwatch.gui.views.positions_view import PositionsView


class MainWindow(QMainWindow):
    def __init__(self, store, *, read_rows, write_positions, translator=None, parent=None):
        """``read_rows`` / ``write_positions`` are the file adapters, handed in by app.py."""
        super().__init__(parent)
        self._store = store
        self._translator = translator
        self.setWindowTitle("RiskWatch")
        self.setObjectName("mainWindow")
        self.tabs = QTabWidget()
        self.positions_view = PositionsView(store, read_rows=read_rows, write_text=write_positions)
        self.positions_view.status_message.connect(self._on_positions_view_status_message)
        self.tabs.addTab(self.positions_view, "")
        self.setCentralWidget(self.tabs)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_actions()
        self.retranslate()
        self.resize(980, 560)
        self._restore_geometry()

    def _build_actions(self) -> None:
        pv = self.positions_view
        self.action_new = QAction(self, shortcut=QKeySequence("Ctrl+N"), triggered=pv.add_position)
        self.action_edit = QAction(self, shortcut=QKeySequence("Ctrl+E"), triggered=pv.edit_selected)
        self.action_delete = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Delete),
                                     triggered=lambda: pv.delete_selected())
        self.action_import = QAction(self, shortcut=QKeySequence("Ctrl+I"), triggered=lambda: pv.import_file())
        self.action_export = QAction(self, triggered=lambda: pv.export_file())
        self.action_remove_example = QAction(self, triggered=pv.remove_example)
        self.action_quit = QAction(self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        self.action_about = QAction(self, triggered=self._show_about)
        self.menu_file = self.menuBar().addMenu("")
        self.menu_file.addActions([self.action_import, self.action_export])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_quit)
        self.menu_positions = self.menuBar().addMenu("")
        self.menu_positions.addActions([self.action_new, self.action_edit, self.action_delete])
        self.menu_positions.addSeparator()
        self.menu_positions.addAction(self.action_remove_example)
        self.menu_help = self.menuBar().addMenu("")
        self.menu_help.addAction(self.action_about)
        self.positions_view.table.addAction(self.action_delete)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Positions"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_positions.setTitle(self.tr("&Positions"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.action_new.setText(self.tr("&New position…"))
        self.action_edit.setText(self.tr("&Edit position…"))
        self.action_delete.setText(self.tr("&Delete position"))
        self.action_import.setText(self.tr("&Import positions…"))
        self.action_export.setText(self.tr("&Export positions…"))
        self.action_remove_example.setText(self.tr("Remove example portfolio"))
        self.action_quit.setText(self.tr("&Quit"))
        self.action_about.setText(self.tr("&About RiskWatch"))
        n = self.positions_view.model.rowCount()
        self.status_label.setText(self.tr("%n position(s)", "", n))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_about(self) -> None:
        QMessageBox.about(self, self.tr("About RiskWatch"), self.tr(
            "<b>RiskWatch %1</b><p>A local risk monitor for Bitcoin and bitcoin-miner stocks.</p>"
            "<p>Your data stays on this computer.</p>").replace("%1", __version__))

    def _on_positions_view_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        self.status_label.setText(self.tr("%n position(s)", "", self.positions_view.model.rowCount()))

    # -- geometry -----------------------------------------------------------------------------
    def _settings(self) -> QSettings:
        return QSettings("RiskWatch", "RiskWatch")

    def _restore_geometry(self) -> None:
        geometry = self._settings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:
        self._settings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
