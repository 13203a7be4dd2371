"""Pure validation of market data before it reaches the store or the metrics.

Three kinds of checks live here:

* stateless value checks (:func:`check_price`; :func:`raw_price_problem` for a value as the exchange sent
  it, e.g. the string ``"0.0"``): missing, not a number, not finite, zero, negative ("malformed" is for an
  answer that could not be read at all);
* the *unconfirmed one-bar spike* filter (live quotes: :mod:`riskwatch.domain.quote_check`) for
  bar series (:func:`filter_bar_spikes`): a price that jumps more than ``SpikeRule.max_jump`` from the
  last accepted price is held back until the next observation confirms it (lies closer to the new level
  than to the old one). An unconfirmed jump never reaches the metrics; a confirmed one does, one
  observation late;
* (the freshness of a quote is in :mod:`riskwatch.domain.freshness`).

Every rejection is counted in a :class:`RejectionCounter` keyed by (source, symbol, reason).
Reason codes are stable strings (see ``REASONS``); the GUI translates them.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from riskwatch.domain.errors import InvalidData
# the US equity calendar is computed from the NYSE rules (never runs out); re-exported for existing callers
from riskwatch.domain.market_calendar import UsEquityCalendar, new_york_utc_offset  # noqa: F401
from riskwatch.domain.model import Bar

#: Reason codes of a rejected value.
REASONS = ("missing", "not_a_number", "non_finite", "zero", "negative", "unconfirmed_spike",
           "inconsistent", "crossed_book", "malformed")


class RejectedValue(InvalidData):
    """A value failed validation. ``reason`` is one of :data:`REASONS` (of an order book: one of
    :data:`riskwatch.domain.order_book.BOOK_REASONS`, raised as its subclass ``InvalidOrderBook``)."""

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
