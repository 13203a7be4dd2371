"""The user's alert rules as the thresholds of the views that colour figures.

The dashboard cards, the positions' traffic lights and the liquidity lights take their limits from the rules,
so they are set again whenever the rules or the positions change (both announced on the ChangeHub).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from riskwatch.domain.errors import RiskWatchError
from riskwatch.gui.change_hub import ChangeHub
from riskwatch.services.thresholds import drop_thresholds, traffic_thresholds


class RuleThresholds(QObject):
    def __init__(self, alerts, hub: ChangeHub, *, dashboard, positions_model, liquidity_tab,
                 show_status: Callable[[str], None], parent: QObject | None = None):
        """``alerts``: the AlertService (its rules), or None: then no view gets thresholds from here.
        ``liquidity_tab``: the LazyPanel of the liquidity view (set when it is built)."""
        super().__init__(parent)
        self._alerts = alerts
        self._dashboard = dashboard
        self._positions = positions_model
        self._liquidity_tab = liquidity_tab
        self._show_status = show_status
        hub.rules_changed.connect(self.apply)
        hub.positions_changed.connect(self.apply)

    def rules(self) -> tuple:
        """The rules now (empty, after saying why in the status bar, when they cannot be read)."""
        try:
            return tuple(self._alerts.rules()) if self._alerts is not None else ()
        except RiskWatchError as exc:  # e.g. the store is gone: say so, show no thresholds
            self._show_status(str(exc))
            return ()

    def apply(self) -> None:
        if self._alerts is None:
            return
        rules = self.rules()
        self._liquidity_tab.apply("rules", lambda view: view.set_rules(rules))
        self._dashboard.set_rules(rules)
        assets = {p.symbol: p.asset for p in self._positions.positions()}
        self._positions.set_thresholds(traffic_thresholds(drop_thresholds(rules, assets)), default=(None, None))


__all__ = ["RuleThresholds"]
