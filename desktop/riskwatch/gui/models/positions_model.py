"""Table model of the positions; edits are validated by the domain and written to the store."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from riskwatch.domain.errors import RiskWatchError
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.domain.numbers import parse_number
from riskwatch.gui.format import decimal_text, edit_text, money_text, percent_text

(COL_SYMBOL, COL_KIND, COL_QTY, COL_COST, COL_PRICE, COL_AGE, COL_VALUE, COL_PNL, COL_PNL_PCT, COL_WEIGHT,
 COL_CHANGE, COL_DROP, COL_DRAWDOWN, COL_CURRENCY, COL_ACCOUNT, COL_NOTE) = range(16)
COLUMN_COUNT = 16
EDITABLE = {COL_SYMBOL, COL_KIND, COL_QTY, COL_COST, COL_CURRENCY, COL_ACCOUNT, COL_NOTE}
NUMERIC = {COL_QTY, COL_COST, COL_PRICE, COL_AGE, COL_VALUE, COL_PNL, COL_PNL_PCT, COL_WEIGHT, COL_CHANGE, COL_DROP,
           COL_DRAWDOWN}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

GREEN, AMBER, RED = QColor("#d8f0d8"), QColor("#ffe9b3"), QColor("#f8c9c9")
TEXT_GREEN, TEXT_RED = QColor("#146c2e"), QColor("#b00020")


class PositionsTableModel(QAbstractTableModel):
    """Rows are Position objects; the store is the source of truth (reloaded after each change)."""

    edit_rejected = Signal(str)
    positions_changed = Signal()

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self._rows: list[Position] = []
        self._report = None
        self._thresholds: dict[str, tuple[float | None, float | None]] = {}
        self._default_thresholds: tuple[float | None, float | None] = (-0.17, -0.25)
        self.reload()

    # -- live figures -------------------------------------------------------------------------
    def set_report(self, report) -> None:
        """Show the figures of a RiskReport (immutable; replaces the previous one)."""
        self._report = report
        self._cells = {}  # painting asks data() for many roles per cell: compute each cell once per report
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_PRICE), self.index(len(self._rows) - 1, COL_DRAWDOWN))

    def set_thresholds(self, thresholds: dict[str, tuple[float | None, float | None]],
                       default: tuple[float | None, float | None] | None = None) -> None:
        """Traffic-light thresholds (warning, critical) for the drop from the 30-day high, per symbol."""
        self._thresholds = dict(thresholds)
        if default is not None:
            self._default_thresholds = default
        self.set_report(self._report)

    def _figures(self, p: Position) -> dict:
        """Per-position figures (value, P&L, weight in the base currency) from the report's per-asset row."""
        rep = self._report
        a = rep.asset(p.symbol) if rep is not None else None
        if a is None:
            return {}
        out = {"price": a.price, "age": a.price_age_s, "state": a.price_state, "change": a.change_24h,
               "drop": a.drop_from_high, "drawdown": a.drawdown}
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
        self._cells = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            if section in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltips().get(section)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in EDITABLE else flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        p = self._rows[index.row()]
        col = index.column()
        if col not in EDITABLE:
            return self._live_data(p, col, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(p, col)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(p, col)
        if role == SORT_ROLE:
            if col == COL_QTY:
                return float(p.quantity)
            if col == COL_COST:
                return float(p.cost_basis)
            return self._display(p, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and p.is_example:
            return self.tr("Example position – remove the example portfolio with one click above the table.")
        if role == Qt.ItemDataRole.ForegroundRole and p.is_example:
            return QBrush(QColor("#555555"))
        if role == Qt.ItemDataRole.FontRole and p.is_example:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return p
        return None

    _LIVE_KEYS = {COL_PRICE: "price", COL_AGE: "age", COL_VALUE: "value", COL_PNL: "pnl", COL_PNL_PCT: "pnl_pct",
                  COL_WEIGHT: "weight", COL_CHANGE: "change", COL_DROP: "drop", COL_DRAWDOWN: "drawdown"}

    def _live_data(self, p: Position, col: int, role):
        key = (p.id, col, role)
        try:
            return self._cells[key]
        except KeyError:
            pass
        except AttributeError:
            self._cells = {}
        value = self._live_data_uncached(p, col, role)
        self._cells[key] = value
        return value

    def _live_data_uncached(self, p: Position, col: int, role):
        f = self._figures(p)
        v = f.get(self._LIVE_KEYS[col])
        if role == SORT_ROLE:
            return float("-inf") if v is None else float(v)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_AGE:
                return self.age_text(v, f.get("state"))
            if v is None:
                return "–"
            if col in (COL_PRICE, COL_VALUE, COL_PNL):
                return money_text(v, self._report.base_currency if self._report else "")
            return percent_text(v)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (COL_PNL, COL_PNL_PCT, COL_CHANGE) and v is not None and v != 0:
                return QBrush(TEXT_GREEN if v > 0 else TEXT_RED)
            if col == COL_AGE and f.get("state") in ("stale", "missing"):
                return QBrush(TEXT_RED)
        if role == Qt.ItemDataRole.BackgroundRole and col in (COL_DROP, COL_DRAWDOWN) and v is not None:
            return QBrush(self.traffic_light(p.symbol, v))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_AGE and f.get("state") == "stale":
            return self.tr("Price is stale: no fresh price for more than three refresh intervals.")
        return None

    def traffic_light(self, symbol: str, value: float) -> QColor:
        warn, crit = self._thresholds.get(symbol, self._default_thresholds)
        if crit is not None and value <= crit:
            return RED
        if warn is not None and value <= warn:
            return AMBER if crit is not None else RED
        if warn is not None and value <= warn * 0.75:
            return AMBER
        return GREEN

    def age_text(self, age_s: float | None, state: str | None) -> str:
        if state == "missing" or age_s is None:
            return self.tr("no price")
        if age_s < 90:
            text = self.tr("%1 s").replace("%1", str(int(age_s)))
        elif age_s < 5400:
            text = self.tr("%1 min").replace("%1", str(round(age_s / 60)))
        elif age_s < 2 * 86400:
            text = self.tr("%1 h").replace("%1", str(round(age_s / 3600)))
        else:
            text = self.tr("%1 days").replace("%1", str(round(age_s / 86400)))
        if state == "stale":
            return self.tr("stale (%1)").replace("%1", text)
        if state == "market_closed":
            return self.tr("market closed (%1)").replace("%1", text)
        return text

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
        self._cells = {}
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COLUMN_COUNT - 1))
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
            return dataclasses.replace(p, quantity=_number(text, "quantity"), is_example=False)
        if col == COL_COST:
            return dataclasses.replace(p, cost_basis=_number(text, "cost basis"), is_example=False)
        if col == COL_CURRENCY:
            return dataclasses.replace(p, asset=Asset(a.symbol, a.kind, text), is_example=False)
        if col == COL_ACCOUNT:
            return dataclasses.replace(p, account=text, is_example=False)
        return dataclasses.replace(p, note=text, is_example=False)

    # -- store access -------------------------------------------------------------------------
    def reload(self) -> None:
        self._cells = {}
        self.beginResetModel()
        self._rows = self._store.list_positions()
        self.endResetModel()

    def position_at(self, row: int) -> Position | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def positions(self) -> list[Position]:
        return list(self._rows)

    def has_examples(self) -> bool:
        return any(p.is_example for p in self._rows)


def _number(text: str, name: str) -> Decimal:
    try:
        return parse_number(text)
    except ValueError as exc:
        raise ValueError(f"{name} {exc}") from None
