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
        self.delivery = None  # the remote channels' DeliveryService, once the loop thread built it

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
                                    accounts=app.build_accounts(store, args),
                                    autostart=_desktop_integration(args))
    tray, notifications = app.build_tray_and_notifications(window, alerts)
    app.register_alert_sinks(alerts, window.alert_bridge, notifications)
    window.show()
    skipped = store.skipped_rows()
    if skipped:  # damaged stored rows were skipped while the window was filled: say so
        from riskwatch.gui.store_messages import damaged_rows_text

        window.statusBar().showMessage(damaged_rows_text(skipped))
    loop = LoopThread().start()
    desktop = Desktop(store, window, loop)
    from riskwatch.gui.backfill_progress import BackfillProgress

    desktop.backfill_progress = BackfillProgress(window)  # made here: a QObject of the GUI thread
    view = getattr(window, "market_view", None)
    if view is not None and hasattr(view, "set_backfill_progress"):
        desktop.backfill_progress.progressed.connect(view.set_backfill_progress)
    desktop.tray = tray
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
        tray.attach_bridge(bridge)  # pause / resume from the tray menu
        if desktop.delivery is not None:  # the status bar, the delivery log and the settings' channels
            from riskwatch.gui.delivery_status import attach_delivery

            attach_delivery(window, app.build_channel_admin(store, clock, lambda: desktop.delivery),
                            desktop.delivery, bridge)
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
        _start_delivery(desktop, store, clock, alerts, args)
        if not isinstance(monitor, Exception):
            _start_basket_history(desktop, monitor, store)
            if not offline:
                _start_fundamentals(desktop, store, clock, args)
        ready.built.emit(monitor)

    QTimer.singleShot(0, lambda: loop.submit(build()))
    return desktop


def _desktop_integration(args):
    """The settings' "Start at login"; without it (a data folder no menu entry can name) the box is left out."""
    from riskwatch.domain.errors import InputError

    try:
        return app.build_desktop_integration(args)
    except InputError as exc:
        log.warning("no start at login: %s", exc)
        return None


def gui_main(argv: list[str] | None = None) -> int:
    """The ``riskwatch-gui`` entry point (a gui-script: on Windows it runs under pythonw, without a console).

    There ``sys.stdout`` and ``sys.stderr`` are None, and the first print or flush would raise; they go to the
    null device instead (the log file in the data folder keeps what matters). Otherwise the command line's
    ``main``: no sub-command starts the desktop app, options such as ``--demo`` or ``--data-dir`` work as there."""
    import multiprocessing
    import os

    multiprocessing.freeze_support()  # a frozen build's worker process must not re-run the command line
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # open for the rest of the process
    from riskwatch.cli import main

    return main(argv)


def name_application(qt_app):
    """The names the desktop knows the app by; the desktop file name is Wayland's app id and links the windows
    to the menu entry of `riskwatch install-desktop` (its icon and name in the taskbar)."""
    qt_app.setApplicationName(paths.APP_NAME)
    qt_app.setOrganizationName(paths.APP_NAME)
    qt_app.setDesktopFileName(paths.APP_ID)
    return qt_app


def run_gui(args) -> int:
    """The desktop app until its window closes; refused (exit code 1) while another RiskWatch watches the same
    data folder (see adapters/instance_lock.py)."""
    from PySide6.QtWidgets import QApplication

    qt_app = name_application(QApplication.instance() or QApplication(sys.argv[:1]))
    directory = paths.data_dir(getattr(args, "data_dir", None), options_of(args))
    try:
        app.setup_logging(directory)
    except OSError as exc:  # no log file (e.g. a read-only folder): the store below says what is wrong
        log.warning("no log file in %s: %s", directory, exc)
    from riskwatch.adapters.instance_lock import InstanceRunning

    try:
        lock = app.take_instance_lock(directory, "desktop")
    except InstanceRunning as exc:  # a second watcher of one store would deliver every alert twice
        return _refuse_second_instance(qt_app, exc, args)
    try:
        return _run_desktop(qt_app, args)
    finally:
        if lock is not None:
            lock.release()


def _refuse_second_instance(qt_app, exc, args) -> int:
    """The dialog (and a line on stderr) saying which process holds the data folder; exit code 1. It comes before
    any window and its translator, so it is translated like the command line's text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from riskwatch.texts.instance import already_running_text

    text = already_running_text(exc.directory, exc.pid, exc.holder, _ui_language(args))
    log.error("%s", exc)
    print(f"riskwatch: {text}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Warning, paths.APP_NAME, text, QMessageBox.StandardButton.Close)
    after = options_of(args).exit_after_ms
    if after is not None:  # the smoke tests' timed close closes this dialog too
        QTimer.singleShot(after, box.close)
    box.exec()
    return 1


def _ui_language(args) -> str:
    """The language setting of the store (the other instance keeps it open; reading beside it is safe), else the
    system's."""
    from riskwatch.domain.errors import StoreError
    from riskwatch.gui.translation import resolve_language
    from riskwatch.services.settings import load_settings

    choice = "system"
    try:
        store = app.open_store(args)
        try:
            choice = load_settings(store).language
        finally:
            store.close()
    except (StoreError, OSError):
        pass
    return resolve_language(choice)


def _start_delivery(desktop, store, clock, alerts, args) -> None:
    """On the loop thread: the remote channels' delivery on a task of its own (never inside a cycle); the loop's
    shutdown cancels it and closes its connections. Also without a monitor: the outbox may hold rows a
    ``riskwatch check`` queued."""
    import asyncio

    try:
        delivery = app.build_delivery(store, clock, alert_service=alerts, args=args)
    except Exception as exc:  # remote channels are an extra: the window works without them
        log.error("remote alert delivery is off: %s", exc)
        return
    desktop.delivery = delivery
    desktop.delivery_task = asyncio.ensure_future(delivery.run(asyncio.Event()))
    desktop.loop.add_closer(delivery.aclose)


def _start_basket_history(desktop, monitor, store) -> None:
    """On the loop thread: the CD20 constituents' history on a task of its own; its progress reaches the market
    panel's progress bar through a queued Qt signal."""
    import asyncio

    keeper = app.build_basket_history(monitor, store, progress=desktop.backfill_progress.progressed.emit)
    if keeper is None:
        return
    desktop.basket_history = keeper
    desktop.basket_history_task = asyncio.ensure_future(keeper.run(asyncio.Event()))


def _start_fundamentals(desktop, store, clock, args) -> None:
    """On the loop thread: the held miners' company facts refreshed daily from EDGAR, beside the cycles."""
    import asyncio

    from riskwatch.fundamentals_wiring import build_fundamentals_keeper

    try:
        keeper = build_fundamentals_keeper(store, clock, args)
    except Exception as exc:  # the balance sheets are an extra: the window works without them
        log.error("the company facts are not refreshed: %s", exc)
        return
    if keeper is not None:
        desktop.fundamentals = keeper
        desktop.fundamentals_task = asyncio.ensure_future(keeper.run(asyncio.Event()))


def _run_desktop(qt_app, args) -> int:
    from riskwatch.domain.errors import StoreError

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
