"""The View menu's replays of past crises: the market panel moving through a sell-off, from the bundled history.

Each period is one action; it replays the user's portfolio (the example portfolio when there is none) through
the real monitor on its own store, five days a second, like ``riskwatch --replay-from``.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from riskwatch.gui.replay_controller import request_from_args

#: (title, first day, last day): the title is translated in the "MainWindow" context
PERIODS = (
    (QT_TRANSLATE_NOOP("MainWindow", "Terra/Luna collapse (May 2022)"), date(2022, 5, 1), date(2022, 5, 31)),
    (QT_TRANSLATE_NOOP("MainWindow", "FTX collapse (November 2022)"), date(2022, 11, 1), date(2022, 11, 30)),
    (QT_TRANSLATE_NOOP("MainWindow", "USDC depeg (March 2023)"), date(2023, 3, 1), date(2023, 3, 20)),
    (QT_TRANSLATE_NOOP("MainWindow", "Sell-off of autumn 2025 (October–December)"), date(2025, 10, 1),
     date(2025, 12, 31)),
)
REPLAY_SPEED = 5.0   # replayed days per second


def build_replay_menu(w, example_positions) -> None:
    """The "Replay a past crisis" submenu of the View menu (``w``: the main window)."""
    w.menu_replay = QMenu(w)
    w.replay_period_actions = []
    for title, start, end in PERIODS:
        action = QAction(w)
        action.setData(title)
        action.triggered.connect(lambda _=False, s=start, e=end: _replay(w, example_positions, s, e))
        w.menu_replay.addAction(action)
        w.replay_period_actions.append(action)
    w.menu_view.insertMenu(w.action_stop_replay, w.menu_replay)


def _replay(w, example_positions, start: date, end: date) -> None:
    args = SimpleNamespace(replay_from=start, replay_to=end, speed=REPLAY_SPEED, demo=False)
    w.start_replay(request_from_args(args, w.portfolio_for_replay(), example_positions))


def retranslate_replay_menu(w) -> None:
    if getattr(w, "menu_replay", None) is None:
        return
    w.menu_replay.setTitle(QCoreApplication.translate("MainWindow", "Replay a past crisis"))
    for action in w.replay_period_actions:
        action.setText(QCoreApplication.translate("MainWindow", action.data()))


__all__ = ["PERIODS", "REPLAY_SPEED", "build_replay_menu", "retranslate_replay_menu"]
