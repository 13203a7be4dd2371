"""The two charts of the "Liquidität" tab: the depth profile of one order book and the stored history of one
signal. Both draw what :class:`~riskwatch.gui.views.liquidity_view.LiquidityView` hands them; neither fetches.

The order-book panel never shows an exception's text (it may hold a URL): a failed fetch is shown by its
kind (exchange not reachable, rate-limited, no such market, invalid book), the detail goes to the log.
Axes speak the UI language (:mod:`riskwatch.gui.chart_axes`); the history's x-axis is a date/time axis.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited
from riskwatch.gui.alert_text import arg
from riskwatch.gui.chart_axes import LocaleNumberAxis, locale_axes
from riskwatch.gui.format import money_text, number_text
from riskwatch.gui.theme import theme
from riskwatch.gui.translation import Retranslatable

log = logging.getLogger(__name__)

DEPTH_BAND = 0.02   # the depth chart shows levels within ±2 % of mid
MIN_HISTORY_SPAN = 2 * 3600.0   # seconds: a single stored value is shown within ±1 hour, not ±0.5 s

UNREACHABLE, RATE_LIMITED, NO_MARKET, INVALID_BOOK, UNKNOWN = (
    "unreachable", "rate_limited", "no_market", "invalid_book", "unknown")
# Names of library errors that might slip past an adapter (matched by name: the GUI never imports ccxt).
_NAME_KINDS = {"RateLimitExceeded": RATE_LIMITED, "DDoSProtection": RATE_LIMITED, "BadSymbol": NO_MARKET,
               "ExchangeNotAvailable": UNREACHABLE, "NetworkError": UNREACHABLE, "RequestTimeout": UNREACHABLE,
               "OnMaintenance": UNREACHABLE, "InvalidOrderBook": INVALID_BOOK, "BadResponse": INVALID_BOOK}


def book_error_kind(exc: BaseException) -> str:
    """What went wrong fetching a book, as one of the kinds the panel has words for."""
    code = getattr(exc, "code", None)
    if isinstance(exc, RateLimited) or code == "rate_limited":
        return RATE_LIMITED
    if isinstance(exc, BadSymbol) or code in ("bad_symbol", "no_market"):
        return NO_MARKET
    if isinstance(exc, InvalidData) or code == "malformed":
        return INVALID_BOOK
    for cls in type(exc).__mro__:
        if cls.__name__ in _NAME_KINDS:
            return _NAME_KINDS[cls.__name__]
    if isinstance(exc, (DataUnavailable, OSError, TimeoutError)):
        return UNREACHABLE
    return UNKNOWN


def depth_profile(bids, asks, band: float = DEPTH_BAND) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """Cumulative depth against the distance from mid: ``(bid_x, bid_cum, ask_x, ask_cum, mid)``.

    ``x`` is the level's distance from mid as a fraction (bids negative); ``cum`` the quote money resting from
    the best level up to that one. Levels beyond ``band`` are left out. Empty sides give empty arrays.
    """
    b, a = _levels(bids), _levels(asks)
    if len(b) and len(a):
        mid = 0.5 * (float(b[0, 0]) + float(a[0, 0]))
    else:
        mid = float(b[0, 0]) if len(b) else (float(a[0, 0]) if len(a) else math.nan)
    out = []
    for side in (b, a):
        if not len(side) or not math.isfinite(mid) or mid <= 0:
            out += [np.empty(0), np.empty(0)]
            continue
        x = side[:, 0] / mid - 1.0
        cum = np.cumsum(side[:, 0] * side[:, 1])
        keep = np.abs(x) <= band + 1e-12
        out += [x[keep], cum[keep]]
    return out[0], out[1], out[2], out[3], mid


def _levels(rows) -> np.ndarray:
    """Rows of (price, size[, ...]) as an (n, 2) float array; extra columns are dropped."""
    arr = np.asarray(rows if rows is not None else (), dtype=float)
    if arr.size == 0:
        return np.empty((0, 2))
    return arr.reshape(arr.shape[0], -1)[:, :2]


class BookPanel(Retranslatable, QWidget):
    """Title, load button, status line and depth chart of one order book."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._state: tuple = ("empty",)
        self._symbol: str | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.button = QPushButton()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.plot = pg.PlotWidget(axisItems={"bottom": LocaleNumberAxis("bottom"), "left": LocaleNumberAxis("left")})
        for side in ("bottom", "left"):  # percent and money: no "x0.001" SI prefixes on the axes
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.plot.setObjectName("depthPlot")
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.legend = self.plot.addLegend(offset=(10, 5))
        self.bid_curve = self.plot.plot([], [], pen=pg.mkPen(theme().series[2], width=2), fillLevel=0, brush=(44, 160, 44, 50))
        self.ask_curve = self.plot.plot([], [], pen=pg.mkPen(theme().series[1], width=2), fillLevel=0, brush=(214, 39, 40, 50))
        self.mid_line = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(theme().muted, style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.mid_line)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.button)
        lay.addLayout(head)
        lay.addWidget(self.status)
        lay.addWidget(self.plot, 1)
        self.retranslate()

    # -- states ---------------------------------------------------------------------------------------------
    def show_empty(self, symbol: str | None) -> None:
        self._symbol, self._state = symbol, ("empty",)
        self._render()

    def show_loading(self, symbol: str) -> None:
        self._symbol, self._state = symbol, ("loading",)
        self._render()

    def show_error(self, symbol: str | None, exc: BaseException) -> None:
        """A failed fetch, in words by kind; the exception's text (it may name a URL) only goes to the log."""
        log.warning("order book of %s not available: %s: %s", symbol, type(exc).__name__, exc)
        self._symbol, self._state = symbol, ("error", book_error_kind(exc))
        self._render()

    def show_book(self, symbol: str | None, book) -> None:
        self._symbol, self._state = symbol, ("book", book)
        self._render()

    def error_text(self, kind: str) -> str:
        return {UNREACHABLE: self.tr("Order book unavailable: exchange not reachable"),
                RATE_LIMITED: self.tr("Order book unavailable: the exchange asks to slow down (rate limit)"),
                NO_MARKET: self.tr("Order book unavailable: no such market on this exchange"),
                INVALID_BOOK: self.tr("Order book unavailable: the exchange sent an invalid order book"),
                }.get(kind, self.tr("Order book unavailable"))

    # -- drawing --------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.button.setText(self.tr("Load order book"))
        self.plot.setLabel("bottom", self.tr("Distance from the mid price (%)"))
        self.plot.setLabel("left", arg(self.tr("Cumulative depth (%1)"), "USD"))
        self._render()

    def _render(self) -> None:
        symbol, state = self._symbol, self._state
        self.title.setText(arg(self.tr("Order book depth: %1"), symbol) if symbol else self.tr("Order book depth"))
        if state[0] == "loading":
            self.status.setText(arg(self.tr("Loading the order book of %1…"), symbol))
            return
        if state[0] != "book":
            self.status.setText(self.error_text(state[1]) if state[0] == "error"
                                else self.tr("Select a crypto asset to see its order book."))
            self.bid_curve.setData([], [])
            self.ask_curve.setData([], [])
            return
        book = state[1]
        bx, bc, ax, ac, mid = depth_profile(book.bids, book.asks)
        self.bid_curve.setData(bx * 100.0, bc)
        self.ask_curve.setData(ax * 100.0, ac)
        self.legend.clear()
        self.legend.addItem(self.bid_curve, self.tr("Bids (buy orders)"))
        self.legend.addItem(self.ask_curve, self.tr("Asks (sell orders)"))
        spread = (ax[0] - bx[0]) * 1e4 if len(ax) and len(bx) else None
        spread_text = arg(self.tr("%1 bp"), number_text(spread, 1)) if spread is not None else "–"
        self.status.setText(arg(self.tr("Mid price %1, spread %2"),
                                money_text(mid, "USD") if math.isfinite(mid) else "–", spread_text))


