"""The NYSE calendar from its rules, checked day by day against exchange_calendars' XNYS (a different
implementation, maintained against the exchange's announcements) for 2000 … 15 years ahead."""

from datetime import UTC, date, datetime, timedelta

import exchange_calendars
import pytest

from riskwatch.domain.market_calendar import UsEquityCalendar, easter_sunday, nyse_early_closes, nyse_holidays

FIRST, LAST = date(2000, 1, 1), date(date.today().year + 15, 12, 31)


@pytest.fixture(scope="module")
def xnys():
    return exchange_calendars.get_calendar("XNYS", start=FIRST.isoformat(), end=LAST.isoformat())


def test_trading_days_agree_with_xnys_every_day_through_15_years_ahead(xnys):
    sessions = {ts.date() for ts in xnys.sessions}
    cal = UsEquityCalendar()
    wrong = [d for d in (FIRST + timedelta(n) for n in range((LAST - FIRST).days + 1))
             if cal.is_trading_day(d) != (d in sessions)]
    assert wrong == []


def test_early_closes_agree_with_xnys(xnys):
    theirs = {ts.date() for ts in xnys.early_closes if FIRST <= ts.date() <= LAST}
    ours = {d for y in range(FIRST.year, LAST.year + 1) for d in nyse_early_closes(y)}
    assert ours == theirs


def test_the_days_the_old_table_missed_after_2027():
    assert date(2028, 7, 4) in nyse_holidays(2028)
    assert date(2028, 12, 25) in nyse_holidays(2028)
    assert not UsEquityCalendar().is_trading_day(date(2028, 7, 4))
    assert nyse_holidays(2027) >= {date(2027, 7, 5), date(2027, 12, 24), date(2027, 6, 18)}  # observed dates


def test_easter_and_a_session_in_utc():
    assert [easter_sunday(y) for y in (2024, 2025, 2026, 2038)] == [
        date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5), date(2038, 4, 25)]
    opens, closes = UsEquityCalendar().session(date(2026, 11, 27))  # the day after Thanksgiving: 13:00 EST
    assert opens == datetime(2026, 11, 27, 14, 30, tzinfo=UTC) and closes == datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
