"""Brings alert events from whichever thread evaluated them to the GUI thread.

``AlertService`` calls its listeners on the thread that called ``process`` (the loop thread). A plain
callback would therefore run widget code on the loop thread. :class:`AlertBridge` is a QObject created in
(and living in) the GUI thread; its :meth:`listener` does nothing but emit :attr:`alerts_raised`. Receivers
living in the GUI thread are connected with the default AutoConnection, so Qt queues the call and the slots
run in the GUI thread; when the listener is called in the GUI thread itself (acknowledge, snooze), the
slots run at once.

It is the GUI's alert sink (``domain.ports.AlertSink``): :meth:`deliver` only emits, so a slow window never
delays the cycle; which events pop the window up, beep and show a tray message is decided by
``services.alert_policy`` and carried out by the alert window.

Wiring (app.py, ``register_alert_sinks``)::

    remove = alert_service.add_sink(window.alert_bridge)    # call remove() before the bridge goes away
    bridge.alerts_raised.connect(alert_window.show_events)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from riskwatch.domain.alerts import AlertEvent

log = logging.getLogger(__name__)


class AlertBridge(QObject):
    """Re-publishes ``AlertService`` events as a Qt signal. Create it in the GUI thread."""

    #: tuple[AlertEvent, ...] of one commit, in order (already stored when emitted).
    alerts_raised = Signal(object)

    def deliver(self, events: Iterable[AlertEvent], context: object = None) -> None:
        """The sink call (``AlertService.add_sink``); safe from any thread. Only emits :attr:`alerts_raised`."""
        self.listener(events)

    def listener(self, events: Iterable[AlertEvent]) -> None:
        """For ``AlertService.add_listener``; safe to call from any thread. Only emits :attr:`alerts_raised`."""
        batch = tuple(events)
        if not batch:
            return
        try:
            self.alerts_raised.emit(batch)
        except RuntimeError:  # the C++ object is gone (application shutting down); events are stored anyway
            log.debug("alert bridge deleted; %d event(s) not shown", len(batch))


__all__ = ["AlertBridge"]
