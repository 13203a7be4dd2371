"""What the rule dialog types and reads: thresholds in the user's units, windows in words (units, ranges and
windows from the metric catalogue).

Thresholds of fraction metrics (drop from high, drawdown, return, volatility, VaR …) are entered in percent
(``-17`` means −17 %) and stored as fractions (−0.17); their hysteresis band in percentage points. Price ages
are entered in minutes and stored in seconds. A window is stored as a code (``30D``, ``4H``) and shown and
entered in words ("30 Tage", "30 days", "4 Stunden"); the code itself is accepted too.
"""

from __future__ import annotations

import re
from decimal import Decimal

from riskwatch.domain.catalogue import Unit, spec
from riskwatch.domain.numbers import parse_number

#: A window code as the domain accepts it (a count and a unit of one to three letters).
WINDOW_CODE_RE = re.compile(r"^[1-9][0-9]{0,4}[A-Za-z]{1,3}$")
_WINDOW_WORDS_RE = re.compile(r"^([1-9][0-9]{0,4})\s*([^\W\d_]+)\.?$")
#: Unit words (German and English, singular and plural, abbreviations) -> the unit letter of the code.
_UNITS = {
    **dict.fromkeys(("d", "day", "days", "tag", "tage", "tagen"), "D"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden"), "H"),
    **dict.fromkeys(("w", "wk", "week", "weeks", "wo", "woche", "wochen"), "W"),
}


def unit_of(metric: str) -> Unit | None:
    """The catalogue's unit of a metric code (None for a code the app does not know: shown as typed)."""
    s = spec(metric)
    return s.unit if s is not None else None


def windowed(metric: str) -> bool:
    """Whether the metric needs a time window."""
    s = spec(metric)
    return s is not None and s.windowed


def threshold_range(metric: str) -> tuple[float | None, float | None]:
    """The range a threshold of ``metric`` must lie in (unbounded for an unknown code)."""
    s = spec(metric)
    return (s.low, s.high) if s is not None else (None, None)


def display_factor(metric: str) -> Decimal:
    """Stored value × factor = what the user types: 100 for fractions (percent), 1/60 for seconds (minutes)."""
    unit = unit_of(metric)
    if unit is Unit.FRACTION:
        return Decimal(100)
    if unit is Unit.SECONDS:
        return Decimal(1) / Decimal(60)
    return Decimal(1)


def to_display(metric: str, stored: float) -> Decimal:
    return (Decimal(repr(float(stored))) * display_factor(metric)).normalize()


def to_stored(metric: str, shown: Decimal) -> float:
    return float(shown / display_factor(metric))


def edit_text(value: Decimal, point: str) -> str:
    """A number for an edit field: no exponent, no trailing zeros, the locale's decimal point."""
    text = format(value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize(), "f")
    return text.replace(".", point)


def field_number(text: str) -> Decimal | None:
    """The number typed into a field (either decimal point, a "%" allowed), or None."""
    try:
        return parse_number(text.replace("%", ""))
    except ValueError:
        return None


def parse_window(text: str) -> str | None:
    """``"30 Tage"``, ``"30 days"``, ``"30d"`` or ``"30D"`` -> ``"30D"``; None when it is no window.

    A code with another unit (``"90MIN"``) is passed on as typed, for the domain to judge."""
    text = " ".join(text.split())
    words = _WINDOW_WORDS_RE.match(text)
    if words:
        unit = _UNITS.get(words.group(2).lower())
        if unit is not None:
            return f"{int(words.group(1))}{unit}"
    return text if WINDOW_CODE_RE.match(text) else None


__all__ = ["WINDOW_CODE_RE", "display_factor", "edit_text", "field_number", "parse_window", "threshold_range",
           "to_display", "to_stored", "unit_of", "windowed"]
