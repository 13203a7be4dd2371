"""The main window: a thin shell that assembles the views, menus and status bar.

Everything slow runs elsewhere: monitoring cycles on the loop thread (``MonitorBridge``), chart series through
``bridge.run``. The window only reacts to signals carrying immutable results.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QVBoxLayout,
                               QWidget)

from riskwatch import __version__
from riskwatch.domain.errors import RiskWatchError
from riskwatch.domain.model import MINER_SYMBOLS
from riskwatch.gui.alert_bridge import AlertBridge
from riskwatch.gui.dialogs.rule_editor import RulesView
from riskwatch.gui.format import date_text
from riskwatch.gui.theme import ThemeAware, theme
from riskwatch.gui.translation import Retranslatable
from riskwatch.gui.views.alert_history_view import AlertHistoryView
from riskwatch.gui.views.alert_window import AlertWindow
from riskwatch.gui.views.dashboard_view import DashboardView
from riskwatch.gui.views.positions_view import PositionsView
from riskwatch.gui.views.status_bar import StatusPanel
from riskwatch.gui.window_size import MINIMUM, default_size, restore_window, save_window
from riskwatch.services.thresholds import drop_thresholds, traffic_thresholds
from riskwatch.services.settings import load_settings, save_settings

_EXCHANGE_NAMES = {"kraken": "Kraken", "binance": "Binance", "coinbase": "Coinbase", "bitstamp": "Bitstamp"}


class MainWindow(ThemeAware, Retranslatable, QMainWindow):
    def __init__(self, store, *, read_rows, write_positions, translator=None, bridge=None, alerts=None,
                 about_sources: str = "", clock=None, alert_repo=None, restore_default_rules=None,
                 write_alert_csv=None, extra_symbols=(), closes=None, make_replay=None, example_loader=None,
                 accounts=None, parent=None):
        """``read_rows`` / ``write_positions`` are the file adapters and ``bridge`` the MonitorBridge, handed in
        by app.py; ``alerts`` is the AlertService (rules for thresholds, acknowledge …)."""
        super().__init__(parent)
        self._store = store
        self._translator = translator
        self.bridge = bridge
        self.alerts = alerts
        self._about_sources = about_sources
        self._closes = closes              # symbol -> daily closes provider (stress scenarios)
        self._make_replay = make_replay    # -> ReplayService (demo / replay mode)
        self._example_loader = example_loader
        self._accounts = accounts          # (vault, test, sync service) for exchange API keys
        self._replay = None
        self._replay_timer = None
        self._remove_replay_listener = None
        self._clock = clock
        self.last_result = None
        self._charts_dirty = False
        self.setWindowTitle("RiskWatch")
        self.setObjectName("mainWindow")

        self.banner = QFrame()
        self.banner.setObjectName("offlineBanner")
        self.banner_label = QLabel()
        QHBoxLayout(self.banner).addWidget(self.banner_label)
        self.banner.hide()

        self.tabs = QTabWidget()
        self.refresh_theme()  # the tab bar's own style (theme.tab_style) and the banner
        self.dashboard = DashboardView(clock=clock)
        self.positions_view = PositionsView(store, read_rows=read_rows, write_text=write_positions)
        self.positions_view.status_message.connect(self._on_positions_view_status_message)
        self.positions_view.model.positions_changed.connect(self._on_positions_changed)
        self.positions_view.model.modelReset.connect(self._on_positions_changed)
        self.charts_tab = QWidget()  # the chart view (pyqtgraph) is built on first use: keeps the start fast
        QVBoxLayout(self.charts_tab).setContentsMargins(0, 0, 0, 0)
        self._charts = None
        self.tabs.addTab(self.dashboard, "")
        self.tabs.addTab(self.positions_view, "")
        self.tabs.addTab(self.charts_tab, "")
        self.liquidity_tab = QWidget()  # built on first use too (pyqtgraph)
        QVBoxLayout(self.liquidity_tab).setContentsMargins(0, 0, 0, 0)
        self._liquidity_view = None
        self._liquidity_state: dict = {}
        self.tabs.addTab(self.liquidity_tab, "")
        self.tabs.setCurrentWidget(self.dashboard)  # or the tab last used (_restore_geometry)
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
            # the rules tab shows its own confirmation; the status bar would say it twice
            self.tabs.addTab(self.rules_view, "")
        self._build_alert_actions()
        self.bridge = None
        if bridge is not None:
            self.attach_bridge(bridge)
        self.retranslate()
        self.setMinimumSize(MINIMUM)
        self.resize(default_size(self.screen()))
        self._restore_geometry()

    def attach_bridge(self, bridge) -> None:
        """Connect the MonitorBridge (app.py creates it after the first paint)."""
        self.bridge = bridge
        for a in (self.action_api_keys, self.action_sync):
            a.setEnabled(self._accounts is not None)
        self._setup_sync_scheduler()
        liq = getattr(bridge.monitor, "liquidity", None)
        if liq is not None:
            import asyncio

            self._liquidity_state["attach"] = dict(
                fetch_book=lambda sym, ok, err: bridge.run(liq.order_book(sym), ok, err),
                load_history=liq.history_of,
                runner=lambda fn, ok, err: bridge.run(asyncio.to_thread(fn), ok, err))
            if self._liquidity_view is not None:
                self._liquidity_view.attach(**self._liquidity_state["attach"])
        bridge.cycle_finished.connect(self.show_result)
        bridge.busy_changed.connect(self._on_bridge_busy_changed)
        bridge.cycle_failed.connect(self._on_bridge_cycle_failed)
        self.status_panel.cancel_requested.connect(bridge.cancel_current)

    # -- replay -------------------------------------------------------------------------------
    def start_replay(self, args) -> None:
        """Demo / replay mode: ``args.demo`` or ``args.replay_from`` / ``replay_to`` / ``speed``."""
        from riskwatch.services.replay import DEMO_END, DEMO_START

        start = getattr(args, "replay_from", None) or DEMO_START
        end = getattr(args, "replay_to", None) or DEMO_END
        speed = float(getattr(args, "speed", None) or getattr(args, "demo_speed", None) or 1.0)
        portfolio = self._store.portfolio()
        if getattr(args, "demo", False) or not portfolio.positions:
            portfolio = self._example_portfolio(portfolio.base_currency)
        self.replay(portfolio, start, end, speed)

    def _example_portfolio(self, base: str):
        from riskwatch.domain.model import Portfolio, Position

        rows = [p for p in self.positions_view.model.positions() if p.is_example]
        if not rows and self._example_loader is not None:
            rows = self._example_loader()
        return Portfolio(tuple(Position(p.asset, p.quantity, p.cost_basis, p.account, p.note) for p in rows), base)

    def replay(self, portfolio, start, end, speed: float = 1.0) -> None:
        if self._make_replay is None:
            return
        if self.bridge is not None:
            self.bridge.stop()
        self._replay = self._make_replay()
        self._replay.start(portfolio, start, end)
        if self.alert_bridge is not None:
            self._remove_replay_listener = self._replay.alerts.add_listener(self.alert_bridge.listener)
            self.alert_window._service = self._replay.alerts  # acknowledge/snooze act on the replay's alerts
            self.alert_history._service = self._replay.alerts
        self._replay_timer = QTimer(self)
        self._replay_timer.setInterval(max(1, round(1000 / max(speed, 0.01))))
        self._replay_timer.timeout.connect(self._on_replay_timer_timeout)
        self._replay_timer.start()
        self.action_stop_replay.setEnabled(True)
        self._on_replay_timer_timeout()

    @property
    def replaying(self) -> bool:
        return self._replay is not None

    def stop_replay(self) -> None:
        """Leave the replay: back to live data; the live store was never touched."""
        if self._replay is None:
            return
        self._replay_timer.stop()
        if self._remove_replay_listener is not None:
            self._remove_replay_listener()
            self._remove_replay_listener = None
        self._replay.stop()
        self._replay = None
        if self.alert_window is not None:
            self.alert_window._service = self.alerts
            self.alert_history._service = self.alerts
            self.alert_window.refresh()
            self.alert_history.schedule_refresh()
        self.status_panel.set_replay_date(None)
        self.action_stop_replay.setEnabled(False)
        self.last_result = None
        if self.bridge is not None:
            self.bridge.start()

    def _on_replay_timer_timeout(self) -> None:
        step = self._replay.step() if self._replay is not None else None
        if step is None:
            if self._replay_timer is not None:
                self._replay_timer.stop()
            return
        self.show_result(step.result)
        d = step.date
        self.status_panel.set_replay_date(date_text(d))

    # -- exchange accounts --------------------------------------------------------------------
    def open_api_keys(self) -> None:
        from riskwatch.gui.dialogs.api_keys_dialog import ApiKeysDialog

        if self._accounts is None or self.bridge is None:
            return
        vault, test, _ = self._accounts
        self.api_keys_dialog = ApiKeysDialog(vault, test, self.bridge.run, exchange=self.settings.exchange,
                                             parent=self)
        self.api_keys_dialog.exec()

    def open_sync(self, plan=None) -> None:
        from riskwatch.gui.dialogs.sync_dialog import SyncDialog

        if self._accounts is None or self.bridge is None:
            return
        _, _, sync = self._accounts
        ex = self.settings.exchange
        self.sync_dialog = SyncDialog(ex, fetch_plan=lambda: sync.plan(ex), apply=sync.apply, run=self.bridge.run,
                                      plan=plan, parent=self)
        self.sync_dialog.sync_applied.connect(self._on_sync_dialog_sync_applied)
        self.sync_dialog.exec()

    def _setup_sync_scheduler(self) -> None:
        """Optional periodic sync (setting): differences are proposed in the sync dialog, never applied."""
        old = getattr(self, "sync_scheduler", None)
        if old is not None:
            old.stop()
            self.sync_scheduler = None
        minutes = self.settings.account_sync_interval_min
        if not minutes or self._accounts is None or self.bridge is None:
            return
        from riskwatch.gui.dialogs.sync_dialog import SyncScheduler

        _, _, sync = self._accounts
        ex = self.settings.exchange
        self.sync_scheduler = SyncScheduler(ex, lambda: sync.plan(ex), self.bridge.run, interval_s=minutes * 60,
                                            parent=self)
        self.sync_scheduler.changes_found.connect(self._on_sync_scheduler_changes_found)
        self.sync_scheduler.start()

    def _on_sync_scheduler_changes_found(self, plan) -> None:
        if getattr(self, "sync_dialog", None) is not None and self.sync_dialog.isVisible():
            return
        self.open_sync(plan=plan)

    def _on_sync_dialog_sync_applied(self, plan) -> None:
        self.positions_view.model.reload()  # modelReset triggers a refresh
        self.statusBar().showMessage(self.tr("Positions synced from %1.").replace("%1", plan.account), 8000)

    # -- stress -------------------------------------------------------------------------------
    def open_stress_test(self) -> None:
        from riskwatch.gui.dialogs.stress_dialog import StressDialog

        if self.last_result is None:
            self.statusBar().showMessage(self.tr("No figures yet: wait for the first refresh."), 5000)
            return
        rules = self.alerts.rules() if self.alerts is not None else ()
        self.stress_dialog = StressDialog(self.last_result.report, rules, closes=self._closes, parent=self)
        self.stress_dialog.exec()

    @property
    def liquidity_view(self):
        if self._liquidity_view is None:
            from riskwatch.gui.views.liquidity_view import LiquidityView

            view = LiquidityView()
            self.liquidity_tab.layout().addWidget(view)
            self._liquidity_view = view
            st = self._liquidity_state
            if "attach" in st:
                view.attach(**st["attach"])
            if "rules" in st:
                view.set_rules(st["rules"])
            if "values" in st:
                view.set_liquidity(st["values"])
        return self._liquidity_view

    @property
    def charts(self):
        if self._charts is None:
            from riskwatch.gui.views.chart_view import ChartView

            self._charts = ChartView()
            self.charts_tab.layout().addWidget(self._charts)
            self._charts_dirty = True
        return self._charts

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
        self.action_stress = QAction(self, shortcut=QKeySequence("Ctrl+T"), triggered=self.open_stress_test)
        self.action_stop_replay = QAction(self, triggered=self.stop_replay)
        self.action_stop_replay.setEnabled(False)
        self.action_api_keys = QAction(self, triggered=self.open_api_keys)
        self.action_sync = QAction(self, triggered=lambda: self.open_sync())
        self.action_quit = QAction(self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        self.action_about = QAction(self, triggered=self._show_about)
        self.menu_file = self.menuBar().addMenu("")
        self.menu_file.addActions([self.action_import, self.action_export])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_api_keys)
        self.menu_file.addAction(self.action_settings)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_quit)
        self.menu_positions = self.menuBar().addMenu("")
        self.menu_positions.addActions([self.action_new, self.action_edit, self.action_delete, pv.undo_action])
        self.menu_positions.addSeparator()
        self.menu_positions.addAction(self.action_sync)
        self.menu_positions.addSeparator()
        self.menu_positions.addAction(self.action_remove_example)
        self.menu_view = self.menuBar().addMenu("")
        self.menu_view.addAction(self.action_refresh)
        self.menu_view.addAction(self.action_stress)
        self.menu_view.addAction(self.action_stop_replay)
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
        syms = {p.symbol for p in self.positions_view.model.positions()} | set(MINER_SYMBOLS) | {"BTC", "ETH", "QQQ", "USDT", "USDC"}
        syms |= set(self._extra_symbols)
        if self.last_result is not None:
            syms |= set(self.last_result.report.snapshot.assets)
        return sorted(syms)

    def _latest_snapshot(self):
        return self.last_result.report.snapshot if self.last_result is not None else None

    def apply_theme(self) -> None:
        """The window's own style sheets (the views are ThemeAware themselves) after a light/dark switch."""
        t = theme()
        self.banner.setStyleSheet(t.banner_style("offlineBanner", t.error_banner))
        self.tabs.tabBar().setStyleSheet(t.tab_style())
        self.tabs.setPalette(QPalette())  # Qt stops a palette change at the styled tab widget: re-read it

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
        self.tabs.setTabText(self.tabs.indexOf(self.charts_tab), self.tr("Charts"))
        self.tabs.setTabText(self.tabs.indexOf(self.liquidity_tab), self.tr("Liquidity"))
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
        self.action_stress.setText(self.tr("&Stress test…"))
        self.action_api_keys.setText(self.tr("API &keys…"))
        self.action_sync.setText(self.tr("S&ync from exchange…"))
        for a in (self.action_api_keys, self.action_sync):
            a.setEnabled(self._accounts is not None and self.bridge is not None)
        self.action_stop_replay.setText(self.tr("Leave the replay (back to live)"))
        self.action_settings.setText(self.tr("&Settings…"))
        self.action_quit.setText(self.tr("&Quit"))
        self.action_about.setText(self.tr("&About RiskWatch"))
        n = self.positions_view.model.rowCount()
        self.status_label.setText(self.tr("%n position(s)", "", n))
        self._update_banner()

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
        if (new.account_sync_interval_min, new.exchange) != (old.account_sync_interval_min, old.exchange):
            self._setup_sync_scheduler()
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
        self.positions_view.report_shown()
        try:
            from riskwatch.domain.stress import weekend_gap_for_report

            gap = weekend_gap_for_report(result.report, result.closes.get("BTC")) or None
        except Exception:  # an estimate must never break the display
            gap = None
        self.dashboard.show(result.report, result.active, gap)
        if self.alert_window is not None:  # its "Value" is the current value, as on the overview
            self.alert_window.refresh()
        self._liquidity_state["values"] = getattr(result, "liquidity", None) or {}
        if self._liquidity_view is not None:
            self._liquidity_view.set_liquidity(self._liquidity_state["values"])
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
        if self.tabs.currentWidget() is self.charts_tab:
            self._update_charts()

    def _update_banner(self) -> None:
        r = self.last_result
        offline = r is not None and (r.offline or not r.report.snapshot.online) and self._replay is None
        self.banner.setVisible(offline)
        if offline:
            when = r.newest_price_at
            date = "–" if when is None else date_text(when)
            text = self.tr("Offline – prices as of %1").replace("%1", date)
            if "bundle" in r.history_sources.values():
                text += " " + self.tr("(partly from the bundled history)")
            self.banner_label.setText(text)

    def _update_charts(self) -> None:
        charts = self.charts
        if self.last_result is None:
            return
        self._charts_dirty = False
        from riskwatch.services.charts import build_chart_data

        try:
            rules = self.alerts.rules() if self.alerts is not None else ()
        except RiskWatchError as exc:  # e.g. the store is gone while a deferred redraw was pending
            self.statusBar().showMessage(str(exc), 5000)
            rules = ()
        result = self.last_result
        if self.bridge is not None:
            async def build():
                return build_chart_data(result, rules)

            self.bridge.run(build(), charts.set_data, lambda exc: self.statusBar().showMessage(str(exc), 5000))
        else:
            charts.set_data(build_chart_data(result, rules))

    def _apply_thresholds(self) -> None:
        if self.alerts is None:
            return
        try:
            self._apply_thresholds_now()
        except RiskWatchError as exc:
            self.statusBar().showMessage(str(exc), 5000)

    def _apply_thresholds_now(self) -> None:
        self._liquidity_state["rules"] = self.alerts.rules()
        if self._liquidity_view is not None:
            self._liquidity_view.set_rules(self._liquidity_state["rules"])
        assets = {p.symbol: p.asset for p in self.positions_view.model.positions()}
        self.positions_view.model.set_thresholds(traffic_thresholds(drop_thresholds(self.alerts.rules(), assets)),
                                                 default=(None, None))

    # -- slots --------------------------------------------------------------------------------
    def _on_bridge_busy_changed(self, busy: bool) -> None:
        self.status_panel.set_progress(self.tr("Refreshing…") if busy else None)

    def _on_bridge_cycle_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Refresh failed: %1").replace("%1", message), 8000)

    def _on_tabs_current_changed(self, _i: int) -> None:
        if self.tabs.currentWidget() is self.liquidity_tab and self._liquidity_view is None:
            if self.isVisible():
                _ = self.liquidity_view
            else:
                QTimer.singleShot(150, lambda: self.liquidity_view)
        if self.tabs.currentWidget() is self.charts_tab and (self._charts_dirty or self._charts is None):
            if self.isVisible():
                self._update_charts()
            else:  # restored at start-up: build the charts after the window is painted
                QTimer.singleShot(150, self._update_charts)

    def _on_table_double_clicked(self, index) -> None:
        p = self.positions_view.model.position_at(self.positions_view.proxy.mapToSource(index).row())
        if p is not None and self._charts is not None:
            self._charts.select_symbol(p.symbol)

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
        """Window state beside the store it shows: a new ``--data-dir`` must not open on another's last tab."""
        path = getattr(self._store, "path", None)
        if path is None or str(path) == ":memory:":
            return QSettings("RiskWatch", "RiskWatch")
        ini = path.parent / "window.ini"
        if not ini.exists():  # private like the rest of the data folder; Qt keeps the mode when it rewrites
            os.close(os.open(ini, os.O_WRONLY | os.O_CREAT, 0o600))
        return QSettings(str(ini), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        restore_window(self, self.tabs, self._settings_store())

    def closeEvent(self, event) -> None:
        save_window(self, self.tabs, self._settings_store())
        if self._replay is not None:
            self.stop_replay()
        if self._remove_alert_listener is not None:
            self._remove_alert_listener()
            self._remove_alert_listener = None
        if self.alert_window is not None:
            self.alert_window.close()
        if self.bridge is not None:
            self.bridge.stop()
        super().closeEvent(event)
