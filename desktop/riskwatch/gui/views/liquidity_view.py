"""The "Liquidität" tab: the current liquidity signals per scope with traffic lights, the depth profile of a
selected order book and the stored history of a selected signal.

Nothing here does I/O or imports an adapter. app.py injects:

* ``fetch_book(symbol, on_done, on_error)`` – starts fetching ``symbol``'s order book off the GUI thread and calls
  ``on_done(book)`` / ``on_error(exc)`` on the GUI thread (``book`` has ``bids`` and ``asks``: rows of
  (price, size), best first; ``riskwatch.domain.liquidity.OrderBook`` or the validated snapshot);
* ``load_history(scope, metric)`` – a blocking call returning ``[(ts, value or None), ...]``, run by
* ``runner(fn, on_done, on_error)`` – runs ``fn()`` off the GUI thread, calls back on the GUI thread (without a
  runner the call is made directly; tests only).

Traffic lights follow the alert rules' thresholds (the shipped defaults until :meth:`LiquidityView.set_rules` hands
over the current rules): red past a critical threshold, amber past a warning or info threshold, green otherwise;
a signal without a rule has no light, an unavailable one is grey with its reason as tooltip (never a zero).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from riskwatch.gui.chart_axes import locale_axes
from riskwatch.domain.liquidity import BOOK_METRICS, LIQUIDITY_METRICS
from riskwatch.domain.snapshot import PORTFOLIO, MetricStatus
from riskwatch.gui.alert_text import AlertText, arg, local_datetime_text, number_text
from riskwatch.gui.format import money_text, percent_text
from riskwatch.gui.translation import Retranslatable

pg.setConfigOptions(antialias=True, background="w", foreground="#222")

FetchBook = Callable[[str, Callable[[object], None], Callable[[BaseException], None]], object]
LoadHistory = Callable[[str, str], Sequence[tuple[datetime, float | None]]]
Runner = Callable[[Callable[[], object], Callable[[object], None], Callable[[BaseException], None]], object]

GREEN, AMBER, RED = "green", "amber", "red"
LIGHT_COLORS = {GREEN: "#d7f0dc", AMBER: "#ffe08a", RED: "#f6c3c3"}      # cell backgrounds
LIGHT_DOTS = {GREEN: "#2e7d32", AMBER: "#e0a000", RED: "#c62828"}        # the dot, visible when selected
GREY = "#eeeeee"
_SEVERITY_LIGHT = {"critical": RED, "warning": AMBER, "info": AMBER}
_SEVERITY_RANK = {"info": 0, "warning": 1, "critical": 2}
_SEVERITY_PEN = {"critical": "#b00020", "warning": "#c77700", "info": "#1f5fa8"}
_MONEY_METRICS = frozenset({"depth_1pct_bid", "depth_1pct_ask", "depth_2pct", "adv_20d_usd"})
# Fractions, charted in percent.
_PERCENT_METRICS = frozenset({"slippage_exit", "peg_deviation", "funding_8h", "funding_annual", "oi_change_24h",
                              "liquid_share_1d"})
DEPTH_BAND = 0.02   # the depth chart shows levels within ±2 % of mid


@dataclass(frozen=True)
class Threshold:
    """One alert threshold as the traffic lights read it. ``scope`` None: every scope that has the metric."""

    metric: str
    comparator: str     # "<", "<=", ">", ">="
    value: float
    severity: str       # info | warning | critical
    scope: str | None = None

    def crossed(self, value: float) -> bool:
        return {"<": value < self.value, "<=": value <= self.value, ">": value > self.value,
                ">=": value >= self.value}.get(self.comparator, False)

    def applies(self, scope: str) -> bool:
        if self.scope is None:
            return scope != PORTFOLIO
        return self.scope == scope


# The shipped liquidity rules (resources/rules/default_rules.json), used until set_rules() is called.
DEFAULT_THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("spread_bps", ">", 50.0, "warning"),
    Threshold("depth_2pct_ratio", "<", 0.5, "warning"),
    Threshold("slippage_exit", ">", 0.02, "warning"),
    Threshold("peg_deviation", ">", 0.005, "warning", "USDT"),
    Threshold("peg_deviation", ">", 0.02, "critical", "USDT"),
    Threshold("peg_deviation", ">", 0.005, "warning", "USDC"),
    Threshold("peg_deviation", ">", 0.02, "critical", "USDC"),
    Threshold("funding_8h", "<", -0.0005, "info", "BTC"),
    Threshold("funding_8h", ">", 0.001, "info", "BTC"),
    Threshold("volume_ratio", "<", 0.5, "info"),
    Threshold("days_to_liquidate", ">", 3.0, "warning"),
)


def thresholds_from_rules(rules: Iterable) -> tuple[Threshold, ...]:
    """The traffic-light thresholds of the enabled alert rules on liquidity metrics (``domain.alerts.Rule``)."""
    out = []
    for r in rules:
        if not getattr(r, "enabled", True) or r.metric not in LIQUIDITY_METRICS or getattr(r, "window", None):
            continue
        stype = getattr(r.scope.type, "value", r.scope.type)
        scope = r.scope.symbol if stype == "asset" else (PORTFOLIO if stype == "portfolio" else None)
        out.append(Threshold(r.metric, getattr(r.comparator, "value", r.comparator), float(r.threshold),
                             getattr(r.severity, "value", r.severity), scope))
    return tuple(out)


def traffic_light(thresholds: Iterable[Threshold], scope: str, metric: str, value: float | None) -> str | None:
    """RED / AMBER / GREEN for ``value``; None when no threshold applies or the value is unavailable."""
    applicable = [t for t in thresholds if t.metric == metric and t.applies(scope)]
    if not applicable or value is None or not math.isfinite(value):
        return None
    crossed = [t for t in applicable if t.crossed(value)]
    if not crossed:
        return GREEN
    return _SEVERITY_LIGHT[max(crossed, key=lambda t: _SEVERITY_RANK.get(t.severity, 0)).severity]


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


class LiquidityView(Retranslatable, QWidget):
    def __init__(self, *, fetch_book: FetchBook | None = None, load_history: LoadHistory | None = None,
                 runner: Runner | None = None, parent=None):
        super().__init__(parent)
        self._fetch_book = fetch_book
        self._load_history = load_history
        self._runner = runner
        self._values: dict[tuple[str, str], object] = {}
        self._thresholds: tuple[Threshold, ...] = DEFAULT_THRESHOLDS
        self._scopes: list[str] = []
        self._metrics: list[str] = []
        self._selected: tuple[str, str] | None = None
        self._book_symbol: str | None = None
        self._book = None
        self._book_error: str | None = None
        self._book_loading = False
        self._book_request = 0
        self._history_request = 0
        self._history: tuple[str, str, list] | None = None
        self._history_error: str | None = None
        self._history_loading = False
        self._text = AlertText(self)

        self.caption = QLabel()
        self.caption.setStyleSheet("color: #555;")
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("liquidityTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)

        self.book_title = QLabel()
        self.book_title.setStyleSheet("font-weight: 600;")
        self.book_button = QPushButton()
        self.book_button.clicked.connect(lambda: self.load_book())
        self.book_status = QLabel()
        self.book_status.setWordWrap(True)
        self.book_plot = pg.PlotWidget()
        for side in ("bottom", "left"):  # percent and money: no "x0.001" SI prefixes on the axes
            self.book_plot.getAxis(side).enableAutoSIPrefix(False)
        self.book_plot.setObjectName("depthPlot")
        self.book_plot.showGrid(x=True, y=True, alpha=0.2)
        self.book_legend = self.book_plot.addLegend(offset=(10, 5))
        self.bid_curve = self.book_plot.plot([], [], pen=pg.mkPen("#2ca02c", width=2), fillLevel=0,
                                             brush=(44, 160, 44, 50))
        self.ask_curve = self.book_plot.plot([], [], pen=pg.mkPen("#d62728", width=2), fillLevel=0,
                                             brush=(214, 39, 40, 50))
        self.mid_line = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine))
        self.book_plot.addItem(self.mid_line)

        self.history_title = QLabel()
        self.history_title.setStyleSheet("font-weight: 600;")
        self.history_status = QLabel()
        self.history_status.setWordWrap(True)
        self.history_plot = pg.PlotWidget(axisItems=locale_axes())
        self.history_plot.getAxis("left").enableAutoSIPrefix(False)
        self.history_plot.setObjectName("historyPlot")
        self.history_plot.showGrid(x=True, y=True, alpha=0.2)
        self.history_curve = self.history_plot.plot([], [], pen=pg.mkPen("#1f77b4", width=2), connect="finite")
        self.threshold_lines: list[pg.InfiniteLine] = []

        book_box = QWidget()
        bl = QVBoxLayout(book_box)
        bl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.book_title, 1)
        head.addWidget(self.book_button)
        bl.addLayout(head)
        bl.addWidget(self.book_status)
        bl.addWidget(self.book_plot, 1)
        history_box = QWidget()
        hl = QVBoxLayout(history_box)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(self.history_title)
        hl.addWidget(self.history_status)
        hl.addWidget(self.history_plot, 1)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(book_box)
        charts.addWidget(history_box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([220, 420])
        self.table.setMinimumHeight(120)
        lay = QVBoxLayout(self)
        lay.addWidget(self.caption)
        lay.addWidget(split, 1)
        self.retranslate()

    # -- public ---------------------------------------------------------------------------------------------------
    def attach(self, *, fetch_book: FetchBook | None = None, load_history: LoadHistory | None = None,
               runner: Runner | None = None) -> None:
        """Hand over the data sources once the monitor is built (the window is shown before it exists)."""
        if fetch_book is not None:
            self._fetch_book = fetch_book
        if load_history is not None:
            self._load_history = load_history
        if runner is not None:
            self._runner = runner
        self._render_book()
        if self._selected is not None and self._selected in self._values:
            self._request_history(*self._selected)

    def set_liquidity(self, values: Mapping[tuple[str, str], object]) -> None:
        """Show a cycle's liquidity values ``{(scope, metric): MetricValue}`` (``CycleResult.liquidity``)."""
        self._values = dict(values or {})
        scopes = list(dict.fromkeys(s for s, _ in self._values if s != PORTFOLIO))
        if any(s == PORTFOLIO for s, _ in self._values):
            scopes.append(PORTFOLIO)
        present = {m for _, m in self._values}
        self._scopes = scopes
        self._metrics = [m for m in LIQUIDITY_METRICS if m in present]
        self._render_table()
        if self._selected is not None and self._selected in self._values and self.isVisible():
            self._request_history(*self._selected)

    def set_rules(self, rules: Iterable) -> None:
        """Traffic lights from the current alert rules (``AlertService.rules()``) instead of the defaults."""
        self._thresholds = thresholds_from_rules(rules)
        self._render_table()
        self._render_history()

    def select(self, scope: str, metric: str) -> bool:
        """Select the cell of ``scope`` / ``metric`` (loads its history, and its book for a crypto scope)."""
        if scope not in self._scopes or metric not in self._metrics:
            return False
        self.table.setCurrentCell(self._scopes.index(scope), self._metrics.index(metric))
        return True

    def load_book(self, symbol: str | None = None) -> None:
        """Fetch and draw the order book of ``symbol`` (default: the selected scope, if it has a book)."""
        if symbol is None:
            chosen = self._selected[0] if self._selected is not None else None
            symbol = chosen if chosen is not None and self._has_book(chosen) else self._book_symbol
        if symbol is None or symbol == PORTFOLIO or self._fetch_book is None:
            self._render_book()
            return
        self._book_request += 1
        request = self._book_request
        self._book_symbol, self._book, self._book_error, self._book_loading = symbol, None, None, True
        self._render_book()

        def done(book) -> None:
            if request == self._book_request:
                self._book, self._book_loading = book, False
                self._render_book()

        def failed(exc: BaseException) -> None:
            if request == self._book_request:
                self._book_error, self._book_loading = str(exc) or type(exc).__name__, False
                self._render_book()

        try:
            self._fetch_book(symbol, done, failed)
        except Exception as exc:
            failed(exc)

    def scopes(self) -> list[str]:
        return list(self._scopes)

    def metrics(self) -> list[str]:
        return list(self._metrics)

    def light(self, scope: str, metric: str) -> str | None:
        """The traffic light of a cell (RED / AMBER / GREEN, None without a rule or value)."""
        mv = self._values.get((scope, metric))
        return traffic_light(self._thresholds, scope, metric, _usable(mv))

    # -- text -----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.book_button.setText(self.tr("Load order book"))
        self.book_plot.setLabel("bottom", self.tr("Distance from the mid price (%)"))
        self.book_plot.setLabel("left", arg(self.tr("Cumulative depth (%1)"), "USD"))
        self._render_table()
        self._render_book()
        self._render_history()

    def metric_label(self, metric: str) -> tuple[str, str]:
        """(column title, explanation) of a metric code."""
        labels = {
            "spread_bps": (self.tr("Spread"), self.tr("Bid-ask spread")),
            "depth_1pct_bid": (self.tr("Depth −1% (bid)"),
                               self.tr("Order book depth: bids within 1% below the mid price")),
            "depth_1pct_ask": (self.tr("Depth +1% (ask)"),
                               self.tr("Order book depth: asks within 1% above the mid price")),
            "depth_2pct": (self.tr("Depth ±2%"), self.tr("Order book depth: both sides within 2% of the mid price")),
            "imbalance": (self.tr("Imbalance"), self.tr("Order book imbalance within ±1%: positive when more money "
                                                        "bids than offers")),
            "depth_2pct_ratio": (self.tr("Depth vs. 7 days"),
                                 self.tr("Depth within ±2% against its median of the last 7 days")),
            "slippage_exit": (self.tr("Slippage on exit"),
                              self.tr("Slippage of selling the whole position at once (half the spread included)")),
            "book_too_thin": (self.tr("Book too thin"), self.tr("The visible order book cannot absorb the whole "
                                                                "position")),
            "peg_deviation": (self.tr("Peg deviation"), self.tr("Stablecoin peg deviation")),
            "funding_8h": (self.tr("Funding rate (8 h)"), self.tr("Funding rate of the BTC perpetual per 8 hours")),
            "funding_annual": (self.tr("Funding p. a."), self.tr("Funding rate annualised (× 3 × 365, not "
                                                                 "compounded)")),
            "oi_change_24h": (self.tr("Open interest 24 h"), self.tr("Open interest change 24 h")),
            "adv_20d_usd": (self.tr("ADV 20 days"),
                            self.tr("Average daily dollar volume over the last 20 trading days")),
            "days_to_liquidate": (self.tr("Days to liquidate"),
                                  self.tr("Trading days to sell the position at 20% of the daily volume")),
            "volume_ratio": (self.tr("Volume ratio"),
                             self.tr("Latest volume against the median of the 30 days before")),
            "liquid_share_1d": (self.tr("Sellable in 1 day"), self.tr("Share sellable within a day at no more "
                                                                      "than 1% slippage")),
        }
        return labels.get(metric, (metric, metric))

    def value_text(self, metric: str, value: float | None) -> str:
        """A value in the metric's unit (``−17,0 %``, ``12 Bp.``, ``1.234.567 $`` …); "–" when unavailable."""
        if value is None or not math.isfinite(value):
            return "–"
        if metric == "spread_bps":
            return arg(self.tr("%1 bp"), number_text(value, 1))
        if metric in _MONEY_METRICS:
            return money_text(value, "USD", decimals=0)
        if metric == "funding_8h":
            return percent_text(value, decimals=4)
        if metric in ("slippage_exit", "peg_deviation"):
            return percent_text(value, decimals=2)
        if metric in ("funding_annual", "oi_change_24h", "liquid_share_1d"):
            return percent_text(value, decimals=1)
        if metric == "book_too_thin":
            return self.tr("Yes") if value >= 0.5 else self.tr("No")
        if metric == "days_to_liquidate":
            return arg(self.tr("%1 days"), number_text(value, 1))
        return number_text(value, 2)

    def status_text(self, status: str) -> str:
        return {MetricStatus.MISSING: self.tr("no data"),
                MetricStatus.INVALID: self.tr("invalid data (e.g. a crossed order book)"),
                MetricStatus.ERROR: self.tr("source unreachable"),
                MetricStatus.STALE: self.tr("stale")}.get(status, status)

    def _scope_text(self, scope: str) -> str:
        return self.tr("Portfolio") if scope == PORTFOLIO else scope

    def _threshold_text(self, scope: str, metric: str) -> str:
        parts = [f"{self._text.severity(t.severity)} {t.comparator} {self.value_text(metric, t.value)}"
                 for t in self._thresholds if t.metric == metric and t.applies(scope)]
        return arg(self.tr("Thresholds: %1"), "; ".join(parts)) if parts else ""

    # -- table ----------------------------------------------------------------------------------------------------
    def _render_table(self) -> None:
        table = self.table
        table.blockSignals(True)
        try:
            table.clearContents()
            table.setRowCount(len(self._scopes))
            table.setColumnCount(len(self._metrics))
            for c, metric in enumerate(self._metrics):
                title, explanation = self.metric_label(metric)
                head = QTableWidgetItem(title)
                head.setToolTip(explanation)
                table.setHorizontalHeaderItem(c, head)
            for r, scope in enumerate(self._scopes):
                table.setVerticalHeaderItem(r, QTableWidgetItem(self._scope_text(scope)))
                for c, metric in enumerate(self._metrics):
                    item = self._cell(scope, metric)
                    if item is not None:
                        table.setItem(r, c, item)
            if self._selected in self._values:
                scope, metric = self._selected  # type: ignore[misc]
                table.setCurrentCell(self._scopes.index(scope), self._metrics.index(metric))
        finally:
            table.blockSignals(False)
        as_of = max((mv.as_of for mv in self._values.values() if getattr(mv, "as_of", None) is not None),
                    default=None)
        if not self._values:
            self.caption.setText(self.tr("No liquidity signals yet."))
        else:
            self.caption.setText(arg(self.tr("As of %1. Money in USD; traffic lights at the alert rules' "
                                              "thresholds."), local_datetime_text(as_of) or "–"))

    def _cell(self, scope: str, metric: str) -> QTableWidgetItem | None:
        mv = self._values.get((scope, metric))
        if mv is None:
            return None
        value = _usable(mv)
        item = QTableWidgetItem(self.value_text(metric, value))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(Qt.ItemDataRole.UserRole, (scope, metric))
        tips = [self.metric_label(metric)[1]]
        if value is None:
            item.setBackground(QBrush(QColor(GREY)))
            item.setForeground(QBrush(QColor("#666")))
            reason = self.status_text(getattr(mv, "status", MetricStatus.MISSING))
            detail = getattr(mv, "detail", "")
            tips.append(arg(self.tr("Not available: %1"), f"{reason} ({detail})" if detail else reason))
        else:
            light = traffic_light(self._thresholds, scope, metric, value)
            if light is not None:
                item.setBackground(QBrush(QColor(LIGHT_COLORS[light])))
                item.setData(Qt.ItemDataRole.DecorationRole, QColor(LIGHT_DOTS[light]))
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, light)
        thresholds = self._threshold_text(scope, metric)
        if thresholds:
            tips.append(thresholds)
        item.setToolTip("\n".join(tips))
        return item

    def _on_table_current_cell_changed(self, row: int, col: int, _prev_row: int, _prev_col: int) -> None:
        if not (0 <= row < len(self._scopes) and 0 <= col < len(self._metrics)):
            return
        scope, metric = self._scopes[row], self._metrics[col]
        self._selected = (scope, metric)
        self._request_history(scope, metric)
        if self._has_book(scope) and scope != self._book_symbol:
            self.load_book(scope)
        elif not self._has_book(scope):
            self._render_book()

    def _has_book(self, scope: str) -> bool:
        return any((scope, m) in self._values for m in BOOK_METRICS)

    # -- order book -----------------------------------------------------------------------------------------------
    def _render_book(self) -> None:
        symbol = self._book_symbol
        self.book_title.setText(arg(self.tr("Order book depth: %1"), symbol) if symbol
                                else self.tr("Order book depth"))
        has_target = symbol is not None or (self._selected is not None and self._has_book(self._selected[0]))
        self.book_button.setEnabled(self._fetch_book is not None and has_target)
        if self._book_loading:
            self.book_status.setText(arg(self.tr("Loading the order book of %1…"), symbol))
            return
        if self._book_error is not None:
            self.book_status.setText(arg(self.tr("Order book not available: %1"), self._book_error))
            self.bid_curve.setData([], [])
            self.ask_curve.setData([], [])
            return
        if self._book is None:
            self.book_status.setText(self.tr("Select a crypto asset to see its order book."))
            self.bid_curve.setData([], [])
            self.ask_curve.setData([], [])
            return
        bx, bc, ax, ac, mid = depth_profile(self._book.bids, self._book.asks)
        self.bid_curve.setData(bx * 100.0, bc)
        self.ask_curve.setData(ax * 100.0, ac)
        self.book_legend.clear()
        self.book_legend.addItem(self.bid_curve, self.tr("Bids (buy orders)"))
        self.book_legend.addItem(self.ask_curve, self.tr("Asks (sell orders)"))
        spread = (ax[0] - bx[0]) * 1e4 if len(ax) and len(bx) else None
        self.book_status.setText(arg(self.tr("Mid price %1, spread %2"), money_text(mid, "USD")
                                     if math.isfinite(mid) else "–", self.value_text("spread_bps", spread)))

    # -- history --------------------------------------------------------------------------------------------------
    def _request_history(self, scope: str, metric: str) -> None:
        if self._load_history is None:
            self._render_history()
            return
        self._history_request += 1
        request = self._history_request
        self._history_loading, self._history_error = True, None
        load = self._load_history

        def done(rows) -> None:
            if request == self._history_request:
                self._history, self._history_loading = (scope, metric, list(rows or ())), False
                self._render_history()

        def failed(exc: BaseException) -> None:
            if request == self._history_request:
                self._history_error, self._history_loading = str(exc) or type(exc).__name__, False
                self._history = (scope, metric, [])
                self._render_history()

        self._render_history()
        if self._runner is None:
            try:
                rows = load(scope, metric)
            except Exception as exc:
                failed(exc)
            else:
                done(rows)
            return
        try:
            self._runner(lambda: load(scope, metric), done, failed)
        except Exception as exc:
            failed(exc)

    def _render_history(self) -> None:
        for line in self.threshold_lines:
            self.history_plot.removeItem(line)
        self.threshold_lines = []
        selected = self._selected
        if selected is None:
            self.history_title.setText(self.tr("History"))
            self.history_status.setText(self.tr("Select a signal to see its history."))
            self.history_curve.setData([], [])
            return
        scope, metric = selected
        self.history_title.setText(arg(self.tr("History: %1 – %2"), self._scope_text(scope),
                                       self.metric_label(metric)[0]))
        if self._history_loading:
            self.history_status.setText(self.tr("Loading the history…"))
            return
        if self._history_error is not None:
            self.history_status.setText(arg(self.tr("History not available: %1"), self._history_error))
            self.history_curve.setData([], [])
            return
        rows = self._history[2] if self._history is not None and self._history[:2] == selected else []
        if not rows:
            self.history_status.setText(self.tr("No stored history yet."))
            self.history_curve.setData([], [])
            return
        scale = 100.0 if metric in _PERCENT_METRICS else 1.0
        self.history_plot.setLabel("left", "%" if scale != 1.0 else "")
        x = np.array([ts.timestamp() for ts, _ in rows], dtype=float)
        y = np.array([math.nan if v is None else float(v) * scale for _, v in rows], dtype=float)
        self.history_curve.setData(x, y, connect="finite")
        for t in self._thresholds:
            if t.metric == metric and t.applies(scope):
                line = pg.InfiniteLine(pos=t.value * scale, angle=0, pen=pg.mkPen(_SEVERITY_PEN.get(t.severity, "#888"),
                                                                          style=Qt.PenStyle.DashLine))
                self.history_plot.addItem(line)
                self.threshold_lines.append(line)
        gaps = int(np.isnan(y).sum())
        text = self.tr("%n stored value(s)", "", len(rows))
        if gaps:
            text += " · " + self.tr("%n gap(s): signal not available", "", gaps)
        self.history_status.setText(text)


def _usable(mv) -> float | None:
    """The value of a MetricValue when it is available, else None (unavailable is never shown as zero)."""
    if mv is None:
        return None
    value = getattr(mv, "value", None)
    status = getattr(mv, "status", MetricStatus.OK)
    if value is None or status not in (MetricStatus.OK, MetricStatus.MARKET_CLOSED):
        return None
    v = float(value)
    return v if math.isfinite(v) else None


__all__ = ["DEFAULT_THRESHOLDS", "LiquidityView", "Threshold", "depth_profile", "thresholds_from_rules",
           "traffic_light"]
