"""Quit cleanly on SIGINT (Ctrl+C in the terminal) and SIGTERM (logout, ``kill``, a service manager).

Python runs a signal handler only when the interpreter gets control, which never happens while Qt's event
loop waits in C; so the handler is woken through a socket pair (``signal.set_wakeup_fd``) that Qt watches
with a ``QSocketNotifier``. The quit goes through the normal window close, so the loop thread, the worker
process and the store shut down as on Ctrl+Q.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

QUIT_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class SignalQuitter(QObject):
    """While alive, SIGINT and SIGTERM call ``quit`` on the GUI thread once."""

    def __init__(self, quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit = quit
        self._quitting = False
        self._rsock, self._wsock = socket.socketpair()
        self._rsock.setblocking(False)
        self._wsock.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._wsock.fileno())
        self._previous = {sig: signal.signal(sig, self._on_os_signal) for sig in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(self._rsock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    def _on_os_signal(self, signum, frame) -> None:  # runs when the interpreter next gets control
        pass  # the wake-up byte written by Python does the work

    def _on_notifier_activated(self, *_args) -> None:
        try:
            data = self._rsock.recv(64)
        except BlockingIOError:
            return
        if not self._quitting and any(b in QUIT_SIGNALS for b in data):
            self._quitting = True
            self._quit()

    def uninstall(self) -> None:
        """Restore the previous handlers (tests; the end of run_gui)."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._rsock.close()
        self._wsock.close()
