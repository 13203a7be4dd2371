"""Language choice and number/date formatting for command-line output (the GUI uses Qt's translation).

Messages are translated by :class:`riskwatch.texts.catalog.Texts` from the GUI's translation file (context
``Cli``), the one translation mechanism for text outside widgets.

German first: a ``de`` locale in LC_ALL / LC_MESSAGES / LANG gives German text and formats.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime

from riskwatch.texts.catalog import QT_TRANSLATE_NOOP, Texts

from riskwatch.options import options_of

MINUS = "\u2212"


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """``de`` or ``en`` from RISKWATCH_LANG and the locale variables (see :meth:`RuntimeOptions.cli_language`)."""
    return options_of(environ=environ).cli_language()


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
    return Texts(lang).cli(text)


#: The messages of this module, for lupdate: their German is in the translation file (context "Cli").
_MESSAGES = (
    QT_TRANSLATE_NOOP("Cli", "No positions."),
    QT_TRANSLATE_NOOP("Cli", "Symbol"),
    QT_TRANSLATE_NOOP("Cli", "Kind"),
    QT_TRANSLATE_NOOP("Cli", "Quantity"),
    QT_TRANSLATE_NOOP("Cli", "Cost basis"),
    QT_TRANSLATE_NOOP("Cli", "Currency"),
    QT_TRANSLATE_NOOP("Cli", "Account"),
    QT_TRANSLATE_NOOP("Cli", "Note"),
    QT_TRANSLATE_NOOP("Cli", "crypto"),
    QT_TRANSLATE_NOOP("Cli", "equity"),
    QT_TRANSLATE_NOOP("Cli", "index"),
    QT_TRANSLATE_NOOP("Cli", "stablecoin"),
    QT_TRANSLATE_NOOP("Cli", "Imported {n} position(s) from {file}."),
    QT_TRANSLATE_NOOP("Cli", "Replaced all positions by {n} position(s) from {file}."),
    QT_TRANSLATE_NOOP("Cli", "Exported {n} position(s) to {file}."),
    QT_TRANSLATE_NOOP("Cli", "Imported {n} price bar(s) for {symbol} from {file} ({first} to {last}, column {column})."),
)
