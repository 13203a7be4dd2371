"""Quantities and cost bases typed in the UI: one reader for the position dialog and the in-place edit.

Numbers are read in the notation of the UI language (``riskwatch.domain.numbers.parse_typed_number``),
checked against the bounds every path keeps (``check_quantity`` / ``check_cost_basis``), and refused with
a translated sentence that gives the reading the text would make: never guessed.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject

from riskwatch.domain.numbers import (MAX_COST_BASIS, MAX_QUANTITY, MIN_POSITIVE, TypedNumberError,
                                      check_cost_basis, check_quantity, format_typed_number, parse_typed_number)
from riskwatch.gui.format import ui_language


class NumberInput(QObject):
    """Reads typed amounts; raises ValueError with a message for the user (field name first)."""

    def quantity(self, text: str, current: Decimal | None = None) -> Decimal:
        return self._amount(text, self.tr("Quantity"), check_quantity, MAX_QUANTITY, current)

    def cost_basis(self, text: str, current: Decimal | None = None) -> Decimal:
        return self._amount(text, self.tr("Cost basis"), check_cost_basis, MAX_COST_BASIS, current)

    def _amount(self, text: str, label: str, check, maximum: Decimal, current: Decimal | None) -> Decimal:
        lang = ui_language()
        try:
            value = parse_typed_number(text, lang, current)
        except TypedNumberError as exc:
            if exc.code != "out_of_range":
                raise ValueError(self.explain(exc, label)) from None
            value = None
        if value is not None and value < 0:
            raise ValueError(self.tr("%1 must not be negative.").replace("%1", label))
        if value is not None:
            try:
                return check(value, name="")
            except ValueError:
                pass
        raise ValueError(self.tr("%1 must be 0 or between %2 and %3.").replace("%1", label)
                         .replace("%2", format_typed_number(MIN_POSITIVE, lang))
                         .replace("%3", format_typed_number(maximum, lang)))

    def explain(self, exc: TypedNumberError, label: str) -> str:
        """The sentence for a refused number, with the reading(s) in the UI language's notation."""
        if exc.code == "other_convention":
            text = self.tr("%1: %2 is not a number in English notation — did you mean %3?")
        elif exc.code == "ambiguous":
            text = self.tr("%1: %2 can be read two ways — did you mean %3 or %4?")
        else:
            examples = (format_typed_number(Decimal(v), exc.language) for v in ("0.5", "1234.56"))
            return self.tr("%1: enter a number such as %2 or %3.").replace("%1", label).replace(
                "%2", next(examples)).replace("%3", next(examples))
        suggestions = list(exc.suggestions) + ["", ""]
        # %2 last: the user's text may itself contain "%3"
        return (text.replace("%1", label).replace("%3", suggestions[0]).replace("%4", suggestions[1])
                .replace("%2", exc.text.strip()))
