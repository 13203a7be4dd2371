"""Carries the basket backfill's progress from the loop thread to the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class BackfillProgress(QObject):
    """Lives in the GUI thread: ``progressed.emit`` from the loop thread is queued to the connected slots."""

    progressed = Signal(int, int, str)   # done, total, the symbol just finished
