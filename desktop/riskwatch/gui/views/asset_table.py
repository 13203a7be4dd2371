"""The overview's per-asset table: price and its age, change 24 h, the catalogue's dashboard figures and an alert
light coloured by the most severe active alert of the asset.

The figure columns are the catalogue's ``codes(dashboard=True)`` at their default window, read from the report's
snapshot and titled from the one label map: a new dashboard metric appears here with no change to this module.
Drop from the 30-day high and drawdown are shown by default; the others start hidden and are shown from the
header's context menu (:class:`ColumnChooser`).

A figure that is not current (stale, unconfirmed, from the sample history, see :mod:`riskwatch.gui.as_of_text`)
is greyed and italic, with its as-of date in the tooltip: an old number must never look like today's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from riskwatch.domain.catalogue import Unit, codes, spec
from riskwatch.domain.snapshot import metric_key
from riskwatch.gui.alert_text import AlertText
from riskwatch.gui.as_of_text import SAMPLE_DATA, AsOfText, is_current
from riskwatch.gui.format import money_text, number_text, percent_text
from riskwatch.gui.price_age import WARNING_STATES, PriceAge
from riskwatch.gui.theme import severity_rank, theme
from riskwatch.gui.views.column_chooser import ColumnChooser

#: The figure columns: (metric code, snapshot key) of every dashboard metric, in catalogue order.
FIGURES = tuple((code, metric_key(code, spec(code).default_window)) for code in codes(dashboard=True))
#: Figures shown until the user chooses otherwise.
SHOWN_FIGURES = frozenset({"drop_from_high", "drawdown"})

COL_SYMBOL, COL_PRICE, COL_AGE, COL_CHANGE = range(4)
COL_FIRST_FIGURE = 4
COL_ALERT = COL_FIRST_FIGURE + len(FIGURES)
COL_DROP = COL_FIRST_FIGURE + [c for c, _ in FIGURES].index("drop_from_high")
COL_DRAWDOWN = COL_FIRST_FIGURE + [c for c, _ in FIGURES].index("drawdown")
_ROW_CHANGE, _ROW_STATE, _ROW_SEVERITY, _ROW_SEVERITY_TEXT, _ROW_MARKS = range(COL_ALERT, COL_ALERT + 5)


class AssetTable(QTableWidget):
    """One row per held asset of the latest report; rebuilt only when a shown text changes."""

    def __init__(self, parent=None, *, store=None):
        """``store`` (optional) keeps the user's column choice (``get_setting``/``set_setting``)."""
        super().__init__(0, COL_ALERT + 1, parent)
        self._price_age = PriceAge(self)
        self._text = AlertText(self)
        self._as_of = AsOfText(self)
        self.setObjectName("dashboardAssets")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        # rows as high as their text: the overview shares 720 px with the cards and the regime strip
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # never a clipped header
        header.setStretchLastSection(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._rows: list = []
        self._theme = None
        self._text_fn = None
        hidden = {COL_FIRST_FIGURE + i for i, (code, _) in enumerate(FIGURES) if code not in SHOWN_FIGURES}
        self.columns = ColumnChooser(self, store, "dashboard_asset_hidden_columns", hidden)

    def figure_title(self, code: str, key: str) -> str:
        """A figure's column title: its short label, with the window in words (``Drop from 30-day high``)."""
        name = self._text.metric_name(code)
        short = self._text.metric_label(code)[0]
        window = spec(code).default_window
        if not window:
            return short
        return self._text.metric(key) if short == name else f"{short} ({self._text.window(window)})"

    def headers(self) -> list[str]:
        return [self.tr("Symbol"), self.tr("Price"), self.tr("Age"), self.tr("Change 24 h"),
                *(self.figure_title(code, key) for code, key in FIGURES), self.tr("Alert")]

    def header_tooltips(self) -> list[str]:
        return [self.tr("Symbol"), self.tr("Last price in the base currency"),
                self.tr("Age of the price; stale after three refresh intervals"), self.tr("Change over 24 hours"),
                *(self._text.metric_label(code)[1] for code, _ in FIGURES),
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

    def figure_text(self, code: str, key: str, value: float | None) -> str:
        """A figure in its unit: percent for fractions, two decimals for ratios; "–" when unavailable."""
        if value is None:
            return "–"
        unit = spec(code).unit
        if unit is Unit.FRACTION:
            return percent_text(value)
        if unit is Unit.RATIO:
            return number_text(value, 2, trim=False)
        return self._text.value(key, value)

    def show_assets(self, report, active, severity_label) -> None:
        """The held assets of ``report``; ``severity_label(sev)`` gives the translated severity."""
        held = set(report.snapshot.assets) if report is not None else set()  # not the benchmarks (QQQ)
        assets = [a for a in (report.assets if report is not None else ()) if a.symbol in held]
        worst: dict[str, str] = {}
        for a in active:
            sev = str(getattr(a.severity, "value", a.severity))
            if severity_rank(sev) > severity_rank(worst.get(a.member)):
                worst[a.member] = sev
        cur = report.base_currency if report is not None else ""
        rows = []
        for a in assets:
            sev = worst.get(a.symbol)
            # a stale figure is shown, marked (see _marks): hidden, a key figure would look merely missing
            figures = tuple(self.figure_text(code, key, _shown_value(report.snapshot, a.symbol, key))
                            for code, key in FIGURES)
            rows.append((a.symbol, "–" if a.price is None else money_text(a.price, cur),
                         self.age_text(a.price_age_s, a.price_state), _pct(a.change_24h), *figures,
                         a.change_24h, a.price_state, sev, severity_label(sev) if sev else self.tr("no alert"),
                         self._marks(report.snapshot, a)))
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
                if col == COL_CHANGE and row[_ROW_CHANGE]:
                    item.setForeground(QBrush(QColor(t.positive if row[_ROW_CHANGE] > 0 else t.negative)))
                if col == COL_AGE and row[_ROW_STATE] in WARNING_STATES:
                    item.setForeground(QBrush(QColor(t.negative)))
                tip = row[_ROW_MARKS].get(col)
                if tip is not None and row[col] != "–":
                    item.setForeground(QBrush(QColor(t.muted)))
                    font = QFont(item.font())
                    font.setItalic(True)
                    item.setFont(font)
                    item.setToolTip(tip)
                self.setItem(r, col, item)
            light = QTableWidgetItem("\u25cf")
            light.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            # no alert on figures the rules cannot read is no all-clear: grey, not green
            quiet = row[_ROW_SEVERITY] is None and bool(row[_ROW_MARKS])
            light.setForeground(QBrush(QColor(t.muted if quiet else t.severity_text(row[_ROW_SEVERITY]))))
            light.setToolTip(row[_ROW_SEVERITY_TEXT])
            light.setData(Qt.ItemDataRole.UserRole, row[_ROW_SEVERITY])
            self.setItem(r, COL_ALERT, light)
        self.setFixedHeight(self.horizontalHeader().height() + 2 * self.frameWidth()
                            + sum(self.rowHeight(r) for r in range(len(rows))) + 2)

    def _marks(self, snapshot, a) -> dict[int, str]:
        """column -> tooltip of the cells of ``a``'s row whose figure is not current."""
        price = (a.status, a.as_of, SAMPLE_DATA if a.sample else "")
        marks = {col: price for col in (COL_PRICE, COL_CHANGE)}
        for i, (_code, key) in enumerate(FIGURES):
            mv = snapshot.get(a.symbol, key)
            if mv is not None and mv.value is not None:
                marks[COL_FIRST_FIGURE + i] = (mv.status, mv.as_of, mv.detail)
        return {col: self._as_of.tooltip(*m) or self._as_of.note(*m) for col, m in marks.items()
                if not is_current(m[0], m[2])}

    def figure_state(self, symbol: str, col: int) -> str | None:
        """The tooltip of a marked cell (None: shown as current)."""
        for row in self._rows:
            if row[0] == symbol:
                return row[_ROW_MARKS].get(col)
        raise KeyError(symbol)

    def light(self, symbol: str) -> str | None:
        """The severity behind the alert light of ``symbol`` (None: no active alert)."""
        for r, row in enumerate(self._rows):
            if row[0] == symbol:
                return self.item(r, COL_ALERT).data(Qt.ItemDataRole.UserRole)
        raise KeyError(symbol)


def _shown_value(snapshot, symbol: str, key: str) -> float | None:
    mv = snapshot.get(symbol, key)
    return mv.value if mv is not None else None


def _pct(v) -> str:
    return percent_text(v) if v is not None else "–"
