"""Shared by the tray and notification tests: a real main window on the test's store, and a close the way the
window manager sends it."""

from __future__ import annotations

import ctypes
import os

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from riskwatch import app

#: QWindowSystemInterface::handleCloseEvent<SynchronousDelivery>(QWindow*), exported by QtGui (private API)
_HANDLE_CLOSE = "_ZN22QWindowSystemInterface16handleCloseEventINS_19SynchronousDeliveryEEEbP7QWindow"


@pytest.fixture
def window_factory(qtbot, stack):
    """Main windows on ``stack``'s store; the application's quit-on-last-window setting (a tray switches it
    off) is restored afterwards."""
    qt_app = QApplication.instance()
    quit_on_close = qt_app.quitOnLastWindowClosed()
    windows = []

    def make():
        w = app.create_main_window(stack.store, alerts=stack.service, clock=stack.clock, alert_repo=stack.repo,
                                   language="en")
        qtbot.addWidget(w)
        windows.append(w)
        return w

    yield make
    qt_app.setQuitOnLastWindowClosed(quit_on_close)


def window_manager_close(widget) -> None:
    """Close ``widget`` as the window manager does (its close button): a *spontaneous* close event, through
    Qt's window-system interface (what a platform plugin calls). The offscreen platform has no window manager,
    and ``QWidget.close()`` is not spontaneous."""
    import PySide6

    lib = ctypes.CDLL(os.path.join(os.path.dirname(PySide6.__file__), "Qt", "lib", "libQt6Gui.so.6"))
    handle = getattr(lib, _HANDLE_CLOSE)
    handle.argtypes = [ctypes.c_void_p]
    handle.restype = ctypes.c_bool
    handle(shiboken6.getCppPointer(widget.windowHandle())[0])
