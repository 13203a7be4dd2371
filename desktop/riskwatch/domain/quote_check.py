"""Is a live quote plausible? One bad tick must never move the metrics (issue 20, item 1).

Comparing a tick only with the previous tick *of the same feed*, and letting the next tick confirm a jump,
fails twice: a fresh process (``riskwatch check``) has no previous tick, so any value is accepted; and two
consecutive spiked ticks from a broken feed confirm each other, after which the correct price is held back
as a "jump". Live quotes are therefore checked against references independent of the tick stream:

*Reference* (what "plausible" is measured against), first available of:

1. the last accepted tick of the same key, when younger than ``QuoteRule.reference_ttl``; the allowed move
   grows with the time since that tick: ``ln(1 + tick.max_jump) · sqrt(elapsed / tick_interval)`` (a
   random-walk scale; at least one interval), capped at the daily-bar rule;
2. the latest stored daily close (bars dated more than one day in the future are never a reference; nor is
   a close older than ``bar_max_age``), with the daily-bar rule (+50 % / −33 %): a daily close may be up
   to a day old, and that is the move the bar filter itself accepts from one day to the next;
3. nothing: the very first quote of an asset is accepted (there is nothing to compare it with).

A quote is also implausible when its own ticker is inconsistent: the last price lies more than
``QuoteRule.inside_spread`` outside the ticker's bid/ask.

*Confirmation* of an implausible quote (the verdict is ``CONFIRMED`` and the quote becomes the reference):

* an independent live price agrees: the order-book mid of the same market within ``QuoteRule.agree``.
  When such a price is available and disagrees, its word is final: no number of further ticks from the same
  feed confirms the jump;
* the stored daily bars have caught up: the quote is within the tick rule of the latest daily close (after a
  spiked reference, the first correct price is accepted at once because it agrees with the bars);
* without any independent live price (equities, FX, a failed book request): ``persist_count`` consecutive
  observations that agree with each other and span at least ``persist_span``.

Everything else is ``UNCONFIRMED``: the quote does not reach the metrics, and the values derived from that
asset's price are marked ``unconfirmed`` so that the alert engine neither fires nor resolves on them.
Pure: no clock, no I/O; state is per key (``"kraken:BTC/USD"``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from riskwatch.domain.validation import DAILY_BAR_RULE, TICK_RULE, SpikeRule

#: A stored bar dated later than now + this is never a price or a reference (clock or import error).
FUTURE_BAR_TOLERANCE = timedelta(days=1)


class QuoteVerdict(StrEnum):
    ACCEPTED = "accepted"        # plausible against its reference
    CONFIRMED = "confirmed"      # a jump, confirmed by an independent source (or by persistence)
    UNCONFIRMED = "unconfirmed"  # a jump nobody confirms: held, never a price


@dataclass(frozen=True)
class QuoteRule:
    tick: SpikeRule = TICK_RULE
    tick_interval: timedelta = timedelta(minutes=15)
    bar: SpikeRule = DAILY_BAR_RULE
    bar_max_age: timedelta = timedelta(days=7)
    agree: float = 0.02
    inside_spread: float = 0.02
    persist_count: int = 3
    persist_span: timedelta = timedelta(minutes=5)
    reference_ttl: timedelta = timedelta(hours=1)

    def allowed_tick_move(self, elapsed: timedelta) -> float:
        """The largest plausible ``|ln(p / ref)|`` after ``elapsed`` since the reference tick."""
        units = max(elapsed / self.tick_interval, 1.0)
        return min(math.log1p(self.tick.max_jump) * math.sqrt(units), math.log1p(self.bar.max_jump))


@dataclass(frozen=True)
class QuoteEvidence:
    """Independent references for one quote, all in the quote's currency."""

    bar_close: float | None = None     # latest stored daily close (not from the future)
    bar_as_of: datetime | None = None  # when that close was current (bar time + 1 day, at most now)
    book_mid: float | None = None      # order-book mid of the same market, fetched now
    bid: float | None = None           # the ticker's own bid/ask
    ask: float | None = None


def _move(a: float, b: float) -> float:
    return abs(math.log(a / b))


def _usable(x: float | None) -> bool:
    return x is not None and math.isfinite(x) and x > 0


@dataclass
class QuoteChecker:
    rule: QuoteRule = field(default_factory=QuoteRule)
    _ref: dict[str, tuple[float, datetime]] = field(default_factory=dict, repr=False)
    _pending: dict[str, list[tuple[float, datetime]]] = field(default_factory=dict, repr=False)

    def reference(self, key: str, ts: datetime) -> tuple[float, datetime] | None:
        ref = self._ref.get(key)
        return ref if ref is not None and ts - ref[1] <= self.rule.reference_ttl else None

    def plausible(self, key: str, price: float, ts: datetime, ev: QuoteEvidence = QuoteEvidence()) -> bool:
        """Whether ``price`` is plausible without confirmation (no state change)."""
        r = self.rule
        if _usable(ev.bid) and _usable(ev.ask) and not (
                ev.bid * (1 - r.inside_spread) <= price <= ev.ask * (1 + r.inside_spread)):  # type: ignore[operator]
            return False
        ref = self.reference(key, ts)
        if ref is not None:
            return _move(price, ref[0]) <= r.allowed_tick_move(ts - ref[1])
        if self._bar_ok(ev, ts):
            return _move(price, ev.bar_close) <= math.log1p(r.bar.max_jump)  # type: ignore[arg-type]
        return True

    def _bar_ok(self, ev: QuoteEvidence, ts: datetime) -> bool:
        return _usable(ev.bar_close) and (ev.bar_as_of is None or ts - ev.bar_as_of <= self.rule.bar_max_age)

    def check(self, key: str, price: float, ts: datetime, ev: QuoteEvidence = QuoteEvidence()) -> QuoteVerdict:
        """Classify ``price`` and update the key's reference (see the module docstring)."""
        r = self.rule
        if self.plausible(key, price, ts, ev):
            verdict = QuoteVerdict.ACCEPTED
        elif _usable(ev.book_mid):     # an independent live price decides; persistence never overrules it
            agrees = _move(price, ev.book_mid) <= math.log1p(r.agree)  # type: ignore[arg-type]
            verdict = QuoteVerdict.CONFIRMED if agrees else QuoteVerdict.UNCONFIRMED
            self._pending.pop(key, None)
        elif self._bar_ok(ev, ts) and _move(price, ev.bar_close) <= math.log1p(r.tick.max_jump):  # type: ignore[arg-type]
            verdict = QuoteVerdict.CONFIRMED
        else:
            verdict = self._persisted(key, price, ts)
        if verdict is QuoteVerdict.UNCONFIRMED:
            return verdict
        self._pending.pop(key, None)
        self._ref[key] = (price, ts)
        return verdict

    def _persisted(self, key: str, price: float, ts: datetime) -> QuoteVerdict:
        seen = self._pending.get(key, [])
        if seen and _move(price, seen[0][0]) > math.log1p(self.rule.tick.max_jump):
            seen = []                  # a different level: start over
        seen = [*seen, (price, ts)]
        self._pending[key] = seen
        if len(seen) >= self.rule.persist_count and ts - seen[0][1] >= self.rule.persist_span:
            return QuoteVerdict.CONFIRMED
        return QuoteVerdict.UNCONFIRMED

    def reset(self, key: str | None = None) -> None:
        if key is None:
            self._ref.clear()
            self._pending.clear()
        else:
            self._ref.pop(key, None)
            self._pending.pop(key, None)
