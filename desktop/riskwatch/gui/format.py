"""Locale-aware display of numbers, dates and times for the widgets (1.234,56 and 01.12.2026 in German,
1,234.56 and 2026-12-01 in English): the one place that decides how the UI language writes them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


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


# -- the UI language's locale, dates and times ----------------------------------------------------------------
# Every number, date, time and axis follows the *UI language*, never the system locale: Translator.set_language
# makes ui_locale(language) the default QLocale, and the helpers below read that default.
# Dates: German ``01.12.2026``, English ISO-like ``2026-12-01``; times 24 h ``19:18`` in both.
DATE_FORMATS = {"de": "dd.MM.yyyy", "en": "yyyy-MM-dd"}
TIME_FORMAT = "HH:mm"


def ui_locale(language: str) -> QLocale:
    """The locale of a UI language: de_DE for ``"de"``, en_US for anything else."""
    if language == "de":
        return QLocale(QLocale.Language.German, QLocale.Country.Germany)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def ui_language(locale: QLocale | None = None) -> str:
    """``"de"`` or ``"en"``: the UI language a locale (default: the current default QLocale) stands for."""
    return "de" if (locale or QLocale()).language() == QLocale.Language.German else "en"


def date_format(locale: QLocale | None = None) -> str:
    """Qt date format of the UI language: ``dd.MM.yyyy`` (German) or ``yyyy-MM-dd`` (English)."""
    return DATE_FORMATS[ui_language(locale)]


def number_text(value: float, decimals: int = 2, locale: QLocale | None = None, *, trim: bool = True) -> str:
    """A float with the locale's separators and a real minus sign (U+2212); ``trim`` drops trailing zeros."""
    loc = locale or QLocale()
    text = loc.toString(abs(float(value)), "f", decimals)
    point = loc.decimalPoint()
    if trim and point in text:
        text = text.rstrip("0").rstrip(point)
    sign = "\u2212" if value < 0 and text.strip("0.,") else ""
    return sign + text


def _local_qdatetime(ts: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(round(ts.timestamp() * 1000))).toLocalTime()


def date_text(day: date | datetime | None, locale: QLocale | None = None) -> str:
    """``01.12.2026`` / ``2026-12-01``. A calendar date is shown as is; an aware datetime in local time."""
    if day is None:
        return ""
    loc = locale or QLocale()
    if isinstance(day, datetime) and day.tzinfo is not None:
        qdate = _local_qdatetime(day).date()
    else:
        qdate = QDate(day.year, day.month, day.day)
    return loc.toString(qdate, date_format(loc))


def as_of_date_text(ts: datetime | None, locale: QLocale | None = None) -> str:
    """The calendar day data as of ``ts`` belongs to: ``29.11.2025`` for the close of the daily bar of
    29 November. A crypto daily close is stamped at the end of its UTC day (00:00 UTC of the next day), which
    in any local time zone east of UTC would read as the day after the bar."""
    if ts is None:
        return ""
    if ts.tzinfo is not None:
        at = ts.astimezone(timezone.utc)
        if (at.hour, at.minute, at.second, at.microsecond) == (0, 0, 0, 0):
            return date_text((at - timedelta(days=1)).date(), locale)
    return date_text(ts, locale)


def datetime_text(ts: datetime | None, locale: QLocale | None = None, *, seconds: bool = False) -> str:
    """``01.12.2026 19:18`` / ``2026-12-01 19:18`` in the local time of this computer."""
    if ts is None:
        return ""
    loc = locale or QLocale()
    qdt = _local_qdatetime(ts) if ts.tzinfo is not None else QDateTime(
        QDate(ts.year, ts.month, ts.day), QTime(ts.hour, ts.minute, ts.second))
    time_fmt = TIME_FORMAT + (":ss" if seconds else "")
    return f"{loc.toString(qdt.date(), date_format(loc))} {loc.toString(qdt.time(), time_fmt)}"


def two_line_header(text: str, longer_than: int = 13) -> str:
    """A long column title on two lines, broken at the space nearest its middle ("Veränderung\\n24 h"):
    a table's width is set by its titles more than by its numbers, and 13 one-line German titles do not fit
    1280 pixels. Short titles and titles without a space stay on one line."""
    if len(text) <= longer_than or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1:]
