"""Locale-aware display of numbers for the widgets (1.234,56 in German, 1,234.56 in English)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale


def decimal_text(value: Decimal, locale: QLocale | None = None, group: bool = True) -> str:
    """Show a Decimal exactly (no float rounding) with the locale's separators."""
    loc = locale or QLocale()
    text = format(value.normalize() if value == value.to_integral() else value, "f")
    neg = text.startswith("-")
    text = text.lstrip("-")
    whole, _, frac = text.partition(".")
    if group and len(whole) > 3:
        parts = []
        while len(whole) > 3:
            parts.insert(0, whole[-3:])
            whole = whole[:-3]
        parts.insert(0, whole)
        whole = loc.groupSeparator().join(parts)
    out = whole + (loc.decimalPoint() + frac if frac else "")
    return ("\u2212" if neg else "") + out


def edit_text(value: Decimal, locale: QLocale | None = None) -> str:
    """Text put into an editor: exact, no grouping, the locale's decimal point."""
    return decimal_text(value, locale, group=False).replace("\u2212", "-")


_SYMBOLS = {"USD": "$", "EUR": "€"}


def money_text(value: float, currency: str = "", locale: QLocale | None = None, decimals: int = 2) -> str:
    """``1.234,56 €`` in German, ``$1,234.56`` in English; a real minus sign."""
    loc = locale or QLocale()
    num = loc.toString(abs(float(value)), "f", decimals)
    sign = "\u2212" if value < 0 and num.strip("0.,") else ""
    sym = _SYMBOLS.get(currency, currency)
    if loc.language() == QLocale.Language.German:
        return f"{sign}{num} {sym}".rstrip()
    if sym in ("$", "€"):
        return f"{sign}{sym}{num}"
    return f"{sign}{num} {sym}".rstrip()


def percent_text(fraction: float, locale: QLocale | None = None, decimals: int = 1) -> str:
    """``−17,0 %`` in German (DIN 5008), ``−17.0%`` in English; a real minus sign."""
    loc = locale or QLocale()
    num = loc.toString(abs(float(fraction)) * 100.0, "f", decimals)
    sign = "\u2212" if fraction < 0 and num.strip("0.,") else ""
    if loc.language() == QLocale.Language.German:
        return f"{sign}{num} %"
    return f"{sign}{num}%"
