"""The alert views of the main window: the alert window, the history tab and the bridge that feeds both."""

from __future__ import annotations

from collections.abc import Callable

from riskwatch.gui.alert_bridge import AlertBridge
from riskwatch.gui.views.alert_history_view import AlertHistoryView
from riskwatch.gui.views.alert_window import AlertWindow


def build_alert_views(w, alerts, write_alert_csv, on_alerts_changed: Callable[..., None],
                      on_status: Callable[[str], None]) -> Callable[[], None]:
    """Sets ``w.alert_bridge``, ``w.alert_window`` and ``w.alert_history`` (a tab); returns the function that
    removes the bridge's listener from ``alerts`` (call it before the window goes)."""
    w.alert_bridge = AlertBridge(w)
    remove = alerts.add_listener(w.alert_bridge.listener)
    # the notification itself is the desktop-notification sink's (gui/notifications.py, registered in the
    # launcher): the alert window only pops up and beeps, so nothing is announced twice
    w.alert_window = AlertWindow(alerts, notify_tray=False, play_sound=w.settings.alert_sound, parent=w)
    w.alert_history = AlertHistoryView(alerts, write_text=write_alert_csv)
    w.alert_window.set_ops(w.ops)
    w.alert_history.set_ops(w.ops)
    w.alert_bridge.alerts_raised.connect(w.alert_window.show_events)
    w.alert_bridge.alerts_raised.connect(w.alert_history.show_events)
    w.alert_bridge.alerts_raised.connect(on_alerts_changed)
    w.alert_window.attention_count_changed.connect(on_alerts_changed)
    w.alert_history.status_message.connect(on_status)
    w.hub.settings_changed.connect(lambda new, _old: w.alert_window.set_notifications(sound=new.alert_sound))
    w.tabs.addTab(w.alert_history, "")
    return remove


__all__ = ["build_alert_views"]
