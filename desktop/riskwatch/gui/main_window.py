"""The main window: a thin shell that assembles the views, menus and status bar.

Everything slow runs elsewhere: monitoring cycles on the loop thread (``MonitorBridge``), chart series through
``bridge.run``. The window only reacts to signals carrying immutable results.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QVBoxLayout,
                               QWidget)

from riskwatch import __version__
from riskwatch.domain.model import MINER_SYMBOLS
from riskwatch.gui.alert_bridge import AlertBridge
from riskwatch.gui.dialogs.rule_editor import RulesView
from riskwatch.gui.views.alert_history_view import AlertHistoryView
from riskwatch.gui.views.alert_window import AlertWindow
from riskwatch.gui.views.chart_view import ChartView
from riskwatch.gui.views.dashboard_view import DashboardView
from riskwatch.gui.views.positions_view import PositionsView
from riskwatch.gui.views.status_bar import StatusPanel
from riskwatch.services.charts import build_chart_data, drop_thresholds, traffic_thresholds
from riskwatch.services.settings import load_settings, save_settings

_EXCHANGE_NAMES = {"kraken": "Kraken", "binance": "Binance", "coinbase": "Coinbase", "bitstamp": "Bitstamp"}


class MainWindow(QMainWindow):
    def __init__(self, store, *, read_rows, write_positions, translator=None, bridge=None, alerts=None,
                 about_sources: str = "", clock=None, alert_repo=None, restore_default_rules=None,
                 write_alert_csv=None, extra_symbols=(), parent=None):
        """``read_rows`` / ``write_positions`` are the file adapters and ``bridge`` the MonitorBridge, handed in
        by app.py; ``alerts`` is the AlertService (rules for thresholds, acknowledge …)."""
        super().__init__(parent)
        self._store = store
        self._translator = translator
        self.bridge = bridge
        self.alerts = alerts
        self._about_sources = about_sources
        self._clock = clock
        self.last_result = None
        self._charts_dirty = False
        self.setWindowTitle("RiskWatch")
        self.setObjectName("mainWindow")

        self.banner = QFrame()
        self.banner.setObjectName("offlineBanner")
        self.banner.setStyleSheet("#offlineBanner { background: #fde2e1; border: 1px solid #e8a09c; "
                                  "border-radius: 4px; } QLabel { color: #6b0f0a; }")
        self.banner_label = QLabel()
        QHBoxLayout(self.banner).addWidget(self.banner_label)
        self.banner.hide()

        self.tabs = QTabWidget()
        self.dashboard = DashboardView()
        self.positions_view = PositionsView(store, read_rows=read_rows, write_text=write_positions)
        self.positions_view.status_message.connect(self._on_positions_view_status_message)
        self.positions_view.model.positions_changed.connect(self._on_positions_changed)
        self.positions_view.model.modelReset.connect(self._on_positions_changed)
        self.charts = ChartView()
        self.tabs.addTab(self.dashboard, "")
        self.tabs.addTab(self.positions_view, "")
        self.tabs.addTab(self.charts, "")
        self.tabs.setCurrentWidget(self.positions_view)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.positions_view.table.doubleClicked.connect(self._on_table_double_clicked)

        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.addWidget(self.banner)
        lay.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.status_panel = StatusPanel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.status_panel)
        self._build_actions()
        self.settings = load_settings(store)
        self.status_panel.set_base_currency(self.settings.base_currency)
        self.status_panel.set_sources(crypto=(_EXCHANGE_NAMES.get(self.settings.exchange, self.settings.exchange),
                                              "unknown"))
        self._apply_thresholds()
        self.alert_bridge = self.alert_window = self.alert_history = self.rules_view = self.menu_alerts = None
        self._remove_alert_listener = None
        self._extra_symbols = tuple(extra_symbols)
        if alerts is not None:
            self.alert_bridge = AlertBridge(self)
            self._remove_alert_listener = alerts.add_listener(self.alert_bridge.listener)
            self.alert_window = AlertWindow(alerts, notify_tray=self.settings.tray_notifications,
                                            play_sound=self.settings.alert_sound, parent=self)
            self.alert_history = AlertHistoryView(alerts, write_text=write_alert_csv)
            self.alert_bridge.alerts_raised.connect(self.alert_window.show_events)
            self.alert_bridge.alerts_raised.connect(self.alert_history.show_events)
            self.alert_bridge.alerts_raised.connect(self._on_alert_bridge_alerts_raised)
            self.alert_window.attention_count_changed.connect(self._on_alert_window_attention_count_changed)
            self.alert_history.status_message.connect(self._on_alert_history_status_message)
            self.tabs.addTab(self.alert_history, "")
        if alert_repo is not None:
            self.rules_view = RulesView(alert_repo, restore_defaults=restore_default_rules,
                                        known_symbols=self._known_symbols, latest_snapshot=self._latest_snapshot)
            self.rules_view.rules_changed.connect(self._on_rules_view_rules_changed)
            self.rules_view.status_message.connect(self._on_alert_history_status_message)
            self.tabs.addTab(self.rules_view, "")
        self._build_alert_actions()
        if bridge is not None:
            bridge.cycle_finished.connect(self._on_bridge_cycle_finished)
            bridge.busy_changed.connect(self._on_bridge_busy_changed)
            bridge.cycle_failed.connect(self._on_bridge_cycle_failed)
            self.status_panel.cancel_requested.connect(bridge.stop)
        self.retranslate()
        self.resize(1180, 680)
        self._restore_geometry()

    # -- actions ------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        pv = self.positions_view
        self.action_new = QAction(self, shortcut=QKeySequence("Ctrl+N"), triggered=pv.add_position)
        self.action_edit = QAction(self, shortcut=QKeySequence("Ctrl+E"), triggered=pv.edit_selected)
        self.action_delete = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Delete),
                                     triggered=lambda: pv.delete_selected())
        self.action_import = QAction(self, shortcut=QKeySequence("Ctrl+I"), triggered=lambda: pv.import_file())
        self.action_export = QAction(self, triggered=lambda: pv.export_file())
        self.action_remove_example = QAction(self, triggered=pv.remove_example)
        self.action_refresh = QAction(self, shortcut=QKeySequence("F5"), triggered=self.refresh_now)
        self.action_settings = QAction(self, shortcut=QKeySequence("Ctrl+,"), triggered=self.open_settings)
        self.action_quit = QAction(self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        self.action_about = QAction(self, triggered=self._show_about)
        self.menu_file = self.menuBar().addMenu("")
        self.menu_file.addActions([self.action_import, self.action_export])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_settings)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_quit)
        self.menu_positions = self.menuBar().addMenu("")
        self.menu_positions.addActions([self.action_new, self.action_edit, self.action_delete])
        self.menu_positions.addSeparator()
        self.menu_positions.addAction(self.action_remove_example)
        self.menu_view = self.menuBar().addMenu("")
        self.menu_view.addAction(self.action_refresh)
        self.menu_help = self.menuBar().addMenu("")
        self.menu_help.addAction(self.action_about)
        self.positions_view.table.addAction(self.action_delete)

    def _build_alert_actions(self) -> None:
        if self.alert_window is None:
            return
        self.action_alert_window = QAction(self, shortcut=QKeySequence("Ctrl+Shift+A"),
                                           triggered=self._show_alert_window)
        self.action_alert_history = QAction(self, shortcut=QKeySequence("Ctrl+Shift+H"),
                                            triggered=lambda: self.tabs.setCurrentWidget(self.alert_history))
        self.menu_alerts = QMenu(self)
        self.menuBar().insertMenu(self.menu_help.menuAction(), self.menu_alerts)
        self.menu_alerts.addActions([self.action_alert_window, self.action_alert_history])
        if self.rules_view is not None:
            self.action_alert_rules = QAction(self, shortcut=QKeySequence("Ctrl+Shift+R"),
                                              triggered=lambda: self.tabs.setCurrentWidget(self.rules_view))
            self.menu_alerts.addAction(self.action_alert_rules)

    def _show_alert_window(self) -> None:
        self.alert_window.refresh()
        self.alert_window.show()
        self.alert_window.raise_()
        self.alert_window.activateWindow()

    def _known_symbols(self) -> list[str]:
        syms = {p.symbol for p in self.positions_view.model.positions()} | set(MINER_SYMBOLS) | {"BTC", "ETH", "QQQ"}
        syms |= set(self._extra_symbols)
        if self.last_result is not None:
            syms |= set(self.last_result.report.snapshot.assets)
        return sorted(syms)

    def _latest_snapshot(self):
        return self.last_result.report.snapshot if self.last_result is not None else None

    def retranslate(self) -> None:
        if self.alert_history is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.alert_history), self.tr("Alert history"))
        if self.rules_view is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.rules_view), self.tr("Rules"))
        if self.menu_alerts is not None:
            self.menu_alerts.setTitle(self.tr("&Alerts"))
            self.action_alert_window.setText(self.tr("Show alert &window"))
            self.action_alert_history.setText(self.tr("Alert &history"))
            if self.rules_view is not None:
                self.action_alert_rules.setText(self.tr("Alert &rules"))
        self.tabs.setTabText(self.tabs.indexOf(self.dashboard), self.tr("Overview"))
        self.tabs.setTabText(self.tabs.indexOf(self.positions_view), self.tr("Positions"))
        self.tabs.setTabText(self.tabs.indexOf(self.charts), self.tr("Charts"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_positions.setTitle(self.tr("&Positions"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.action_new.setText(self.tr("&New position…"))
        self.action_edit.setText(self.tr("&Edit position…"))
        self.action_delete.setText(self.tr("&Delete position"))
        self.action_import.setText(self.tr("&Import positions…"))
        self.action_export.setText(self.tr("&Export positions…"))
        self.action_remove_example.setText(self.tr("Remove example portfolio"))
        self.action_refresh.setText(self.tr("&Refresh now"))
        self.action_settings.setText(self.tr("&Settings…"))
        self.action_quit.setText(self.tr("&Quit"))
        self.action_about.setText(self.tr("&About RiskWatch"))
        n = self.positions_view.model.rowCount()
        self.status_label.setText(self.tr("%n position(s)", "", n))
        self._update_banner()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- commands -----------------------------------------------------------------------------
    def refresh_now(self) -> None:
        if self.bridge is not None:
            self.bridge.refresh()

    def open_settings(self) -> None:
        from riskwatch.gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() and dialog.result_settings() is not None:
            self.apply_settings(dialog.result_settings())

    def apply_settings(self, new) -> None:
        old = self.settings
        save_settings(self._store, new)
        self.settings = new
        if new.language != old.language and self._translator is not None:
            self._translator.set_language(new.language)
        if self.bridge is not None and new.refresh_interval_s != old.refresh_interval_s:
            self.bridge.set_interval(new.refresh_interval_s)
        if self.alert_window is not None:
            self.alert_window.set_notifications(tray=new.tray_notifications, sound=new.alert_sound)
        self.status_panel.set_base_currency(new.base_currency)
        self.status_panel.set_sources(crypto=(_EXCHANGE_NAMES.get(new.exchange, new.exchange), "unknown"))
        if (new.exchange, new.exchange_api_url, new.base_currency) != (old.exchange, old.exchange_api_url,
                                                                      old.base_currency):
            self.statusBar().showMessage(self.tr("Settings saved. The new exchange or base currency is used from "
                                                 "the next refresh."), 8000)
            if self.bridge is not None and hasattr(self.bridge, "reconfigure"):
                self.bridge.reconfigure(new)
            self.refresh_now()

    def _show_about(self) -> None:
        text = self.tr("<b>RiskWatch %1</b><p>A local risk monitor for Bitcoin and bitcoin-miner stocks.</p>"
                       "<p>Your data stays on this computer.</p>").replace("%1", __version__)
        if self._about_sources:
            text += "<p>" + self.tr("Bundled price history for offline use: %1").replace(
                "%1", self._about_sources) + "</p>"
        QMessageBox.about(self, self.tr("About RiskWatch"), text)

    # -- results ------------------------------------------------------------------------------
    def show_result(self, result) -> None:
        """Show a CycleResult (also used by tests and the replay)."""
        self.last_result = result
        self.positions_view.model.set_report(result.report)
        self.dashboard.set_report(result.report)
        self.dashboard.set_active_alerts(result.active)
        market = result.market
        if market is not None:
            crypto = [s for n, s in market.sources.items() if n != "equity" and not n.startswith("yfinance")]
            equity = [s for n, s in market.sources.items() if n == "equity" or n.startswith("yfinance")]
            if crypto:
                st = str(getattr(crypto[0].state, "value", crypto[0].state))
                self.status_panel.set_sources(crypto=(_EXCHANGE_NAMES.get(self.settings.exchange,
                                                                          self.settings.exchange), st))
            if equity:
                self.status_panel.set_sources(equity=("Yahoo Finance",
                                                      str(getattr(equity[0].state, "value", equity[0].state))))
        else:
            self.status_panel.set_sources(crypto=(_EXCHANGE_NAMES.get(self.settings.exchange, "Kraken"), "offline"),
                                          equity=("Yahoo Finance", "offline"))
        now = self._clock.now() if self._clock is not None else datetime.now(timezone.utc)
        self.status_panel.set_newest_price(result.newest_price_at, result.report.ts or now)
        self.status_panel.set_base_currency(result.report.base_currency)
        self._update_banner()
        self._charts_dirty = True
        if self.tabs.currentWidget() is self.charts:
            self._update_charts()

    def _update_banner(self) -> None:
        r = self.last_result
        offline = r is not None and (r.offline or not r.report.snapshot.online)
        self.banner.setVisible(offline)
        if offline:
            when = r.newest_price_at
            date = "–" if when is None else (when.strftime("%d.%m.%Y") if self.locale().decimalPoint() == ","
                                             else when.strftime("%Y-%m-%d"))
            text = self.tr("Offline – prices as of %1").replace("%1", date)
            if "bundle" in r.history_sources.values():
                text += " " + self.tr("(partly from the bundled history)")
            self.banner_label.setText(text)

    def _update_charts(self) -> None:
        if self.last_result is None:
            return
        self._charts_dirty = False
        rules = self.alerts.rules() if self.alerts is not None else ()
        result = self.last_result
        if self.bridge is not None:
            async def build():
                return build_chart_data(result, rules)

            self.bridge.run(build(), self.charts.set_data, lambda exc: self.statusBar().showMessage(str(exc), 5000))
        else:
            self.charts.set_data(build_chart_data(result, rules))

    def _apply_thresholds(self) -> None:
        if self.alerts is None:
            return
        assets = {p.symbol: p.asset for p in self.positions_view.model.positions()}
        self.positions_view.model.set_thresholds(traffic_thresholds(drop_thresholds(self.alerts.rules(), assets)),
                                                 default=(None, None))

    # -- slots --------------------------------------------------------------------------------
    def _on_bridge_cycle_finished(self, result) -> None:
        self.show_result(result)

    def _on_bridge_busy_changed(self, busy: bool) -> None:
        self.status_panel.set_progress(self.tr("Refreshing…") if busy else None)

    def _on_bridge_cycle_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Refresh failed: %1").replace("%1", message), 8000)

    def _on_tabs_current_changed(self, _i: int) -> None:
        if self.tabs.currentWidget() is self.charts and self._charts_dirty:
            self._update_charts()

    def _on_table_double_clicked(self, index) -> None:
        p = self.positions_view.model.position_at(self.positions_view.proxy.mapToSource(index).row())
        if p is not None:
            self.charts.select_symbol(p.symbol)

    def _on_alert_bridge_alerts_raised(self, _events) -> None:
        self.dashboard.set_active_alerts(tuple(self.alerts.active_alerts()))

    def _on_alert_window_attention_count_changed(self, _n: int) -> None:
        if self.alerts is not None:
            self.dashboard.set_active_alerts(tuple(self.alerts.active_alerts()))

    def _on_alert_history_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _on_rules_view_rules_changed(self) -> None:
        self._apply_thresholds()
        self._charts_dirty = True
        if self.bridge is not None:
            self.bridge.refresh()

    def _on_positions_view_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        self.status_label.setText(self.tr("%n position(s)", "", self.positions_view.model.rowCount()))

    def _on_positions_changed(self) -> None:
        self.status_label.setText(self.tr("%n position(s)", "", self.positions_view.model.rowCount()))
        self._apply_thresholds()
        if self.bridge is not None:
            self.bridge.refresh()

    # -- geometry -----------------------------------------------------------------------------
    def _settings_store(self) -> QSettings:
        return QSettings("RiskWatch", "RiskWatch")

    def _restore_geometry(self) -> None:
        s = self._settings_store()
        geometry = s.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = s.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        tab = s.value("main_window/tab")
        if tab is not None:
            self.tabs.setCurrentIndex(int(tab))

    def closeEvent(self, event) -> None:
        s = self._settings_store()
        s.setValue("main_window/geometry", self.saveGeometry())
        s.setValue("main_window/state", self.saveState())
        s.setValue("main_window/tab", self.tabs.currentIndex())
        if self._remove_alert_listener is not None:
            self._remove_alert_listener()
            self._remove_alert_listener = None
        if self.alert_window is not None:
            self.alert_window.close()
        if self.bridge is not None:
            self.bridge.stop()
        super().closeEvent(event)
