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


def test_the_view_menu_replays_the_usdc_depeg_and_the_market_panel_moves_with_it(qtbot, desktop):
    """View → Replay a past crisis → USDC depeg: the market panel follows the replayed days from the bundled
    history, "Stressed" on 2023-03-11 with the USDC peg beyond its threshold; leaving it goes back to live."""
    d, _ = desktop
    w = d.window
    qtbot.waitUntil(lambda: not d.bridge.busy, timeout=20000)
    titles = [a.text() for a in w.replay_period_actions]
    assert titles == ["Terra/Luna collapse (May 2022)", "FTX collapse (November 2022)", "USDC depeg (March 2023)",
                      "Sell-off of autumn 2025 (October–December)"]
    assert w.menu_replay.title() == "Replay a past crisis"
    seen, results = {}, {}
    w.replay.step_finished.connect(lambda result, day: seen.setdefault(day.isoformat(), (
        w.market_view.regime_label.text(), result.regime.level_code if result.regime else None)))
    w.replay.step_finished.connect(lambda result, day: results.setdefault(day.isoformat(), result))
    w.replay_period_actions[2].trigger()
    assert w.replaying
    qtbot.waitUntil(lambda: "2023-03-11" in seen, timeout=60000)
    w.stop_replay()
    assert min(seen) == "2023-03-01"
    assert seen["2023-03-11"] == ("Market regime: Stressed", "stressed")
    usdc = results["2023-03-11"].report.snapshot.get("USDC", "peg_deviation")
    assert usdc.value > 0.02 and usdc.status.usable
    assert not w.replaying
