"""Numbers typed into the market dialog: basket weights in percent and regime thresholds in the indicator's
unit, read in the notation of the UI language (``domain.numbers.parse_typed_number``, as the positions table
does) and refused with a sentence that says why; never guessed.

Fraction thresholds (a drop, a return, a peg deviation, a funding rate) are typed in percent: ``-17`` is −17 %
and stored as −0.17. The text each field starts with reads back to exactly the stored value.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject

from riskwatch.domain.catalogue import Unit
from riskwatch.domain.numbers import TypedNumberError, format_typed_number, parse_typed_number
from riskwatch.gui.dialogs.rule_fields import threshold_range
from riskwatch.gui.format import ui_language
from riskwatch.gui.market_text import unit_of_key
from riskwatch.gui.number_input import NumberInput
from riskwatch.texts.alerts import split_metric_key

MAX_WEIGHT = Decimal(100)


def percent_factor(metric_key: str) -> Decimal:
    """What the stored threshold is multiplied by for the field: 100 for fractions (typed in percent)."""
    return Decimal(100) if unit_of_key(metric_key) is Unit.FRACTION else Decimal(1)


def shown_number(value: float, factor: Decimal = Decimal(1)) -> str:
    """A stored number as the field shows it (the UI language's notation, no grouping, trailing zeros dropped)."""
    d = (Decimal(repr(float(value))) * factor).normalize()
    d = d.quantize(Decimal(1)) if d == d.to_integral() else d
    return format_typed_number(d, ui_language(), group=False)


class MarketInput(QObject):
    """Reads the dialog's typed numbers; raises ValueError with a message for the user."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._numbers = NumberInput(self)

    def _read(self, text: str, label: str) -> Decimal:
        try:
            return parse_typed_number(text.replace("%", "").strip(), ui_language())
        except TypedNumberError as exc:
            raise ValueError(self._numbers.explain(exc, label)) from None

    def weight(self, text: str, ticker: str) -> float:
        """A constituent's weight in percent: more than 0, at most 100."""
        label = self.tr("Weight of %1").replace("%1", ticker or "?")
        value = self._read(text, label)
        if not (0 < value <= MAX_WEIGHT):
            raise ValueError(self.tr("%1 must be more than 0 and at most 100 %.").replace("%1", label))
        return float(value)

    def threshold(self, text: str, metric_key: str, name: str) -> float:
        """An indicator's threshold, typed in percent for a fraction metric; within the metric's range."""
        label = self.tr("Threshold of %1").replace("%1", name)
        factor = percent_factor(metric_key)
        stored = float(self._read(text, label) / factor)
        lo, hi = threshold_range(split_metric_key(metric_key)[0])
        if (lo is not None and stored < lo) or (hi is not None and stored > hi):
            lo_t = shown_number(lo, factor) if lo is not None else "−∞"
            hi_t = shown_number(hi, factor) if hi is not None else "∞"
            raise ValueError(self.tr("%1 must lie between %2 and %3.").replace("%1", label)
                             .replace("%2", lo_t).replace("%3", hi_t))
        return stored


__all__ = ["MarketInput", "percent_factor", "shown_number"]