class HistoryPanel(Retranslatable, QWidget):
    """Title, status line and the date/time chart of one signal's stored history with its thresholds."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._state: tuple = ("none",)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.plot = pg.PlotWidget(axisItems=locale_axes())
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.setObjectName("historyPlot")
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.curve = self.plot.plot([], [], pen=pg.mkPen(theme().series[0], width=2), connect="finite")
        self.threshold_lines: list[pg.InfiniteLine] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.status)
        lay.addWidget(self.plot, 1)
        self.retranslate()

    def show_nothing(self) -> None:
        self._state = ("none",)
        self._render()

    def show_loading(self, title: str) -> None:
        self._state = ("loading", title)
        self._render()

    def show_error(self, title: str, message: str) -> None:
        self._state = ("error", title, message)
        self._render()

    def show_rows(self, title: str, rows: Sequence, scale: float, thresholds: Sequence[tuple[float, str]]) -> None:
        """``rows``: ``[(ts, value or None), ...]``; ``scale`` 100 for fractions (charted in percent);
        ``thresholds``: ``(value, severity)`` drawn as dashed lines."""
        self._state = ("rows", title, list(rows), scale, list(thresholds))
        self._render()

    def retranslate(self) -> None:
        self._render()

    def _render(self) -> None:
        for line in self.threshold_lines:
            self.plot.removeItem(line)
        self.threshold_lines.clear()
        state = self._state
        if state[0] == "none":
            self.title.setText(self.tr("History"))
            self.status.setText(self.tr("Select a signal to see its history."))
            self._clear()
            return
        self.title.setText(state[1])
        if state[0] == "loading":
            self.status.setText(self.tr("Loading the history…"))
            return
        if state[0] == "error":
            self.status.setText(arg(self.tr("History not available: %1"), state[2]))
            self._clear()
            return
        _, _, rows, scale, thresholds = state
        if not rows:
            self.status.setText(self.tr("No stored history yet."))
            self._clear()
            return
        self.plot.setLabel("left", "%" if scale != 1.0 else "")
        x = np.array([ts.timestamp() for ts, _ in rows], dtype=float)
        y = np.array([math.nan if v is None else float(v) * scale for _, v in rows], dtype=float)
        self.curve.setData(x, y, connect="finite")
        self._show_times(True)
        lo, hi = float(x.min()), float(x.max())
        if hi - lo < MIN_HISTORY_SPAN:      # one value or a few minutes: a readable window around them
            mid = 0.5 * (lo + hi)
            self.plot.setXRange(mid - MIN_HISTORY_SPAN / 2, mid + MIN_HISTORY_SPAN / 2, padding=0)
        else:
            self.plot.enableAutoRange(axis="x")
        for value, severity in thresholds:
            line = pg.InfiniteLine(pos=value * scale, angle=0,
                                   pen=pg.mkPen(theme().severity_text(severity), style=Qt.PenStyle.DashLine))
            self.plot.addItem(line)
            self.threshold_lines.append(line)
        gaps = int(np.isnan(y).sum())
        text = self.tr("%n stored value(s)", "", len(rows))
        if gaps:
            text += " · " + self.tr("%n gap(s): signal not available", "", gaps)
        self.status.setText(text)

    def _clear(self) -> None:
        """No data: an empty curve and no time labels (an empty range would be 1970's first second)."""
        self.curve.setData([], [])
        self._show_times(False)

    def _show_times(self, show: bool) -> None:
        axis = self.plot.getAxis("bottom")
        if axis.style["showValues"] != show:
            axis.setStyle(showValues=show)
