"""One background thread running one asyncio event loop.

The ccxt async exchange objects (and anything else that is async) live only on this loop. Other threads
hand work over with :meth:`LoopThread.submit`, which returns a ``concurrent.futures.Future``; nothing here
knows about Qt. Shutdown cancels what is still running, awaits the registered closers (e.g. a feed's
``close()``, which awaits ``exchange.close()``), shuts down async generators and the default executor,
closes the loop and joins the thread, so no thread or socket is left behind.

:func:`import_quietly` imports a heavy module (ccxt: ~1 s, hundreds of thousands of objects) from a worker
thread without stalling the other threads: see its docstring for why the garbage collector is the problem.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import importlib
import logging
import sys
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

_import_lock = threading.Lock()


def import_quietly(name: str) -> Any:
    """``importlib.import_module(name)`` with the cyclic garbage collector paused, then the new objects frozen.

    Why: while a thread imports ``ccxt.async_support`` the other threads (the Qt event loop) only get the GIL
    between bytecodes, every ``sys.getswitchinterval()``. Loading the module files does not hold the GIL for
    long (the longest single module costs ~25 ms), but the import creates ~190 000 container objects, which
    triggers several full (generation 2) collections, each one C call that traverses every tracked object
    of the process with the GIL held: 40-130 ms each on the development machine, the longest stalls of the
    first refresh (the position of the stall changed from run to run: it was the collector, not a module).

    So the collector is disabled for the import, and before re-enabling it everything alive is moved to the
    permanent generation (``gc.freeze()``): otherwise the first collection afterwards would traverse all
    the import's objects at once (measured 120-360 ms). Modules, classes and functions live for the whole
    process anyway; the price is that reference cycles that already were garbage at that moment are
    never collected (a few kB). Nothing happens when the module is already imported. Thread-safe.
    """
    if name in sys.modules:  # imported, or being imported by another thread (import_module waits for it)
        return importlib.import_module(name)
    with _import_lock:
        if name in sys.modules:
            return importlib.import_module(name)
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return importlib.import_module(name)
        finally:
            gc.freeze()
            if was_enabled:
                gc.enable()


class LoopThreadError(RuntimeError):
    """The loop thread is not running (not started, or already stopped)."""


class LoopThread:
    """A daemon thread owning an asyncio loop. Use as a context manager or call start()/stop()."""

    def __init__(self, name: str = "riskwatch-loop"):
        self.name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._closers: list[Callable[[], Awaitable[Any]]] = []
        self._lock = threading.Lock()
        self._stopping = False

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> LoopThread:
        with self._lock:
            if self._thread is not None:
                raise LoopThreadError("the loop thread was already started")
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
        self._ready.wait()
        return self

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            try:
                loop.run_until_complete(self._shutdown())
            finally:
                asyncio.set_event_loop(None)
                loop.close()

    async def _shutdown(self) -> None:
        current = asyncio.current_task()
        tasks = [t for t in asyncio.all_tasks() if t is not current]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        for closer in reversed(self._closers):
            try:
                await closer()
            except Exception:  # a closer must not keep the others from running
                log.exception("closer failed during loop shutdown")
        self._closers.clear()
        await self._loop.shutdown_asyncgens()  # type: ignore[union-attr]
        await self._loop.shutdown_default_executor()  # type: ignore[union-attr]

    def stop(self, timeout: float = 10.0) -> None:
        """Cancel pending work, run the closers, close the loop and join the thread. Idempotent."""
        with self._lock:
            thread, loop = self._thread, self._loop
            first = not self._stopping
            self._stopping = True
        if thread is None:
            return
        if first and loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(loop.stop)
            except RuntimeError:  # closed meanwhile
                pass
        if threading.current_thread() is thread:
            return  # stop() from inside the loop: the thread ends once the current callback returns
        thread.join(timeout)
        if thread.is_alive():
            log.warning("loop thread %s did not stop within %.1f s", self.name, timeout)

    def __enter__(self) -> LoopThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- using it ---------------------------------------------------------------------------------
    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise LoopThreadError("the loop thread is not running")
        return self._loop

    @property
    def running(self) -> bool:
        return (self._thread is not None and self._thread.is_alive() and not self._stopping
                and self._loop is not None and self._loop.is_running())

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread

    def in_loop_thread(self) -> bool:
        return self._thread is not None and threading.current_thread() is self._thread

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Schedule ``coro`` on the loop; thread-safe. Cancelling the returned future cancels the task."""
        if not self.running:
            coro.close()
            raise LoopThreadError("the loop thread is not running")
        return asyncio.run_coroutine_threadsafe(coro, self._loop)  # type: ignore[arg-type]

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Submit and wait (for scripts and tests; never call it from the GUI thread)."""
        if self.in_loop_thread():
            coro.close()
            raise LoopThreadError("run() called from the loop thread itself would deadlock")
        return self.submit(coro).result(timeout)

    def add_closer(self, closer: Callable[[], Awaitable[Any]]) -> None:
        """Register an async callable awaited at shutdown (last registered runs first)."""
        self._closers.append(closer)
