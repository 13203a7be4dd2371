"""Sync from exchange: show the proposed diff (added / changed / removed) and apply it on confirmation.

Injected (no adapter imports):

* ``fetch_plan()``: a coroutine returning a ``SyncPlan`` (``SyncService.plan(exchange)``); run off the GUI
  thread through ``run(coro, on_done, on_error)`` (``OpRunner.bind``, or ``MonitorBridge.run``);
* ``apply(plan)``: applies the confirmed plan in one transaction (``SyncService.apply``).

:class:`SyncScheduler` is the optional periodic sync: it fetches a plan every N minutes and emits
``changes_found(plan)`` when the exchange account differs from the positions, so the window can open this
dialog with the plan (nothing is ever applied without the user's confirmation).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from riskwatch.domain.account_sync import SyncPlan, account_name
from riskwatch.domain.model import AssetKind
from riskwatch.gui.dialogs.api_keys_dialog import AccountText
from riskwatch.gui.format import decimal_text
from riskwatch.gui.theme import theme
from riskwatch.gui.translation import Retranslatable

_COLOR_ROLES = {"added": "positive", "changed": "caution", "removed": "negative"}  # theme roles


class SyncDialog(Retranslatable, QDialog):
    #: the SyncPlan that was applied
    sync_applied = Signal(object)
    #: the plan arrived (or was handed in)
    plan_loaded = Signal(object)

    def __init__(self, exchange: str, *, fetch_plan: Callable[[], Awaitable[SyncPlan]] | None = None,
                 apply: Callable[[SyncPlan], Any], run: Callable[..., Any] | None = None,
                 plan: SyncPlan | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("syncDialog")
        self.exchange = exchange
        self._fetch_plan = fetch_plan
        self._apply = apply
        self._run = run
        self._text = AccountText(self)
        self.plan: SyncPlan | None = None
        self._error: BaseException | None = None
        self._applied = False

        self.summary = QLabel()
        self.summary.setObjectName("syncSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(theme().text_style(theme().muted))
        self.error = QLabel()
        self.error.setObjectName("syncError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(theme().text_style(theme().negative))
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton()
        self.apply_button.setDefault(True)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply_plan)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.retranslate()
        if plan is not None:
            self.set_plan(plan)
        elif fetch_plan is not None and run is not None:
            self.fetch()

    @property
    def name(self) -> str:
        return account_name(self.exchange)

    # -- fetching ----------------------------------------------------------------------------------------------
    def fetch(self) -> None:
        """Ask the exchange again (off the GUI thread)."""
        self.plan = None
        self._error = None
        self.error.hide()
        self.apply_button.setEnabled(False)
        self.summary.setText(self.tr("Fetching the balances from %1…").replace("%1", self.name))
        self.tree.clear()
        self._run(self._fetch_plan(), self._on_fetch_done, self._on_fetch_failed)

    def _on_fetch_done(self, plan: SyncPlan) -> None:
        self.set_plan(plan)

    def _on_fetch_failed(self, err: BaseException) -> None:
        self._error = err
        self.summary.setText(self.tr("The balances of %1 could not be fetched.").replace("%1", self.name))
        self.error.setText(self._text.error(err, self.exchange))
        self.error.show()
        self.apply_button.setEnabled(False)

    # -- showing the plan ----------------------------------------------------------------------------------------
    def set_plan(self, plan: SyncPlan) -> None:
        self.plan = plan
        self._fill()
        self.plan_loaded.emit(plan)

    def _kind(self, kind: AssetKind) -> str:
        return {AssetKind.CRYPTO: self.tr("Crypto"), AssetKind.STABLECOIN: self.tr("Stablecoin"),
                AssetKind.EQUITY: self.tr("Stock"), AssetKind.INDEX: self.tr("Index")}.get(kind, kind.value)

    def _fill(self) -> None:
        plan = self.plan
        self.tree.clear()
        if plan is None:
            return
        groups = (
            ("added", self.tr("Added (%n)", "", len(plan.added)),
             [(p.symbol, p.asset.kind, "", decimal_text(p.quantity)) for p in plan.added]),
            ("changed", self.tr("Changed (%n)", "", len(plan.changed)),
             [(c.symbol, c.after.asset.kind, decimal_text(c.old_quantity), decimal_text(c.new_quantity))
              for c in plan.changed]),
            ("removed", self.tr("Removed (%n)", "", len(plan.removed)),
             [(p.symbol, p.asset.kind, decimal_text(p.quantity), decimal_text(p.quantity * 0)) for p in plan.removed]),
        )
        for key, title, rows in groups:
            if not rows:
                continue
            top = QTreeWidgetItem([title])
            top.setData(0, Qt.ItemDataRole.UserRole, key)
            top.setFirstColumnSpanned(True)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for symbol, kind, before, after in rows:
                item = QTreeWidgetItem([symbol, self._kind(kind), before, after])
                item.setData(0, Qt.ItemDataRole.UserRole, key)
                for col in (2, 3):
                    item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setForeground(3, QColor(getattr(theme(), _COLOR_ROLES[key])))
                top.addChild(item)
            top.setExpanded(True)
        if plan.is_empty:
            self.summary.setText(self.tr("The positions of %1 are up to date (%n position(s)).", "",
                                         len(plan.unchanged)).replace("%1", plan.account))
        else:
            self.summary.setText(self.tr("%1 reports balances that differ from your positions in the account "
                                         "\"%2\". Apply these changes?").replace("%1", self.name)
                                 .replace("%2", plan.account))
        notes = []
        if plan.added:
            notes.append(self.tr("New positions get a cost basis of 0; edit it to see profit and loss."))
        if plan.unchanged and not plan.is_empty:
            notes.append(self.tr("%n position(s) unchanged.", "", len(plan.unchanged)))
        if plan.skipped:
            notes.append(self.tr("Skipped (not a position symbol): %1").replace("%1", ", ".join(plan.skipped)))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self.apply_button.setEnabled(not plan.is_empty and not self._applied)
        self.cancel_button.setText(self.tr("Close") if plan.is_empty else self.tr("Cancel"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync from exchange"))
        self.tree.setHeaderLabels([self.tr("Symbol"), self.tr("Kind"), self.tr("Quantity before"),
                                   self.tr("Quantity after")])
        self.apply_button.setText(self.tr("&Apply changes"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.plan is not None:
            self._fill()
        elif self._error is not None:
            self._on_fetch_failed(self._error)

    # -- applying ------------------------------------------------------------------------------------------------
    def apply_plan(self) -> bool:
        """Apply the shown plan (one transaction); the dialog closes on success."""
        plan = self.plan
        if plan is None or plan.is_empty or self._applied:
            return False
        try:
            self._apply(plan)
        except Exception as exc:  # the store rolled back: nothing was changed
            self.error.setText(self.tr("The changes could not be applied; nothing was changed. %1")
                               .replace("%1", str(exc)))
            self.error.show()
            return False
        self._applied = True
        self.sync_applied.emit(plan)
        self.accept()
        return True


class SyncScheduler(QObject):
    """Optional periodic sync: fetch a plan every ``interval_s`` and report differences (never applies)."""

    #: a non-empty SyncPlan: the exchange account differs from the positions
    changes_found = Signal(object)
    #: a periodic fetch failed (already translated text)
    sync_failed = Signal(str)

    def __init__(self, exchange: str, fetch_plan: Callable[[], Awaitable[SyncPlan]], run: Callable[..., Any], *,
                 interval_s: float = 3600.0, parent: QObject | None = None):
        super().__init__(parent)
        self.exchange = exchange
        self._fetch_plan = fetch_plan
        self._run = run
        self._fetching = None  # the Future of the fetch in flight (run returns it): one at a time
        self._text = AccountText(self)
        self.last_plan: SyncPlan | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(int(max(interval_s, 60.0) * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self, *, now: bool = False) -> None:
        self._timer.start()
        if now:
            self.check_now()

    def stop(self) -> None:
        self._timer.stop()

    def set_interval(self, seconds: float) -> None:
        self._timer.setInterval(int(max(seconds, 60.0) * 1000))

    @property
    def busy(self) -> bool:
        return self._fetching is not None

    def check_now(self) -> bool:
        if self.busy:
            return False
        self._fetching = self._run(self._fetch_plan(), self._on_done, self._on_failed) or True
        return True

    def _on_done(self, plan: SyncPlan) -> None:
        self._fetching = None
        self.last_plan = plan
        if not plan.is_empty:
            self.changes_found.emit(plan)

    def _on_failed(self, err: BaseException) -> None:
        self._fetching = None
        self.sync_failed.emit(self._text.error(err, self.exchange))

    def _on_timer_timeout(self) -> None:
        self.check_now()


__all__ = ["SyncDialog", "SyncScheduler"]
