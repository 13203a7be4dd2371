"""The one place that wires things together: settings, store, feeds, services, GUI."""

from __future__ import annotations

import logging
import os
import sys
from datetime import timedelta
from pathlib import Path

from riskwatch import paths

log = logging.getLogger("riskwatch")


def open_store(args=None, *, data_dir: str | Path | None = None):
    """Open (creating and migrating if needed) the SQLite store in the data directory."""
    from riskwatch.adapters.sqlite_store import SqliteStore

    directory = paths.data_dir(data_dir or getattr(args, "data_dir", None))
    return SqliteStore.in_dir(directory)


def open_alerts(store, clock):
    """The alert repository and service on an open store; the shipped default rules are seeded once."""
    from riskwatch.adapters.rules_io import load_default_rules
    from riskwatch.adapters.sqlite_alerts import AlertRepository
    from riskwatch.services.alerting import AlertService

    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    return repo, AlertService(repo, clock)


def build_market_data(store, clock, args=None, settings=None):
    """The market-data service with the configured exchange (ccxt is imported lazily, on first use)."""
    from riskwatch.adapters.ccxt_feed import CcxtFeed
    from riskwatch.adapters.equity_feed import YFinanceEquityFeed
    from riskwatch.services.market_data import MarketDataConfig, MarketDataService
    from riskwatch.services.settings import load_settings

    settings = settings or load_settings(store)
    exchange = (getattr(args, "exchange", None) or settings.exchange or "kraken").lower()
    api_url = getattr(args, "exchange_api_url", None) or settings.exchange_api_url or None
    crypto = CcxtFeed(exchange, api_url=api_url, timeout_ms=5000)
    equity = YFinanceEquityFeed(timeout=5.0)
    config = MarketDataConfig(refresh_interval=timedelta(seconds=settings.refresh_interval_s))
    return MarketDataService(store, crypto, equity, clock, config)


def build_monitor(store, clock, *, args=None, offline: bool = False, alerts=None):
    from riskwatch.services.monitor import Monitor
    from riskwatch.services.settings import load_settings

    settings = load_settings(store)
    if alerts is None:
        _repo, alerts = open_alerts(store, clock)
    market = None if offline else build_market_data(store, clock, args, settings)
    return Monitor(store, alerts, clock, market, refresh_s=settings.refresh_interval_s,
                   fallback_closes=bundled_closes)


def bundled_closes(symbol: str):
    """Bundled daily history for a symbol the store has no bars for (None when not bundled)."""
    from riskwatch.adapters.bundle import load_bundled_closes

    return load_bundled_closes(symbol)


def example_positions():
    from riskwatch.adapters.csv_io import read_positions_file

    return read_positions_file(paths.resource("data", "example_portfolio.csv"))


def setup_logging(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(data_dir / "riskwatch.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("riskwatch")
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def create_main_window(store, *, language: str | None = None, bridge=None, alerts=None, clock=None,
                       alert_repo=None):
    """Build the main window on an open store (used by run_gui and by the GUI tests)."""
    from PySide6.QtWidgets import QApplication

    from riskwatch.adapters.bundle import bundled_symbols
    from riskwatch.gui.main_window import MainWindow
    from riskwatch.gui.translation import Translator

    app = QApplication.instance()
    translator = Translator(app, paths.resource("translations"))
    translator.set_language(language or store.get_setting("language", "system") or "system")
    from riskwatch.adapters.csv_io import write_text_atomic
    from riskwatch.adapters.rules_io import load_default_rules

    about = ", ".join(bundled_symbols()) + " (Yahoo Finance, via public GitHub repositories)"
    restore = (lambda: alert_repo.restore_default_rules(load_default_rules())) if alert_repo is not None else None
    return MainWindow(store, translator=translator, read_rows=read_position_rows, write_positions=write_positions,
                      bridge=bridge, alerts=alerts, about_sources=about, clock=clock, alert_repo=alert_repo,
                      restore_default_rules=restore, write_alert_csv=write_text_atomic,
                      extra_symbols=tuple(bundled_symbols()))


def read_position_rows(path: Path):
    from riskwatch.adapters.csv_io import read_position_rows as _read

    return [(r.line, r.position) for r in _read(path)]


def write_positions(path: Path, positions) -> None:
    from riskwatch.adapters.csv_io import positions_to_csv, positions_to_json, write_text_atomic

    text = positions_to_json(positions) if Path(path).suffix.lower() == ".json" else positions_to_csv(positions)
    write_text_atomic(Path(path), text)


def run_gui(args) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from riskwatch.adapters.clock import SystemClock
    from riskwatch.adapters.loop_thread import LoopThread
    from riskwatch.domain.errors import StoreError
    from riskwatch.gui.monitor_bridge import MonitorBridge
    from riskwatch.services.positions import seed_example_portfolio
    from riskwatch.services.settings import load_settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    directory = paths.data_dir(getattr(args, "data_dir", None))
    try:
        setup_logging(directory)
        store = open_store(args)
    except (StoreError, OSError) as exc:
        QMessageBox.critical(None, "RiskWatch", str(exc))
        return 1
    seed_example_portfolio(store, example_positions())
    clock = SystemClock()
    repo, alerts = open_alerts(store, clock)
    loop = LoopThread().start()
    offline = os.environ.get("RISKWATCH_OFFLINE") == "1"
    monitor = build_monitor(store, clock, args=args, offline=offline, alerts=alerts)
    if monitor.market is not None:
        loop.add_closer(monitor.market.close)
    bridge = MonitorBridge(loop, monitor, interval_s=load_settings(store).refresh_interval_s)
    window = create_main_window(store, bridge=bridge, alerts=alerts, clock=clock, alert_repo=repo)
    window.show()
    bridge.start()
    exit_after = os.environ.get("RISKWATCH_EXIT_AFTER_MS")  # smoke tests and start-up benchmarks
    if exit_after:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(exit_after), window.close)
    try:
        return app.exec()
    finally:
        bridge.stop()
        loop.stop()
        store.close()
