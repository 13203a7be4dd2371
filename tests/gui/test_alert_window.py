"""The alert window on a real store: pops up for warnings, not for info; acknowledge / snooze persist;
events raised on another thread reach the window in the GUI thread."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThread, Slot
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from riskwatch.domain.alerts import EventKind, Severity
from riskwatch.gui.alert_bridge import AlertBridge
from riskwatch.gui.alert_text import local_datetime_text
from riskwatch.gui.views.alert_window import (COL_ASSET, COL_METRIC, COL_SEVERITY, COL_STATE, COL_THRESHOLD,
                                              COL_TIME, COL_VALUE, AlertWindow)
from tests.gui.alert_fixtures import T0, German, local_text, snap
from tests.gui.message_boxes import record_message_boxes

BTC_KEY = "btc_drop_30d|BTC"


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch):
    return record_message_boxes(monkeypatch, answer_questions=False)


@pytest.fixture(autouse=True)
def _quiet(monkeypatch):
    """No real beeps; record them."""
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    return beeps


def wire(qtbot, stack, window_cls=AlertWindow, **kw):
    kw.setdefault("notify_tray", False)
    kw.setdefault("play_sound", False)
    window = window_cls(stack.service, **kw)
    qtbot.addWidget(window)
    bridge = AlertBridge(window)
    bridge.alerts_raised.connect(window.show_events)
    remove = stack.service.add_listener(bridge.listener)
    window.remove_listener = remove
    return window, bridge


def cell(window, row, col) -> str:
    return window.table.item(row, col).text()


def test_a_warning_pops_the_window_up_on_top(qtbot, stack):
    window, _ = wire(qtbot, stack)
    assert not window.isVisible()
    with qtbot.waitSignal(window.alerts_shown, timeout=2000) as blocker:
        stack.service.process(snap(btc=-0.18))
    assert window.isVisible()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.isWindow() and not window.isModal()
    [event] = blocker.args[0]
    assert event.kind is EventKind.FIRED and event.severity is Severity.WARNING
    assert window.table.rowCount() == 1
    assert [cell(window, 0, c) for c in (COL_SEVERITY, COL_ASSET, COL_METRIC, COL_VALUE, COL_THRESHOLD)] == [
        "Warning", "BTC", "Drop from 30-day high", "\u221218.0%", "\u221217.0%"]
    assert cell(window, 0, COL_STATE) == "Open"
    assert window.selected_keys() == [BTC_KEY]          # preselected: acknowledging is one click
    assert window.acknowledge_button.isEnabled()
    assert window.last_popup_perf is not None


def test_an_info_alert_only_refreshes_the_list(qtbot, stack):
    window, _ = wire(qtbot, stack)
    events = stack.service.process(snap(qqq=-0.08))
    assert [(e.kind, e.severity) for e in events] == [(EventKind.FIRED, Severity.INFO)]
    qtbot.wait(50)
    assert not window.isVisible()
    assert window.table.rowCount() == 1 and cell(window, 0, COL_ASSET) == "QQQ"
    assert cell(window, 0, COL_SEVERITY) == "Info"


def test_rows_are_sorted_by_severity_then_time_and_coloured(qtbot, stack):
    window, _ = wire(qtbot, stack)
    stack.service.process(snap(qqq=-0.08))                     # info, oldest
    stack.clock.t = T0 + timedelta(minutes=5)
    stack.service.process(snap(btc=-0.30, qqq=-0.08))          # critical
    stack.clock.t = T0 + timedelta(minutes=10)
    stack.service.process(snap(btc=-0.30, qqq=-0.08, mara=-0.35))  # miner warning, newest
    assert [cell(window, r, COL_ASSET) for r in range(3)] == ["BTC", "MARA", "QQQ"]
    assert [cell(window, r, COL_SEVERITY) for r in range(3)] == ["Critical", "Warning", "Info"]
    colours = [window.table.item(r, COL_SEVERITY).background().color().name() for r in range(3)]
    assert colours == ["#f6c3c3", "#ffe08a", "#d6e6fb"]         # red, amber, blue


def test_german_texts_and_formats(qtbot, stack):
    with German():
        window, _ = wire(qtbot, stack)
        stack.service.process(snap(btc=-0.18))
        assert window.windowTitle() == "Alarmfenster – RiskWatch"
        assert [cell(window, 0, c) for c in (COL_SEVERITY, COL_METRIC, COL_VALUE, COL_THRESHOLD, COL_STATE)] == [
            "Warnung", "Rückgang vom 30-Tage-Hoch", "\u221218,0 %", "\u221217,0 %", "Offen"]
        assert cell(window, 0, COL_TIME) == local_text(T0)
        assert window.acknowledge_button.text() == "&Quittieren"
        assert window.snooze_hour_button.text() == "Für 1 St&unde stummschalten"
        assert window.snooze_day_button.text() == "Für 1 &Tag stummschalten"
        window.acknowledge_selected()
        assert window.status_label.text() == "Alarm quittiert."
        assert cell(window, 0, COL_STATE) == f"Quittiert {local_text(T0)}"


def test_the_language_switches_while_the_window_is_open(qtbot, stack):
    window, _ = wire(qtbot, stack)
    stack.service.process(snap(btc=-0.18))
    with German():
        qtbot.waitUntil(lambda: cell(window, 0, COL_SEVERITY) == "Warnung", timeout=2000)
        assert window.table.horizontalHeaderItem(COL_THRESHOLD).text() == "Schwellwert"


def test_acknowledge_persists_and_is_in_the_history(qtbot, stack):
    window, _ = wire(qtbot, stack)
    stack.service.process(snap(btc=-0.18))
    stack.clock.t = T0 + timedelta(minutes=3)
    window.hide()
    qtbot.mouseClick(window.acknowledge_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()                      # the "acknowledged" event does not pop it up again
    assert window.attention_count() == 0
    assert cell(window, 0, COL_STATE).startswith("Acknowledged")
    assert not window.acknowledge_button.isEnabled()
    repo = stack.reopen()
    record = repo.load_state().get(BTC_KEY)
    assert record.active and record.acknowledged and record.acknowledged_at == T0 + timedelta(minutes=3)
    [ack] = repo.list_events(kind=EventKind.ACKNOWLEDGED)
    assert ack.alert_key == BTC_KEY and ack.ts == T0 + timedelta(minutes=3)


def test_snooze_for_one_hour_persists(qtbot, stack):
    window, _ = wire(qtbot, stack)
    stack.service.process(snap(btc=-0.18))
    counts = []
    window.attention_count_changed.connect(counts.append)
    qtbot.mouseClick(window.snooze_hour_button, Qt.MouseButton.LeftButton)
    assert counts == [0]
    assert cell(window, 0, COL_STATE) == "Snoozed until " + local_datetime_text(T0 + timedelta(hours=1))
    repo = stack.reopen()
    record = repo.load_state().get(BTC_KEY)
    assert record.snoozed_until == T0 + timedelta(hours=1) and not record.acknowledged
    [ev] = repo.list_events(kind="snoozed")
    assert ev.params["until"] == (T0 + timedelta(hours=1)).isoformat()


def test_snooze_for_one_day_and_the_window_comes_back_when_it_ends(qtbot, stack):
    window, _ = wire(qtbot, stack)
    stack.service.process(snap(btc=-0.18))
    assert window.snooze_selected(timedelta(days=1)) == 1
    window.hide()
    stack.clock.t = T0 + timedelta(hours=2)
    stack.service.process(snap(btc=-0.18))             # still snoozed: nothing
    assert not window.isVisible()
    stack.clock.t = T0 + timedelta(days=1, minutes=1)
    with qtbot.waitSignal(window.alerts_shown, timeout=2000) as blocker:
        stack.service.process(snap(btc=-0.18))
    assert [e.kind for e in blocker.args[0]] == [EventKind.SNOOZE_ENDED]
    assert window.isVisible()


def test_an_escalation_after_acknowledging_pops_up_again(qtbot, stack):
    window, _ = wire(qtbot, stack)
    stack.service.process(snap(btc=-0.18))
    window.acknowledge_selected()
    window.hide()
    stack.clock.t = T0 + timedelta(hours=1)
    with qtbot.waitSignal(window.alerts_shown, timeout=2000):
        stack.service.process(snap(btc=-0.26))
    assert window.isVisible() and cell(window, 0, COL_SEVERITY) == "Critical"
    assert cell(window, 0, COL_STATE) == "Open"


def test_the_listener_on_a_plain_thread_runs_the_slot_in_the_gui_thread(qtbot, stack):
    slot_threads, listener_threads = [], []

    class Recording(AlertWindow):
        @Slot(object)
        def show_events(self, events):
            slot_threads.append(QThread.currentThread())
            super().show_events(events)

    window, _ = wire(qtbot, stack, Recording)
    stack.service.add_listener(lambda _e: listener_threads.append(threading.get_ident()))
    worker = threading.Thread(target=lambda: stack.service.process(snap(btc=-0.18)))
    with qtbot.waitSignal(window.alerts_shown, timeout=5000):
        worker.start()
    worker.join(5)
    assert listener_threads and listener_threads[0] != threading.get_ident()
    assert slot_threads == [QCoreApplication.instance().thread()]
    assert window.isVisible()


def test_tray_message_and_sound_only_for_warning_and_critical(qtbot, stack, monkeypatch, _quiet):
    class FakeTray:
        def __init__(self):
            self.messages = []

        def showMessage(self, title, text, icon, msecs):
            self.messages.append((title, text, icon))

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    tray = FakeTray()
    window, _ = wire(qtbot, stack, tray=tray, notify_tray=True, play_sound=True)
    stack.service.process(snap(qqq=-0.08))                  # info: silent
    assert tray.messages == [] and _quiet == []
    stack.service.process(snap(btc=-0.30, qqq=-0.08))       # critical
    [(title, text, icon)] = tray.messages
    assert title == "RiskWatch alert: Critical"
    assert text == "BTC: Drop from 30-day high \u221230.0% (threshold \u221225.0%)"
    assert icon == QSystemTrayIcon.MessageIcon.Critical
    assert _quiet == [1]
    window.set_notifications(tray=False, sound=False)
    stack.clock.t = T0 + timedelta(minutes=1)
    stack.service.process(snap(btc=-0.30, qqq=-0.08, mara=-0.4))   # a warning, switches off
    assert len(tray.messages) == 1 and _quiet == [1]
    assert window.isVisible()


def test_a_failing_store_write_is_reported_not_raised(qtbot, stack, _no_modal_boxes):
    window, _ = wire(qtbot, stack)
    stack.service.process(snap(btc=-0.18))
    stack.store.close()
    assert window.acknowledge_selected() == 0
    assert _no_modal_boxes and _no_modal_boxes[0][0] == "warning"
