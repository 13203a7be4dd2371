"""Dates of price-history files, parsed strictly and one row at a time.

Accepted forms: ISO dates with or without time and offset (``2021-06-21``, ``2021-06-21 04:00:00+00:00``,
``2025-11-04T10:00:00Z``), German dates (``04.11.2025``, optionally followed by a time), epoch seconds or
milliseconds (9 digits or more), and spelled-out forms such as ``Nov 4, 2025`` or ``2025/11/04``. Relative
words (``now``, ``today``, ``yesterday`` …) are refused: a history must say when its prices were.

Every date must lie between :data:`MIN_DATE` and tomorrow (the caller's today + 1 day). The range is checked
on the calendar value *before* anything is converted to pandas' nanosecond timestamps, whose range ends in
1677 and 2262: ``9999-01-01`` is refused, never wrapped around to 1815.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

#: Earliest date a price file may hold (older data is a typo or a wrapped value, not a history we chart).
MIN_DATE = date(1990, 1, 1)

_EPOCH = datetime(1970, 1, 1)
_EPOCH_DATE = _EPOCH.date()
_US = timedelta(microseconds=1)
_NS_PER_DAY = 86_400 * 10**9
_EPOCH_DIGITS = re.compile(r"[+-]?\d{9,16}", re.ASCII)
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(.*)", re.ASCII | re.DOTALL)
_WORD = re.compile(r"[^\W\d_]+")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)", re.ASCII)
_RELATIVE = frozenset({"now", "today", "yesterday", "tomorrow", "ago", "last", "next", "this", "noon",
                       "midnight", "heute", "gestern", "morgen", "jetzt"})
_MONTHS = ("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
           "august september october november december mär märz mai okt dez januar februar juni juli oktober "
           "dezember").split()
# words a spelled-out date may contain; anything else ("next week", "1e5") is not a date
_DATE_WORDS = frozenset(_MONTHS) | {"t", "z", "utc", "gmt", "am", "pm"}


def _shown(text: str) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in text[:40])
    return text if len(text) < 40 else text[:30] + "…"


class DateParser:
    """Parse one date text into (UTC instant, calendar date as written at 00:00 UTC), both int nanoseconds.

    ``today`` is the caller's UTC date (from its clock); dates after ``today + 1 day`` are refused.
    :meth:`parse` raises ValueError with a message for the user.
    """

    def __init__(self, today: date):
        self.min_date = MIN_DATE
        self.max_date = today + timedelta(days=1)

    def parse(self, text: str) -> tuple[int, int]:
        if not text:
            raise ValueError("is empty; expected a date like 2025-11-04")
        if _EPOCH_DIGITS.fullmatch(text):
            return self._epoch(text)
        dt = self._calendar(text)
        wall = dt.date()
        self._check_range(wall, text)
        if dt.tzinfo is not None:
            dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
        utc_ns = ((dt - _EPOCH) // _US) * 1000
        return utc_ns, (wall - _EPOCH_DATE).days * _NS_PER_DAY

    def _epoch(self, text: str) -> tuple[int, int]:
        num = int(text)
        us = num * 1000 if abs(num) > 10**11 else num * 1_000_000  # milliseconds, else seconds
        try:
            dt = _EPOCH + timedelta(microseconds=us)
        except OverflowError:
            raise ValueError(self._range_message(text, None)) from None
        self._check_range(dt.date(), text)
        day = (dt.date() - _EPOCH_DATE).days * _NS_PER_DAY
        return us * 1000, day

    def _calendar(self, text: str) -> datetime:
        m = _GERMAN_DATE.fullmatch(text)
        iso = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}{m.group(4)}" if m else text
        try:
            return datetime.fromisoformat(iso)
        except ValueError:
            pass
        words = {w.lower() for w in _WORD.findall(text)}
        if words & _RELATIVE:
            raise ValueError(f"'{_shown(text)}' is a relative date; expected the date itself, "
                             "e.g. 2025-11-04") from None
        if not words <= _DATE_WORDS or not _FOUR_DIGITS.search(text) or len(text) > 40:
            raise ValueError(self._not_a_date(text))
        import pandas as pd  # spelled-out forms only ("Nov 4, 2025", "2025/11/04")

        try:
            ts = pd.Timestamp(text)
        except (ValueError, TypeError, OverflowError):
            raise ValueError(self._not_a_date(text)) from None
        if ts is pd.NaT:
            raise ValueError(self._not_a_date(text))
        return ts.to_pydatetime()

    def _check_range(self, wall: date, text: str) -> None:
        if not (self.min_date <= wall <= self.max_date):
            raise ValueError(self._range_message(text, wall))

    def _range_message(self, text: str, wall: date | None) -> str:
        when = "in the future" if wall is None or wall > self.max_date else "too old"
        if wall is None and text.lstrip().startswith("-"):
            when = "too old"
        return (f"'{_shown(text)}' is {when}; expected a date from {self.min_date.isoformat()} "
                f"to {self.max_date.isoformat()} (tomorrow)")

    @staticmethod
    def _not_a_date(text: str) -> str:
        return f"'{_shown(text)}' is not a date; expected e.g. 2025-11-04 or 2025-11-04 14:00:00+00:00"


def utc_today(now: datetime | None = None) -> date:
    """The UTC date of ``now`` (default: the system clock)."""
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).date()
