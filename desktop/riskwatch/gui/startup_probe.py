"""The desktop app's test hooks: the start-up probe (``RISKWATCH_STARTUP_PROBE``, read by
tests/benchmarks/bench_startup.py) and the timed close (``RISKWATCH_EXIT_AFTER_MS``, smoke tests).

The probe prints one line when the window is first painted and one when it first shows a price-derived figure (a price
in the asset table, not "no price"), each with the wall-clock time and the heavy modules imported by then, so
the benchmark can time "launch -> window" and "launch -> first figures" from outside the process.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer

from riskwatch.gui.models.positions_model import COL_PRICE

HEAVY_MODULES = ("pandas", "pyqtgraph", "ccxt", "yfinance")
NO_FIGURE = "–"  # what a price cell shows without a price (the age column says "no price")


def probe_line(event: str) -> str:
    heavy = [m for m in HEAVY_MODULES if m in sys.modules]
    return f"{event} {time.time():.6f} heavy={','.join(heavy) or '-'}"


def shows_a_figure(window) -> bool:
    """True when some row of the asset table shows a price (the report's figures reached the cells)."""
    model = window.positions_view.model
    for row in range(model.rowCount()):
        item = model.item(row, COL_PRICE)
        if item is not None and item.text() not in ("", NO_FIGURE):
            return True
    return False


def install_startup_probe(window, out: Callable[[str], None] | None = None) -> None:
    """Report ``painted`` once the event loop runs (the window's first paint is done by then) and ``figures``
    once a shown result put a price into the table; a zero-timer lets the repaint it caused happen first."""
    def say(event: str) -> None:
        line = probe_line(event)
        if out is not None:
            out(line)
        else:
            print(line, flush=True)

    state = {"figures": False}

    def check_figures() -> None:
        if not state["figures"] and shows_a_figure(window):
            state["figures"] = True
            window.hub.result_shown.disconnect(on_result_shown)
            say("figures")

    def on_result_shown(_result) -> None:
        QTimer.singleShot(0, check_figures)

    window.hub.result_shown.connect(on_result_shown)
    QTimer.singleShot(0, lambda: say("painted"))


def install_test_hooks(window, options) -> None:
    """The hooks ``options`` (RuntimeOptions) ask for; none in normal use."""
    if options.startup_probe:
        install_startup_probe(window)
    if options.exit_after_ms:
        QTimer.singleShot(options.exit_after_ms, window.close)
