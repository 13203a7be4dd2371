"""Write PNGs of every tab of the main window in German and English, for a person to look at.

    python tools/screenshots.py [--dark] [OUT_DIR]   (default: ./screenshots; offscreen, no network)

``--dark`` renders with a dark Fusion palette (as on a dark desktop theme); the files are named ``dark_*.png``.

Uses a throw-away data directory with the example portfolio, evaluated offline from the bundled history; the
market tab also during replay days of the bundled history (FTX on 2022-11-10, the USDC depeg on 2023-03-11).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    dark = "--dark" in argv[1:]
    rest = [a for a in argv[1:] if a != "--dark"]
    out = Path(rest[0]) if rest else Path("screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if dark:
        from riskwatch.gui.theme import dark_palette

        QApplication.setStyle("Fusion")
        QApplication.setPalette(dark_palette())
    from riskwatch import app as rwapp
    from riskwatch.adapters.clock import SystemClock
    from riskwatch.services.positions import seed_example_portfolio

    data = Path(tempfile.mkdtemp(prefix="riskwatch-shots-"))
    store = rwapp.open_store(data_dir=data)
    seed_example_portfolio(store, rwapp.example_positions())
    clock = SystemClock()
    _repo, alerts = rwapp.open_alerts(store, clock)
    monitor = rwapp.build_monitor(store, clock, offline=True, alerts=alerts)
    result = monitor.evaluate(store.portfolio(), None, offline=True)
    written = []
    for lang in ("de", "en"):
        window = rwapp.create_main_window(store, language=lang, alerts=alerts, clock=clock, alert_repo=_repo)
        _attach_balance(window, store)
        window.resize(1280, 720)
        window.show()
        window.show_result(result)
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            for _ in range(5):
                app.processEvents()
            if window.tabs.currentWidget() is window.liquidity_tab:
                _ = window.liquidity_view
                app.processEvents()
            if window.tabs.currentWidget() is window.charts_tab:
                window.charts.redraw()
                app.processEvents()
            if window.tabs.currentWidget() is _balance_panel(window):
                _show_balance(app, window, "CLSK")
            name = window.tabs.tabText(i).replace("&", "").replace(" ", "_").lower()
            path = out / f"{'dark_' if dark else ''}{lang}_{i}_{name}.png"
            window.grab().save(str(path))
            written.append(path)
        written += _market_replay_days(app, rwapp, store, window, out, f"{'dark_' if dark else ''}{lang}")
        written += _balance_replay_day(app, rwapp, store, window, out, f"{'dark_' if dark else ''}{lang}")
        window.close()
    store.close()
    for p in written:
        print(p)
    return 0


REPLAY_DAYS = (date(2022, 11, 10), date(2023, 3, 11))


def _market_replay_days(app, rwapp, store, window, out: Path, prefix: str) -> list[Path]:
    """The market tab on each of REPLAY_DAYS, as a replay step shows it."""
    service = rwapp.make_replay_service(store)
    written = []
    for day in REPLAY_DAYS:
        result = [res for _day, res in service.run(store.portfolio(), day, day)][-1]
        window.show_result(result)
        window.tabs.setCurrentWidget(window.market_view)
        for _ in range(5):
            app.processEvents()
        path = out / f"{prefix}_market_replay_{day.isoformat()}.png"
        window.grab().save(str(path))
        written.append(path)
    return written


BALANCE_DAY = date(2025, 9, 1)   # CLSK's 10-Q of June 2025 is current then (today it is stale: greyed)
CLSK_FACTS = Path(__file__).resolve().parents[1] / "tests" / "data" / "fundamentals" / "clsk_companyfacts.json"


def _attach_balance(window, store) -> None:
    """The balance-sheet tab (until app.py attaches it itself), with the real CleanSpark facts cached."""
    from datetime import datetime, timezone

    from riskwatch.fundamentals_wiring import attach_balance_tab, fundamentals_repository

    if getattr(window, "balance_tab", None) is None:
        attach_balance_tab(window, store)
    repo = fundamentals_repository(store)
    if CLSK_FACTS.exists() and repo.cached("CLSK") is None:
        repo.save_companyfacts("CLSK", "0000827876", CLSK_FACTS.read_text(encoding="utf-8"),
                               datetime.now(timezone.utc), "0000827876-25-000005")


def _balance_panel(window):
    tab = getattr(window, "balance_tab", None)
    return tab.panel if tab is not None else None


def _show_balance(app, window, symbol: str) -> None:
    import time

    view = window.balance_tab.view
    view.select(symbol)
    deadline = time.monotonic() + 5
    while (view._data is None or view._data.symbol != symbol) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def _balance_replay_day(app, rwapp, store, window, out: Path, prefix: str) -> list[Path]:
    """The balance-sheet tab of CLSK on BALANCE_DAY, as a replay step shows it."""
    if _balance_panel(window) is None:
        return []
    service = rwapp.make_replay_service(store)
    window.show_result([res for _day, res in service.run(store.portfolio(), BALANCE_DAY, BALANCE_DAY)][-1])
    window.tabs.setCurrentWidget(_balance_panel(window))
    _show_balance(app, window, "CLSK")
    path = out / f"{prefix}_balance_replay_{BALANCE_DAY.isoformat()}.png"
    window.grab().save(str(path))
    return [path]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
