"""Demo / replay mode in the window: a period replayed day by day, one step per tick, off the GUI thread.

What to replay is a :class:`ReplayRequest`, built from the command line once, in
:func:`request_from_args` (app.py); the controller never sees argparse. Each step (a monitoring cycle on the
replay's own in-memory store) runs through the app's OpRunner; the next tick starts the next step only when
the previous one is shown, so a slow machine replays slower instead of piling up steps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from riskwatch.domain.model import Portfolio, Position
from riskwatch.gui.ops import Op, OpHandle, OpRunner


@dataclass(frozen=True)
class ReplayRequest:
    portfolio: Portfolio
    start: date
    end: date
    speed: float = 1.0  # replayed days per second

    @property
    def interval_ms(self) -> int:
        return max(1, round(1000 / max(self.speed, 0.01)))


def request_from_args(args, live: Portfolio, example_positions: Callable[[], Sequence[Position]]) -> ReplayRequest:
    """``--demo`` or ``--replay-from/--replay-to/--speed``: the live portfolio, or the example portfolio for the
    demo and for a store without positions."""
    from riskwatch.services.replay import DEMO_END, DEMO_START

    start = getattr(args, "replay_from", None) or DEMO_START
    end = getattr(args, "replay_to", None) or DEMO_END
    speed = float(getattr(args, "speed", None) or getattr(args, "demo_speed", None) or 1.0)
    portfolio = live
    if getattr(args, "demo", False) or not live.positions:
        rows = [p for p in live.positions if p.is_example] or list(example_positions())
        portfolio = Portfolio(tuple(Position(p.asset, p.quantity, p.cost_basis, p.account, p.note) for p in rows),
                              live.base_currency)
    return ReplayRequest(portfolio, start, end, speed)


class ReplayController(QObject):
    """Runs one replay at a time. ``make_replay()`` -> ReplayService; ``alert_listener``: the AlertBridge's
    listener; ``alert_views``: objects with ``set_service`` (alert window, history) switched to the replay's
    alerts while it runs and back to ``live_alerts`` afterwards."""

    #: the replay began (the window stops live cycles)
    replay_started = Signal()
    #: CycleResult, date of one replayed day
    step_finished = Signal(object, object)
    #: a step failed (text for the status bar); the replay goes on with the next day
    step_failed = Signal(str)
    #: the replay was left (the window resumes live cycles)
    replay_stopped = Signal()
    #: True when a replay began, False when it was left
    running_changed = Signal(bool)

    def __init__(self, make_replay: Callable[[], object] | None, ops: OpRunner, *, alert_listener=None,
                 alert_views: Sequence[object] = (), live_alerts=None, parent: QObject | None = None):
        super().__init__(parent)
        self._make_replay = make_replay
        self._ops = ops
        self._alert_listener = alert_listener
        self._alert_views = tuple(v for v in alert_views if v is not None)
        self._live_alerts = live_alerts
        self._replay = None
        self._remove_listener = None
        self._step: OpHandle | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def running(self) -> bool:
        return self._replay is not None

    @property
    def available(self) -> bool:
        return self._make_replay is not None

    def start(self, request: ReplayRequest) -> bool:
        if self._make_replay is None:
            return False
        self.stop()
        replay = self._make_replay()
        replay.start(request.portfolio, request.start, request.end)
        self._replay = replay
        if self._alert_listener is not None:
            self._remove_listener = replay.alerts.add_listener(self._alert_listener)
        for view in self._alert_views:  # acknowledge/snooze act on the replay's alerts
            view.set_service(replay.alerts)
        self.replay_started.emit()
        self.running_changed.emit(True)
        self._timer.setInterval(request.interval_ms)
        self._timer.start()
        self._on_timer_timeout()
        return True

    def stop(self) -> None:
        """Leave the replay: its store is closed (once a step in flight is done); the live store was never touched."""
        replay, self._replay = self._replay, None
        if replay is None:
            return
        self._timer.stop()
        if self._remove_listener is not None:
            self._remove_listener()
            self._remove_listener = None
        step, self._step = self._step, None
        if step is not None and not step.done():
            step.cancel()
            # the worker may still be inside step(): close the replay store when it is out of it
            step.future.add_done_callback(lambda _f: replay.stop())
        else:
            replay.stop()
        for view in self._alert_views:
            view.set_service(self._live_alerts)
        self.replay_stopped.emit()
        self.running_changed.emit(False)

    def _on_timer_timeout(self) -> None:
        replay = self._replay
        if replay is None or self._step is not None:  # one step at a time: the service is not reentrant
            return
        self._step = self._ops.run(Op(self, replay.step, self._on_step_done, self._on_step_failed))

    def _on_step_done(self, step) -> None:
        self._step = None
        if self._replay is None:
            return
        if step is None:  # the period is over: the last day stays on screen until the user leaves
            self._timer.stop()
            return
        self.step_finished.emit(step.result, step.date)

    def _on_step_failed(self, exc: BaseException) -> None:
        self._step = None
        self.step_failed.emit(f"{type(exc).__name__}: {exc}")


__all__ = ["ReplayController", "ReplayRequest", "request_from_args"]
