"""The tray from start-up: its menu (Show, Pause monitoring, Quit), the open alerts in its tooltip and badge, and
closing the window into the tray — on the real main window, with a real monitor bridge on the loop thread."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from riskwatch import app, paths
from riskwatch.adapters.loop_thread import LoopThread
from riskwatch.gui.monitor_bridge import MonitorBridge
from riskwatch.gui.tray import Tray, app_icon, badge_icon
from riskwatch.services.settings import load_settings
from tests.gui.alert_fixtures import German
from tests.gui import tray_fixtures
from tests.gui.tray_fixtures import window_manager_close

window_factory = tray_fixtures.window_factory  # the shared fixture


@pytest.fixture
def messages(monkeypatch):
    shown = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, *a: shown.append(a))
    return shown


def make_tray(window, *, available=True):
    quits = []
    tray = Tray(window, window.settings_controller, app_icon(paths.resource("icons", "riskwatch.svg")),
                available=available,
                quit_app=lambda: quits.append(1))
    return tray, quits


def test_the_menu_shows_pauses_and_quits(qtbot, stack, window_factory, monkeypatch):
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")
    window = window_factory()
    tray, quits = make_tray(window)
    assert tray.icon is not None and tray.icon.contextMenu() is tray.menu
    assert [a.text() for a in tray.menu.actions() if a.text()] == ["&Show", "&Pause monitoring", "&Quit"]
    loop = LoopThread().start()
    monitor = app.build_monitor(stack.store, stack.clock, offline=True, alerts=stack.service)
    bridge = MonitorBridge(loop, monitor, interval_s=60)
    try:
        window.attach_bridge(bridge)
        bridge.start(refresh_now=False)
        tray.attach_bridge(bridge)
        assert bridge._timer.isActive()
        with qtbot.waitSignal(tray.pause_toggled) as paused:
            tray.action_pause.trigger()
        assert paused.args == [True] and not bridge._timer.isActive()
        assert "Monitoring paused" in tray.icon.toolTip()
        tray.action_pause.trigger()  # resume: the timer runs again (and a cycle starts at once)
        assert bridge._timer.isActive() and "paused" not in tray.icon.toolTip()
        qtbot.waitUntil(lambda: not bridge.busy, timeout=20000)

        window.hide()
        tray.action_show.trigger()
        assert window.isVisible()
        tray.action_quit.trigger()  # closes the window as File > Quit does, then quits the app
        qtbot.waitUntil(lambda: quits == [1], timeout=2000)
        assert not window.isVisible() and not bridge._timer.isActive()  # the window's close stopped the bridge
    finally:
        bridge.stop()
        loop.stop()


def test_closing_the_window_keeps_running_in_the_tray_said_once(qtbot, stack, window_factory, messages):
    window = window_factory()
    window.show()
    tray, quits = make_tray(window)
    window_manager_close(window)
    assert not window.isVisible() and quits == []  # hidden, not closed: monitoring goes on
    [(title, text, *_rest)] = messages
    assert title == "RiskWatch keeps running" and "tray" in text
    assert load_settings(stack.store).tray_hint_shown  # remembered in the settings
    tray.show_window()
    window_manager_close(window)
    assert not window.isVisible() and len(messages) == 1  # said once only
    tray.quit()
    qtbot.waitUntil(lambda: quits == [1], timeout=2000)


def test_closing_quits_when_switched_off_or_without_a_tray(qtbot, stack, window_factory, messages):
    window = window_factory()
    window.settings_controller.apply(window.settings.__class__(**{**window.settings.__dict__,
                                                                  "close_to_tray": False}))
    window.show()
    tray, quits = make_tray(window)
    window_manager_close(window)
    qtbot.waitUntil(lambda: quits == [1], timeout=2000)
    assert messages == []

    bare = window_factory()
    bare.show()
    no_tray, quits = make_tray(bare, available=False)
    assert no_tray.icon is None and not no_tray.show_message("t", "x")
    window_manager_close(bare)
    assert not bare.isVisible()  # closed as today (Qt quits on the last window; the tray does not interfere)


def test_open_alerts_in_the_tooltip_and_badge_in_german(qtbot, stack, window_factory):
    window = window_factory()
    with German():
        tray, _quits = make_tray(window)
        assert [a.text() for a in tray.menu.actions() if a.text()] == ["&Anzeigen", "Überwachung &pausieren",
                                                                         "&Beenden"]
        assert tray.icon.toolTip() == "RiskWatch – kein offener Alarm"
        window.alert_window.attention_count_changed.emit(3)
        assert tray.icon.toolTip() == "RiskWatch – 3 offene Alarme"
    icon = app_icon(paths.resource("icons", "riskwatch.svg"))
    assert not icon.isNull()
    badged = tray.icon.icon().pixmap(64, 64).toImage()
    assert badged.pixelColor(50, 50).red() > 180 and icon.pixmap(64, 64).toImage().pixelColor(50, 50).red() < 100
    assert badge_icon(icon, 0) is icon
