"""The main window's default size: fits a 1280×720 screen with its title bar and a task bar."""

from __future__ import annotations

from PySide6.QtCore import QSize

#: Room for the window decorations (title bar, frame) the window size does not include.
_DECORATION = QSize(20, 60)
PREFERRED = QSize(1240, 640)
MINIMUM = QSize(800, 500)


def default_size(screen) -> QSize:
    """``PREFERRED``, shrunk to the available area of ``screen`` (None: no screen known) minus decorations."""
    if screen is None:
        return QSize(PREFERRED)
    room = screen.availableGeometry().size() - _DECORATION
    return QSize(max(MINIMUM.width(), min(PREFERRED.width(), room.width())),
                 max(MINIMUM.height(), min(PREFERRED.height(), room.height())))


def restore_window(window, tabs, settings) -> None:
    """Geometry, dock/toolbar state and the tab last used, from ``settings`` (QSettings)."""
    geometry = settings.value("main_window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.value("main_window/state")
    if state is not None:
        window.restoreState(state)
    restore_tab(tabs, settings)


def tab_key(widget) -> str:
    """A tab's name that survives tabs being added before it (its object name, else its class)."""
    return widget.objectName() or type(widget).__name__


def restore_tab(tabs, settings) -> None:
    """The tab last used, found by its name (called again once a tab added later, such as the balance sheet,
    is there); an index saved by an older version is used only when no name was saved."""
    key = settings.value("main_window/tab_key")
    if key:
        for i in range(tabs.count()):
            if tab_key(tabs.widget(i)) == key:
                tabs.setCurrentIndex(i)
        return
    tab = settings.value("main_window/tab")
    if tab is not None and 0 <= int(tab) < tabs.count():
        tabs.setCurrentIndex(int(tab))


def save_window(window, tabs, settings) -> None:
    settings.setValue("main_window/geometry", window.saveGeometry())
    settings.setValue("main_window/state", window.saveState())
    settings.setValue("main_window/tab", tabs.currentIndex())
    if tabs.currentWidget() is not None:
        settings.setValue("main_window/tab_key", tab_key(tabs.currentWidget()))
