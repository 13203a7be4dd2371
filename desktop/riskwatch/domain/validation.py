"""Pure validation of market data before it reaches the store or the metrics.

Three kinds of checks live here:

* stateless value checks (:func:`check_price`; :func:`raw_price_problem` for a value as the exchange sent
  it, e.g. the string ``"0.0"``): missing, not a number, not finite, zero, negative ("malformed" is for an
  answer that could not be read at all);
* the *unconfirmed one-bar spike* filter, for ticks (:class:`TickValidator`, stateful per key) and for
  bar series (:func:`filter_bar_spikes`): a price that jumps more than ``SpikeRule.max_jump`` from the
  last accepted price is held back until the next observation confirms it (lies closer to the new level
  than to the old one). An unconfirmed jump never reaches the metrics; a confirmed one does, one
  observation late;
* freshness of a quote (:func:`assess_quote`) with a small US equity market calendar, so that a weekend
  or an NYSE holiday reads "market closed" and not "stale".

Every rejection is counted in a :class:`RejectionCounter` keyed by (source, symbol, reason).
Reason codes are stable strings (see ``REASONS``); the GUI translates them.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from enum import StrEnum

from riskwatch.domain.errors import InvalidData
from riskwatch.domain.model import Bar, Quote

#: Reason codes of a rejected value.
REASONS = ("missing", "not_a_number", "non_finite", "zero", "negative", "unconfirmed_spike",
           "inconsistent", "crossed_book", "malformed")


class RejectedValue(InvalidData):
    """A value failed validation. ``reason`` is one of :data:`REASONS`."""

    def __init__(self, reason: str, *, symbol: str = "", field: str = "price", value: object = None):
        self.reason = reason
        self.symbol = symbol
        self.field = field
        self.value = value
        where = f"{symbol} {field}" if symbol else field
        super().__init__(f"{where} rejected ({reason}): {value!r}")


# -- stateless checks --------------------------------------------------------------------------------
def price_problem(value: object) -> str | None:
    """Return the reason code why ``value`` is not a usable price, or None when it is one."""
    if value is None:
        return "missing"
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return "not_a_number"
    number = float(value)
    if not math.isfinite(number):
        return "non_finite"
    if number == 0:
        return "zero"
    if number < 0:
        return "negative"
    return None


def raw_price_problem(raw: object) -> str | None:
    """Like :func:`price_problem` for a price as an exchange sent it, before any parsing: exchanges send
    numbers as JSON strings (``"0.00000"``, ``"-3.1"``, ``"NaN"``) or numbers. ``None`` and an empty
    string are "missing", text that is no decimal number "not_a_number"."""
    if isinstance(raw, str):
        text = raw.strip()
        if not text:
            return "missing"
        try:
            number = float(text)
        except ValueError:
            return "not_a_number"
        return price_problem(number)
    return price_problem(raw)


def check_price(value: object, *, symbol: str = "", field: str = "price") -> float:
    """Return ``value`` as a positive finite float or raise :class:`RejectedValue`."""
    reason = price_problem(value)
    if reason is not None:
        raise RejectedValue(reason, symbol=symbol, field=field, value=value)
    return float(value)  # type: ignore[arg-type]


def optional_price(value: object) -> float | None:
    """A secondary price (bid, ask, open …): the float when valid, else None (never raises)."""
    return None if price_problem(value) else float(value)  # type: ignore[arg-type]


def optional_amount(value: object) -> float | None:
    """A volume or amount: finite and ≥ 0, else None."""
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    number = float(value)
    return number if math.isfinite(number) and number >= 0 else None


class RejectionCounter:
    """Counts rejected values by (source, symbol, reason). Thread-safe; cheap to read."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, str, str], int] = {}

    def add(self, source: str, symbol: str, reason: str, n: int = 1) -> None:
        if n <= 0:
            return
        with self._lock:
            key = (source, symbol, reason)
            self._counts[key] = self._counts.get(key, 0) + n

    def snapshot(self) -> dict[tuple[str, str, str], int]:
        with self._lock:
            return dict(self._counts)

    def total(self) -> int:
        with self._lock:
            return sum(self._counts.values())

    def by_symbol(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for (_, symbol, _), n in self.snapshot().items():
            out[symbol] = out.get(symbol, 0) + n
        return out

    def by_reason(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for (_, _, reason), n in self.snapshot().items():
            out[reason] = out.get(reason, 0) + n
        return out


def counts_since(before: dict[tuple[str, str, str], int],
                 after: dict[tuple[str, str, str], int]) -> dict[tuple[str, str, str], int]:
    """The increments between two :meth:`RejectionCounter.snapshot` results."""
    return {k: n - before.get(k, 0) for k, n in after.items() if n - before.get(k, 0) > 0}


# -- spike filter ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SpikeRule:
    """A move is a *jump* when ``|ln(p / ref)| > ln(1 + max_jump)`` (``max_jump`` as a fraction).

    0.10 means +10 % or −9.1 %. Ticks arrive every few seconds, so a small threshold costs a genuine
    move only one refresh interval of delay. Daily bars use a wider rule (:data:`DAILY_BAR_RULE`).
    """

    max_jump: float = 0.10

    def __post_init__(self) -> None:
        if not (self.max_jump > 0 and math.isfinite(self.max_jump)):
            raise ValueError(f"max_jump must be a positive fraction, got {self.max_jump!r}")

    def is_jump(self, price: float, reference: float) -> bool:
        return abs(math.log(price / reference)) > math.log1p(self.max_jump)

    @staticmethod
    def confirms(nxt: float, candidate: float, reference: float) -> bool:
        """``nxt`` confirms a jump to ``candidate`` when it is closer (in log terms) to it than to ``reference``."""
        return abs(math.log(nxt / candidate)) < abs(math.log(nxt / reference))


TICK_RULE = SpikeRule(0.10)
DAILY_BAR_RULE = SpikeRule(0.50)


class TickVerdict(StrEnum):
    ACCEPTED = "accepted"          # normal tick
    CONFIRMED = "confirmed"        # accepted; it confirmed a held jump, which became the new reference
    HELD = "held"                  # rejected for now: an unconfirmed jump


@dataclass
class TickValidator:
    """Holds back a tick that jumps from the last accepted one until the next tick confirms it.

    State is per ``key`` (e.g. ``"kraken:BTC/USD"``). A reference older than ``reference_ttl`` is
    forgotten (after a long pause any level is plausible), and so is one from a different key.
    """

    rule: SpikeRule = TICK_RULE
    reference_ttl: timedelta = timedelta(hours=1)
    _ref: dict[str, tuple[float, datetime]] = field(default_factory=dict, repr=False)
    _pending: dict[str, tuple[float, datetime]] = field(default_factory=dict, repr=False)

    def check(self, key: str, price: float, ts: datetime) -> TickVerdict:
        ref = self._ref.get(key)
        if ref is not None and ts - ref[1] > self.reference_ttl:
            ref = None
        verdict = TickVerdict.ACCEPTED
        pending = self._pending.pop(key, None)
        if pending is not None and ref is not None and self.rule.confirms(price, pending[0], ref[0]):
            ref = pending
            self._ref[key] = pending
            verdict = TickVerdict.CONFIRMED
        if ref is not None and self.rule.is_jump(price, ref[0]):
            self._pending[key] = (price, ts)
            return TickVerdict.HELD
        self._ref[key] = (price, ts)
        return verdict

    def reference(self, key: str) -> float | None:
        ref = self._ref.get(key)
        return ref[0] if ref else None

    def reset(self, key: str | None = None) -> None:
        if key is None:
            self._ref.clear()
            self._pending.clear()
        else:
            self._ref.pop(key, None)
            self._pending.pop(key, None)


@dataclass(frozen=True)
class BarFilterResult:
    accepted: tuple[Bar, ...]
    rejected: tuple[tuple[Bar, str], ...]   # isolated spikes and inconsistent bars, with the reason
    held: tuple[Bar, ...]                   # trailing jump(s) not yet confirmed by a later bar

    @property
    def rejected_count(self) -> int:
        return len(self.rejected) + len(self.held)


def bar_problem(bar: Bar) -> str | None:
    """A structural problem of one bar (prices are already positive and finite by construction)."""
    if bar.high is not None and bar.low is not None and bar.high < bar.low * (1 - 1e-9):
        return "inconsistent"
    return None


def filter_bar_spikes(bars: Iterable[Bar], rule: SpikeRule = DAILY_BAR_RULE, *,
                      reference: float | None = None) -> BarFilterResult:
    """Drop isolated one-bar spikes from ``bars`` (sorted by time inside).

    ``reference`` is the last accepted close before the first bar (e.g. the last stored bar). A bar
    whose close jumps from the reference is accepted only when the following bar confirms it
    (:meth:`SpikeRule.confirms`); when the following bar returns to the old level the bar is rejected
    as a spike; when there is no following bar yet the bar is *held* (not accepted, re-examined on the
    next fetch, since the incremental fetch starts at the last accepted bar). Bars after a held bar
    are held too.
    """
    ordered = sorted(bars, key=lambda b: b.ts)
    accepted: list[Bar] = []
    rejected: list[tuple[Bar, str]] = []
    held: list[Bar] = []
    ref = reference
    for i, bar in enumerate(ordered):
        if held:
            held.append(bar)
            continue
        problem = bar_problem(bar)
        if problem:
            rejected.append((bar, problem))
            continue
        if ref is None or not rule.is_jump(bar.close, ref):
            accepted.append(bar)
            ref = bar.close
            continue
        nxt = next((b for b in ordered[i + 1:] if bar_problem(b) is None), None)
        if nxt is None:
            held.append(bar)
        elif rule.confirms(nxt.close, bar.close, ref):
            accepted.append(bar)
            ref = bar.close
        else:
            rejected.append((bar, "unconfirmed_spike"))
    return BarFilterResult(tuple(accepted), tuple(rejected), tuple(held))


# -- order books -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OrderBook:
    """A validated order-book snapshot. Levels are (price, amount), best first."""

    market: str
    bids: tuple[tuple[float, float], ...]
    asks: tuple[tuple[float, float], ...]
    ts: datetime
    source: str

    @property
    def best_bid(self) -> float | None:
        return self.bids[0][0] if self.bids else None

    @property
    def best_ask(self) -> float | None:
        return self.asks[0][0] if self.asks else None


def clean_levels(levels: Sequence[Sequence[object]] | None, *, descending: bool) -> tuple[tuple[tuple[float, float], ...], int]:
    """Keep levels with a valid price and a positive amount, sorted best first. Returns (levels, dropped)."""
    out: list[tuple[float, float]] = []
    dropped = 0
    for level in levels or ():
        price = optional_price(level[0] if len(level) > 0 else None)
        amount = optional_amount(level[1] if len(level) > 1 else None)
        if price is None or not amount:
            dropped += 1
            continue
        out.append((price, amount))
    out.sort(key=lambda lv: lv[0], reverse=descending)
    return tuple(out), dropped


def check_order_book(book: OrderBook) -> OrderBook:
    """Raise :class:`RejectedValue` for an empty or crossed book."""
    if not book.bids and not book.asks:
        raise RejectedValue("missing", symbol=book.market, field="order book", value=None)
    if book.bids and book.asks and book.best_bid >= book.best_ask:  # type: ignore[operator]
        raise RejectedValue("crossed_book", symbol=book.market, field="order book",
                            value=(book.best_bid, book.best_ask))
    return book


# -- US equity market calendar -----------------------------------------------------------------------
#: NYSE full-day closures 2024–2027 (published NYSE holiday calendar; 2025-01-09 was the national day of
#: mourning for President Carter). Outside these years only weekends count as closed.
NYSE_HOLIDAYS: frozenset[date] = frozenset(date.fromisoformat(d) for d in (
    "2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04",
    "2024-09-02", "2024-11-28", "2024-12-25",
    "2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19",
    "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25",
    "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03",
    "2026-09-07", "2026-11-26", "2026-12-25",
    "2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18", "2027-07-05",
    "2027-09-06", "2027-11-25", "2027-12-24",
))
#: Early closes (13:00 New York time).
NYSE_EARLY_CLOSES: frozenset[date] = frozenset(date.fromisoformat(d) for d in (
    "2024-07-03", "2024-11-29", "2024-12-24", "2025-07-03", "2025-11-28", "2025-12-24",
    "2026-11-27", "2026-12-24", "2027-11-26",
))
CALENDAR_YEARS = range(2024, 2028)


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


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
        return day.weekday() < 5 and day not in NYSE_HOLIDAYS

    def session(self, day: date) -> tuple[datetime, datetime] | None:
        """(open, close) of ``day``'s session in UTC, or None when the market does not trade that day."""
        if not self.is_trading_day(day):
            return None
        tz = timezone(new_york_utc_offset(day))
        close = self.early_close_time if day in NYSE_EARLY_CLOSES else self.close_time
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


# -- freshness ---------------------------------------------------------------------------------------
class QuoteState(StrEnum):
    LIVE = "live"
    STALE = "stale"
    MARKET_CLOSED = "market_closed"
    MISSING = "missing"


@dataclass(frozen=True)
class Freshness:
    state: QuoteState
    age: timedelta | None

    @property
    def is_usable(self) -> bool:
        return self.state in (QuoteState.LIVE, QuoteState.MARKET_CLOSED)


def stale_after(refresh_interval: timedelta, *, source_lag: timedelta = timedelta(0)) -> timedelta:
    """A quote is stale when it is older than 3 refresh intervals (plus the lag the source declares)."""
    return 3 * refresh_interval + source_lag


def assess_quote(quote: Quote | None, now: datetime, max_age: timedelta, *,
                 calendar: UsEquityCalendar | None = None) -> Freshness:
    """Classify a quote as live, stale, market closed or missing at ``now``.

    With a ``calendar`` (equities): while the market is closed a quote from the latest session (or
    later) is "market closed", an older one is "stale". While it is open the age rule applies.
    """
    if quote is None:
        return Freshness(QuoteState.MISSING, None)
    age = max(now - quote.ts, timedelta(0))
    if calendar is not None and not calendar.is_open(now):
        try:
            session_open, _ = calendar.last_session(now)
        except ValueError:
            return Freshness(QuoteState.MARKET_CLOSED, age)
        state = QuoteState.MARKET_CLOSED if quote.ts >= session_open else QuoteState.STALE
        return Freshness(state, age)
    return Freshness(QuoteState.LIVE if age <= max_age else QuoteState.STALE, age)
