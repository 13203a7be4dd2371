"""The stress dialog's table of inputs by hand, one row per holding: the report's betas, a beta to BTC the user
sets for the scenario (read with ``domain.numbers.parse_typed_number`` in the UI language; an asset without a
beta of its own is otherwise left out of the result, never shocked by 0), and a shock typed by hand."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from riskwatch.domain.numbers import TypedNumberError, format_typed_number, parse_typed_number
from riskwatch.gui.alert_text import number_text
from riskwatch.gui.dialogs.stress_text import parse_percent, user_beta_label
from riskwatch.gui.format import ui_language
from riskwatch.gui.number_input import NumberInput
from riskwatch.gui.theme import paint, theme

# Columns.
M_SYMBOL, M_BETA_BTC, M_USER_BETA, M_BETA_QQQ, M_SHOCK = range(5)


class ByHandTable(QTableWidget):
    """``holdings``: the stress holdings; ``betas_btc`` / ``betas_qqq``: the report's betas per symbol."""

    inputs_edited = Signal()

    def __init__(self, holdings: Sequence, betas_btc: dict, betas_qqq: dict, parent=None):
        super().__init__(len(holdings), 5, parent)
        self.setObjectName("manualShocks")
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._numbers = NumberInput(self)
        for row, h in enumerate(holdings):
            for col, beta in ((M_BETA_BTC, betas_btc.get(h.symbol)), (M_BETA_QQQ, betas_qqq.get(h.symbol))):
                item = QTableWidgetItem(number_text(beta, 2) if beta is not None else "–")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.setItem(row, col, item)
            sym = QTableWidgetItem(h.symbol)
            sym.setFlags(sym.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, M_SYMBOL, sym)
            self.setItem(row, M_USER_BETA, QTableWidgetItem(""))
            self.setItem(row, M_SHOCK, QTableWidgetItem(""))
        self.itemChanged.connect(self._on_item_changed)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Asset"), self.tr("Beta to BTC"), user_beta_label(),
                                        self.tr("Beta to QQQ"), self.tr("Shock in %")])
        self.horizontalHeaderItem(M_USER_BETA).setToolTip(self.tr(
            "A beta to BTC you set for this scenario; it replaces the computed one. Without any beta an asset's "
            "move is unknown and it is left out of the portfolio's result."))

    # -- reading ----------------------------------------------------------------------------------------
    def _cell(self, row: int, col: int) -> str:
        item = self.item(row, col)
        return item.text().strip() if item is not None else ""

    def _beta(self, text: str) -> tuple[float | None, str]:
        """(the beta, "") or (None, why it was refused); an empty text is no beta and no error."""
        if not text:
            return None, ""
        try:
            return float(parse_typed_number(text, ui_language())), ""
        except TypedNumberError as exc:
            return None, self._numbers.explain(exc, user_beta_label())

    def manual_shocks(self) -> dict[str, float]:
        out = {}
        for row in range(self.rowCount()):
            text = self._cell(row, M_SHOCK)
            value = parse_percent(text) if text else None
            if value is not None and value >= -1.0:
                out[self._cell(row, M_SYMBOL)] = value
        return out

    def user_betas(self) -> dict[str, float]:
        """The betas to BTC the user set (rows with a refused text are left out, and painted)."""
        out = {}
        for row in range(self.rowCount()):
            value, _ = self._beta(self._cell(row, M_USER_BETA))
            if value is not None:
                out[self._cell(row, M_SYMBOL)] = value
        return out

    # -- writing ----------------------------------------------------------------------------------------
    def _row(self, symbol: str) -> int:
        for row in range(self.rowCount()):
            if self._cell(row, M_SYMBOL) == symbol:
                return row
        raise KeyError(symbol)

    def set_manual_shock(self, symbol: str, fraction: float | None) -> None:
        text = "" if fraction is None else self.locale().toString(fraction * 100.0, "f", 1)
        self.item(self._row(symbol), M_SHOCK).setText(text)

    def set_user_beta(self, symbol: str, beta: str | float | None) -> None:
        """``beta``: the text as typed, or a number (written in the UI language's notation); None clears it."""
        if beta is not None and not isinstance(beta, str):
            beta = format_typed_number(Decimal(repr(float(beta))), ui_language(), group=False)
        self.item(self._row(symbol), M_USER_BETA).setText(beta or "")

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() not in (M_SHOCK, M_USER_BETA):
            return
        text = item.text().strip()
        if item.column() == M_SHOCK:
            value = parse_percent(text) if text else None
            why = self.tr("Enter a percentage of at least −100, e.g. −20") if text and (
                value is None or value < -1.0) else ""
        else:
            why = self._beta(text)[1]
        self.blockSignals(True)
        paint(item, theme().bad if why else None)
        item.setToolTip(why)
        self.blockSignals(False)
        self.inputs_edited.emit()


__all__ = ["M_BETA_BTC", "M_BETA_QQQ", "M_SHOCK", "M_SYMBOL", "M_USER_BETA", "ByHandTable"]
