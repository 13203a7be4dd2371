"""Replay a period day by day with the real monitor and alert engine, on a separate store.

The replay never touches the live store: positions are copied into a store made by ``make_store()`` (app.py
hands in an in-memory or temporary SqliteStore), alerts are evaluated and committed there by the real
:class:`~riskwatch.services.alerting.AlertService`, and prices come from a ``closes(symbol)`` provider (the
live store's bars, else the bundle: :func:`history_closes`) read once at the start.

For every simulated day D the clock (from ``make_clock``) is set to the end of D (23:59:59 UTC); the monitor
then sees the daily closes up to and including D's bar and nothing later, exactly as a live cycle at the end
of that day would. Events are stamped with that time, so ``event.ts.date()`` is the simulated date.

Two ways to drive it:

* a generator for the command line: ``for day, result in service.run(portfolio, start, end): ...``;
* a Qt-free step API for the GUI's timer: ``service.start(portfolio, start, end)``, then ``service.step()``
  returns ``ReplayStep(date, CycleResult)`` per call and ``None`` when the period is done; ``service.stop()``
  closes the replay store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

import pandas as pd

from riskwatch.domain.alerts import Rule
from riskwatch.domain.model import Bar, Portfolio, Timeframe
from riskwatch.domain.risk_report import BENCHMARKS, closes_from_bars
from riskwatch.services.alerting import AlertService
from riskwatch.services.monitor import CycleResult, Monitor

log = logging.getLogger(__name__)

ClosesProvider = Callable[[str], "pd.Series | None"]
#: The days the demo replays (``riskwatch --demo``): the October–November 2025 sell-off.
DEMO_START = date(2025, 10, 1)
DEMO_END = date(2025, 11, 29)


class ReplayStep(NamedTuple):
    date: date
    result: CycleResult


def end_of_day(day: date) -> datetime:
    """The simulated "now" of day D: 23:59:59 UTC (D's daily bar is in, D+1's is not)."""
    return datetime.combine(day, time(23, 59, 59), UTC)


def history_closes(store, fallback: ClosesProvider | None = None) -> ClosesProvider:
    """A closes provider: the store's daily bars, else ``fallback`` (the bundle).

    When both exist, the fallback's closes *older* than the first stored bar are put in front, so historical
    periods before the stored history can still be replayed or stressed; stored prices are never replaced.
    """

    def closes(symbol: str) -> pd.Series | None:
        bars = store.load_bars(symbol, Timeframe.D1)
        own = closes_from_bars(bars) if bars else None
        fb = fallback(symbol) if fallback is not None else None
        if fb is not None:
            fb = fb.dropna()
        if own is None or not len(own):
            return fb if fb is not None and len(fb) else None
        if fb is not None and len(fb):
            older = fb[fb.index < own.index[0]]
            if len(older):
                return pd.concat([older, own])
        return own

    return closes


class _FixedRules:
    """An AlertStore that evaluates a given rule set and keeps state and events in the replay repository."""

    def __init__(self, repo, rules: Sequence[Rule]):
        self._repo = repo
        self._rules = list(rules)

    def update(self, fn):
        return self._repo.update(lambda _rules, state: fn(list(self._rules), state))

    def list_rules(self) -> list[Rule]:
        return list(self._rules)

    def load_state(self):
        return self._repo.load_state()

    def list_events(self, **filters):
        return self._repo.list_events(**filters)


class ReplayService:
    """Replays a period with the real Monitor on a separate store (see the module docstring).

    ``make_store()`` returns a new, empty store; ``open_alerts(store, clock)`` returns ``(repo, AlertService)``
    (as ``riskwatch.app.open_alerts``: it seeds the default rules); ``make_clock(start)`` returns a clock with
    ``now()`` and ``set(datetime)``; ``closes(symbol)`` daily closes (UTC index) or None. ``rules``: evaluate
    these rules instead of the replay store's (default) rules, e.g. the user's current rules. ``market_panel``:
    the Monitor's ``baskets``, ``bundled_signals`` and ``regime`` (``app.build_market_panel``), so the market
    panel moves through the replayed days.
    """

    def __init__(self, *, make_store: Callable[[], Any], open_alerts: Callable[[Any, Any], Any],
                 make_clock: Callable[[datetime], Any], closes: ClosesProvider,
                 rules: Sequence[Rule] | None = None, refresh_s: float = 15.0, market_panel: dict | None = None):
        self._make_store = make_store
        self._open_alerts = open_alerts
        self._make_clock = make_clock
        self._provider = closes
        self._rules = list(rules) if rules is not None else None
        self._refresh_s = refresh_s
        self._market_panel = dict(market_panel or {})
        self._cache: dict[str, pd.Series | None] = {}
        self._store = None
        self._monitor: Monitor | None = None
        self._clock = None
        self.alerts: AlertService | None = None
        self.portfolio: Portfolio | None = None
        self.start_date: date | None = None
        self.end_date: date | None = None
        self.current_date: date | None = None     # the next day step() replays
        self._fx_symbol: str | None = None
        self._fx_done: pd.Timestamp | None = None

    # -- data ---------------------------------------------------------------------------------------
    def closes(self, symbol: str) -> pd.Series | None:
        """The provider's closes of ``symbol``, read once per service."""
        if symbol not in self._cache:
            try:
                series = self._provider(symbol)
            except Exception:  # a broken provider must not stop the replay; the symbol has no data then
                log.exception("closes of %s could not be read for the replay", symbol)
                series = None
            self._cache[symbol] = series.dropna().sort_index() if series is not None and len(series) else None
        return self._cache[symbol]

    def coverage(self, symbols: Sequence[str]) -> dict[str, tuple[date, date]]:
        """First and last day with a close, per symbol that has any."""
        out = {}
        for sym in symbols:
            s = self.closes(sym)
            if s is not None and len(s):
                out[sym] = (s.index[0].date(), s.index[-1].date())
        return out

    def symbols_with_data(self, symbols: Sequence[str], start: date, end: date) -> list[str]:
        """The symbols with at least one close between ``start`` and ``end`` (inclusive)."""
        lo, hi = pd.Timestamp(start, tz="UTC"), pd.Timestamp(end_of_day(end))
        out = []
        for sym in symbols:
            s = self.closes(sym)
            if s is not None and len(s) and ((s.index >= lo) & (s.index <= hi)).any():
                out.append(sym)
        return out

    @staticmethod
    def replay_symbols(portfolio: Portfolio) -> list[str]:
        return list(dict.fromkeys([*portfolio.symbols, *BENCHMARKS]))

    # -- step API -----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._monitor is not None

    @property
    def finished(self) -> bool:
        return self.current_date is not None and self.end_date is not None and self.current_date > self.end_date

    @property
    def days_total(self) -> int:
        if self.start_date is None or self.end_date is None:
            return 0
        return (self.end_date - self.start_date).days + 1

    @property
    def days_done(self) -> int:
        if self.start_date is None or self.current_date is None:
            return 0
        return min((self.current_date - self.start_date).days, self.days_total)

    @property
    def store(self):
        """The replay's own store (None when not running)."""
        return self._store

    def start(self, portfolio: Portfolio, start: date, end: date) -> None:
        """Open a fresh replay store with a copy of ``portfolio`` and position the replay on ``start``."""
        if end < start:
            raise ValueError(f"the replay period ends ({end}) before it starts ({start})")
        self.stop()
        store = self._make_store()
        try:
            clock = self._make_clock(end_of_day(start))
            opened = self._open_alerts(store, clock)
            repo, service = opened if isinstance(opened, tuple) else (None, opened)
            if self._rules is not None and repo is not None:
                service = AlertService(_FixedRules(repo, self._rules), clock)
            store.set_setting("base_currency", portfolio.base_currency)
            if portfolio.positions:
                store.add_positions([replace(p, id=None) for p in portfolio.positions])
        except BaseException:
            store.close()
            raise
        for sym in self.replay_symbols(portfolio):
            self.closes(sym)
        self._store, self._clock, self.alerts = store, clock, service
        self._monitor = Monitor(store, service, clock, None, refresh_s=self._refresh_s,
                                fallback_closes=self.closes, **self._market_panel)
        self.portfolio = portfolio
        self.start_date, self.end_date, self.current_date = start, end, start
        self._fx_symbol = f"{portfolio.base_currency}USD" if portfolio.base_currency != "USD" else None
        self._fx_done = None

    def step(self) -> ReplayStep | None:
        """Replay the next day; None when the period is done or the replay is not running."""
        if self._monitor is None or self.finished:
            return None
        day = self.current_date
        now = end_of_day(day)  # type: ignore[arg-type]
        self._clock.set(now)
        self._feed_fx(now)
        result = self._monitor.evaluate(self.portfolio, None, offline=True, now=now)
        self.current_date = day + timedelta(days=1)  # type: ignore[operator]
        return ReplayStep(day, result)  # type: ignore[arg-type]

    def stop(self) -> None:
        """Close the replay store (its alerts and events go with it). Safe to call twice."""
        store, self._store, self._monitor, self.alerts = self._store, None, None, None
        if store is not None:
            store.close()

    # -- generator ----------------------------------------------------------------------------------
    def run(self, portfolio: Portfolio, start: date, end: date) -> Iterator[ReplayStep]:
        """Replay ``start`` … ``end`` and yield one ReplayStep per day; the replay store is closed at the end."""
        self.start(portfolio, start, end)
        try:
            while (step := self.step()) is not None:
                yield step
        finally:
            self.stop()

    # -- internals ----------------------------------------------------------------------------------
    def _feed_fx(self, now: datetime) -> None:
        """Give the replay store the base currency's USD rate up to ``now`` (the monitor reads the last one)."""
        if self._fx_symbol is None:
            return
        series = self.closes(self._fx_symbol)
        if series is None:
            return
        upto = series[series.index <= pd.Timestamp(now)]
        if self._fx_done is not None:
            upto = upto[upto.index > self._fx_done]
        if not len(upto):
            return
        self._store.upsert_bars([Bar(self._fx_symbol, ts.to_pydatetime(), float(v), source="replay")
                                 for ts, v in upto.items()])
        self._fx_done = upto.index[-1]


def events_of(steps: Sequence[ReplayStep]) -> list:
    """All alert events of the given steps, in order."""
    return [e for s in steps for e in s.result.events]


__all__ = ["DEMO_END", "DEMO_START", "ReplayService", "ReplayStep", "end_of_day", "events_of", "history_closes"]
