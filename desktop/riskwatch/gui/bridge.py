"""The bridge between the loop thread (market data, async) and the GUI thread (Qt).

``MarketDataBridge`` is a QObject created in, and living in, the GUI thread. Its timer starts a
market-data cycle on the loop thread every refresh interval (never two at once: a tick that finds a
cycle still running is skipped). The cycle's results are emitted **from the loop thread** through this
object's signals; because the object lives in the GUI thread, Qt queues every call to a receiver living
there (default AutoConnection), so slots run in the GUI thread and nothing in the GUI waits for I/O.

Signals carry immutable domain objects only (frozen dataclasses, read-only mappings), never a ccxt type.

:meth:`MarketDataBridge.run` is the small "run this off the GUI thread, then call on_done / on_error on
the GUI thread" helper (in the spirit of Anki's QueryOp), used for on-demand work such as order books.

The bridge does not import the loop thread (an adapter): it takes any object with
``submit(coroutine) -> concurrent.futures.Future``.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from riskwatch.domain.model import Asset, AssetKind, Quote
from riskwatch.domain.validation import Freshness
from riskwatch.services.market_data import MarketDataResult, MarketDataService

log = logging.getLogger(__name__)

AssetsProvider = Callable[[], tuple[Sequence[Asset], str]]   # -> (assets to watch, base currency)


class Submitter(Protocol):
    def submit(self, coro: Coroutine[Any, Any, Any]) -> concurrent.futures.Future: ...


class MarketDataBridge(QObject):
    """Runs market-data cycles on the loop thread and re-publishes their results as Qt signals."""

    #: Mapping[str, Quote] (read-only), in the base currency; emitted as soon as a cycle has its quotes.
    quotes_updated = Signal(object)
    #: MarketDataResult of a finished cycle (quotes, freshness, sources, errors, rejected counts).
    cycle_finished = Signal(object)
    #: Mapping[str, SourceStatus]; emitted when any source's state or problem code changed.
    feed_status_changed = Signal(object)
    #: Mapping[str, AssetIssue]; emitted when the set of per-asset problems changed.
    asset_errors_changed = Signal(object)
    #: True while a cycle runs.
    busy_changed = Signal(bool)
    #: A cycle could not run at all (e.g. the loop thread is gone); the text is for the log, not the user.
    refresh_failed = Signal(str)

    _delivered = Signal(object, object, object)   # (callback, value, error) -> run in the GUI thread

    def __init__(self, loop: Submitter, service: MarketDataService, assets: AssetsProvider, *,
                 interval_s: float = 15.0, parent: QObject | None = None):
        super().__init__(parent)
        self._loop = loop
        self._service = service
        self._assets = assets
        self._future: concurrent.futures.Future | None = None
        self._last_status: dict[str, tuple] = {}
        self._last_errors: dict[str, str] = {}
        self.skipped_ticks = 0
        self.last_result: MarketDataResult | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(int(interval_s * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._delivered.connect(self._on_self_delivered)

    # -- control (GUI thread) ---------------------------------------------------------------------------
    def start(self, *, refresh_now: bool = True) -> None:
        self._timer.start()
        if refresh_now:
            self.refresh()

    def stop(self) -> None:
        """Stop the timer and cancel a running cycle (the loop thread's shutdown closes the exchange)."""
        self._timer.stop()
        future, self._future = self._future, None
        if future is not None:
            future.cancel()

    def set_interval(self, seconds: float) -> None:
        self._timer.setInterval(int(max(seconds, 1.0) * 1000))

    @property
    def busy(self) -> bool:
        return self._future is not None and not self._future.done()

    def refresh(self) -> bool:
        """Start a cycle now unless one is running. Returns True when a cycle was started."""
        if self.busy:
            self.skipped_ticks += 1
            return False
        try:
            assets, base = self._assets()
        except Exception as exc:  # the provider reads the store; a failure must not kill the timer
            log.exception("asset provider failed")
            self.refresh_failed.emit(f"{type(exc).__name__}: {exc}")
            return False
        try:
            self._future = self._loop.submit(self._cycle(tuple(assets), base))
        except Exception as exc:
            self.refresh_failed.emit(f"{type(exc).__name__}: {exc}")
            return False
        self.busy_changed.emit(True)
        return True

    def freshness(self, quote: Quote | None, kind: AssetKind) -> Freshness:
        """Age a quote between cycles (call from a display timer)."""
        return self._service.assess(quote, kind)

    def run(self, coro: Coroutine[Any, Any, Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> concurrent.futures.Future:
        """Run ``coro`` on the loop thread; call ``on_done(result)`` or ``on_error(exc)`` in the GUI thread."""
        future = self._loop.submit(coro)

        def finished(f: concurrent.futures.Future) -> None:   # runs on the loop thread
            if f.cancelled():
                return
            exc = f.exception()
            if exc is not None:
                if on_error is not None:
                    self._delivered.emit(on_error, None, exc)
                else:
                    log.error("background operation failed: %s", exc)
            elif on_done is not None:
                self._delivered.emit(on_done, f.result(), None)

        future.add_done_callback(finished)
        return future

    def fetch_order_book(self, asset: str, currency: str, on_done: Callable[[Any], None],
                         on_error: Callable[[BaseException], None] | None = None,
                         limit: int | None = None) -> concurrent.futures.Future:
        """An order book on demand (liquidity view); ``on_done`` receives a domain ``OrderBook``."""
        return self.run(self._service.fetch_order_book(asset, currency, limit), on_done, on_error)

    # -- loop thread ---------------------------------------------------------------------------------------
    async def _cycle(self, assets: tuple[Asset, ...], base: str) -> None:
        try:
            result = await self._service.run_cycle(assets, base, on_quotes=self.quotes_updated.emit)
            self._publish(result)
        finally:
            self.busy_changed.emit(False)

    def _publish(self, result: MarketDataResult) -> None:
        self.last_result = result
        status = {name: (s.state, s.code, s.retry_at) for name, s in result.sources.items()}
        if status != self._last_status:
            self._last_status = status
            self.feed_status_changed.emit(result.sources)
        errors = {sym: issue.code for sym, issue in result.errors.items()}
        if errors != self._last_errors:
            self._last_errors = errors
            self.asset_errors_changed.emit(result.errors)
        self.cycle_finished.emit(result)

    # -- slots (GUI thread) ---------------------------------------------------------------------------------
    @Slot()
    def _on_timer_timeout(self) -> None:
        self.refresh()

    @Slot(object, object, object)
    def _on_self_delivered(self, callback: Callable[[Any], None], value: Any, error: Any) -> None:
        try:
            callback(error if error is not None else value)
        except Exception:
            log.exception("GUI callback failed")


__all__ = ["MarketDataBridge", "AssetsProvider"]
