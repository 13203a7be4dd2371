"""Issue 13, the alert window: the state column is not cut, "acknowledge all", the selection follows new
alerts, and Ctrl+Q quits from the alert window too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from riskwatch import app as rwapp
from riskwatch.gui.views.alert_window import COL_STATE, AlertWindow
from tests.gui.alert_fixtures import T0, German, snap
from tests.gui.message_boxes import record_message_boxes

BTC_KEY = "btc_drop_30d|BTC"


@pytest.fixture(autouse=True)
def _quiet(monkeypatch):
    record_message_boxes(monkeypatch, answer_questions=False)
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))


def make_window(qtbot, stack, parent=None):
    window = AlertWindow(stack.service, notify_tray=False, play_sound=False, parent=parent)
    if parent is None:
        qtbot.addWidget(window)
    stack.service.add_listener(lambda events: window.show_events(events))
    return window


def test_the_german_state_column_is_not_cut(qtbot, stack):
    with German():
        window = make_window(qtbot, stack)
        stack.service.process(snap(btc=-0.18, qqq=-0.08, mara=-0.35))
        window.snooze([BTC_KEY], timedelta(days=1))
        window.show()
        qtbot.waitExposed(window)
        table = window.table
        row = next(r for r, rec in enumerate(window.records()) if rec.alert_key == BTC_KEY)
        text = table.item(row, COL_STATE).text()
        assert text.startswith("Stummgeschaltet bis ") and text.endswith((T0 + timedelta(days=1)).astimezone()
                                                                        .strftime("%d.%m.%Y %H:%M"))
        assert table.horizontalHeader().sectionSize(COL_STATE) >= table.fontMetrics().horizontalAdvance(text)
        assert table.horizontalHeader().length() <= table.viewport().width()


def test_acknowledge_all(qtbot, stack):
    with German():
        window = make_window(qtbot, stack)
        stack.service.process(snap(btc=-0.18, qqq=-0.08, mara=-0.35))
        window.snooze([BTC_KEY], timedelta(hours=1))
        assert window.acknowledge_all_button.text() == "A&lle quittieren"
        window.acknowledge_all()
        assert window.status_label.text() == "3 Alarme quittiert."
    assert window.attention_count() == 0


def test_acknowledge_all_persists(qtbot, stack):
    window = make_window(qtbot, stack)
    stack.service.process(snap(btc=-0.18, qqq=-0.08, mara=-0.35))
    window.snooze([BTC_KEY], timedelta(hours=1))
    assert window.acknowledge_all_button.isEnabled()
    qtbot.mouseClick(window.acknowledge_all_button, Qt.MouseButton.LeftButton)
    assert window.attention_count() == 0
    state = stack.reopen().load_state()
    assert all(state.get(r.alert_key).acknowledged for r in window.records())
    assert len(window.records()) == 3 and all(r.acknowledged for r in window.records())
    assert not window.acknowledge_all_button.isEnabled()


def test_the_selection_moves_to_the_most_severe_new_alert(qtbot, stack):
    window = make_window(qtbot, stack)
    stack.service.process(snap(qqq=-0.08))
    assert window.selected_keys() == ["qqq_drop_30d_info|QQQ"]
    stack.clock.t = T0 + timedelta(minutes=5)
    stack.service.process(snap(btc=-0.18, qqq=-0.08, mara=-0.35))   # two new warnings at once
    assert window.selected_keys() == [window.records()[0].alert_key] == [BTC_KEY]
    stack.clock.t = T0 + timedelta(minutes=10)
    stack.service.process(snap(btc=-0.30, qqq=-0.08, mara=-0.35))   # BTC escalates to critical
    window.select_alert(window.records()[-1].alert_key)
    stack.clock.t = T0 + timedelta(minutes=15)
    stack.service.process(snap(btc=-0.30, qqq=-0.08, mara=-0.45))   # nothing new: the user's choice stays
    assert window.selected_keys() == [window.records()[-1].alert_key]


def test_ctrl_q_in_the_alert_window_quits_like_the_main_window(qtbot, stack):
    main = rwapp.create_main_window(stack.store, language="en", alerts=stack.service, clock=stack.clock,
                                    alert_repo=stack.repo)
    qtbot.addWidget(main)
    main.show()
    stack.service.process(snap(btc=-0.18))
    window = main.alert_window
    qtbot.waitUntil(window.isVisible, timeout=2000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.table, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not main.isVisible() and not window.isVisible()
