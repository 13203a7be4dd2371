"""Add / edit one position, with validation before anything reaches the store."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)

from riskwatch.domain.model import Asset, AssetKind, Position, normalize_symbol
from riskwatch.gui.format import edit_text
from riskwatch.gui.number_input import NumberInput
from riskwatch.gui.theme import theme


class PositionDialog(QDialog):
    def __init__(self, parent=None, position: Position | None = None):
        super().__init__(parent)
        self._original = position
        self.setWindowTitle(self.tr("Edit position") if position else self.tr("New position"))
        self.symbol = QLineEdit()
        self.symbol.setPlaceholderText(self.tr("e.g. BTC or IREN"))
        self.kind = QComboBox()
        for kind, label in ((AssetKind.CRYPTO, self.tr("Crypto")), (AssetKind.EQUITY, self.tr("Stock")),
                            (AssetKind.INDEX, self.tr("Index")), (AssetKind.STABLECOIN, self.tr("Stablecoin"))):
            self.kind.addItem(label, kind.value)
        self.quantity = QLineEdit()
        self.cost_basis = QLineEdit()
        self.cost_basis.setPlaceholderText(self.tr("price paid per unit"))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(["USD", "EUR", "USDT", "CHF", "GBP", "CAD"])
        self.account = QLineEdit()
        self.note = QLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet(theme().text_style(theme().negative))
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Symbol"), self.symbol)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Cost basis"), self.cost_basis)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._result: Position | None = None
        if position is not None:
            self.symbol.setText(position.symbol)
            self.kind.setCurrentIndex(self.kind.findData(position.asset.kind.value))
            self.quantity.setText(edit_text(position.quantity))
            self.cost_basis.setText(edit_text(position.cost_basis))
            self.currency.setCurrentText(position.asset.quote_currency)
            self.account.setText(position.account)
            self.note.setText(position.note)
        else:
            self.currency.setCurrentText("USD")

    def result_position(self) -> Position | None:
        return self._result

    def validate(self) -> Position | None:
        """Build the Position from the fields, or show what is wrong and return None."""
        problems = []
        try:
            symbol = normalize_symbol(self.symbol.text())
        except ValueError:
            symbol = None
            problems.append(self.tr("Symbol: enter a ticker such as BTC or IREN (letters and digits)."))
        orig = self._original
        numbers = NumberInput(self)
        quantity = self._number(numbers.quantity, self.quantity.text(), orig.quantity if orig else None, problems)
        cost = self._number(numbers.cost_basis, self.cost_basis.text() or "0", orig.cost_basis if orig else None,
                            problems)
        currency = self.currency.currentText().strip().upper()
        if not (3 <= len(currency) <= 5 and currency.isalpha()):
            problems.append(self.tr("Currency: enter a currency code such as USD or EUR."))
        if problems:
            self.error.setText("\n".join(problems))
            self.error.show()
            return None
        return Position(Asset(symbol, AssetKind(self.kind.currentData()), currency), quantity, cost,
                        self.account.text(), self.note.text(), orig.id if orig else None, False)

    @staticmethod
    def _number(read, text: str, current: Decimal | None, problems: list[str]) -> Decimal | None:
        """``read`` (NumberInput.quantity / .cost_basis) in the UI language's notation, within bounds."""
        try:
            return read(text, current)
        except ValueError as exc:
            problems.append(str(exc))
            return None

    def accept(self) -> None:
        position = self.validate()
        if position is None:
            return
        self._result = position
        super().accept()
