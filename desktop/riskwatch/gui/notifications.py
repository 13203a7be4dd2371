"""Native desktop notifications for warning and critical alerts: an alert sink (registered in
``app.register_alert_sinks`` from the launcher).

:meth:`DesktopNotifications.deliver` is called on the thread that committed the events (the loop thread) and
only emits a queued signal. On the GUI thread the events that newly demand attention (``needs_popup``: fired,
escalated or snooze ended, warning or critical; never info) are handed to the ``backend`` — on Linux the
freedesktop notification service over D-Bus (``adapters.desktop_notify``, injected by the launcher) — through
``gui/ops.py``, so a slow or hung notification server never blocks the window. When no notification service
answers, and on Windows and macOS (no backend), the tray message shows instead, which is the platform's own
notification there.

Where the server offers actions, a notification has "Acknowledge" and "Snooze 1 h". The server's
``ActionInvoked`` arrives on jeepney's receiver thread; it is re-emitted as a queued signal, and the alert
service's acknowledge / snooze then runs through ``gui/ops.py``, never on the D-Bus thread.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from riskwatch.domain.alerts import AlertEvent, Severity
from riskwatch.gui.format import ui_language
from riskwatch.gui.ops import OpRunner, ShowFailure
from riskwatch.services.alert_policy import needs_popup
from riskwatch.services.alerting import SNOOZE_CHOICES
from riskwatch.texts.notifications import ACKNOWLEDGE, SNOOZE_HOUR, NotificationTexts

log = logging.getLogger(__name__)

#: At most this many notifications for one committed batch; the rest are one "and n more" notification.
MAX_PER_BATCH = 3
_REMEMBERED = 64  # notification id -> alert key, for actions on notifications still on screen
URGENCY_NORMAL, URGENCY_CRITICAL = 1, 2


class _QtTranslation:
    """Qt's translator and the UI language, as the Qt-free notification texts read them."""

    @property
    def language(self) -> str:
        return ui_language()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(context, source, disambiguation, n)


class DesktopNotifications(QObject):
    """The desktop-notification alert sink. ``service``: the AlertService (acknowledge, snooze); ``ops``: the
    app's OpRunner; ``backend``: an object with ``notify(summary, body, actions=, urgency=) -> id`` and
    ``actions_supported`` that raises when no service answers (None: always the tray message);
    ``fallback(title, text, critical) -> bool``: the tray message; ``enabled``: the notification setting."""

    #: (summary, body, "desktop" | "tray" | "none") once a notification went out (or could not).
    notification_shown = Signal(str, str, str)
    #: (alert key, action key) once an action chosen in a notification was carried out.
    action_done = Signal(str, str)
    #: The user clicked the notification itself: bring the window up.
    activated = Signal()

    _received = Signal(object)
    _action_invoked = Signal(int, str)
    _closed = Signal(int)

    def __init__(self, service, ops: OpRunner, *, backend=None,
                 fallback: Callable[[str, str, bool], bool] | None = None, enabled: bool = True,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._service = service
        self._ops = ops
        self._backend = backend
        self._fallback = fallback
        self.enabled = bool(enabled)
        self._texts = NotificationTexts(_QtTranslation())
        self._ids: OrderedDict[int, str] = OrderedDict()
        self._received.connect(self._on_self_received)
        self._action_invoked.connect(self._on_self_action_invoked)
        self._closed.connect(self._on_self_closed)

    # -- any thread ---------------------------------------------------------------------------------------
    def deliver(self, events: Iterable[AlertEvent], context: object = None) -> None:
        """The sink call; safe from any thread (only emits)."""
        urgent = tuple(e for e in events if needs_popup(e))
        if urgent:
            try:
                self._received.emit(urgent)
            except RuntimeError:  # the C++ object is gone (application exit): the events are stored anyway
                pass

    def action_invoked(self, notification_id: int, action_key: str) -> None:
        """For the backend's ``on_action`` (its receiver thread): re-emitted to the GUI thread."""
        try:
            self._action_invoked.emit(int(notification_id), str(action_key))
        except RuntimeError:
            pass

    def notification_closed(self, notification_id: int) -> None:
        """For the backend's ``on_closed`` (its receiver thread)."""
        try:
            self._closed.emit(int(notification_id))
        except RuntimeError:
            pass

    # -- GUI thread -------------------------------------------------------------------------------------------
    def set_backend(self, backend) -> None:
        """The notification service to use (app.py; its callbacks are :meth:`action_invoked` and
        :meth:`notification_closed`); None: the tray message only."""
        self._backend = backend

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = bool(enabled)

    @Slot(object)
    def _on_self_received(self, events: tuple[AlertEvent, ...]) -> None:
        if not self.enabled:
            return
        for event in events[:MAX_PER_BATCH]:
            self._send(event.alert_key, self._texts.summary(event), self._texts.body(event),
                       Severity(event.severity) is Severity.CRITICAL)
        if len(events) > MAX_PER_BATCH:
            rest = events[MAX_PER_BATCH:]
            more = QCoreApplication.translate("Notification", "… and %n more alert(s)", "", len(rest))
            self._send(None, more, "\n".join(self._texts.summary(e) for e in rest[:5]),
                       any(Severity(e.severity) is Severity.CRITICAL for e in rest))

    def _send(self, alert_key: str | None, summary: str, body: str, critical: bool) -> None:
        backend = self._backend
        if backend is None:
            self._show_in_tray(summary, body, critical)
            return
        actions = self._texts.actions() if alert_key is not None else ()
        urgency = URGENCY_CRITICAL if critical else URGENCY_NORMAL

        def work():
            return backend.notify(summary, body, actions=actions, urgency=urgency)

        def sent(notification_id) -> None:
            if alert_key is not None:
                self._ids[int(notification_id)] = alert_key
                while len(self._ids) > _REMEMBERED:
                    self._ids.popitem(last=False)
            self.notification_shown.emit(summary, body, "desktop")

        def failed(exc: BaseException) -> None:
            log.info("no desktop notification service (%s): the tray message shows instead", exc)
            self._show_in_tray(summary, body, critical)

        self._ops.query(self, work, sent, failure=failed)

    def _show_in_tray(self, summary: str, body: str, critical: bool) -> None:
        shown = self._fallback is not None and self._fallback(summary, body, critical)
        self.notification_shown.emit(summary, body, "tray" if shown else "none")

    @Slot(int, str)
    def _on_self_action_invoked(self, notification_id: int, action_key: str) -> None:
        alert_key = self._ids.get(notification_id)
        if action_key == "default":
            self.activated.emit()
            return
        if alert_key is None or action_key not in (ACKNOWLEDGE, SNOOZE_HOUR):
            return
        service = self._service
        if action_key == ACKNOWLEDGE:
            def work():
                return service.acknowledge(alert_key)
        else:
            def work():
                return service.snooze(alert_key, SNOOZE_CHOICES[0])
        self._ops.query(self, work, lambda _event: self.action_done.emit(alert_key, action_key),
                        show_failure=ShowFailure.LOG)

    @Slot(int)
    def _on_self_closed(self, notification_id: int) -> None:
        self._ids.pop(notification_id, None)


__all__ = ["DesktopNotifications", "MAX_PER_BATCH"]
