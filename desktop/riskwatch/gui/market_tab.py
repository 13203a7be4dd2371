"""The market tab's wiring in the main window: the panel as the tab after the overview, the regime strip on top of
the overview,
both fed with every shown CycleResult (live cycles and replay steps go through ``MainWindow.show_result``,
which announces each on the ChangeHub), and the market dialog, whose saved choices the next cycle uses.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from riskwatch.gui.views.market_view import MarketView
from riskwatch.gui.views.regime_strip import RegimeStrip


class MarketTab(QObject):
    """Owns nothing the window does not show; ``setup`` is the app's MarketSetup (None: the dialog is off)."""

    def __init__(self, window, *, setup=None, read_basket: Callable | None = None,
                 bundled_source: Callable[[str], str | None] | None = None):
        super().__init__(window)
        self._window = window
        self._setup = setup
        self._read_basket = read_basket
        self.view = MarketView(bundled_source=bundled_source)
        self.view.edit_button.setEnabled(setup is not None and read_basket is not None)
        self.view.edit_requested.connect(self.edit)
        self.strip = RegimeStrip()
        self.strip.clicked.connect(self._on_strip_clicked)
        # after the overview, which opens first with the figures of the store at once (the regime needs the first
        # cycle's baskets) and shows the regime on top, in the strip
        window.tabs.insertTab(window.tabs.indexOf(window.dashboard) + 1, self.view, "")
        window.dashboard.layout().insertWidget(0, self.strip)
        window.hub.result_shown.connect(self._on_hub_result_shown)
        self.dialog = None

    def _on_hub_result_shown(self, result) -> None:
        self.view.show_result(result)
        self.strip.show_result(result)

    def _on_strip_clicked(self) -> None:
        self._window.tabs.setCurrentWidget(self.view)

    def edit(self) -> None:
        """The market dialog; on OK the next cycle prices the new baskets and counts by the new rules."""
        from riskwatch.gui.dialogs.market_dialog import MarketDialog

        if self._setup is None or self._read_basket is None:
            return
        self.dialog = MarketDialog(self._setup, read_basket=self._read_basket, parent=self._window)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()

    def _on_dialog_accepted(self) -> None:
        self._window.refresh_now()


__all__ = ["MarketTab"]
