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
            name = window.tabs.tabText(i).replace("&", "").replace(" ", "_").lower()
            path = out / f"{'dark_' if dark else ''}{lang}_{i}_{name}.png"
            window.grab().save(str(path))
            written.append(path)
        written += _market_replay_days(app, rwapp, store, window, out, f"{'dark_' if dark else ''}{lang}")
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


if __name__ == "__main__":
    sys.exit(main(sys.argv))
