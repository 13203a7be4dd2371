"""The overview's per-asset table: price and its age, change 24 h, drop from the 30-day high, drawdown and an
alert light coloured by the most severe active alert of the asset."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from riskwatch.gui.format import money_text, percent_text
from riskwatch.gui.price_age import WARNING_STATES, PriceAge
from riskwatch.gui.theme import theme

(COL_SYMBOL, COL_PRICE, COL_AGE, COL_CHANGE, COL_DROP, COL_DRAWDOWN, COL_ALERT) = range(7)
_RANK = {"info": 1, "warning": 2, "critical": 3}


class AssetTable(QTableWidget):
    """One row per held asset of the latest report; rebuilt only when a shown text changes."""

    def __init__(self, parent=None):
        super().__init__(0, 7, parent)
        self._price_age = PriceAge(self)
        self.setObjectName("dashboardAssets")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # never a clipped header
        header.setStretchLastSection(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._rows: list = []
        self._theme = None
        self._text_fn = None

    def headers(self) -> list[str]:
        return [self.tr("Symbol"), self.tr("Price"), self.tr("Age"), self.tr("Change 24 h"),
                self.tr("Drop from 30-day high"), self.tr("Drawdown"), self.tr("Alert")]

    def header_tooltips(self) -> list[str]:
        return [self.tr("Symbol"), self.tr("Last price in the base currency"),
                self.tr("Age of the price; stale after three refresh intervals"), self.tr("Change over 24 hours"),
                self.tr("Drop from the 30-day high (calendar days)"),
                self.tr("Drawdown from the all-time high in the stored history"),
                self.tr("Most severe active alert of the asset")]

    def retranslate(self) -> None:
        for col, (text, tip) in enumerate(zip(self.headers(), self.header_tooltips())):
            item = self.horizontalHeaderItem(col) or QTableWidgetItem()
            item.setText(text)
            item.setToolTip(tip)
            if col not in (COL_SYMBOL, COL_ALERT):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setHorizontalHeaderItem(col, item)
        self._rows = []

    def age_text(self, age_s: float | None, state: str | None) -> str:
        return self._price_age.text(age_s, state)

    def show_assets(self, report, active, severity_label) -> None:
        """The held assets of ``report``; ``severity_label(sev)`` gives the translated severity."""
        held = set(report.snapshot.assets) if report is not None else set()  # not the benchmarks (QQQ)
        assets = [a for a in (report.assets if report is not None else ()) if a.symbol in held]
        worst: dict[str, str] = {}
        for a in active:
            sev = str(getattr(a.severity, "value", a.severity))
            if _RANK.get(sev, 0) > _RANK.get(worst.get(a.member), 0):
                worst[a.member] = sev
        cur = report.base_currency if report is not None else ""
        rows = []
        for a in assets:
            sev = worst.get(a.symbol)
            rows.append((a.symbol, "–" if a.price is None else money_text(a.price, cur),
                         self.age_text(a.price_age_s, a.price_state), _pct(a.change_24h), _pct(a.drop_from_high),
                         _pct(a.drawdown), sev, severity_label(sev) if sev else self.tr("no alert"),
                         a.change_24h, a.price_state))
        t = theme()
        if rows == self._rows and t is self._theme:
            return
        self._rows, self._theme = rows, t
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for col in range(COL_ALERT):
                item = QTableWidgetItem(row[col])
                if col != COL_SYMBOL:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == COL_CHANGE and row[8]:
                    item.setForeground(QBrush(QColor(t.positive if row[8] > 0 else t.negative)))
                if col == COL_AGE and row[9] in WARNING_STATES:
                    item.setForeground(QBrush(QColor(t.negative)))
                self.setItem(r, col, item)
            light = QTableWidgetItem("\u25cf")
            light.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            light.setForeground(QBrush(QColor(t.severity_text(row[6]))))
            light.setToolTip(row[7])
            light.setData(Qt.ItemDataRole.UserRole, row[6])
            self.setItem(r, COL_ALERT, light)
        self.setFixedHeight(self.horizontalHeader().height() + 2 * self.frameWidth()
                            + sum(self.rowHeight(r) for r in range(len(rows))) + 2)

    def light(self, symbol: str) -> str | None:
        """The severity behind the alert light of ``symbol`` (None: no active alert)."""
        for r, row in enumerate(self._rows):
            if row[0] == symbol:
                return self.item(r, COL_ALERT).data(Qt.ItemDataRole.UserRole)
        raise KeyError(symbol)


def _pct(v) -> str:
    return percent_text(v) if v is not None else "–"
