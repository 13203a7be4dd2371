"""The tray icon from start-up: Show, Pause monitoring, Quit, and the number of open alerts.

Closing the window from the window manager (its close button, Alt+F4: a *spontaneous* close) hides it and
keeps monitoring in the tray when a tray exists and the setting ``close_to_tray`` is on; the first time, a tray
message says so (remembered in the settings). Every other close — File > Quit, Ctrl+Q, the tray's Quit,
SIGTERM — goes through ``window.close()``, is not spontaneous and quits as before. Without a tray nothing
changes: closing quits.

The tray is also where a desktop notification falls back to (:meth:`Tray.show_message`) when no notification
service answers, and what shows on Windows and macOS (Qt's tray message is their native notification).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

log = logging.getLogger(__name__)

_BADGE_SIZE = 64


def app_icon(path) -> QIcon:
    """The application's icon: the SVG at ``path`` (QtSvg renders it at any size) and the PNGs beside it
    (``riskwatch-<n>.png``, tools/build_icons.py), which Qt takes where the size matches: the 16-24 px ones are
    drawn for that size and stay sharp in a tray or a title bar where the scaled SVG would blur."""
    from pathlib import Path

    from PySide6.QtCore import QSize

    svg = Path(path)
    icon = QIcon(str(svg))
    for png in sorted(svg.parent.glob(f"{svg.stem}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        if size.isdigit():
            icon.addFile(str(png), QSize(int(size), int(size)))
    return icon


def badge_icon(icon: QIcon, count: int) -> QIcon:
    """``icon`` with a red disc and the count in its lower right corner (nothing for 0; "9+" above 9)."""
    if count <= 0:
        return icon
    pixmap = icon.pixmap(_BADGE_SIZE, _BADGE_SIZE)
    if pixmap.isNull():
        pixmap = QPixmap(_BADGE_SIZE, _BADGE_SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QRectF(_BADGE_SIZE * 0.42, _BADGE_SIZE * 0.42, _BADGE_SIZE * 0.58, _BADGE_SIZE * 0.58)
    painter.setPen(QColor("#ffffff"))
    painter.setBrush(QColor("#d32f2f"))
    painter.drawEllipse(disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(_BADGE_SIZE * 0.36))
    painter.setFont(font)
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(count) if count < 10 else "9+")
    painter.end()
    return QIcon(pixmap)


class Tray(QObject):
    """The tray icon of ``window`` (a MainWindow). ``settings``: the SettingsController (``close_to_tray``,
    ``tray_hint_shown``); ``available``: whether the desktop has a tray (Qt asks the platform when None);
    ``quit_app``: how the application quits once the window closed (QCoreApplication.quit)."""

    #: True when monitoring was paused from the tray menu, False when it was resumed.
    pause_toggled = Signal(bool)
    #: The window was hidden into the tray instead of closing.
    hidden_to_tray = Signal()

    def __init__(self, window, settings, icon: QIcon, *, available: bool | None = None,
                 quit_app: Callable[[], None] | None = None, parent: QObject | None = None):
        super().__init__(parent if parent is not None else window)
        self._window = window
        self._settings = settings
        self._icon = icon
        self._quit_app = quit_app or QCoreApplication.quit
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else bool(available)
        self.paused = False
        self.open_alerts = 0
        self._bridge = None
        self.menu = QMenu()
        self.action_show = QAction(self, triggered=self.show_window)
        self.action_pause = QAction(self, checkable=True, toggled=self._on_action_pause_toggled)
        self.action_quit = QAction(self, triggered=self.quit)
        for action in (self.action_show, self.action_pause):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.action_quit)
        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self.icon = QSystemTrayIcon(icon, self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._on_icon_activated)
            # the tray quits the app once the window really closed (see eventFilter): a hidden window is no
            # reason to quit, nor is the alert window closing while the main window is in the tray
            QApplication.instance().setQuitOnLastWindowClosed(False)
            self.icon.show()
        window.installEventFilter(self)
        alert_window = getattr(window, "alert_window", None)
        if alert_window is not None:
            alert_window.attention_count_changed.connect(self.set_open_alerts)
        self.retranslate()

    # -- text ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.action_show.setText(self.tr("&Show"))
        self.action_pause.setText(self.tr("&Pause monitoring"))
        self.action_quit.setText(self.tr("&Quit"))
        self._update_tooltip()

    def tooltip(self) -> str:
        n = self.open_alerts
        text = (self.tr("RiskWatch – %n open alert(s)", "", n) if n else self.tr("RiskWatch – no open alert"))
        if self.paused:
            text += "\n" + self.tr("Monitoring paused")
        return text

    def _update_tooltip(self) -> None:
        if self.icon is not None:
            self.icon.setToolTip(self.tooltip())

    # -- state ----------------------------------------------------------------------------------------------
    @Slot(int)
    def set_open_alerts(self, count: int) -> None:
        self.open_alerts = max(int(count), 0)
        if self.icon is not None:
            self.icon.setIcon(badge_icon(self._icon, self.open_alerts))
        self._update_tooltip()

    def attach_bridge(self, bridge) -> None:
        """The MonitorBridge (built after the first paint); a pause chosen before it existed holds."""
        self._bridge = bridge
        if self.paused:
            bridge.stop()

    def set_paused(self, paused: bool) -> None:
        self.action_pause.setChecked(bool(paused))  # toggled -> _on_action_pause_toggled

    def show_message(self, title: str, text: str, critical: bool = False) -> bool:
        """A tray message (the notification fallback); False when there is no tray to show it."""
        if self.icon is None:
            return False
        kind = QSystemTrayIcon.MessageIcon.Critical if critical else QSystemTrayIcon.MessageIcon.Warning
        self.icon.showMessage(title, text, kind, 15000)
        return True

    # -- commands ---------------------------------------------------------------------------------------------
    @Slot()
    def show_window(self) -> None:
        w = self._window
        if w.isMinimized():
            w.showNormal()
        else:
            w.show()
        w.raise_()
        w.activateWindow()

    @Slot()
    def quit(self) -> None:
        """Quit as File > Quit does: close the window (it saves its layout and stops the workers), then the app."""
        self._window.close()

    # -- the window's events ----------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self._window:
            if event.type() == QEvent.Type.Close:
                if event.spontaneous() and self._keeps_running():
                    event.ignore()
                    self._hide_to_tray()
                    return True
                if self.available:
                    QTimer.singleShot(0, self._quit_if_closed)
            elif event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
        return super().eventFilter(watched, event)

    def _keeps_running(self) -> bool:
        return self.icon is not None and bool(getattr(self._settings.settings, "close_to_tray", True))

    def _hide_to_tray(self) -> None:
        self._window.hide()
        self.hidden_to_tray.emit()
        if not self._settings.settings.tray_hint_shown:
            self.show_message(self.tr("RiskWatch keeps running"),
                              self.tr("Monitoring continues in the tray. Quit from the tray menu; switch this off "
                                      "in the settings (Keep running in the tray when closed)."))
            try:
                self._settings.apply(dataclasses.replace(self._settings.settings, tray_hint_shown=True))
            except (ValueError, OSError) as exc:  # not remembered: said again next time, nothing worse
                log.warning("could not remember the tray hint: %s", exc)

    def _quit_if_closed(self) -> None:
        if not self._window.isVisible():
            self._quit_app()

    # -- slots -----------------------------------------------------------------------------------------------
    def _on_action_pause_toggled(self, checked: bool) -> None:
        self.paused = bool(checked)
        if self._bridge is not None:
            if self.paused:
                self._bridge.stop()
            else:
                self._bridge.start()
        self._update_tooltip()
        self.pause_toggled.emit(self.paused)

    def _on_icon_activated(self, reason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            if self._window.isVisible() and not self._window.isMinimized():
                self._window.hide()
            else:
                self.show_window()


__all__ = ["Tray", "app_icon", "badge_icon"]
