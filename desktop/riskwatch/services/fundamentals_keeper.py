"""Keeps the held miners' company facts current, on a task of its own beside the cycles.

EDGAR publishes a company's facts when it files; a daily look is plenty (``FundamentalsService.refresh`` asks
only for a company whose cached facts are older than a day, so a restart does not fetch them again). Never
inside a cycle: the price rules must not wait for a filing database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from datetime import timedelta

log = logging.getLogger(__name__)


class FundamentalsKeeper:
    """``service``: the FundamentalsService; ``symbols()``: the held symbols now (its miners are refreshed)."""

    def __init__(self, service, symbols: Callable[[], Iterable[str]], *, interval: timedelta = timedelta(hours=6)):
        self.service = service
        self._symbols = symbols
        self.interval = interval
        self.runs = 0
        self.last = []

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                self.last = await self.service.refresh(list(self._symbols()))
                failed = [s for s in self.last if not s.ok]
                if failed:
                    log.warning("company facts not refreshed: %s", ", ".join(f"{s.symbol} ({s.code})" for s in failed))
            except asyncio.CancelledError:
                raise
            except Exception:  # the balance sheets then stay as stored; the next run tries again
                log.exception("refreshing the company facts failed")
            self.runs += 1
            try:
                await asyncio.wait_for(stop.wait(), self.interval.total_seconds())
            except TimeoutError:
                pass


__all__ = ["FundamentalsKeeper"]
