"""Starting the desktop app: the window is painted first, then the figures of the store and the bundle, and only
then are the feeds, the report worker and the signal sources built and the first cycle started — so the first
figures never wait for ccxt, the worker process or the network. The objects come from :mod:`riskwatch.app`.
"""

from __future__ import annotations

import logging
import sys

from riskwatch import app, paths
from riskwatch.options import options_of

log = logging.getLogger("riskwatch")


class Desktop:
    """The running desktop app: window, loop thread and (once built) the monitor bridge."""

    def __init__(self, store, window, loop):
        self.store = store
        self.window = window
        self.loop = loop
        self.bridge = None

    def stop(self) -> None:
        if self.bridge is not None:
            self.bridge.stop()
        self.loop.stop()


def launch(args, store, *, language: str | None = None, offline: bool | None = None) -> Desktop:
    """Build and show the main window on ``store``. The window is painted first; then, on the loop thread, the
    figures of the store and the bundle are shown (Monitor.preview), and only then is the monitor with its
    feeds built and started, so the first figures never wait for ccxt, the worker process or the network."""
    from PySide6.QtCore import QObject, QTimer, Signal

    from riskwatch.adapters.clock import SystemClock
    from riskwatch.adapters.loop_thread import LoopThread
    from riskwatch.gui.first_figures import FirstFigures
    from riskwatch.services.positions import seed_example_portfolio

    seed_example_portfolio(store, app.example_positions())
    clock = SystemClock()
    repo, alerts = app.open_alerts(store, clock)
    window = app.create_main_window(store, alerts=alerts, clock=clock, alert_repo=repo, language=language,
                                    accounts=app.build_accounts(store, args))
    app.register_alert_sinks(alerts, window.alert_bridge)
    window.show()
    skipped = store.skipped_rows()
    if skipped:  # damaged stored rows were skipped while the window was filled: say so
        from riskwatch.gui.store_messages import damaged_rows_text

        window.statusBar().showMessage(damaged_rows_text(skipped))
    loop = LoopThread().start()
    desktop = Desktop(store, window, loop)
    if offline is None:
        offline = options_of(args).offline

    class _Ready(QObject):
        built = Signal(object)

    ready = _Ready(window)

    def on_built(monitor) -> None:  # GUI thread
        from types import SimpleNamespace

        from riskwatch.gui.monitor_bridge import MonitorBridge

        if isinstance(monitor, BaseException):
            log.error("could not start monitoring: %s", monitor)
            window.statusBar().showMessage(str(monitor), 10000)
            return
        # changed settings rebuild the market data on the loop thread; they win over --exchange/--exchange-api-url
        bridge = MonitorBridge(loop, monitor, interval_s=window.settings.refresh_interval_s, ops=window.ops,
                               make_market=lambda s: app.build_market_data(store, clock, SimpleNamespace(
                                   options=options_of(args)), s))
        desktop.bridge = bridge
        window.attach_bridge(bridge)
        if getattr(args, "demo", False) or getattr(args, "replay_from", None):
            from riskwatch.gui.replay_controller import request_from_args

            window.start_replay(request_from_args(args, store.portfolio(), app.example_positions))
        else:
            bridge.start()

    ready.built.connect(on_built)
    first = FirstFigures(window)

    async def build():
        computer = None
        # figures first, network second: the feeds (and their timeouts) come after
        await first.show(lambda: app.build_monitor(store, clock, alerts=alerts, store_only=True).preview())
        try:
            computer = app.build_report_computer()
            monitor = app.build_monitor(store, clock, args=args, offline=offline, alerts=alerts,
                                    report_computer=computer)
            loop.add_closer(monitor.aclose)  # the feeds, the report worker and the signal sources, once
        except Exception as exc:  # a broken configuration is a status, not a crash
            if computer is not None:
                await computer.aclose()
            monitor = exc
        ready.built.emit(monitor)

    QTimer.singleShot(0, lambda: loop.submit(build()))
    return desktop


def run_gui(args) -> int:
    from PySide6.QtWidgets import QApplication

    from riskwatch.domain.errors import StoreError

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName(paths.APP_NAME)
    qt_app.setOrganizationName(paths.APP_NAME)
    directory = paths.data_dir(getattr(args, "data_dir", None), options_of(args))
    try:
        app.setup_logging(directory)
    except OSError as exc:  # no log file (e.g. a read-only folder): the store below says what is wrong
        log.warning("no log file in %s: %s", directory, exc)
    store = None
    try:
        store = app.open_store(args)
        desktop = launch(args, store)
    except StoreError as exc:  # locked, full, read-only, damaged: a dialog, never a traceback
        log.error("%s", exc)
        if store is not None:
            store.close()
        from riskwatch.gui.store_messages import show_store_error

        return show_store_error(qt_app, exc, paths.resource("translations"))
    from riskwatch.gui.os_signals import SignalQuitter
    from riskwatch.gui.startup_probe import install_test_hooks

    quitter = SignalQuitter(desktop.window.close)
    install_test_hooks(desktop.window, options_of(args))  # smoke tests and tests/benchmarks/bench_startup.py
    try:
        return qt_app.exec()
    finally:
        quitter.uninstall()
        desktop.stop()
        store.close()
