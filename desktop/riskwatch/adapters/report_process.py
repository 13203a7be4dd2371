"""The risk report of a monitoring cycle, computed in a worker process.

Why a process: the report is ~40-100 ms of pandas/numpy work per cycle. On the loop thread it competes with
the Qt GUI thread for the interpreter lock, and numpy/pandas release and re-take the lock in many small steps,
each of which lets the computing thread win again; the GUI thread then waits for whole stretches of the
computation (measured: event-loop gaps of 100+ ms during a refresh of 50 positions). In a separate process the
computation needs no lock of ours; the loop thread only waits on a pipe.

The worker is started with ``spawn`` (forking a process that runs Qt threads is unsafe), once, on
:meth:`ReportProcess.start`; it keeps the memo of the daily-only figures (volatility, VaR, beta) between cycles,
like the in-process computation does. When the worker cannot be started or dies, the report is computed in
the calling thread and the reason is logged once: a slower cycle, never a missing one.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor

from riskwatch.domain.risk_report import RiskReport, compute_risk_report

log = logging.getLogger(__name__)

_CACHE: dict = {}  # in the worker process: daily-only figures between cycles (content-keyed)


def compute_in_worker(kwargs: dict) -> tuple[bool, object]:
    """Runs in the worker process: ``(True, report)``, or ``(False, exception)`` when the computation raised
    (so the caller can tell an error of the figures from a failure of the worker itself)."""
    try:
        return True, compute_risk_report(**kwargs, cache=_CACHE)
    except Exception as exc:  # handed back and raised in the caller
        return False, exc


def watch_parent(parent_pid: int, interval: float = 0.5) -> None:
    """Worker initializer: end the worker when its parent is gone.

    A parent killed with SIGKILL never shuts the pool down, and an idle worker blocks on its call queue for
    ever (with the resource tracker beside it, ~80 MB per pair). Polling the parent id is portable (no
    ``prctl``) and costs nothing measurable at this interval."""
    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent_pid:
                os._exit(0)

    threading.Thread(target=watch, name="riskwatch-parent-watch", daemon=True).start()


def worker_pid() -> int:
    """Runs in the worker process (used to start it early and by tests)."""
    return os.getpid()


class ReportProcess:
    """``await compute(kwargs)`` → :class:`RiskReport`, computed by ``compute_risk_report(**kwargs)`` in a worker."""

    def __init__(self) -> None:
        self._pool: Executor | None = None
        self._broken = False
        self._lock = threading.Lock()
        self._local_cache: dict = {}
        self.remote_reports = 0   # computed in the worker
        self.local_reports = 0    # computed in the calling thread (worker unavailable)

    def start(self) -> ReportProcess:
        """Start the worker now (it imports pandas for about a second) instead of on the first cycle."""
        pool = self._ensure()
        if pool is not None:
            try:
                pool.submit(worker_pid)
            except Exception as exc:  # reported, then computed locally
                self._fail(exc)
        return self

    def _ensure(self) -> Executor | None:
        with self._lock:
            if self._pool is None and not self._broken:
                try:
                    self._pool = ProcessPoolExecutor(max_workers=1,
                                                     mp_context=multiprocessing.get_context("spawn"),
                                                     initializer=watch_parent, initargs=(os.getpid(),))
                except Exception as exc:
                    self._broken = True
                    log.warning("risk computation stays in-process: %s", exc)
            return self._pool

    def _fail(self, exc: BaseException) -> None:
        with self._lock:
            if not self._broken:
                log.warning("risk computation worker unavailable, computing in-process: %s: %s",
                            type(exc).__name__, exc)
            self._broken = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    @property
    def available(self) -> bool:
        return not self._broken

    def pid(self, timeout: float = 30.0) -> int | None:
        """The worker's process id (starts it); None when it is unavailable."""
        pool = self._ensure()
        if pool is None:
            return None
        try:
            return pool.submit(worker_pid).result(timeout)
        except Exception as exc:
            self._fail(exc)
            return None

    async def compute(self, kwargs: dict) -> RiskReport:
        pool = self._ensure()
        if pool is not None:
            try:
                ok, value = await asyncio.get_running_loop().run_in_executor(pool, compute_in_worker, kwargs)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # BrokenProcessPool, pickling, OS errors
                self._fail(exc)
            else:
                if not ok:
                    raise value  # type: ignore[misc]
                self.remote_reports += 1
                return value  # type: ignore[return-value]
        self.local_reports += 1
        return compute_risk_report(**kwargs, cache=self._local_cache)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
            self._broken = True
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    async def aclose(self) -> None:
        """For :meth:`LoopThread.add_closer`: shuts the worker down without blocking the loop."""
        await asyncio.get_running_loop().run_in_executor(None, self.close)
