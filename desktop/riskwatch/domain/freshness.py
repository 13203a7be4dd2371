"""How current a value is: one vocabulary for quotes, prices and figures, and the rules that assign it.

:class:`DataStatus` is the one word every layer uses — a quote's freshness, a held price's state and a
figure's status in the Snapshot. A rule reads only a usable figure (``ok`` or ``market_closed``); anything
else neither fires, escalates nor resolves an alert.

Limits (DESIGN.md, "Freshness"):

* a crypto live quote is stale after three refresh intervals (plus the lag the source declares);
* a stock's quote is "market closed" while the exchange is closed and the quote is from the latest session;
* a daily bar counts until the end of the day after it (crypto: the UTC day; stocks: the next session's
  close by the exchange calendar, so weekends and holidays never make daily figures stale).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from riskwatch.domain.catalogue import Inputs
from riskwatch.domain.market_calendar import UsEquityCalendar
from riskwatch.domain.model import Quote


class DataStatus(StrEnum):
    OK = "ok"                        # within its limit (a quote: "live")
    MARKET_CLOSED = "market_closed"  # a stock's last close while the exchange is closed: usable, not stale
    UNCONFIRMED = "unconfirmed"      # includes a price held as an unconfirmed jump
    BOUND = "bound"                  # a live price on closes older than their limit: a drop at least this deep
    STALE = "stale"                  # an input is older than its limit
    INVALID = "invalid"              # the data failed validation
    ERROR = "error"                  # the source failed
    MISSING = "missing"              # no data at all

    @property
    def usable(self) -> bool:
        """A rule reads the value (fires, escalates, resolves on it)."""
        return self in _USABLE

    @property
    def rank(self) -> int:
        """Badness: the status of a figure is the worst of its inputs'."""
        return _ORDER.index(self)


_ORDER = tuple(DataStatus)
_USABLE = frozenset({DataStatus.OK, DataStatus.MARKET_CLOSED})


def worst(statuses: Iterable[DataStatus]) -> DataStatus:
    """The worst status of several inputs (``ok`` for none)."""
    return max(statuses, key=lambda s: s.rank, default=DataStatus.OK)


@dataclass(frozen=True)
class Freshness:
    state: DataStatus
    age: timedelta | None

    @property
    def is_usable(self) -> bool:
        return self.state.usable


def stale_after(refresh_interval: timedelta, *, source_lag: timedelta = timedelta(0)) -> timedelta:
    """A quote is stale when it is older than 3 refresh intervals (plus the lag the source declares)."""
    return 3 * refresh_interval + source_lag


def assess_quote(quote: Quote | None, now: datetime, max_age: timedelta, *,
                 calendar: UsEquityCalendar | None = None) -> Freshness:
    """Classify a quote as ok (live), stale, market closed or missing at ``now``.

    With a ``calendar`` (equities): while the market is closed a quote from the latest session's close (within
    ``max_age`` of it, or later) is "market closed", an older one is "stale". While it is open the age rule
    applies.
    """
    if quote is None:
        return Freshness(DataStatus.MISSING, None)
    age = max(now - quote.ts, timedelta(0))
    if calendar is not None and not calendar.is_open(now):
        try:
            _, session_close = calendar.last_session(now)
        except ValueError:
            return Freshness(DataStatus.MARKET_CLOSED, age)
        # the session's closing price: a quote from its last minutes (a feed that died at 10:00 is stale all
        # weekend, not "market closed")
        state = DataStatus.MARKET_CLOSED if quote.ts >= session_close - max_age else DataStatus.STALE
        return Freshness(state, age)
    return Freshness(DataStatus.OK if age <= max_age else DataStatus.STALE, age)


def daily_close_time(bar_ts: datetime, calendar: UsEquityCalendar | None = None) -> datetime:
    """When a daily bar's close was set: the end of its UTC day (crypto) or its session's close (stocks;
    a bar is stamped 00:00 UTC, before its session opened)."""
    if calendar is not None:
        session = calendar.session(bar_ts.date())
        if session is not None:
            return session[1]
    return bar_ts + timedelta(days=1)


def bar_as_of(bar_ts: datetime, now: datetime, calendar: UsEquityCalendar | None = None) -> datetime:
    """The as-of time of a daily bar at ``now``: its close once that has passed; a bar still open (today's,
    which the sync re-reads every 15 minutes) is as of now."""
    return min(daily_close_time(bar_ts, calendar), now)


def daily_valid_until(bar_ts: datetime, calendar: UsEquityCalendar | None = None) -> datetime:
    """The last moment figures on daily closes ending with this bar are current: the end of the day after the
    bar (crypto), or the close of the next session (stocks: a weekend or holiday in between does not count)."""
    if calendar is None:
        return bar_ts + timedelta(days=2)
    day = bar_ts.date()
    for ahead in range(1, 16):
        session = calendar.session(day + timedelta(days=ahead))
        if session is not None:
            return session[1]
    return bar_ts + timedelta(days=16)


def assess_daily(last_bar_ts: datetime | None, now: datetime, *, calendar: UsEquityCalendar | None = None,
                 grace: timedelta = timedelta(0)) -> Freshness:
    """Freshness of daily closes whose newest bar is stamped ``last_bar_ts``; ``grace``: the time a sync may
    take to bring the next bar. Its age counts from the bar's close."""
    if last_bar_ts is None:
        return Freshness(DataStatus.MISSING, None)
    age = max(now - daily_close_time(last_bar_ts, calendar), timedelta(0))
    ok = now <= daily_valid_until(last_bar_ts, calendar) + grace
    return Freshness(DataStatus.OK if ok else DataStatus.STALE, age)


@dataclass(frozen=True)
class PriceState:
    """How current an asset's inputs are (the monitor assesses them; :mod:`riskwatch.domain.freshness`).

    ``state``/``age_s``/``as_of``: the price (a live quote or the last close). ``daily``/``daily_as_of``: the
    daily closes (the close time of the newest bar). ``unconfirmed``: the live quote was an implausible jump
    nobody confirmed (the price shown is the last accepted one). ``sample``: the closes are the bundled sample
    history, not the user's own data.
    """

    state: DataStatus
    age_s: float | None = None
    unconfirmed: bool = False
    as_of: datetime | None = None
    daily: DataStatus = DataStatus.OK
    daily_as_of: datetime | None = None
    sample: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "state", DataStatus(self.state))
        object.__setattr__(self, "daily", DataStatus(self.daily))

    def inputs(self, kind: Inputs, *, bound: bool = False) -> tuple[DataStatus, datetime | None]:
        """The status and as-of time of what a figure on ``kind`` inputs is computed from: daily-only figures
        follow the closes; price figures the worse of the price and the closes (an unconfirmed jump counts).
        ``bound``: the figure (a drop from a high) can only be understated by missing closes, so on a current
        price with stale closes it is ``bound`` — a drop at least this deep — not stale."""
        if kind is Inputs.DAILY:
            return self.daily, self.daily_as_of
        price = DataStatus.UNCONFIRMED if self.unconfirmed and self.state.usable else self.state
        if bound and price.usable and self.daily is DataStatus.STALE:
            return DataStatus.BOUND, self.as_of
        if self.daily.rank > price.rank:
            return self.daily, self.daily_as_of
        return price, self.as_of


__all__ = ["DataStatus", "Freshness", "PriceState", "assess_daily", "bar_as_of", "assess_quote", "daily_close_time", "daily_valid_until",
           "stale_after", "worst"]
