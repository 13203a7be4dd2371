"""The main window's actions and menus (their texts are set in ``MainWindow.retranslate``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox


def build_actions(w) -> None:
    pv = w.positions_view
    w.action_new = QAction(w, shortcut=QKeySequence("Ctrl+N"), triggered=pv.add_position)
    w.action_edit = QAction(w, shortcut=QKeySequence("Ctrl+E"), triggered=pv.edit_selected)
    w.action_delete = QAction(w, shortcut=QKeySequence(QKeySequence.StandardKey.Delete),
                              triggered=lambda: pv.delete_selected())
    w.action_import = QAction(w, shortcut=QKeySequence("Ctrl+I"), triggered=lambda: pv.import_file())
    w.action_export = QAction(w, triggered=lambda: pv.export_file())
    w.action_remove_example = QAction(w, triggered=pv.remove_example)
    w.action_refresh = QAction(w, shortcut=QKeySequence("F5"), triggered=w.refresh_now)
    w.action_settings = QAction(w, shortcut=QKeySequence("Ctrl+,"), triggered=w.open_settings)
    w.action_stress = QAction(w, shortcut=QKeySequence("Ctrl+T"), triggered=w.open_stress_test)
    w.action_stop_replay = QAction(w, triggered=w.stop_replay)
    w.action_stop_replay.setEnabled(False)
    w.action_api_keys = QAction(w, triggered=w.account_actions.open_api_keys)
    w.action_sync = QAction(w, triggered=lambda: w.account_actions.open_sync())
    w.action_quit = QAction(w, shortcut=QKeySequence("Ctrl+Q"), triggered=w.close)
    w.action_about = QAction(w, triggered=lambda: show_about(w, w.about_sources))
    w.menu_file = w.menuBar().addMenu("")
    w.menu_file.addActions([w.action_import, w.action_export])
    w.menu_file.addSeparator()
    w.menu_file.addAction(w.action_api_keys)
    w.menu_file.addAction(w.action_settings)
    w.menu_file.addSeparator()
    w.menu_file.addAction(w.action_quit)
    w.menu_positions = w.menuBar().addMenu("")
    w.menu_positions.addActions([w.action_new, w.action_edit, w.action_delete, pv.undo_action])
    w.menu_positions.addSeparator()
    w.menu_positions.addAction(w.action_sync)
    w.menu_positions.addSeparator()
    w.menu_positions.addAction(w.action_remove_example)
    w.menu_view = w.menuBar().addMenu("")
    w.menu_view.addAction(w.action_refresh)
    w.menu_view.addAction(w.action_stress)
    w.menu_view.addAction(w.action_stop_replay)
    w.menu_help = w.menuBar().addMenu("")
    w.menu_help.addAction(w.action_about)
    pv.table.addAction(w.action_delete)


def build_alert_actions(w) -> None:
    """The Alerts menu, when the window has an alert service."""
    if w.alert_window is None:
        return
    w.action_alert_window = QAction(w, shortcut=QKeySequence("Ctrl+Shift+A"), triggered=lambda: show_alert_window(w))
    w.action_alert_history = QAction(w, shortcut=QKeySequence("Ctrl+Shift+H"),
                                     triggered=lambda: w.tabs.setCurrentWidget(w.alert_history))
    w.menu_alerts = QMenu(w)
    w.menuBar().insertMenu(w.menu_help.menuAction(), w.menu_alerts)
    w.menu_alerts.addActions([w.action_alert_window, w.action_alert_history])
    if w.rules_view is not None:
        w.action_alert_rules = QAction(w, shortcut=QKeySequence("Ctrl+Shift+R"),
                                       triggered=lambda: w.tabs.setCurrentWidget(w.rules_view))
        w.menu_alerts.addAction(w.action_alert_rules)


def show_alert_window(w) -> None:
    w.alert_window.refresh()
    w.alert_window.show()
    w.alert_window.raise_()
    w.alert_window.activateWindow()


def show_about(w, sources) -> None:
    """``sources``: ``((symbols, source code), …)`` of the bundled history (app.py)."""
    from riskwatch import __version__

    text = QCoreApplication.translate(
        "MainWindow", "<b>RiskWatch %1</b><p>A local risk monitor for Bitcoin and bitcoin-miner stocks.</p>"
        "<p>Your data stays on this computer.</p>").replace("%1", __version__)
    if sources:
        names = {"yahoo": QCoreApplication.translate("MainWindow", "daily prices from Yahoo Finance"),
                 "binance_usdt": QCoreApplication.translate("MainWindow", "Binance spot daily closes in USDT"),
                 "yahoo_stablecoins": QCoreApplication.translate("MainWindow", "stablecoin prices from Yahoo Finance"),
                 "binance_funding": QCoreApplication.translate("MainWindow", "Binance perpetual funding every 8 hours")}
        lines = sources if not isinstance(sources, str) else ((sources, ""),)
        items = "".join(f"<li>{names[key] + ': ' if key in names else ''}{symbols}</li>" for symbols, key in lines)
        text += "<p>" + QCoreApplication.translate("MainWindow", "Bundled history for offline use (via public "
                                                   "GitHub repositories):") + f"</p><ul>{items}</ul>"
    QMessageBox.about(w, QCoreApplication.translate("MainWindow", "About RiskWatch"), text)


def retranslate_menus(w) -> None:
    """Tab, menu and action texts in the current language (in the window's translation context, so each text
    keeps its one catalogue entry)."""
    for view, text in ((w.alert_history, QCoreApplication.translate("MainWindow", "Alert history")), (w.rules_view, QCoreApplication.translate("MainWindow", "Rules")),
                       (w.dashboard, QCoreApplication.translate("MainWindow", "Overview")), (w.positions_view, QCoreApplication.translate("MainWindow", "Positions")),
                       (w.charts_tab, QCoreApplication.translate("MainWindow", "Charts")), (w.liquidity_tab, QCoreApplication.translate("MainWindow", "Liquidity")),
                       (getattr(w, "market_view", None), QCoreApplication.translate("MainWindow", "Market"))):
        if view is not None:
            w.tabs.setTabText(w.tabs.indexOf(view), text)
    if w.menu_alerts is not None:
        w.menu_alerts.setTitle(QCoreApplication.translate("MainWindow", "&Alerts"))
        w.action_alert_window.setText(QCoreApplication.translate("MainWindow", "Show alert &window"))
        w.action_alert_history.setText(QCoreApplication.translate("MainWindow", "Alert &history"))
        if w.rules_view is not None:
            w.action_alert_rules.setText(QCoreApplication.translate("MainWindow", "Alert &rules"))
    for menu, text in ((w.menu_file, QCoreApplication.translate("MainWindow", "&File")), (w.menu_positions, QCoreApplication.translate("MainWindow", "&Positions")),
                       (w.menu_view, QCoreApplication.translate("MainWindow", "&View")), (w.menu_help, QCoreApplication.translate("MainWindow", "&Help"))):
        menu.setTitle(text)
    for action, text in ((w.action_new, QCoreApplication.translate("MainWindow", "&New position…")),
                         (w.action_edit, QCoreApplication.translate("MainWindow", "&Edit position…")),
                         (w.action_delete, QCoreApplication.translate("MainWindow", "&Delete position")),
                         (w.action_import, QCoreApplication.translate("MainWindow", "&Import positions…")),
                         (w.action_export, QCoreApplication.translate("MainWindow", "&Export positions…")),
                         (w.action_remove_example, QCoreApplication.translate("MainWindow", "Remove example portfolio")),
                         (w.action_refresh, QCoreApplication.translate("MainWindow", "&Refresh now")),
                         (w.action_stress, QCoreApplication.translate("MainWindow", "&Stress test…")),
                         (w.action_api_keys, QCoreApplication.translate("MainWindow", "API &keys…")),
                         (w.action_sync, QCoreApplication.translate("MainWindow", "S&ync from exchange…")),
                         (w.action_stop_replay, QCoreApplication.translate("MainWindow", "Leave the replay (back to live)")),
                         (w.action_settings, QCoreApplication.translate("MainWindow", "&Settings…")), (w.action_quit, QCoreApplication.translate("MainWindow", "&Quit")),
                         (w.action_about, QCoreApplication.translate("MainWindow", "&About RiskWatch"))):
        action.setText(text)
    for a in (w.action_api_keys, w.action_sync):
        a.setEnabled(w.account_actions.available)


__all__ = ["build_actions", "build_alert_actions", "retranslate_menus", "show_about", "show_alert_window"]
