"""Figures first, network second: the store's and the bundle's figures in the window the moment it is up.

``launcher.launch`` computes them on the loop thread (``Monitor.preview``: no feed, no worker process, no rules)
before it builds the monitor's feeds; :class:`FirstFigures` carries them to the GUI thread and holds the loop
thread back until the window has shown them. The build that follows (ccxt's import, the worker's start) is
Python work of its own: run at the same time, it would take the interpreter lock from that first repaint
in small slices and delay it by hundreds of milliseconds. The first cycle's figures replace these, since
``computed`` is queued before the monitor is even built.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)


class FirstFigures(QObject):
    #: the preview's CycleResult (emitted on the loop thread, received in the GUI thread)
    computed = Signal(object)

    def __init__(self, window, *, max_wait_s: float = 2.0):
        """``window``: the MainWindow (``show_result``), also the parent. The loop thread waits at most
        ``max_wait_s`` for the window (a busy GUI thread must not hold the monitor back for long)."""
        super().__init__(window)
        self._window = window
        self._max_wait_s = max_wait_s
        self._shown = threading.Event()
        self.computed.connect(self._on_computed)

    async def show(self, compute: Callable[[], object]) -> bool:
        """Loop thread: ``compute()`` the figures, send them to the window and wait until it has painted them.
        False when they could not be computed (the first cycle then shows what it gets)."""
        try:
            result = compute()
        except Exception:
            log.exception("no figures from the store before the first cycle")
            return False
        self.computed.emit(result)
        deadline = time.monotonic() + self._max_wait_s
        while not self._shown.is_set() and time.monotonic() < deadline:
            await asyncio.sleep(0.005)  # polled, so a shutdown meanwhile cancels it at once
        return True

    @property
    def shown(self) -> bool:
        return self._shown.is_set()

    def _on_computed(self, result) -> None:  # GUI thread
        self._window.show_result(result)
        QTimer.singleShot(0, self._shown.set)  # after the repaint that the new figures asked for
