"""Runs monitoring cycles on the loop thread and brings their results to the GUI thread as Qt signals.

The object lives in the GUI thread; its signals are emitted from the loop thread, so Qt queues every call
to a receiver in the GUI thread (default AutoConnection). Nothing here waits for I/O on the GUI thread:
a timer tick only submits a coroutine (a tick that finds a cycle running is skipped and counted).
"""

from __future__ import annotations

import concurrent.futures
import itertools
import logging
import weakref
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

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

    _delivered = Signal(object, object, object, bool)  # token, result, exception, cancelled

    def __init__(self, loop, monitor, *, interval_s: float = 15.0, parent: QObject | None = None):
        super().__init__(parent)
        self._loop = loop
        self.monitor = monitor
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
        self._tokens = itertools.count()
        self._pending: dict[int, tuple[Callable | None, Callable | None]] = {}  # token -> (on_done, on_error)
        self._delivered.connect(self._on_self_delivered)

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
        """Run ``coro`` on the loop thread, then ``on_done(result)`` / ``on_error(exc)`` on the GUI thread.

        The callbacks stay on the GUI side (a token travels instead): a future lives on in the loop thread
        after its callbacks ran, and if it held the last reference to a bound method of a widget, that
        widget would be destroyed on the loop thread, which corrupts Qt (a crash in a later paint)."""
        token = next(self._tokens)
        self._pending[token] = (on_done, on_error)
        emit = _weak_emitter(self)
        try:
            future = self._loop.submit(coro)
        except BaseException:
            self._pending.pop(token, None)
            raise

        def finished(f: concurrent.futures.Future) -> None:  # loop thread: touches no GUI-side object
            if f.cancelled():
                emit(token, None, None, True)
                return
            exc = f.exception()
            emit(token, None if exc is not None else f.result(), exc, False)

        future.add_done_callback(finished)
        return future

    # -- loop thread ----------------------------------------------------------------------------------
    async def _cycle(self) -> None:
        result = failure = None
        try:
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

    @Slot(object, object, object, bool)
    def _on_self_delivered(self, token, value, error, cancelled) -> None:
        on_done, on_error = self._pending.pop(token, (None, None))
        if cancelled:
            return
        callback = on_error if error is not None else on_done
        if callback is None:
            if error is not None:
                log.error("background operation failed: %s", error)
            return
        try:
            callback(error if error is not None else value)
        except Exception:
            log.exception("GUI callback failed")


def _weak_emitter(bridge: MonitorBridge) -> Callable[..., None]:
    """``_delivered.emit`` without a strong reference to the bridge, for the same reason as in ``run``."""
    ref = weakref.ref(bridge)

    def emit(*args) -> None:
        target = ref()
        if target is not None:
            target._delivered.emit(*args)

    return emit

