"""Language choice and number/date formatting for command-line output (the GUI uses Qt's translation).

German first: a ``de`` locale in LC_ALL / LC_MESSAGES / LANG gives German text and formats.
"""

from __future__ import annotations

import math
import os
from datetime import date, datetime

MINUS = "\u2212"


def cli_language(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for var in ("RISKWATCH_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var)
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


def fmt_number(value: float | None, decimals: int = 2, lang: str = "en") -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{abs(value):,.{decimals}f}"
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    sign = MINUS if value < 0 and float(text.replace(".", "").replace(",", "") or 0) != 0 else ""
    return sign + text


def fmt_percent(fraction: float | None, decimals: int = 1, lang: str = "en") -> str:
    """Fraction to percent: ``−17,0 %`` in German (DIN 5008: space, real minus), ``−17.0%`` in English."""
    if fraction is None or not math.isfinite(fraction):
        return "–"
    num = fmt_number(fraction * 100, decimals, lang)
    return f"{num} %" if lang == "de" else f"{num}%"


def fmt_date(value: date | datetime | None, lang: str = "en") -> str:
    if value is None:
        return "–"
    return value.strftime("%d.%m.%Y") if lang == "de" else value.strftime("%Y-%m-%d")


def tr(text: str, lang: str) -> str:
    """Translate a command-line message to German when ``lang`` is ``de``."""
    if lang != "de":
        return text
    return _DE.get(text, text)


_DE = {
    "No positions.": "Keine Positionen.",
    "Symbol": "Symbol",
    "Kind": "Art",
    "Quantity": "Menge",
    "Cost basis": "Einstandskurs",
    "Currency": "Währung",
    "Account": "Konto",
    "Note": "Notiz",
    "crypto": "Krypto",
    "equity": "Aktie",
    "index": "Index",
    "stablecoin": "Stablecoin",
    "Imported {n} position(s) from {file}.": "{n} Position(en) aus {file} importiert.",
    "Replaced all positions by {n} position(s) from {file}.":
        "Alle Positionen durch {n} Position(en) aus {file} ersetzt.",
    "Exported {n} position(s) to {file}.": "{n} Position(en) nach {file} exportiert.",
    "Imported {n} price bar(s) for {symbol} from {file} ({first} to {last}, column {column}).":
        "{n} Kurs(e) für {symbol} aus {file} importiert ({first} bis {last}, Spalte {column}).",
}
