"""Amounts typed in the fundamentals dialog: read in the UI language's notation (``parse_typed_number``, as the
tables display numbers), checked against plain bounds, and refused with a sentence naming the field and the
reading the text would make; never guessed. An empty optional field is None."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject

from riskwatch.domain.numbers import TypedNumberError, format_typed_number, parse_typed_number
from riskwatch.gui.format import ui_language
from riskwatch.gui.number_input import NumberInput

#: Larger than any miner's balance-sheet figure or contract (USD), or share count: a typing slip.
MAX_AMOUNT = Decimal("1e13")
MAX_TERM_YEARS = Decimal("100")


class FundamentalsInput(QObject):
    """Raises ValueError with a message for the user (the field's name first)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._numbers = NumberInput(self)

    def amount(self, text: str, label: str, *, positive: bool = False) -> float:
        """A non-negative (``positive``: above zero) amount up to MAX_AMOUNT (USD or shares); required."""
        return float(self._bounded(text, label, MAX_AMOUNT, allow_zero=not positive))

    def term(self, text: str, label: str) -> float | None:
        """A contract's term in years (0 < t ≤ 100), or None when left empty."""
        if not (text or "").strip():
            return None
        return float(self._bounded(text, label, MAX_TERM_YEARS, allow_zero=False))

    def _bounded(self, text: str, label: str, maximum: Decimal, *, allow_zero: bool) -> Decimal:
        lang = ui_language()
        if not (text or "").strip():
            raise ValueError(self.tr("%1: enter a value.").replace("%1", label))
        try:
            value = parse_typed_number(text, lang)
        except TypedNumberError as exc:
            if exc.code != "out_of_range":
                raise ValueError(self._numbers.explain(exc, label)) from None
            value = None
        if value is not None and value < 0:
            raise ValueError(self.tr("%1 must not be negative.").replace("%1", label))
        if value is None or value > maximum or (value == 0 and not allow_zero):
            low = "0" if allow_zero else self.tr("more than 0")
            raise ValueError(self.tr("%1 must be between %2 and %3.").replace("%1", label).replace("%2", low)
                             .replace("%3", format_typed_number(maximum, lang)))
        return value


__all__ = ["FundamentalsInput", "MAX_AMOUNT", "MAX_TERM_YEARS"]
