"""The market panel's indicator table: every regime indicator with its scope, value, threshold, status/as-of
and a mark when it is beyond its threshold.

A value that does not count for the regime (stale, unconfirmed, not available) is grey and italic, with the
date of its data; a value from the bundled history says "Beispieldaten" but counts (a replay, an offline start
within the bundle's range). The table is as tall as its rows: the panel scrolls, the table never does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableWidget, QTableWidgetItem

from riskwatch.domain.freshness import DataStatus
from riskwatch.gui.market_text import MarketText
from riskwatch.gui.theme import ThemeAware, theme
from riskwatch.gui.translation import Retranslatable

COL_NAME, COL_SCOPE, COL_VALUE, COL_THRESHOLD, COL_STATUS, COL_MARK = range(6)


class IndicatorTable(ThemeAware, Retranslatable, QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 6, parent)
        self.setObjectName("marketIndicators")
        self._text = MarketText(self)
        self._regime = None
        self._details: dict[str, str] = {}
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setWordWrap(False)
        head = self.horizontalHeader()
        head.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_SCOPE, COL_VALUE, COL_THRESHOLD, COL_STATUS, COL_MARK):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.retranslate()
        self.refresh_theme()

    def apply_theme(self) -> None:
        self._fill()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Applies to"), self.tr("Value"),
                                        self.tr("Threshold"), self.tr("Status / as of"), ""])
        self._fill()

    def show_regime(self, regime, details: dict[str, str] | None = None) -> None:
        """``regime``: a ``domain.regime.Regime`` (None: no figures yet); ``details``: indicator code -> the
        snapshot detail of its figure (``sample_data`` …)."""
        self._regime, self._details = regime, dict(details or {})
        self._fill()

    def _fill(self) -> None:
        readings = self._regime.readings if self._regime is not None else ()
        self.setRowCount(len(readings))
        t = theme()
        for row, r in enumerate(readings):
            ind = r.indicator
            detail = self._details.get(ind.code, "")
            has_value = r.value is not None
            counts = r.beyond is not None
            status_text = self._text.status(r.status, r.as_of, detail, has_value)
            cells = (self._text.indicator(ind), self._text.scope(ind.scope), self._text.value(ind.metric, r.value),
                     self._text.threshold(ind), status_text, self.tr("beyond threshold") if r.beyond else "")
            tip = self._text.status_tooltip(r.status, r.as_of, detail)
            for col, text in enumerate(cells):
                item = self.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(row, col, item)
                item.setText(text)
                item.setToolTip(tip if col == COL_STATUS else "")
                align = Qt.AlignmentFlag.AlignRight if col in (COL_VALUE, COL_THRESHOLD) else Qt.AlignmentFlag.AlignLeft
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                font = QFont(self.font())
                grey = not counts and col in (COL_VALUE, COL_STATUS)
                font.setItalic(grey)
                font.setBold(col == COL_MARK)
                item.setFont(font)
                if col == COL_MARK and r.beyond:
                    item.setForeground(QBrush(QColor(t.negative)))
                elif grey or (col == COL_STATUS and r.status is not DataStatus.OK):
                    item.setForeground(QBrush(QColor(t.muted)))
                else:
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
        self._fit_height()

    def _fit_height(self) -> None:
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth() + 2)

    # -- for tests and the screenshots ------------------------------------------------------------------------
    def row_of(self, code: str) -> int:
        readings = self._regime.readings if self._regime is not None else ()
        return next((i for i, r in enumerate(readings) if r.indicator.code == code), -1)

    def cell(self, code: str, col: int) -> str:
        row = self.row_of(code)
        return self.item(row, col).text() if row >= 0 and self.item(row, col) is not None else ""

    def is_greyed(self, code: str) -> bool:
        row = self.row_of(code)
        return row >= 0 and self.item(row, COL_VALUE).font().italic()


__all__ = ["COL_MARK", "COL_NAME", "COL_SCOPE", "COL_STATUS", "COL_THRESHOLD", "COL_VALUE", "IndicatorTable"]
