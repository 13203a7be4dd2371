"""The US equity market calendar (NYSE), computed from the exchange's holiday rules, so it never runs out.

A hand-written list of dates ends some year and then silently counts Independence Day as a trading day; the
rules below (NYSE Rule 7.2) give every year. One-off closures (days of mourning, storms) cannot be computed
and are listed; a new one is added here when the exchange announces it. The test suite cross-checks these
rules against ``exchange_calendars``' XNYS calendar day by day.

Full-day closures: New Year's Day (Sunday -> Monday; Saturday: not made up), Martin Luther King Jr. Day (3rd
Monday in January), Washington's Birthday (3rd Monday in February), Good Friday, Memorial Day (last Monday in
May), Juneteenth (from 2022), Independence Day and Christmas (Saturday -> Friday, Sunday -> Monday), Labor Day
(1st Monday in September), Thanksgiving (4th Thursday in November). Early closes at 13:00 New York time: the
day before Independence Day, the day after Thanksgiving and Christmas Eve, each when it is a trading day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import lru_cache

#: One-off full-day closures since 2000 (national days of mourning, 9/11, Hurricane Sandy).
NYSE_SPECIAL_CLOSURES: frozenset[date] = frozenset(date.fromisoformat(d) for d in (
    "2001-09-11", "2001-09-12", "2001-09-13", "2001-09-14", "2004-06-11", "2007-01-02", "2012-10-29",
    "2012-10-30", "2018-12-05", "2025-01-09",
))

#: Early closes the exchange decided once (the rule's July 3 was moved to July 5 in 2002).
NYSE_SPECIAL_EARLY_CLOSES: frozenset[date] = frozenset(date.fromisoformat(d) for d in ("2002-07-05", "2003-12-26"))
NYSE_NOT_EARLY: frozenset[date] = frozenset({date(2002, 7, 3)})


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (Monday 0) of the month; ``n = -1``: the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _observed(day: date) -> date:
    """A fixed-date holiday on a weekend is observed on the nearest weekday."""
    return day - timedelta(days=1) if day.weekday() == 5 else day + timedelta(days=1) if day.weekday() == 6 else day


@lru_cache(maxsize=64)
def nyse_holidays(year: int) -> frozenset[date]:
    """Every full-day closure of ``year`` (weekends aside)."""
    days = {
        _nth_weekday(year, 1, 0, 3), _nth_weekday(year, 2, 0, 3), easter_sunday(year) - timedelta(days=2),
        _nth_weekday(year, 5, 0, -1), _observed(date(year, 7, 4)), _nth_weekday(year, 9, 0, 1),
        _nth_weekday(year, 11, 3, 4), _observed(date(year, 12, 25)),
    }
    new_year = date(year, 1, 1)
    if new_year.weekday() != 5:  # a Saturday New Year's Day is not made up on Friday, Dec 31
        days.add(_observed(new_year))
    if year >= 2022:
        days.add(_observed(date(year, 6, 19)))
    days.update(d for d in NYSE_SPECIAL_CLOSURES if d.year == year)
    return frozenset(days)


@lru_cache(maxsize=64)
def nyse_early_closes(year: int) -> frozenset[date]:
    candidates = (date(year, 7, 3), _nth_weekday(year, 11, 3, 4) + timedelta(days=1), date(year, 12, 24))
    rule = {d for d in candidates if d.weekday() < 5 and d not in nyse_holidays(year)} - NYSE_NOT_EARLY
    return frozenset(rule | {d for d in NYSE_SPECIAL_EARLY_CLOSES if d.year == year})


def _nth_sunday(year: int, month: int, n: int) -> date:
    return _nth_weekday(year, month, 6, n)


def new_york_utc_offset(day: date) -> timedelta:
    """UTC offset of New York on ``day`` at noon (US rule since 2007: 2nd Sunday of March to 1st Sunday of November)."""
    if _nth_sunday(day.year, 3, 2) <= day < _nth_sunday(day.year, 11, 1):
        return timedelta(hours=-4)
    return timedelta(hours=-5)


class UsEquityCalendar:
    """Regular NYSE sessions: 09:30–16:00 New York time on trading days (13:00 on early-close days)."""

    open_time = time(9, 30)
    close_time = time(16, 0)
    early_close_time = time(13, 0)

    def is_trading_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in nyse_holidays(day.year)

    def session(self, day: date) -> tuple[datetime, datetime] | None:
        """(open, close) of ``day``'s session in UTC, or None when the market does not trade that day."""
        if not self.is_trading_day(day):
            return None
        tz = timezone(new_york_utc_offset(day))
        close = self.early_close_time if day in nyse_early_closes(day.year) else self.close_time
        return (datetime.combine(day, self.open_time, tz).astimezone(UTC),
                datetime.combine(day, close, tz).astimezone(UTC))

    def _local_day(self, ts: datetime) -> date:
        return (ts.astimezone(UTC) + new_york_utc_offset(ts.date())).date()

    def is_open(self, ts: datetime) -> bool:
        session = self.session(self._local_day(ts))
        return session is not None and session[0] <= ts < session[1]

    def last_session(self, ts: datetime) -> tuple[datetime, datetime]:
        """The latest session that opened at or before ``ts`` (looks back at most 15 days)."""
        day = self._local_day(ts)
        for back in range(16):
            session = self.session(day - timedelta(days=back))
            if session is not None and session[0] <= ts:
                return session
        raise ValueError(f"no trading session in the 15 days before {ts.isoformat()}")
