"""The "Liquidität" tab: the current liquidity signals per scope with traffic lights, the depth profile of a
selected order book and the stored history of a selected signal.

Nothing here does I/O or imports an adapter. app.py injects:

* ``fetch_book(symbol, on_done, on_error)`` – starts fetching ``symbol``'s order book off the GUI thread and calls
  ``on_done(book)`` / ``on_error(exc)`` on the GUI thread (``book`` has ``bids`` and ``asks``: rows of
  (price, size), best first; ``riskwatch.domain.order_book.OrderBook``);
* ``load_history(scope, metric)`` – a blocking call returning ``[(ts, value or None), ...]``, run by
* ``runner(fn, on_done, on_error)`` – runs ``fn()`` off the GUI thread, calls back on the GUI thread (without a
  runner the call is made directly; tests only).

Traffic lights follow the user's alert rules' thresholds (none until :meth:`LiquidityView.set_rules` hands over
the current rules): red past a critical threshold, amber past a warning or info threshold, green otherwise;
a signal without a rule has no light, an unavailable one is grey with its reason as tooltip (never a zero).
The two charts live in :mod:`riskwatch.gui.views.liquidity_charts`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.catalogue import CATALOGUE, Unit
from riskwatch.domain.catalogue import BOOK_METRICS, LIQUIDITY_METRICS
from riskwatch.domain.snapshot import PORTFOLIO
from riskwatch.gui.alert_text import AlertText, arg, local_datetime_text, number_text
from riskwatch.gui.chart_axes import themed_chart_options
from riskwatch.gui.format import money_text, percent_text
from riskwatch.gui.theme import paint, theme
from riskwatch.gui.translation import Retranslatable
from riskwatch.gui.views.liquidity_charts import DEPTH_BAND, BookPanel, HistoryPanel, depth_profile
from riskwatch.gui.views.liquidity_lights import (AMBER, GREEN, RED, Threshold,
                                                  thresholds_from_rules, traffic_light, usable_value)

FetchBook = Callable[[str, Callable[[object], None], Callable[[BaseException], None]], object]
LoadHistory = Callable[[str, str], Sequence[tuple[datetime, float | None]]]
Runner = Callable[[Callable[[], object], Callable[[object], None], Callable[[BaseException], None]], object]

_MONEY_METRICS = frozenset(c for c, s in CATALOGUE.items() if s.unit is Unit.MONEY)
# Fractions, charted in percent.
_PERCENT_METRICS = frozenset(c for c, s in CATALOGUE.items() if s.unit is Unit.FRACTION)
_PERCENT_DECIMALS = {"funding_8h": 4, "slippage_exit": 2, "peg_deviation": 2, "funding_annual": 1, "oi_change_24h": 1,
                     "liquid_share_1d": 1}


class LiquidityView(Retranslatable, QWidget):
    def __init__(self, *, fetch_book: FetchBook | None = None, load_history: LoadHistory | None = None,
                 runner: Runner | None = None, parent=None):
        super().__init__(parent)
        themed_chart_options()  # the depth and history charts below take the theme's colours
        self._fetch_book, self._load_history, self._runner = fetch_book, load_history, runner
        self._values: dict[tuple[str, str], object] = {}
        self._thresholds: tuple[Threshold, ...] = ()  # no lights until set_rules() hands over the user's rules
        self._scopes: list[str] = []
        self._metrics: list[str] = []
        self._selected: tuple[str, str] | None = None
        self._book_symbol: str | None = None
        self._book, self._book_error, self._book_loading = None, None, False   # book; BaseException or None
        self._book_request = self._history_request = 0
        self._history: tuple[str, str, list] | None = None
        self._history_error: str | None = None
        self._history_loading = False
        self._text = AlertText(self)

        self.caption = QLabel()
        self.caption.setStyleSheet(theme().text_style(theme().muted))
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("liquidityTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)

        self.book_panel = BookPanel()
        self.book_panel.button.clicked.connect(lambda: self.load_book())
        self.book_title, self.book_button, self.book_status = (self.book_panel.title, self.book_panel.button,
                                                               self.book_panel.status)
        self.book_plot, self.bid_curve, self.ask_curve = (self.book_panel.plot, self.book_panel.bid_curve,
                                                          self.book_panel.ask_curve)
        self.history_panel = HistoryPanel()
        self.history_title, self.history_status = self.history_panel.title, self.history_panel.status
        self.history_plot, self.history_curve = self.history_panel.plot, self.history_panel.curve
        self.threshold_lines = self.history_panel.threshold_lines      # the same list, kept up to date

        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.book_panel)
        charts.addWidget(self.history_panel)
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
                self._book_error, self._book_loading = exc, False
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
        return traffic_light(self._thresholds, scope, metric, usable_value(mv))

    # -- text -----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._render_table()
        self._render_book()
        self._render_history()

    def metric_label(self, metric: str) -> tuple[str, str]:
        """(column title, explanation) of a metric code, from the one label map (``riskwatch.texts``)."""
        return self._text.metric_label(metric)

    def value_text(self, metric: str, value: float | None) -> str:
        """A value in the metric's unit (``−17,0 %``, ``12 Bp.``, ``1.234.567 $`` …); "–" when unavailable."""
        if value is None or not math.isfinite(value):
            return "–"
        if metric == "spread_bps":
            return arg(self.tr("%1 bp"), number_text(value, 1))
        if metric in _MONEY_METRICS:
            return money_text(value, "USD", decimals=0)
        if metric in _PERCENT_DECIMALS:
            return percent_text(value, decimals=_PERCENT_DECIMALS[metric])
        if metric == "book_too_thin":
            return self.tr("Yes") if value >= 0.5 else self.tr("No")
        if metric == "days_to_liquidate":
            return arg(self.tr("%1 days"), number_text(value, 1))
        return number_text(value, 2)

    def status_text(self, status: str) -> str:
        return {DataStatus.MISSING: self.tr("no data"),
                DataStatus.INVALID: self.tr("invalid data (e.g. a crossed order book)"),
                DataStatus.ERROR: self.tr("source unreachable"),
                DataStatus.STALE: self.tr("stale")}.get(status, status)

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
        value = usable_value(mv)
        item = QTableWidgetItem(self.value_text(metric, value))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(Qt.ItemDataRole.UserRole, (scope, metric))
        tips = [self.metric_label(metric)[1]]
        t = theme()  # a cell with a background takes its text colour from the same pair
        if value is None:
            paint(item, t.neutral)
            reason = self.status_text(getattr(mv, "status", DataStatus.MISSING))
            detail = getattr(mv, "detail", "")
            tips.append(arg(self.tr("Not available: %1"), f"{reason} ({detail})" if detail else reason))
        else:
            light = traffic_light(self._thresholds, scope, metric, value)
            if light is not None:
                paint(item, t.light(light))
                dot = {GREEN: t.positive, AMBER: t.caution, RED: t.negative}[light]  # visible when selected
                item.setData(Qt.ItemDataRole.DecorationRole, QColor(dot))
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
        has_target = symbol is not None or (self._selected is not None and self._has_book(self._selected[0]))
        self.book_button.setEnabled(self._fetch_book is not None and has_target)
        if self._book_loading:
            self.book_panel.show_loading(symbol)
        elif self._book_error is not None:
            self.book_panel.show_error(symbol, self._book_error)
        elif self._book is None:
            self.book_panel.show_empty(symbol)
        else:
            self.book_panel.show_book(symbol, self._book)

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
        selected = self._selected
        if selected is None:
            self.history_panel.show_nothing()
            return
        scope, metric = selected
        title = arg(self.tr("History: %1 – %2"), self._scope_text(scope), self.metric_label(metric)[0])
        if self._history_loading:
            self.history_panel.show_loading(title)
        elif self._history_error is not None:
            self.history_panel.show_error(title, self._history_error)
        else:
            rows = self._history[2] if self._history is not None and self._history[:2] == selected else []
            thresholds = [(t.value, t.severity) for t in self._thresholds if t.metric == metric and t.applies(scope)]
            self.history_panel.show_rows(title, rows, 100.0 if metric in _PERCENT_METRICS else 1.0, thresholds)


__all__ = ["AMBER", "DEPTH_BAND", "GREEN", "RED", "LiquidityView", "Threshold",
           "depth_profile", "thresholds_from_rules", "traffic_light"]
