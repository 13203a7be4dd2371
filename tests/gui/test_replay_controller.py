"""The replay controller: steps off the GUI thread, one at a time, and a clean stop mid-step."""

from __future__ import annotations

import argparse
import threading

from riskwatch import app as rwapp
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.gui.ops import OpRunner
from riskwatch.gui.replay_controller import ReplayController, ReplayRequest, request_from_args
from riskwatch.services.positions import seed_example_portfolio


def test_request_from_args_uses_the_example_portfolio_for_the_demo(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    try:
        demo = request_from_args(argparse.Namespace(demo=True, speed=4.0), store.portfolio(), rwapp.example_positions)
        assert isinstance(demo, ReplayRequest) and demo.interval_ms == 250
        assert [p.symbol for p in demo.portfolio.positions][:2] == ["BTC", "IREN"]
        assert demo.start < demo.end
    finally:
        store.close()


def test_steps_run_in_a_worker_in_order_and_stop_mid_step_closes_the_replay(qtbot, tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    seed_example_portfolio(store, rwapp.example_positions())
    ops = OpRunner()
    made = []

    def make_replay():
        service = rwapp.make_replay_service(store)
        step = service.step
        threads = []

        def recorded_step():
            threads.append(threading.get_ident())
            return step()

        service.step = recorded_step
        service.threads = threads
        made.append(service)
        return service

    controller = ReplayController(make_replay, ops)
    days = []
    running = []
    controller.step_finished.connect(lambda result, day: days.append(day))
    controller.running_changed.connect(running.append)
    try:
        req = request_from_args(argparse.Namespace(demo=True, speed=100.0), store.portfolio(), rwapp.example_positions)
        assert controller.start(req) and controller.running
        qtbot.waitUntil(lambda: len(days) >= 3, timeout=60000)
        assert days == sorted(days) and len(set(days)) == len(days)      # one step at a time, in order
        assert threading.get_ident() not in made[0].threads               # never on the GUI thread
        controller.stop()
        assert not controller.running and running == [True, False]
        qtbot.waitUntil(lambda: made[0].store is None, timeout=30000)     # closed once out of its step
        shown = len(days)
        with qtbot.assertNotEmitted(controller.step_finished, wait=300):  # nothing arrives after the stop
            pass
        assert len(days) == shown
    finally:
        controller.stop()
        ops.close()
        store.close()
