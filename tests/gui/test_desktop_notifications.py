"""Desktop notifications over a REAL D-Bus: a private session bus started by the test, a notification server on
it (tests/gui/notification_server.py, jeepney), the alert service on a real SQLite store."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from riskwatch.adapters.desktop_notify import FreedesktopNotifications
from riskwatch.domain.alerts import AlertEvent, EventKind, Severity
from riskwatch.domain.snapshot import MetricValue, Snapshot
from riskwatch.gui.notifications import DesktopNotifications
from riskwatch.gui.ops import OpRunner
from riskwatch.gui.tray import Tray
from tests.gui.alert_fixtures import ASSETS, DROP, T0, German
from tests.gui.notification_server import NotificationServer, private_session_bus
from tests.gui import tray_fixtures

AS_OF = T0 - timedelta(minutes=30)

window_factory = tray_fixtures.window_factory  # the shared fixture


@pytest.fixture
def bus(monkeypatch):
    with private_session_bus() as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)  # this test only, never globally
        yield address


@pytest.fixture
def server(bus):
    s = NotificationServer(bus)
    yield s
    s.close()


class Recorder:
    def __init__(self):
        self.messages = []

    def __call__(self, title, text, critical):
        self.messages.append((title, text, critical))
        return True


def build(qtbot, stack, *, fallback=None):
    ops = OpRunner()
    sink = DesktopNotifications(stack.service, ops, fallback=fallback)
    backend = FreedesktopNotifications("RiskWatch", icon="/x/riskwatch.svg", on_action=sink.action_invoked,
                                       on_closed=sink.notification_closed)
    sink.set_backend(backend)
    stack.service.add_sink(sink)
    return sink, backend, ops


def fire_btc(stack, value=-0.20):
    """A cycle on another thread (as the loop thread does): BTC below the shipped 17 % rule -> a warning."""
    snapshot = Snapshot(T0, {("BTC", DROP): MetricValue(value, as_of=AS_OF)}, ASSETS)
    t = threading.Thread(target=stack.service.process, args=(snapshot,))
    t.start()
    t.join()


def test_a_warning_sends_one_notify_with_german_texts_and_actions(qtbot, stack, server):
    sink, backend, ops = build(qtbot, stack)
    try:
        with German():
            fire_btc(stack)
            qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=20000)
        [call] = server.calls
        assert call.signature == "susssasa{sv}i"  # replaces_id a real uint32: GDBus servers check it
        assert call.app_name == "RiskWatch" and call.app_icon == "/x/riskwatch.svg"
        assert call.summary == "Warnung: BTC – Rückgang vom 30-Tage-Hoch"
        as_of = AS_OF.astimezone().strftime("%d.%m.%Y %H:%M")
        assert call.body == f"Wert −20,0 % · Schwellwert −17,0 % · Datenstand {as_of}"
        assert call.actions == ("acknowledge", "Quittieren", "snooze_1h", "1 h stummschalten")
        assert call.hints["urgency"] == ("y", 1)
    finally:
        backend.close()
        ops.close()


def test_english_texts_follow_the_ui_language(qtbot, stack, server):
    sink, backend, ops = build(qtbot, stack)
    try:
        fire_btc(stack, -0.26)  # below 25 %: the critical rule too
        qtbot.waitUntil(lambda: len(server.calls) >= 1, timeout=20000)
        summaries = {c.summary for c in server.calls}
        assert "Critical: BTC – Drop from 30-day high" in summaries
        critical = next(c for c in server.calls if c.summary.startswith("Critical"))
        assert critical.body.startswith("Value −26.0% · threshold −25.0% · data as of ")
        assert critical.actions == ("acknowledge", "Acknowledge", "snooze_1h", "Snooze 1 h")
        assert critical.hints["urgency"] == ("y", 2)
    finally:
        backend.close()
        ops.close()


def test_an_info_event_sends_no_notification(qtbot, stack, server):
    sink, backend, ops = build(qtbot, stack)
    info = AlertEvent(EventKind.FIRED, "x|BTC", "x", "info rule", Severity.INFO, "BTC", DROP, -0.05, -0.04, T0,
                      DROP)
    resolved = AlertEvent(EventKind.RESOLVED, "y|BTC", "y", "rule", Severity.WARNING, "BTC", DROP, -0.01, -0.17,
                          T0, DROP)
    try:
        sink.deliver([info, resolved])
        fire_btc(stack)  # a warning afterwards: exactly its one notification arrives
        qtbot.waitUntil(lambda: len(server.calls) >= 1, timeout=20000)
        qtbot.wait(200)
        assert [c.summary.split(":")[0] for c in server.calls] == ["Warning"]
    finally:
        backend.close()
        ops.close()


def test_the_acknowledge_action_acknowledges_the_alert_in_the_store(qtbot, stack, server):
    sink, backend, ops = build(qtbot, stack)
    threads = []
    acknowledge = stack.service.acknowledge

    def recording(key):
        threads.append(threading.current_thread().name)
        return acknowledge(key)

    stack.service.acknowledge = recording
    try:
        fire_btc(stack)
        qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=20000)
        assert [r.alert_key for r in stack.service.alerts_needing_attention()]
        with qtbot.waitSignal(sink.action_done, timeout=20000) as done:
            server.invoke_action(server.calls[0].id, "acknowledge")
        key = done.args[0]
        assert done.args[1] == "acknowledge"
        assert stack.service.alerts_needing_attention() == []
        assert threads and all(name.startswith("riskwatch-op") for name in threads)  # ops, not D-Bus's thread
        repo = stack.reopen()  # what a restart sees: stored
        assert repo.load_state().get(key).acknowledged
    finally:
        backend.close()
        ops.close()


def test_the_snooze_action_snoozes_for_an_hour(qtbot, stack, server):
    sink, backend, ops = build(qtbot, stack)
    try:
        fire_btc(stack)
        qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=20000)
        with qtbot.waitSignal(sink.action_done, timeout=20000):
            server.invoke_action(server.calls[0].id, "snooze_1h")
        [record] = [r for r in stack.service.active_alerts() if r.member == "BTC"]
        assert record.snoozed_until == T0 + timedelta(hours=1)
    finally:
        backend.close()
        ops.close()


def test_without_a_notification_server_the_tray_message_shows(qtbot, stack, bus, monkeypatch, window_factory):
    shown = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, *a: shown.append(a))
    window = window_factory()
    tray = Tray(window, window.settings_controller, window.windowIcon(), available=True, quit_app=lambda: None)
    sink, backend, ops = build(qtbot, stack, fallback=tray.show_message)
    try:
        with qtbot.waitSignal(sink.notification_shown, timeout=20000) as sent:
            fire_btc(stack)
        assert sent.args[2] == "tray"
        [(title, text, icon, _ms)] = shown
        assert title == "Warning: BTC – Drop from 30-day high" and text.startswith("Value −20.0%")
        assert icon == QSystemTrayIcon.MessageIcon.Warning
    finally:
        backend.close()
        ops.close()
