"""The one place that wires things together: settings, store, feeds, services, GUI."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from riskwatch import paths

log = logging.getLogger("riskwatch")


def open_store(args=None, *, data_dir: str | Path | None = None):
    """Open (creating and migrating if needed) the SQLite store in the data directory."""
    from riskwatch.adapters.sqlite_store import SqliteStore

    directory = paths.data_dir(data_dir or getattr(args, "data_dir", None))
    return SqliteStore.in_dir(directory)


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


def create_main_window(store, *, language: str | None = None):
    """Build the main window on an open store (used by run_gui and by the GUI tests)."""
    from riskwatch.gui.main_window import MainWindow
    from riskwatch.gui.translation import Translator

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    translator = Translator(app, paths.resource("translations"))
    translator.set_language(language or store.get_setting("language", "system") or "system")
    return MainWindow(store, translator=translator, read_rows=read_position_rows, write_positions=write_positions)


def read_position_rows(path: Path):
    from riskwatch.adapters.csv_io import read_position_rows as _read

    return [(r.line, r.position) for r in _read(path)]


def write_positions(path: Path, positions) -> None:
    from riskwatch.adapters.csv_io import positions_to_csv, positions_to_json, write_text_atomic

    text = positions_to_json(positions) if Path(path).suffix.lower() == ".json" else positions_to_csv(positions)
    write_text_atomic(Path(path), text)


def run_gui(args) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from riskwatch.domain.errors import StoreError
    from riskwatch.services.positions import seed_example_portfolio

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
    window = create_main_window(store)
    window.show()
    exit_after = os.environ.get("RISKWATCH_EXIT_AFTER_MS")  # smoke tests and start-up benchmarks
    if exit_after:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(exit_after), window.close)
    try:
        return app.exec()
    finally:
        store.close()
