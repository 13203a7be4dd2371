"""Runs monitoring cycles on the loop thread and brings their results to the GUI thread as Qt signals.

The object lives in the GUI thread; its signals are emitted from the loop thread, so Qt queues every call
to a receiver in the GUI thread (default AutoConnection). Nothing here waits for I/O on the GUI thread:
a timer tick only submits a coroutine (a tick that finds a cycle running is skipped and counted).

Changed settings (exchange, endpoint, refresh interval) reach the running monitor through
:meth:`MonitorBridge.reconfigure`: the interval at once, a new market-data service (from the factory app.py
injects) at the start of the next cycle, on the loop thread, so no cycle ever sees half of each.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from riskwatch.gui.ops import Op, OpRunner, ShowFailure

log = logging.getLogger(__name__)


class MonitorBridge(QObject):
    #: CycleResult of a finished cycle (report, events, active alerts, market-data result)
    cycle_finished = Signal(object)
    #: Mapping[str, Quote] as soon as a cycle has its quotes (before history and risk are computed)
    quotes_updated = Signal(object)
    #: True while a cycle runs
    busy_changed = Signal(bool)
    #: a cycle failed as a whole (text for the status bar / log)
    cycle_failed = Signal(str)

    def __init__(self, loop, monitor, *, interval_s: float = 15.0, make_market: Callable[[Any], Any] | None = None,
                 ops: OpRunner | None = None, parent: QObject | None = None):
        """``make_market(settings)``: a new market-data service for changed settings (app.py's factory; it runs
        on the loop thread). ``ops``: the app's OpRunner (``run`` goes through it); a private one without."""
        super().__init__(parent)
        self._loop = loop
        self.monitor = monitor
        self._make_market = make_market
        self._new_settings = None  # settings waiting for the next cycle (loop thread reads, GUI thread sets)
        self._future: concurrent.futures.Future | None = None
        # True from refresh() until the cycle's last signal is sent. The future itself completes a moment
        # later on the loop thread: a refresh asked for by a slot of cycle_finished must not count as
        # "still running" (it was skipped, and a chain of refreshes stopped).
        self._running = False
        self.skipped_ticks = 0
        self.cycles = 0
        self.offline = monitor.market is None
        self.last_result = None
        self._timer = QTimer(self)
        self._timer.setInterval(int(interval_s * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)
        self.ops = ops if ops is not None else OpRunner(loop, parent=self)
        if not self.ops.has_loop:
            self.ops.set_loop(loop)

    # -- control (GUI thread) -------------------------------------------------------------------------
    def start(self, *, refresh_now: bool = True) -> None:
        self._timer.start()
        if refresh_now:
            self.refresh()

    def stop(self) -> None:
        self._timer.stop()
        future, self._future = self._future, None
        if future is not None:
            future.cancel()
        self._running = False

    def cancel_current(self) -> None:
        """Cancel the running cycle (the timer keeps going; the next tick starts a fresh one)."""
        future = self._future
        if future is not None and not future.done():
            future.cancel()
            self._running = False
            self.busy_changed.emit(False)

    def set_interval(self, seconds: float) -> None:
        self._timer.setInterval(int(max(seconds, 1.0) * 1000))

    @property
    def interval_s(self) -> float:
        return self._timer.interval() / 1000.0

    @property
    def loop(self):
        """The loop thread the cycles run on (``submit(coro)``)."""
        return self._loop

    @Slot(object, object)
    def follow_settings(self, new, old) -> None:
        """For ``ChangeHub.settings_changed``: reconfigure for what changed, and refresh at once when the
        exchange, its endpoint or the base currency changed (the window says the next refresh uses them)."""
        market = (new.exchange, new.exchange_api_url) != (old.exchange, old.exchange_api_url)
        if market or new.refresh_interval_s != old.refresh_interval_s:
            self.reconfigure(new, market=market)
        if market or new.base_currency != old.base_currency:
            self.refresh()

    def reconfigure(self, settings, *, market: bool = True) -> None:
        """Use ``settings`` from now on: the refresh interval at once, and (``market``) a market-data service
        for the new exchange / endpoint from the next cycle on. An offline monitor stays offline."""
        self.set_interval(settings.refresh_interval_s)
        self._new_settings = (settings, market and self._make_market is not None and not self.offline)

    @property
    def busy(self) -> bool:
        return self._running

    def refresh(self) -> bool:
        if self.busy:
            self.skipped_ticks += 1
            return False
        self._running = True
        try:
            self._future = self._loop.submit(self._cycle())
        except Exception as exc:
            self._running = False
            self.cycle_failed.emit(f"{type(exc).__name__}: {exc}")
            return False
        self.busy_changed.emit(True)
        return True

    def run(self, coro: Coroutine[Any, Any, Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> concurrent.futures.Future:
        """Run ``coro`` on the loop thread, then ``on_done(result)`` / ``on_error(exc)`` on the GUI thread
        (an op of :mod:`riskwatch.gui.ops` with the bridge as parent; a failure nobody handles is logged)."""
        return self.ops.run(Op(self, coro, on_done, on_error, show_failure=ShowFailure.LOG)).future

    # -- loop thread ----------------------------------------------------------------------------------
    async def _apply_new_settings(self) -> None:
        pending, self._new_settings = self._new_settings, None
        if pending is None:
            return
        settings, rebuild = pending
        monitor = self.monitor
        monitor.refresh_s = settings.refresh_interval_s
        old = monitor.market
        if rebuild:
            new = self._make_market(settings)
            monitor.market = new
            liquidity = getattr(monitor, "liquidity", None)
            if liquidity is not None and hasattr(liquidity, "market"):
                liquidity.market = new
            if old is not None and old is not new:
                try:
                    await old.close()
                except Exception:  # a socket that does not close cleanly must not stop the new cycle
                    log.exception("closing the previous market-data service failed")
        elif old is not None and dataclasses.is_dataclass(getattr(old, "config", None)):
            old.config = dataclasses.replace(old.config,
                                             refresh_interval=timedelta(seconds=settings.refresh_interval_s))

    async def _cycle(self) -> None:
        result = failure = None
        try:
            await self._apply_new_settings()
            result = await self.monitor.run_cycle(offline=self.offline, on_quotes=self.quotes_updated.emit)
            self.last_result = result
            self.cycles += 1
        except Exception as exc:  # a cycle never takes the app down; it is a status
            log.exception("monitoring cycle failed")
            failure = f"{type(exc).__name__}: {exc}"
        finally:
            self._running = False  # before the signals: their slots may ask for the next refresh
            self.busy_changed.emit(False)
        if failure is not None:
            self.cycle_failed.emit(failure)
        else:
            self.cycle_finished.emit(result)

    # -- slots (GUI thread) ---------------------------------------------------------------------------
    @Slot()
    def _on_timer_timeout(self) -> None:
        self.refresh()


