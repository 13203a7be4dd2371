"""The window's exchange-account commands: API keys, sync from the exchange, and the periodic sync.

``accounts`` is app.py's ``(secret vault, key test, SyncService)``; the dialogs run their network calls
through the app's OpRunner (the API-keys dialog as the op's parent; the sync dialog and the periodic sync
through ``ops.bind``, with failures nobody handles in the window's status bar). The periodic sync only
proposes: a difference opens the sync dialog with the plan, nothing is applied without the user's confirmation.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from riskwatch.gui.ops import OpRunner, ShowFailure


class AccountActions(QObject):
    #: SyncPlan applied to the positions
    positions_synced = Signal(object)

    def __init__(self, accounts, ops: OpRunner, *, window: QWidget):
        super().__init__(window)
        self._accounts = accounts
        self._ops = ops
        self._run = ops.bind(window, show_failure=ShowFailure.STATUS_BAR)
        self._window = window
        self.enabled = False  # the network calls need the loop thread (the window says when it is there)
        self.scheduler = None
        self.api_keys_dialog = self.sync_dialog = None
        self._exchange = "kraken"

    @property
    def available(self) -> bool:
        return self._accounts is not None and self.enabled

    def configure(self, exchange: str, sync_interval_min: int) -> None:
        """(Re)start the periodic sync for ``exchange`` every ``sync_interval_min`` minutes (0: off)."""
        self._exchange = exchange
        old, self.scheduler = self.scheduler, None
        if old is not None:
            old.stop()
        if not sync_interval_min or not self.available:
            return
        from riskwatch.gui.dialogs.sync_dialog import SyncScheduler

        _, _, sync = self._accounts
        self.scheduler = SyncScheduler(exchange, lambda: sync.plan(exchange), self._run,
                                       interval_s=sync_interval_min * 60, parent=self)
        self.scheduler.changes_found.connect(self._on_scheduler_changes_found)
        self.scheduler.start()

    def follow_settings(self, new, old) -> None:
        """For ``ChangeHub.settings_changed``: restart the periodic sync when its interval or exchange changed."""
        if (new.account_sync_interval_min, new.exchange) != (old.account_sync_interval_min, old.exchange):
            self.configure(new.exchange, new.account_sync_interval_min)

    def open_api_keys(self) -> None:
        from riskwatch.gui.dialogs.api_keys_dialog import ApiKeysDialog

        if not self.available:
            return
        vault, test, _ = self._accounts
        self.api_keys_dialog = ApiKeysDialog(vault, test, self._ops, exchange=self._exchange, parent=self._window)
        self.api_keys_dialog.exec()

    def open_sync(self, plan=None) -> None:
        from riskwatch.gui.dialogs.sync_dialog import SyncDialog

        if not self.available:
            return
        _, _, sync = self._accounts
        ex = self._exchange
        self.sync_dialog = SyncDialog(ex, fetch_plan=lambda: sync.plan(ex), apply=sync.apply, run=self._run,
                                      plan=plan, parent=self._window)
        self.sync_dialog.sync_applied.connect(self.positions_synced)
        self.sync_dialog.exec()

    def _on_scheduler_changes_found(self, plan) -> None:
        if self.sync_dialog is not None and self.sync_dialog.isVisible():
            return
        self.open_sync(plan=plan)


__all__ = ["AccountActions"]
