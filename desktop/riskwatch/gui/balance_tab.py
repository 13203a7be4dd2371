"""The balance-sheet tab's wiring in the main window: a lazy panel after "Liquidität", fed with every shown
CycleResult (live cycles and replay steps are announced on the ChangeHub), reading the store off the GUI thread
through the window's OpRunner, and the fundamentals dialog, after whose changes the tab reads again.

``build_balance_tab(window, read=..., repository=...)`` is called by ``fundamentals_wiring.attach_balance_tab``
(app.py), so the window itself knows nothing of fundamentals.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from riskwatch.gui.balance_text import BalanceData
from riskwatch.gui.lazy_panel import LazyPanel


class BalanceTab(QObject):
    def __init__(self, window, *, read, repository):
        """``read(symbol, price_usd, now) -> BalanceData`` (blocking; run in a worker); ``repository`` the
        fundamentals repository the dialog saves through."""
        super().__init__(window)
        self._window, self._read, self._repo = window, read, repository
        self.dialog = None
        self.panel = LazyPanel(self._make_view)
        self.panel.setObjectName("balanceTab")
        self.panel.setObjectName("balanceTab")
        window.tabs.insertTab(window.tabs.indexOf(window.liquidity_tab) + 1, self.panel, "")
        self.panel.installEventFilter(self)  # LanguageChange: the tab's own title
        self._retranslate()
        window.hub.result_shown.connect(self._on_hub_result_shown)
        window.tabs.currentChanged.connect(self._on_tabs_current_changed)
        if window.last_result is not None:
            self._on_hub_result_shown(window.last_result)

    @property
    def view(self):
        """The BalanceView, built now if needed."""
        return self.panel.widget()

    def _make_view(self):
        from riskwatch.gui.views.balance_view import BalanceView

        view, ops = BalanceView(), self._window.ops
        view.attach(read=self._read, runner=lambda work, done, failed: ops.query(view, work, done, failure=failed))
        view.edit_requested.connect(self.edit)
        return view

    def _on_hub_result_shown(self, result) -> None:
        self.panel.apply("result", lambda view: view.show_result(result))

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self._window.tabs.currentWidget() is self.panel and not self.panel.is_built:
            if self._window.isVisible():
                self.panel.widget()
            else:  # restored at start-up: build after the window is painted
                self.panel.build_soon()

    def edit(self, symbol: str) -> None:
        """The fundamentals dialog of ``symbol``; each saved change is read back into the tab."""
        from riskwatch.gui.dialogs.fundamentals_dialog import FundamentalsDialog

        if self._repo is None or not symbol:
            return
        # the window outlives the dialog (kept in self.dialog until the next one): its callbacks stay valid
        self.dialog = dialog = FundamentalsDialog(self._repo, symbol, runner=self._window.ops.bind(self._window),
                                                  parent=self._window)
        dialog.figures_saved.connect(self._on_dialog_figures_saved)
        dialog.open()

    def _on_dialog_figures_saved(self) -> None:
        if self.panel.is_built:
            self.panel.widget().reload()
        self._window.refresh_now()  # the Snapshot's figures (and the rules on them) follow in the next cycle

    def eventFilter(self, obj, event) -> bool:
        if obj is self.panel and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def _retranslate(self) -> None:
        tabs = self._window.tabs
        tabs.setTabText(tabs.indexOf(self.panel), QCoreApplication.translate("MainWindow", "Balance sheet"))


def balance_reader(repository):
    """``read(symbol, price_usd, now) -> BalanceData`` on the fundamentals repository: the cached EDGAR facts
    and the entered ones (entered figures win), the contracts, the maturities and the figures derived from them.
    Blocking: the tab runs it in a worker."""
    from riskwatch.domain.fundamentals import balance_sheet, derived_figures
    from riskwatch.services.fundamentals import stored_facts

    def read(symbol: str, price_usd: float | None, now: datetime) -> BalanceData:
        cached = repository.cached(symbol)
        sheet = balance_sheet(symbol, stored_facts(repository, symbol))
        contracts, maturities = tuple(repository.contracts(symbol)), tuple(repository.maturities(symbol))
        gone = repository.unavailable(symbol) if hasattr(repository, "unavailable") else None
        problem = "" if sheet.latest else ("no_xbrl" if cached is not None or gone else "no_filings")
        return BalanceData(symbol, dict(sheet.latest),
                           derived_figures(sheet, price_usd, None, maturities, contracts, now),
                           contracts, maturities, problem)

    return read


def build_balance_tab(window, *, read, repository) -> BalanceTab:
    """The "Bilanz" tab in ``window`` (a MainWindow); kept as ``window.balance_tab``."""
    window.balance_tab = BalanceTab(window, read=read, repository=repository)
    return window.balance_tab


__all__ = ["BalanceTab", "balance_reader", "build_balance_tab"]
