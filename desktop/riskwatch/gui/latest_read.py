"""Reads whose newest answer alone counts (a view reloading its rows): in a worker through an OpRunner when
one is set, else on the calling thread. An answer overtaken by a later read is dropped; what waits for the
data (``then``) runs once the newest answer is shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from riskwatch.domain.errors import RiskWatchError


class LatestRead:
    def __init__(self, parent: QObject):
        """``parent``: the widget the callbacks belong to (dropped when it is destroyed)."""
        self._parent = parent
        self.ops = None          # OpRunner; None: read on the calling thread
        self._generation = 0
        self._waiting: list[Callable[[], None]] = []

    def run(self, read: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[BaseException], None],
            then: Callable[[], None] | None = None) -> None:
        self._generation += 1
        if then is not None:
            self._waiting.append(then)
        if self.ops is None:
            try:
                result = read()
            except RiskWatchError as exc:
                self._fail(failed, exc)
                return
            self._deliver(done, result)
            return
        generation = self._generation
        self.ops.query(self._parent, read,
                       lambda result: generation == self._generation and self._deliver(done, result),
                       failure=lambda exc: generation == self._generation and self._fail(failed, exc))

    def _deliver(self, done: Callable[[Any], None], result: Any) -> None:
        done(result)
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()

    def _fail(self, failed: Callable[[BaseException], None], exc: BaseException) -> None:
        self._waiting.clear()  # nothing to decide on: a pop-up waits for data that could be read
        failed(exc)


__all__ = ["LatestRead"]
