"""``check --timeout``: one monitoring cycle that ends within a wall-clock budget, whatever the network does.

The budget is split in two. The online cycle (quotes, history backfill, order books, funding) gets all of it
but a reserve; when it has not finished by then it is cancelled (``asyncio.wait_for``: ccxt's requests are
coroutines and stop at once) and the cycle runs again offline, on what the store and the bundled history hold
(including any bar the cancelled cycle stored). The reserve covers that offline cycle, closing the Monitor and
printing. ``Monitor.aclose`` runs in every case, bounded as well.

Blocking library calls (Yahoo quotes, the first ccxt import) run in worker threads through the loop's default
executor. A thread cannot be cancelled, so the executor here runs each call in a daemon thread of its own: a call
that outlives the deadline is abandoned (its result is never read), and neither the loop's shutdown nor the
interpreter's exit waits for it, which would break the bound.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 10.0
#: What the offline re-run, closing and printing may take at most (measured: well under 1 s in-process).
MAX_RESERVE_S = 3.0
#: Closing the feeds (aiohttp sessions) after the deadline: short, it only releases sockets.
CLOSE_GRACE_S = 1.0


class DeadlineExceeded(Exception):
    """Not even the offline cycle finished within the budget."""


@dataclass(frozen=True)
class BoundedResult:
    result: object                      # the CycleResult
    timed_out: bool                     # the online cycle was cut at the deadline (the figures are offline ones)
    fetch_budget_s: float | None        # what the online cycle was given (None: an offline run)


def reserve_for(timeout_s: float) -> float:
    """The part of the budget kept back from the online cycle."""
    return min(MAX_RESERVE_S, 0.3 * timeout_s)


class _DetachedExecutor(ThreadPoolExecutor):
    """Each call in a daemon thread of its own; ``shutdown`` waits for none of them (see the module docstring)."""

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()

        def work() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # handed to whoever awaits it, as ThreadPoolExecutor does
                future.set_exception(exc)
            else:
                future.set_result(result)

        threading.Thread(target=work, name="riskwatch-check-call", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass


def run_cycle_within(monitor, *, offline: bool, timeout_s: float, started: float | None = None) -> BoundedResult:
    """One cycle of ``monitor`` that returns within ``timeout_s`` seconds of ``started`` (``time.monotonic()``,
    default now), then closes the monitor. Raises :class:`DeadlineExceeded` when no figures could be computed."""
    started = time.monotonic() if started is None else started

    async def main() -> BoundedResult:
        asyncio.get_running_loop().set_default_executor(_DetachedExecutor())
        try:
            return await _cycle(monitor, offline, started + timeout_s, timeout_s)
        finally:
            await _close(monitor, started + timeout_s)

    return asyncio.run(main())


async def _cycle(monitor, offline: bool, deadline: float, timeout_s: float) -> BoundedResult:
    budget = None
    if not offline:
        budget = max(deadline - reserve_for(timeout_s) - time.monotonic(), 0.0)
        try:
            result = await asyncio.wait_for(monitor.run_cycle(offline=False), budget)
            return BoundedResult(result, False, budget)
        except TimeoutError:
            log.warning("check: market data did not arrive within %.1f s; evaluating stored data", budget)
    try:
        result = await asyncio.wait_for(monitor.run_cycle(offline=True),
                                        max(deadline - time.monotonic(), 0.05))
    except TimeoutError:
        raise DeadlineExceeded(f"no figures within {timeout_s:g} s") from None
    return BoundedResult(result, not offline, budget)


async def _close(monitor, deadline: float) -> None:
    try:
        await asyncio.wait_for(monitor.aclose(), max(deadline - time.monotonic(), CLOSE_GRACE_S))
    except TimeoutError:
        log.warning("check: closing the market feeds took longer than the deadline")


__all__ = ["DEFAULT_TIMEOUT_S", "BoundedResult", "DeadlineExceeded", "reserve_for", "run_cycle_within"]
