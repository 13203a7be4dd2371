"""Shows the remote channels' delivery in the window: the status bar's indicator after each cycle, the delivery
log in the alert history, the channels in the settings dialog; a changed reminder interval reaches the delivery.

The delivery runs on the loop thread; its status and log are read from the store in a worker (the OpRunner),
never on the GUI thread. The launcher calls :func:`attach_delivery` once the delivery was built.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from riskwatch.gui.ops import ShowFailure


class DeliveryStatus(QObject):
    """Reads ``delivery.status()`` off the GUI thread and hands it to ``status_panel.show_delivery``."""

    def __init__(self, delivery, ops, status_panel, parent: QObject | None = None):
        super().__init__(parent)
        self._delivery, self._ops, self._panel = delivery, ops, status_panel

    @Slot()
    @Slot(object)
    def refresh(self, *_args) -> None:
        delivery = self._delivery
        self._ops.query(self, delivery.status, self._panel.show_delivery, show_failure=ShowFailure.LOG)


def attach_delivery(window, admin, delivery, bridge=None) -> DeliveryStatus:
    """Wire ``delivery`` (a DeliveryService) and ``admin`` (app.py's ChannelAdmin) into ``window``."""
    follower = DeliveryStatus(delivery, window.ops, window.status_panel, parent=window)
    if bridge is not None:
        bridge.cycle_finished.connect(follower.refresh)
    window.settings_controller.attach_channels(admin, window.ops)
    if window.alert_history is not None:
        window.alert_history.set_delivery_log(delivery.log)

    def follow(new, _old) -> None:
        delivery.reminder_minutes = new.reminder_minutes
        follower.refresh()

    window.hub.settings_changed.connect(follow)
    follower.refresh()
    return follower


__all__ = ["DeliveryStatus", "attach_delivery"]
