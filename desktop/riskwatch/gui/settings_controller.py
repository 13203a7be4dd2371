"""The user's settings while the app runs: the current AppSettings, the settings dialog and saving a change.

A saved change is announced once, on the ChangeHub (``settings_changed(new, old)``); whoever depends on a
setting follows it there: the monitor bridge (exchange, endpoint, refresh interval), the periodic account
sync, and the window's status line (:func:`follow_in_status`). The controller applies only what belongs to
no view, the UI language. app.py creates it with the settings it read at start-up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from riskwatch.gui.change_hub import ChangeHub
from riskwatch.gui.source_names import exchange_name
from riskwatch.services.settings import AppSettings, load_settings, save_settings


class SettingsController(QObject):
    def __init__(self, store, hub: ChangeHub, settings: AppSettings | None = None, *, translator=None,
                 autostart=None, parent: QObject | None = None):
        """``settings``: as read at start-up (read from ``store`` when not given); ``translator``: the app's
        Translator, switched when the language setting changes; ``autostart``: the desktop integration
        (``autostart_enabled()``, ``set_autostart(bool)``) behind the dialog's "Start at login" (none: no box)."""
        super().__init__(parent)
        self._store = store
        self._autostart = autostart
        self._hub = hub
        self._translator = translator
        self.settings = settings if settings is not None else load_settings(store)
        self._channels = self._ops = None  # the remote channels' admin and the OpRunner (attach_channels)
        hub.settings_changed.connect(self._on_hub_settings_changed)

    @property
    def translator(self):
        """The app's Translator (None when the window was built without one)."""
        return self._translator

    def attach_channels(self, channels, ops) -> None:
        """Show the remote channels in the dialog from now on (app.py's ChannelAdmin, once the delivery runs)."""
        self._channels, self._ops = channels, ops

    def edit(self, parent: QWidget | None = None) -> bool:
        """The settings dialog; what the user confirms is saved and announced. True when something was."""
        from riskwatch.gui.dialogs.settings_dialog import SettingsDialog

        from riskwatch.gui.translation import resolve_language

        dialog = SettingsDialog(self.settings, parent, channels=self._channels, ops=self._ops,
                                language=resolve_language(self.settings.language), autostart=self._autostart)
        new = dialog.result_settings() if dialog.exec() else None
        if new is None:
            return False
        self.apply(new)
        return True

    def apply(self, new: AppSettings) -> None:
        """Save ``new`` (ValueError when it does not validate) and announce it: the next cycle uses it."""
        old = self.settings
        save_settings(self._store, new)
        self.settings = new
        self._hub.settings_changed.emit(new, old)

    def _on_hub_settings_changed(self, new: AppSettings, old: AppSettings) -> None:
        if new.language != old.language and self._translator is not None:
            self._translator.set_language(new.language)


def show_settings(status_panel, settings: AppSettings) -> None:
    """What the status panel shows of the settings before a cycle says more: base currency and exchange."""
    status_panel.set_base_currency(settings.base_currency)
    status_panel.set_sources(crypto=(exchange_name(settings.exchange), "unknown"))


def follow_in_status(status_panel, show_status: Callable[[str], None]) -> Callable[[AppSettings, AppSettings], None]:
    """A slot for ``ChangeHub.settings_changed`` that keeps the status panel in step and, when the exchange,
    its endpoint or the base currency changed, says from when they are used."""

    def follow(new: AppSettings, old: AppSettings) -> None:
        show_settings(status_panel, new)
        if (new.exchange, new.exchange_api_url, new.base_currency) != (old.exchange, old.exchange_api_url,
                                                                      old.base_currency):
            # the window's context: the German translation of this sentence is filed under MainWindow
            show_status(QCoreApplication.translate("MainWindow", "Settings saved. The new exchange or base currency "
                                                                 "is used from the next refresh."))

    return follow


__all__ = ["SettingsController", "follow_in_status", "show_settings"]
