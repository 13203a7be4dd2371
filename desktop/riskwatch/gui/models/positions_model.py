"""Table model of the positions; edits are validated by the domain and written to the store."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from riskwatch.domain.errors import RiskWatchError
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.gui.as_of_text import SAMPLE_DATA, AsOfText, is_current
from riskwatch.gui.format import decimal_text, edit_text, money_text, percent_text, two_line_header
from riskwatch.gui.number_input import NumberInput
from riskwatch.gui.price_age import WARNING_STATES, PriceAge
from riskwatch.gui.theme import theme

(COL_SYMBOL, COL_KIND, COL_QTY, COL_COST, COL_PRICE, COL_AGE, COL_VALUE, COL_PNL, COL_PNL_PCT, COL_WEIGHT,
 COL_CHANGE, COL_DROP, COL_DRAWDOWN, COL_CURRENCY, COL_ACCOUNT, COL_NOTE) = range(16)
COLUMN_COUNT = 16
EDITABLE = {COL_SYMBOL, COL_KIND, COL_QTY, COL_COST, COL_CURRENCY, COL_ACCOUNT, COL_NOTE}
NUMERIC = {COL_QTY, COL_COST, COL_PRICE, COL_AGE, COL_VALUE, COL_PNL, COL_PNL_PCT, COL_WEIGHT, COL_CHANGE, COL_DROP,
           COL_DRAWDOWN}
LIVE_COLUMNS = tuple(c for c in range(COLUMN_COUNT) if c not in EDITABLE)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The text put into an editor (exact, ungrouped); Qt's items keep EditRole and DisplayRole as one value.
EDIT_ROLE = Qt.ItemDataRole.UserRole + 2
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
READ_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
EDIT_FLAGS = READ_FLAGS | Qt.ItemFlag.ItemIsEditable

GREEN, AMBER, RED = "green", "amber", "red"  # traffic lights; the colours come from theme() at each refresh


def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


def _italic() -> QFont:
    global _ITALIC
    if _ITALIC is None:  # a QFont needs the application object: made on first use
        _ITALIC = QFont()
        _ITALIC.setItalic(True)
    return _ITALIC


_ITALIC: QFont | None = None


class PositionsTableModel(QStandardItemModel):
    """Rows are Position objects; the store is the source of truth (reloaded after each change).

    The cells live in Qt's own item model (C++), so painting the table never calls into Python: with a
    Python ``data()`` every visible cell and role needs the interpreter lock, and while a background thread
    computes, a repaint of 50 rows took hundreds of milliseconds. Python only writes the roles that changed
    when a report, a threshold, the language or a position changes.
    """

    edit_rejected = Signal(str)
    positions_changed = Signal()

    def __init__(self, store, parent=None):
        super().__init__(0, COLUMN_COUNT, parent)
        self._price_age = PriceAge(self)
        self._as_of = AsOfText(self)
        self._store = store
        self._rows: list[Position] = []
        self._report = None
        self._thresholds: dict[str, tuple[float | None, float | None]] = {}
        self._default_thresholds: tuple[float | None, float | None] = (-0.17, -0.25)
        self._shown: list[list[dict]] = []  # per row and column: the roles currently in the item
        self._set_headers()
        self.reload()

    # -- live figures -------------------------------------------------------------------------
    def set_report(self, report) -> None:
        """Show the figures of a RiskReport (immutable; replaces the previous one)."""
        base = getattr(self._report, "base_currency", None)
        self._report = report
        self._refresh(LIVE_COLUMNS)
        if getattr(report, "base_currency", None) != base:  # the header tooltips name the base currency
            self._set_headers()

    def set_thresholds(self, thresholds: dict[str, tuple[float | None, float | None]],
                       default: tuple[float | None, float | None] | None = None) -> None:
        """Traffic-light thresholds (warning, critical) for the drop from the 30-day high, per symbol."""
        self._thresholds = dict(thresholds)
        if default is not None:
            self._default_thresholds = default
        self._refresh((COL_DROP, COL_DRAWDOWN))

    def _figures(self, p: Position) -> dict:
        """Per-position figures (value, P&L, weight in the base currency) from the report's per-asset row."""
        rep = self._report
        a = self._by_symbol.get(p.symbol) if rep is not None else None
        if a is None:
            return {}
        out = {"price": a.price, "age": a.price_age_s, "state": a.price_state, "change": a.change_24h,
               "drop": a.drop_from_high, "drawdown": a.drawdown, "status": a.status, "as_of": a.as_of,
               "detail": SAMPLE_DATA if a.sample else ""}
        if a.price is not None:
            value = float(p.quantity) * a.price
            cost = rep.to_base(float(p.cost_value), p.asset.quote_currency)
            total = rep.portfolio.value if rep.portfolio is not None else None
            out.update(value=value, pnl=value - cost, pnl_pct=(value / cost - 1.0) if cost > 0 else None,
                       weight=(value / total) if total else None)
        return out

    # -- header / text ------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [self.tr("Symbol"), self.tr("Kind"), self.tr("Quantity"), self.tr("Cost basis"),
                self.tr("Price"), self.tr("Age"), self.tr("Market value"), self.tr("P&L"), self.tr("P&L %"),
                self.tr("Weight"), self.tr("24 h"), self.tr("vs 30-day high"), self.tr("Drawdown"),
                self.tr("Currency"), self.tr("Account"), self.tr("Note")]

    def header_tooltips(self) -> dict[int, str]:
        base = self._report.base_currency if self._report is not None else ""
        return {COL_PRICE: self.tr("Last price in the base currency %1").replace("%1", base),
                COL_AGE: self.tr("Age of the price; stale after three refresh intervals"),
                COL_VALUE: self.tr("Market value in the base currency %1").replace("%1", base),
                COL_CHANGE: self.tr("Change over 24 hours"),
                COL_DROP: self.tr("Drop from the 30-day high (calendar days)"),
                COL_DRAWDOWN: self.tr("Drawdown from the all-time high in the stored history")}

    def kind_label(self, kind: AssetKind) -> str:
        return {AssetKind.CRYPTO: self.tr("Crypto"), AssetKind.EQUITY: self.tr("Stock"),
                AssetKind.INDEX: self.tr("Index"), AssetKind.STABLECOIN: self.tr("Stablecoin")}[kind]

    def retranslate(self) -> None:
        self._set_headers()
        self._refresh(range(COLUMN_COUNT))

    def _set_headers(self) -> None:
        tips = self.header_tooltips()
        for col, title in enumerate(self.headers()):
            text = two_line_header(title)
            item = self.horizontalHeaderItem(col)
            if item is None:
                item = QStandardItem()
                if col in NUMERIC:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setHorizontalHeaderItem(col, item)
            if item.text() != text:
                item.setText(text)
            tip = tips.get(col) or title  # the full name, also when a narrow column elides the header
            if item.toolTip() != tip:
                item.setToolTip(tip)

    # -- cells --------------------------------------------------------------------------------
    def _cell(self, p: Position, col: int, figures: dict) -> dict:
        """All roles of one cell (roles without a value are absent)."""
        if col not in EDITABLE:
            return self._live_cell(p, col, figures)
        out = {DISPLAY: self._display(p, col), EDIT_ROLE: self._edit_value(p, col)}
        if col == COL_QTY:
            out[SORT_ROLE] = float(p.quantity)
        elif col == COL_COST:
            out[SORT_ROLE] = float(p.cost_basis)
        else:
            out[SORT_ROLE] = out[DISPLAY]
        if col in NUMERIC:
            out[ALIGN] = RIGHT
        if col == COL_SYMBOL:
            out[Qt.ItemDataRole.UserRole] = p
        if p.is_example:
            out[Qt.ItemDataRole.ToolTipRole] = self.tr(
                "Example position – remove the example portfolio with one click above the table.")
            out[Qt.ItemDataRole.ForegroundRole] = _brush(theme().muted)
            out[Qt.ItemDataRole.FontRole] = _italic()
        return out

    def _live_cell(self, p: Position, col: int, f: dict) -> dict:
        v = f.get(self._LIVE_KEYS[col])
        out = {SORT_ROLE: float("-inf") if v is None else float(v), ALIGN: RIGHT}
        if col == COL_AGE:
            out[DISPLAY] = self.age_text(v, f.get("state"))
        elif v is None:
            out[DISPLAY] = "–"
        elif col in (COL_PRICE, COL_VALUE, COL_PNL):
            out[DISPLAY] = money_text(v, self._report.base_currency if self._report else "")
        else:
            out[DISPLAY] = percent_text(v)
        t = theme()
        if col in (COL_PNL, COL_PNL_PCT, COL_CHANGE) and v is not None and v != 0:
            out[Qt.ItemDataRole.ForegroundRole] = _brush(t.positive if v > 0 else t.negative)
        elif col == COL_AGE and f.get("state") in WARNING_STATES:
            out[Qt.ItemDataRole.ForegroundRole] = _brush(t.negative)
        current = "status" not in f or is_current(f["status"], f["detail"])
        if col != COL_AGE and v is not None and not current:  # old or sample data: greyed, never coloured
            out[Qt.ItemDataRole.ForegroundRole] = _brush(t.muted)
            out[Qt.ItemDataRole.FontRole] = _italic()
            out[Qt.ItemDataRole.ToolTipRole] = self._as_of.tooltip(f["status"], f["as_of"], f["detail"])
        elif col in (COL_DROP, COL_DRAWDOWN) and v is not None:  # background and text from the same pair
            background, foreground = t.light(self.traffic_light(p.symbol, v)).brushes()
            out[Qt.ItemDataRole.BackgroundRole] = background
            out[Qt.ItemDataRole.ForegroundRole] = foreground
        if col == COL_AGE and self._price_age.tooltip(f.get("state")):
            out[Qt.ItemDataRole.ToolTipRole] = self._price_age.tooltip(f.get("state"))
        return out

    def _refresh(self, columns, rows=None) -> None:
        """Write the roles that changed into the items; one dataChanged for the touched rectangle."""
        rep = self._report
        self._by_symbol = {a.symbol: a for a in rep.assets} if rep is not None else {}
        columns = tuple(columns)
        touched_rows: list[int] = []
        touched_cols: set[int] = set()
        blocked = self.blockSignals(True)
        try:
            for r in (range(len(self._rows)) if rows is None else rows):
                p = self._rows[r]
                figures = self._figures(p) if any(c not in EDITABLE for c in columns) else {}
                shown = self._shown[r]
                for col in columns:
                    new = self._cell(p, col, figures)
                    old = shown[col]
                    if new == old:
                        continue
                    item = self.item(r, col)
                    for role in old.keys() - new.keys():
                        item.setData(None, role)
                    for role, value in new.items():
                        if old.get(role) != value:
                            item.setData(value, role)
                    shown[col] = new
                    touched_rows.append(r)
                    touched_cols.add(col)
        finally:
            self.blockSignals(blocked)
        if touched_rows:
            self.dataChanged.emit(self.index(min(touched_rows), min(touched_cols)),
                                  self.index(max(touched_rows), max(touched_cols)))

    _LIVE_KEYS = {COL_PRICE: "price", COL_AGE: "age", COL_VALUE: "value", COL_PNL: "pnl", COL_PNL_PCT: "pnl_pct",
                  COL_WEIGHT: "weight", COL_CHANGE: "change", COL_DROP: "drop", COL_DRAWDOWN: "drawdown"}

    def restyle(self) -> None:
        """Every cell again with the colours of the current theme (after a palette change)."""
        self._refresh(range(COLUMN_COUNT))

    def traffic_light(self, symbol: str, value: float) -> str:
        warn, crit = self._thresholds.get(symbol, self._default_thresholds)
        if crit is not None and value <= crit:
            return RED
        if warn is not None and value <= warn:
            return AMBER if crit is not None else RED
        if warn is not None and value <= warn * 0.75:
            return AMBER
        return GREEN

    def age_text(self, age_s: float | None, state: str | None) -> str:
        return self._price_age.text(age_s, state)

    def _display(self, p: Position, col: int) -> str:
        if col == COL_SYMBOL:
            return p.symbol
        if col == COL_KIND:
            return self.kind_label(p.asset.kind)
        if col == COL_QTY:
            return decimal_text(p.quantity)
        if col == COL_COST:
            return decimal_text(p.cost_basis)
        if col == COL_CURRENCY:
            return p.asset.quote_currency
        if col == COL_ACCOUNT:
            return p.account
        return p.note

    def _edit_value(self, p: Position, col: int):
        if col == COL_KIND:
            return p.asset.kind.value
        if col == COL_QTY:
            return edit_text(p.quantity)
        if col == COL_COST:
            return edit_text(p.cost_basis)
        return self._display(p, col)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        old = self._rows[index.row()]
        try:
            new = self._apply(old, index.column(), str(value))
            if new == old:
                return False
            self._store.update_position(new)
        except (ValueError, RiskWatchError) as exc:
            self.edit_rejected.emit(self.tr("The change was not saved: %1").replace("%1", str(exc)))
            return False
        self._rows[index.row()] = self._store.get_position(new.id) or new
        self._refresh(range(COLUMN_COUNT), rows=(index.row(),))
        self.positions_changed.emit()
        return True

    @staticmethod
    def _apply(p: Position, col: int, text: str) -> Position:
        a = p.asset
        # Any edit turns an example position into the user's own.
        if col == COL_SYMBOL:
            return dataclasses.replace(p, asset=Asset(text, a.kind, a.quote_currency), is_example=False)
        if col == COL_KIND:
            return dataclasses.replace(p, asset=Asset(a.symbol, AssetKind.parse(text), a.quote_currency),
                                       is_example=False)
        if col == COL_QTY:
            return dataclasses.replace(p, quantity=NumberInput().quantity(text, p.quantity), is_example=False)
        if col == COL_COST:
            return dataclasses.replace(p, cost_basis=NumberInput().cost_basis(text, p.cost_basis), is_example=False)
        if col == COL_CURRENCY:
            return dataclasses.replace(p, asset=Asset(a.symbol, a.kind, text), is_example=False)
        if col == COL_ACCOUNT:
            return dataclasses.replace(p, account=text, is_example=False)
        return dataclasses.replace(p, note=text, is_example=False)

    # -- store access -------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        blocked = self.blockSignals(True)
        try:
            self._rows = self._store.list_positions()
            self.setRowCount(0)
            self.setRowCount(len(self._rows))
            self._shown = [[{} for _ in range(COLUMN_COUNT)] for _ in self._rows]
            for r in range(len(self._rows)):
                for col in range(COLUMN_COUNT):
                    item = QStandardItem()
                    item.setFlags(EDIT_FLAGS if col in EDITABLE else READ_FLAGS)
                    self.setItem(r, col, item)
        finally:
            self.blockSignals(blocked)
        self._refresh(range(COLUMN_COUNT))
        self.endResetModel()

    def position_at(self, row: int) -> Position | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def positions(self) -> list[Position]:
        return list(self._rows)

    def has_examples(self) -> bool:
        return any(p.is_example for p in self._rows)
