"""A tab whose real widget is built on first use (after Frescobaldi's panels): keeps the start fast.

The charts and the liquidity tab import pyqtgraph; building them when the user first opens them saves that
time at start-up. Until then, what the widget should show is remembered per kind (the latest call wins) and
handed over when it is built, so the window does not keep a shadow copy of each view's state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPanel(QWidget):
    #: the real widget, just built
    built = Signal(object)

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self._factory = factory
        self._widget: QWidget | None = None
        self._pending: dict[str, Callable[[Any], Any]] = {}

    @property
    def is_built(self) -> bool:
        return self._widget is not None

    def widget(self) -> QWidget:
        """The real widget, built now if needed."""
        if self._widget is None:
            widget = self._factory()
            self.layout().addWidget(widget)
            self._widget = widget
            pending, self._pending = self._pending, {}
            for apply in pending.values():
                apply(widget)
            self.built.emit(widget)
        return self._widget

    def build_soon(self, delay_ms: int = 150) -> None:
        """Build after the window is painted (a tab restored at start-up)."""
        if self._widget is None:
            QTimer.singleShot(delay_ms, self, self.widget)

    def apply(self, kind: str, fn: Callable[[Any], Any]) -> None:
        """``fn(widget)`` now when built, else when it is built (only the latest ``fn`` of each ``kind``)."""
        if self._widget is not None:
            fn(self._widget)
        else:
            self._pending[kind] = fn


def chart_view() -> QWidget:
    from riskwatch.gui.views.chart_view import ChartView

    return ChartView()


def liquidity_view() -> QWidget:
    from riskwatch.gui.views.liquidity_view import LiquidityView

    return LiquidityView()


def attach_liquidity(ops, collector) -> Callable[[Any], None]:
    """``fn(view)`` that connects a liquidity view to the collector, its network and file reads going through
    ``ops`` (an OpRunner) with the view as their parent."""
    def attach(view) -> None:
        view.attach(fetch_book=lambda sym, ok, err: ops.query(view, collector.order_book(sym), ok, failure=err),
                    load_history=collector.history_of,
                    runner=lambda fn, ok, err: ops.query(view, fn, ok, failure=err))

    return attach


__all__ = ["LazyPanel", "attach_liquidity", "chart_view", "liquidity_view"]
