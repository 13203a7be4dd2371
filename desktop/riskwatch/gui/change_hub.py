"""App-wide change notifications (after Frescobaldi's application-wide signals, but injected, not global).

Whoever changes something says so here once; every view that shows it subscribes, so the main window no
longer forwards each change by hand. One hub per application window, created in ``app.create_main_window``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeHub(QObject):
    #: AppSettings (new), AppSettings (old): saved in the store
    settings_changed = Signal(object, object)
    #: positions added, edited, removed, imported, synced or reloaded
    positions_changed = Signal()
    #: alert rules added, edited, removed or restored
    rules_changed = Signal()
    #: CycleResult shown in the window (live cycle or replay step)
    result_shown = Signal(object)
    #: True when a replay started, False when it ended
    replay_toggled = Signal(bool)


__all__ = ["ChangeHub"]
