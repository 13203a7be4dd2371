"""The main window: a thin shell that assembles the views, menus and status bar.

Everything slow runs elsewhere, through the app's OpRunner (``gui/ops.py``): monitoring cycles on the loop
thread (``MonitorBridge``), replay steps (``ReplayController``), chart series, the weekend-gap estimate and
alert-state reads in workers. Changes (settings, positions, rules) are announced on the ChangeHub, and whoever
shows them subscribes there.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from riskwatch.domain.basket_spec import BASKET_CODES
from riskwatch.domain.model import MINER_SYMBOLS
from riskwatch.gui.account_actions import AccountActions
from riskwatch.gui.alert_tabs import build_alert_views
from riskwatch.gui.change_hub import ChangeHub
from riskwatch.gui.dialogs.rule_editor import RulesView
from riskwatch.gui.format import date_text
from riskwatch.gui.lazy_panel import LazyPanel, attach_liquidity, chart_view, liquidity_view
from riskwatch.gui.market_tab import MarketTab
from riskwatch.gui.main_menus import build_actions, build_alert_actions, retranslate_menus
from riskwatch.gui.offline_banner import OfflineBanner
from riskwatch.gui.ops import OpRunner, ShowFailure
from riskwatch.gui.replay_periods import build_replay_menu, retranslate_replay_menu
from riskwatch.gui.replay_controller import ReplayController, ReplayRequest
from riskwatch.gui.result_work import chart_data, weekend_gap
from riskwatch.gui.rule_thresholds import RuleThresholds
from riskwatch.gui.settings_controller import SettingsController, follow_in_status, show_settings
from riskwatch.gui.source_names import show_sources
from riskwatch.gui.theme import ThemeAware, theme
from riskwatch.gui.translation import Retranslatable
from riskwatch.gui.views.dashboard_view import DashboardView
from riskwatch.gui.views.positions_view import PositionsView
from riskwatch.gui.views.status_bar import StatusPanel
from riskwatch.gui.window_ini import window_settings
from riskwatch.gui.window_size import MINIMUM, default_size, restore_tab, restore_window, save_window


class MainWindow(ThemeAware, Retranslatable, QMainWindow):
    def __init__(self, store, *, read_rows, write_positions, bridge=None, alerts=None,
                 about_sources=(), clock=None, alert_repo=None, restore_default_rules=None,
                 write_alert_csv=None, extra_symbols=(), closes=None, make_replay=None, accounts=None,
                 hub: ChangeHub | None = None, ops: OpRunner | None = None,
                 settings: SettingsController | None = None, market_setup=None, read_basket=None,
                 example_positions=None,
                 bundled_source=None, parent=None):
        """``read_rows`` / ``write_positions`` are the file adapters and ``bridge`` the MonitorBridge, handed in
        by app.py; ``alerts`` is the AlertService (rules for thresholds, acknowledge …); ``hub``, ``ops`` and
        ``settings`` the app's ChangeHub, OpRunner and SettingsController (made here when not given);
        ``market_setup``, ``read_basket`` and ``bundled_source`` feed the market tab (``gui/market_tab.py``)."""
        super().__init__(parent)
        self._store = store
        self.hub = hub if hub is not None else ChangeHub()
        self.ops = ops if ops is not None else OpRunner()
        self.settings_controller = settings if settings is not None else SettingsController(store, self.hub)
        for owned in (self.hub, self.ops, self.settings_controller):  # app.py makes them parentless: ours now
            if owned.parent() is None:
                owned.setParent(self)
        self.alerts = alerts
        self.about_sources = about_sources
        self._closes = closes              # symbol -> daily closes provider (stress scenarios)
        self._clock = clock
        self._extra_symbols = tuple(extra_symbols)
        self.last_result = None
        self._gap = None                   # the last weekend-gap estimate (shown until the next one is ready)
        self._charts_dirty = False
        self.setWindowTitle("RiskWatch")
        self.setObjectName("mainWindow")

        self.banner = OfflineBanner()
        self.banner_label = self.banner.label
        self.tabs = QTabWidget()
        self.refresh_theme()  # the tab bar's own style (theme.tab_style) and the banner
        self.dashboard = DashboardView(clock=clock)
        self.positions_view = PositionsView(store, read_rows=read_rows, write_text=write_positions)
        self.positions_view.status_message.connect(self._on_positions_view_status_message)
        self.positions_view.model.positions_changed.connect(self.hub.positions_changed)
        self.positions_view.model.modelReset.connect(self.hub.positions_changed)
        self.charts_tab = LazyPanel(chart_view)  # pyqtgraph: built on first use, keeps the start fast
        self.charts_tab.setObjectName("chartsTab")
        self.charts_tab.built.connect(self._on_charts_tab_built)
        self.liquidity_tab = LazyPanel(liquidity_view)
        self.liquidity_tab.setObjectName("liquidityTab")
        for tab in (self.dashboard, self.positions_view, self.charts_tab, self.liquidity_tab):
            self.tabs.addTab(tab, "")
        self.market = MarketTab(self, setup=market_setup, read_basket=read_basket, bundled_source=bundled_source)
        self.market_view = self.market.view
        self.tabs.setCurrentWidget(self.dashboard)  # or the tab last used (_restore_geometry)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.positions_view.table.doubleClicked.connect(self._on_table_double_clicked)

        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.addWidget(self.banner)
        lay.addWidget(self.banner.stale_note)
        lay.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.status_panel = StatusPanel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.status_panel)
        self.account_actions = AccountActions(accounts, self.ops, window=self)
        self.account_actions.positions_synced.connect(self._on_account_actions_positions_synced)
        build_actions(self)
        build_replay_menu(self, example_positions or tuple)
        show_settings(self.status_panel, self.settings)
        self.alert_bridge = self.alert_window = self.alert_history = self.rules_view = self.menu_alerts = None
        self._remove_alert_listener = None
        if alerts is not None:
            self._remove_alert_listener = build_alert_views(self, alerts, write_alert_csv, self._read_active_alerts,
                                                            self._show_status)
        if alert_repo is not None:
            self.rules_view = RulesView(alert_repo, restore_defaults=restore_default_rules,
                                        known_symbols=self._known_symbols, latest_snapshot=self._latest_snapshot)
            self.rules_view.rules_changed.connect(self.hub.rules_changed)
            # the rules tab shows its own confirmation; the status bar would say it twice
            self.tabs.addTab(self.rules_view, "")
        build_alert_actions(self)
        self.replay = ReplayController(make_replay, self.ops, parent=self, live_alerts=alerts,
                                       alert_listener=self.alert_bridge.listener if self.alert_bridge else None,
                                       alert_views=(self.alert_window, self.alert_history))
        self.replay.running_changed.connect(self.action_stop_replay.setEnabled)
        self.replay.running_changed.connect(self.hub.replay_toggled)
        self.replay.step_finished.connect(self._on_replay_step_finished)
        self.replay.step_failed.connect(self._show_status)
        self.replay.replay_stopped.connect(self._on_replay_replay_stopped)
        self.thresholds = RuleThresholds(alerts, self.hub, dashboard=self.dashboard,
                                         positions_model=self.positions_view.model, liquidity_tab=self.liquidity_tab,
                                         show_status=self._show_status, parent=self)
        self.hub.positions_changed.connect(self._on_hub_positions_changed)
        self.hub.rules_changed.connect(self._on_hub_rules_changed)
        self.hub.settings_changed.connect(follow_in_status(self.status_panel, self._show_status))
        self.hub.settings_changed.connect(self.account_actions.follow_settings)
        self.thresholds.apply()
        self.bridge = None
        if bridge is not None:
            self.attach_bridge(bridge)
        self.retranslate()
        self.setMinimumSize(MINIMUM)
        self.resize(default_size(self.screen()))
        restore_window(self, self.tabs, window_settings(self._store))

    def attach_bridge(self, bridge) -> None:
        """Connect the MonitorBridge (app.py creates it after the first paint)."""
        self.bridge = bridge
        if not self.ops.has_loop:
            self.ops.set_loop(bridge.loop)
        self.account_actions.enabled = True
        for a in (self.action_api_keys, self.action_sync):
            a.setEnabled(self.account_actions.available)
        self.account_actions.configure(self.settings.exchange, self.settings.account_sync_interval_min)
        liq = getattr(bridge.monitor, "liquidity", None)
        if liq is not None:
            self.liquidity_tab.apply("attach", attach_liquidity(self.ops, liq))
        bridge.cycle_finished.connect(self.show_result)
        bridge.busy_changed.connect(self._on_bridge_busy_changed)
        bridge.cycle_failed.connect(self._on_bridge_cycle_failed)
        self.status_panel.cancel_requested.connect(bridge.cancel_current)
        self.hub.settings_changed.connect(bridge.follow_settings)
        self.replay.replay_started.connect(bridge.stop)      # live cycles pause while a replay runs
        self.replay.replay_stopped.connect(bridge.start)

    # -- replay -------------------------------------------------------------------------------
    def start_replay(self, request: ReplayRequest) -> None:
        """Demo / replay mode (``replay_controller.request_from_args`` builds the request from the command line)."""
        self.replay.start(request)

    def restore_last_tab(self) -> None:
        """The tab last used, once every tab is there (app.py adds the balance sheet after the window is built)."""
        restore_tab(self.tabs, window_settings(self._store))

    def portfolio_for_replay(self):
        return self._store.portfolio()

    @property
    def replaying(self) -> bool:
        return self.replay.running

    def stop_replay(self) -> None:
        """Leave the replay: back to live data; the live store was never touched."""
        self.replay.stop()

    def _on_replay_step_finished(self, result, day) -> None:
        self.show_result(result)
        self.status_panel.set_replay_date(date_text(day))

    def _on_replay_replay_stopped(self) -> None:
        if self.alert_window is not None:
            self.alert_window.refresh()
        self.status_panel.set_replay_date(None)
        self.last_result = None

    # -- exchange accounts --------------------------------------------------------------------
    @property
    def sync_scheduler(self):
        return self.account_actions.scheduler

    def _on_account_actions_positions_synced(self, plan) -> None:
        self.positions_view.model.reload()  # modelReset announces the change
        self._show_status(self.tr("Positions synced from %1.").replace("%1", plan.account))

    # -- stress -------------------------------------------------------------------------------
    def open_stress_test(self) -> None:
        from riskwatch.gui.dialogs.stress_dialog import StressDialog

        if self.last_result is None:
            self.statusBar().showMessage(self.tr("No figures yet: wait for the first refresh."), 5000)
            return
        self.stress_dialog = StressDialog(self.last_result.report, self.thresholds.rules(), closes=self._closes,
                                          ops=self.ops, parent=self)
        self.stress_dialog.exec()

    @property
    def liquidity_view(self):
        return self.liquidity_tab.widget()

    @property
    def charts(self):
        return self.charts_tab.widget()

    def _on_charts_tab_built(self, _view) -> None:
        self._charts_dirty = True

    def _known_symbols(self) -> list[str]:
        syms = {p.symbol for p in self.positions_view.model.positions()} | set(MINER_SYMBOLS)
        syms |= {"BTC", "ETH", "QQQ", "USDT", "USDC", *BASKET_CODES} | set(self._extra_symbols)
        if self.last_result is not None:
            syms |= set(self.last_result.report.snapshot.assets)
        return sorted(syms)

    def _latest_snapshot(self):
        return self.last_result.report.snapshot if self.last_result is not None else None

    def apply_theme(self) -> None:
        """The window's own style sheets (the views are ThemeAware themselves) after a light/dark switch."""
        t = theme()
        self.banner.apply_theme()
        self.tabs.tabBar().setStyleSheet(t.tab_style())
        self.tabs.setPalette(QPalette())  # Qt stops a palette change at the styled tab widget: re-read it

    def retranslate(self) -> None:
        retranslate_menus(self)
        retranslate_replay_menu(self)
        self._update_count()
        self._update_banner()

    def _update_count(self) -> None:
        self.status_label.setText(self.tr("%n position(s)", "", self.positions_view.model.rowCount()))
        self._update_banner()

    # -- commands -----------------------------------------------------------------------------
    def refresh_now(self) -> None:
        if self.bridge is not None:
            self.bridge.refresh()

    @property
    def settings(self):
        """The current AppSettings (the SettingsController holds them)."""
        return self.settings_controller.settings

    def open_settings(self) -> None:
        self.settings_controller.edit(self)

    def apply_settings(self, new) -> None:
        """Save ``new`` and announce it on the hub: the next cycle uses it."""
        self.settings_controller.apply(new)

    # -- results ------------------------------------------------------------------------------
    def show_result(self, result) -> None:
        """Show a CycleResult (also used by tests and the replay)."""
        self.last_result = result
        self.positions_view.model.set_report(result.report)
        self.positions_view.report_shown()
        self.dashboard.show(result.report, result.active, self._gap)
        self._estimate_gap(result)
        if self.alert_window is not None:  # its "Value" is the current value, as on the overview
            self.alert_window.refresh()
        liquidity = getattr(result, "liquidity", None) or {}
        self.liquidity_tab.apply("values", lambda view: view.set_liquidity(liquidity))
        show_sources(self.status_panel, result.market, self.settings.exchange)
        now = self._clock.now() if self._clock is not None else datetime.now(timezone.utc)
        self.status_panel.show_figure_times(result.report, result.report.ts or now)
        self.status_panel.set_base_currency(result.report.base_currency)
        self._update_banner()
        self.hub.result_shown.emit(result)
        self._charts_dirty = True
        if self.tabs.currentWidget() is self.charts_tab:
            self._update_charts()

    def _estimate_gap(self, result) -> None:
        def done(gap) -> None:
            if self.last_result is result and gap != self._gap:
                self._gap = gap
                self.dashboard.show(result.report, result.active, gap)

        self.ops.query(self, lambda: weekend_gap(result), done, show_failure=ShowFailure.LOG)

    def _update_banner(self) -> None:
        self.banner.show_result(self.last_result, replaying=self.replay.running)

    def _update_charts(self) -> None:
        charts, result, alerts = self.charts, self.last_result, self.alerts
        if result is None:
            return
        self._charts_dirty = False

        self.ops.query(charts, lambda: chart_data(result, alerts), charts.set_data)

    def _read_active_alerts(self, *_args) -> None:
        if self.alerts is not None:
            alerts = self.alerts
            self.ops.query(self, lambda: tuple(alerts.active_alerts()), self.dashboard.set_active_alerts)

    # -- slots --------------------------------------------------------------------------------
    def _show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _on_bridge_busy_changed(self, busy: bool) -> None:
        self.status_panel.set_progress(self.tr("Refreshing…") if busy else None)

    def _on_bridge_cycle_failed(self, message: str) -> None:
        self._show_status(self.tr("Refresh failed: %1").replace("%1", message))

    def _on_tabs_current_changed(self, _i: int) -> None:
        current = self.tabs.currentWidget()
        if current is self.liquidity_tab and not self.liquidity_tab.is_built:
            if self.isVisible():
                self.liquidity_tab.widget()
            else:
                self.liquidity_tab.build_soon()
        if current is self.charts_tab and (self._charts_dirty or not self.charts_tab.is_built):
            if self.isVisible():
                self._update_charts()
            else:  # restored at start-up: build the charts after the window is painted
                self.charts_tab.build_soon()
                self._charts_dirty = True
                self.charts_tab.apply("update", lambda _view: self._update_charts())

    def _on_table_double_clicked(self, index) -> None:
        p = self.positions_view.model.position_at(self.positions_view.proxy.mapToSource(index).row())
        if p is not None and self.charts_tab.is_built:
            self.charts.select_symbol(p.symbol)

    def _on_hub_rules_changed(self) -> None:  # the thresholds follow the hub themselves
        self._charts_dirty = True
        self.refresh_now()

    def _on_positions_view_status_message(self, message: str) -> None:
        self._show_status(message)
        self._update_count()

    def _on_hub_positions_changed(self) -> None:
        self._update_count()
        self.refresh_now()

    # -- geometry -----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        save_window(self, self.tabs, window_settings(self._store))
        self.replay.stop()
        if self._remove_alert_listener is not None:
            self._remove_alert_listener()
            self._remove_alert_listener = None
        if self.alert_window is not None:
            self.alert_window.close()
        if self.bridge is not None:
            self.bridge.stop()
        super().closeEvent(event)
