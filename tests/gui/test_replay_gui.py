"""`riskwatch --demo`: the example portfolio replays Oct–Nov 2025 with the real alert engine in the window."""

import argparse
import hashlib

import pytest

from riskwatch import app as rwapp
from riskwatch import launcher
from riskwatch.adapters.sqlite_store import DB_FILENAME, SqliteStore
from riskwatch.gui.replay_controller import request_from_args


def digest(d):
    return hashlib.sha256(b"".join(f.read_bytes() for f in sorted(d.glob(DB_FILENAME + "*")))).hexdigest()


@pytest.fixture
def desktop(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")
    store = SqliteStore.in_dir(tmp_path)
    args = argparse.Namespace(data_dir=None, exchange=None, exchange_api_url="http://127.0.0.1:9", demo=False,
                              replay_from=None, demo_speed=None)
    d = launcher.launch(args, store, language="en", offline=True)
    qtbot.addWidget(d.window)
    qtbot.waitUntil(lambda: d.bridge is not None, timeout=20000)
    qtbot.waitUntil(lambda: d.window.last_result is not None, timeout=20000)
    yield d, tmp_path
    d.stop()
    store.close()


def test_demo_replay_fires_the_btc_rule_on_2025_11_04_and_opens_the_alert_window(qtbot, desktop):
    d, data_dir = desktop
    w = d.window
    qtbot.waitUntil(lambda: not d.bridge.busy, timeout=20000)
    before = digest(data_dir)
    seen = []
    w.alert_bridge.alerts_raised.connect(lambda events: seen.extend(events))
    ns = argparse.Namespace(demo=True, replay_from=None, replay_to=None, speed=200.0)
    w.start_replay(request_from_args(ns, d.store.portfolio(), rwapp.example_positions))
    assert w.replaying
    qtbot.waitUntil(lambda: any(e.member == "BTC" and e.kind.value == "fired" for e in seen), timeout=60000)
    first = next(e for e in seen if e.member == "BTC" and e.kind.value == "fired")
    assert first.ts.date().isoformat() == "2025-11-04" and first.severity.value == "warning"
    qtbot.waitUntil(w.alert_window.isVisible, timeout=5000)
    assert w.status_panel.replay.isVisible() and w.status_panel.replay.text().startswith("Replay: 2025-11")
    assert not w.banner.isVisible()  # replay is not "offline"
    w.stop_replay()
    assert not w.replaying and not w.status_panel.replay.isVisible()
    assert digest(data_dir) == before  # leaving the replay restores live mode without touching stored data


def test_stress_dialog_opens_from_the_menu(qtbot, desktop, monkeypatch):
    d, _ = desktop
    from riskwatch.gui.dialogs import stress_dialog

    opened = []
    monkeypatch.setattr(stress_dialog.StressDialog, "exec", lambda self: opened.append(self) or 0)
    d.window.action_stress.trigger()
    assert opened and opened[0].windowTitle()
